// The e-mail channel: inbound messages (deduplicated by Message-ID per workspace, linked to the
// request they opened or continue), their attachments (kept in the database, size-capped), one
// thread row per request taken in by e-mail (sender, unknown-sender flag, last auto-reply), IMAP
// cursors, and what the outbox sender needs (a lease, a stable Message-ID, the kind of mail).
import { type Kysely, type Migration, sql } from "kysely";
import type { Engine } from "../engine.ts";

export function mail(engine: Engine): Migration {
  const instant = engine === "postgres" ? sql`timestamptz` : sql`text`;
  const json = engine === "postgres" ? sql`jsonb` : sql`text`;
  const bytes = engine === "postgres" ? sql`bytea` : sql`blob`;
  return {
    async up(db: Kysely<unknown>) {
      const s = db.schema;
      await s
        .createTable("messages")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("request_id", "text") // null until the message is taken in or threaded
        .addColumn("message_id", "text", (c) => c.notNull()) // RFC 5322 Message-ID, no brackets
        .addColumn("in_reply_to", "text")
        .addColumn("reference_ids", json, (c) => c.notNull())
        .addColumn("from_address", "text", (c) => c.notNull())
        .addColumn("from_name", "text")
        .addColumn("reply_to", "text")
        .addColumn("to_addresses", json, (c) => c.notNull())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("text_body", "text", (c) => c.notNull())
        .addColumn("html_body", "text")
        .addColumn("written_at", instant, (c) => c.notNull()) // Date header, bounded by arrival
        .addColumn("received_at", instant, (c) => c.notNull()) // arrival
        .addColumn("transport", "text", (c) => c.notNull()) // smtp | imap
        .addColumn("automatic", "text") // why it counts as automatic mail, null when it does not
        .addColumn("unknown_sender", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("state", "text", (c) => c.notNull()) // received | taken | threaded
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("last_error", "text")
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("truncated", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", instant, (c) => c.notNull())
        .addPrimaryKeyConstraint("messages_pk", ["workspace_id", "id"])
        .execute();
      await s
        .createIndex("messages_message_id")
        .on("messages")
        .columns(["workspace_id", "message_id"])
        .unique()
        .execute();
      await s
        .createIndex("messages_request")
        .on("messages")
        .columns(["workspace_id", "request_id", "received_at"])
        .execute();
      await s
        .createIndex("messages_pending")
        .on("messages")
        .columns(["state", "received_at"])
        .execute();

      await s
        .createTable("attachments")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("message_id", "text", (c) => c.notNull()) // messages.id
        .addColumn("filename", "text", (c) => c.notNull())
        .addColumn("content_type", "text", (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("sha256", "text", (c) => c.notNull())
        .addColumn("content", bytes) // null when over the size cap (listed, not kept)
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addPrimaryKeyConstraint("attachments_pk", ["workspace_id", "id"])
        .addForeignKeyConstraint(
          "attachments_message",
          ["workspace_id", "message_id"],
          "messages",
          ["workspace_id", "id"],
          (c) => c.onDelete("cascade"),
        )
        .execute();
      await s
        .createIndex("attachments_message")
        .on("attachments")
        .columns(["workspace_id", "message_id", "position"])
        .execute();

      await s
        .createTable("mail_threads")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("request_id", "text", (c) => c.notNull())
        .addColumn("from_address", "text", (c) => c.notNull())
        .addColumn("unknown_sender", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("message_count", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("last_message_at", instant, (c) => c.notNull())
        .addColumn("last_auto_reply_at", instant)
        .addColumn("created_at", instant, (c) => c.notNull())
        .addPrimaryKeyConstraint("mail_threads_pk", ["workspace_id", "request_id"])
        .execute();
      await s
        .createIndex("mail_threads_unknown")
        .on("mail_threads")
        .columns(["workspace_id", "unknown_sender", "last_message_at"])
        .execute();

      await s
        .createTable("mail_cursors")
        .addColumn("id", "text", (c) => c.primaryKey()) // e.g. imap:user@host:993/INBOX
        .addColumn("uid_validity", "text", (c) => c.notNull())
        .addColumn("last_uid", "integer", (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .execute();

      await s.alterTable("outbox").addColumn("message_id", "text").execute();
      await s.alterTable("outbox").addColumn("locked_until", instant).execute();
      await s
        .alterTable("outbox")
        .addColumn("kind", "text", (c) => c.notNull().defaultTo("mail"))
        .execute();
      await s
        .createIndex("outbox_message_id")
        .on("outbox")
        .columns(["workspace_id", "message_id"])
        .execute();
      await s
        .createIndex("outbox_request")
        .on("outbox")
        .columns(["workspace_id", "related_request_id", "created_at"])
        .execute();
      await s
        .createIndex("outbox_recipient")
        .on("outbox")
        .columns(["workspace_id", "to_address", "kind", "created_at"])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      const s = db.schema;
      await s.dropIndex("outbox_recipient").ifExists().execute();
      await s.dropIndex("outbox_request").ifExists().execute();
      await s.dropIndex("outbox_message_id").ifExists().execute();
      await s.alterTable("outbox").dropColumn("kind").execute();
      await s.alterTable("outbox").dropColumn("locked_until").execute();
      await s.alterTable("outbox").dropColumn("message_id").execute();
      for (const table of ["mail_cursors", "mail_threads", "attachments", "messages"]) {
        await s.dropTable(table).ifExists().execute();
      }
    },
  };
}
