// The first schema: tenants, accounts, charters, offers, clients, engagements, requests and their
// decisions, violations, exceptions, audit log, mail outbox and jobs. Every tenant table starts
// its key with workspace_id. Instants: ISO text on SQLite, timestamptz on PostgreSQL.
import { type Kysely, type Migration, sql } from "kysely";
import type { Engine } from "../engine.ts";

export function init(engine: Engine): Migration {
  const instant = engine === "postgres" ? sql`timestamptz` : sql`text`;
  const json = engine === "postgres" ? sql`jsonb` : sql`text`;
  return {
    async up(db: Kysely<unknown>) {
      const s = db.schema;
      await s
        .createTable("workspaces")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("slug", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("timezone", "text", (c) => c.notNull())
        .addColumn("locale", "text", (c) => c.notNull())
        .addColumn("country", "text", (c) => c.notNull())
        .addColumn("region", "text")
        .addColumn("currency", "text", (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .execute();

      await s
        .createTable("users")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("locale", "text")
        .addColumn("created_at", instant, (c) => c.notNull())
        .execute();

      await s
        .createTable("members")
        .addColumn("workspace_id", "text", (c) =>
          c.notNull().references("workspaces.id").onDelete("cascade"),
        )
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("hours", json)
        .addColumn("created_at", instant, (c) => c.notNull())
        .addPrimaryKeyConstraint("members_pk", ["workspace_id", "user_id"])
        .execute();
      await s.createIndex("members_user").on("members").columns(["user_id"]).execute();

      await s
        .createTable("invitations")
        .addColumn("workspace_id", "text", (c) =>
          c.notNull().references("workspaces.id").onDelete("cascade"),
        )
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("invited_by", "text", (c) => c.notNull())
        .addColumn("expires_at", instant, (c) => c.notNull())
        .addColumn("accepted_at", instant)
        .addColumn("created_at", instant, (c) => c.notNull())
        .addPrimaryKeyConstraint("invitations_pk", ["workspace_id", "id"])
        .execute();

      await s
        .createTable("sessions")
        .addColumn("id_hash", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) =>
          c.notNull().references("workspaces.id").onDelete("cascade"),
        )
        .addColumn("kind", "text", (c) => c.notNull()) // "pro" | "client"
        .addColumn("user_id", "text")
        .addColumn("client_id", "text")
        .addColumn("csrf_token", "text", (c) => c.notNull())
        .addColumn("expires_at", instant, (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .execute();

      await s
        .createTable("api_tokens")
        .addColumn("workspace_id", "text", (c) =>
          c.notNull().references("workspaces.id").onDelete("cascade"),
        )
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("revoked_at", instant)
        .addPrimaryKeyConstraint("api_tokens_pk", ["workspace_id", "id"])
        .execute();

      await s
        .createTable("magic_links")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) =>
          c.notNull().references("workspaces.id").onDelete("cascade"),
        )
        .addColumn("client_id", "text", (c) => c.notNull())
        .addColumn("expires_at", instant, (c) => c.notNull())
        .addColumn("used_at", instant)
        .addColumn("created_at", instant, (c) => c.notNull())
        .execute();

      await s
        .createTable("charter_drafts")
        .addColumn("workspace_id", "text", (c) =>
          c.primaryKey().references("workspaces.id").onDelete("cascade"),
        )
        .addColumn("document", json, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .execute();

      await s
        .createTable("charter_versions")
        .addColumn("workspace_id", "text", (c) =>
          c.notNull().references("workspaces.id").onDelete("cascade"),
        )
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("document", json, (c) => c.notNull())
        .addColumn("published_at", instant, (c) => c.notNull())
        .addColumn("published_by", "text")
        .addPrimaryKeyConstraint("charter_versions_pk", ["workspace_id", "version"])
        .execute();

      await s
        .createTable("offers")
        .addColumn("workspace_id", "text", (c) =>
          c.notNull().references("workspaces.id").onDelete("cascade"),
        )
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("document", json, (c) => c.notNull())
        .addColumn("archived", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addPrimaryKeyConstraint("offers_pk", ["workspace_id", "id"])
        .execute();

      await s
        .createTable("clients")
        .addColumn("workspace_id", "text", (c) =>
          c.notNull().references("workspaces.id").onDelete("cascade"),
        )
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("company", "text")
        .addColumn("locale", "text", (c) => c.notNull())
        .addColumn("timezone", "text")
        .addColumn("notes", "text")
        .addColumn("acknowledged_version", "integer")
        .addColumn("acknowledged_at", instant)
        .addColumn("acknowledged_from", "text")
        .addColumn("archived", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addPrimaryKeyConstraint("clients_pk", ["workspace_id", "id"])
        .execute();

      await s
        .createTable("client_emails")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("client_id", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("client_emails_pk", ["workspace_id", "email"])
        .addForeignKeyConstraint(
          "client_emails_client",
          ["workspace_id", "client_id"],
          "clients",
          ["workspace_id", "id"],
          (c) => c.onDelete("cascade"),
        )
        .execute();

      await s
        .createTable("engagements")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("client_id", "text", (c) => c.notNull())
        .addColumn("offer_id", "text")
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("offer", json, (c) => c.notNull()) // the offer as agreed (a snapshot)
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("starts_on", "text")
        .addColumn("ends_on", "text")
        .addColumn("usage", json, (c) => c.notNull())
        .addColumn("extra_quota", json, (c) => c.notNull())
        .addColumn("extra_items", json, (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addPrimaryKeyConstraint("engagements_pk", ["workspace_id", "id"])
        .addForeignKeyConstraint("engagements_client", ["workspace_id", "client_id"], "clients", [
          "workspace_id",
          "id",
        ])
        .execute();

      await s
        .createTable("deliverables")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("engagement_id", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("due_at", instant, (c) => c.notNull())
        .addColumn("original_due_at", instant, (c) => c.notNull())
        .addColumn("delivered_at", instant)
        .addColumn("position", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("deliverables_pk", ["workspace_id", "id"])
        .addForeignKeyConstraint(
          "deliverables_engagement",
          ["workspace_id", "engagement_id"],
          "engagements",
          ["workspace_id", "id"],
          (c) => c.onDelete("cascade"),
        )
        .execute();

      await s
        .createTable("obligations")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("engagement_id", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("due_at", instant, (c) => c.notNull())
        .addColumn("received_at", instant)
        .addColumn("status", "text", (c) => c.notNull()) // pending | received | late
        .addColumn("shift_business_days", "integer", (c) => c.notNull())
        .addColumn("deliverable_ids", json, (c) => c.notNull())
        .addColumn("consequence_applied_at", instant)
        .addColumn("position", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("obligations_pk", ["workspace_id", "id"])
        .addForeignKeyConstraint(
          "obligations_engagement",
          ["workspace_id", "engagement_id"],
          "engagements",
          ["workspace_id", "id"],
          (c) => c.onDelete("cascade"),
        )
        .execute();
      await s
        .createIndex("obligations_due")
        .on("obligations")
        .columns(["status", "due_at"])
        .execute();

      await s
        .createTable("requests")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("client_id", "text")
        .addColumn("engagement_id", "text")
        .addColumn("channel", "text", (c) => c.notNull())
        .addColumn("received_at", instant, (c) => c.notNull())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("kind", "text")
        .addColumn("input", json, (c) => c.notNull()) // the request exactly as received
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("due_at", instant, (c) => c.notNull())
        .addColumn("decision", json, (c) => c.notNull())
        .addColumn("charter_version", "integer")
        .addColumn("status", "text", (c) => c.notNull()) // open | answered | closed
        .addColumn("reply_locale", "text", (c) => c.notNull())
        .addColumn("reply_subject", "text", (c) => c.notNull())
        .addColumn("reply_body", "text", (c) => c.notNull())
        .addColumn("answered_at", instant)
        .addColumn("closed_at", instant)
        .addColumn("source", "text", (c) => c.notNull()) // api | portal | email | phone-log
        .addColumn("idempotency_key", "text")
        .addColumn("created_at", instant, (c) => c.notNull())
        .addPrimaryKeyConstraint("requests_pk", ["workspace_id", "id"])
        .execute();
      await s
        .createIndex("requests_open_due")
        .on("requests")
        .columns(["workspace_id", "status", "due_at"])
        .execute();
      await s
        .createIndex("requests_client")
        .on("requests")
        .columns(["workspace_id", "client_id", "received_at"])
        .execute();
      await s
        .createIndex("requests_idempotency")
        .on("requests")
        .columns(["workspace_id", "idempotency_key"])
        .unique()
        .execute();

      await s
        .createTable("violations")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("client_id", "text", (c) => c.notNull())
        .addColumn("request_id", "text")
        .addColumn("rule_id", "text", (c) => c.notNull())
        .addColumn("category", "text", (c) => c.notNull())
        .addColumn("params", json, (c) => c.notNull())
        .addColumn("charter_version", "integer")
        .addColumn("occurred_at", instant, (c) => c.notNull())
        .addPrimaryKeyConstraint("violations_pk", ["workspace_id", "id"])
        .execute();
      await s
        .createIndex("violations_client")
        .on("violations")
        .columns(["workspace_id", "client_id", "occurred_at"])
        .execute();

      await s
        .createTable("exceptions")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("client_id", "text", (c) => c.notNull())
        .addColumn("request_id", "text")
        .addColumn("rule_id", "text", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("granted_by", "text")
        .addColumn("created_at", instant, (c) => c.notNull())
        .addPrimaryKeyConstraint("exceptions_pk", ["workspace_id", "id"])
        .execute();
      await s
        .createIndex("exceptions_client")
        .on("exceptions")
        .columns(["workspace_id", "client_id", "created_at"])
        .execute();

      await s
        .createTable("audit_log")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("target", "text")
        .addColumn("data", json, (c) => c.notNull())
        .addColumn("at", instant, (c) => c.notNull())
        .addPrimaryKeyConstraint("audit_log_pk", ["workspace_id", "id"])
        .execute();
      await s.createIndex("audit_log_at").on("audit_log").columns(["workspace_id", "at"]).execute();

      await s
        .createTable("outbox")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("idempotency_key", "text", (c) => c.notNull())
        .addColumn("to_address", "text", (c) => c.notNull())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("text_body", "text", (c) => c.notNull())
        .addColumn("html_body", "text")
        .addColumn("headers", json, (c) => c.notNull())
        .addColumn("related_request_id", "text")
        .addColumn("state", "text", (c) => c.notNull()) // queued | sending | sent | failed | held
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("next_attempt_at", instant, (c) => c.notNull())
        .addColumn("last_error", "text")
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("sent_at", instant)
        .addPrimaryKeyConstraint("outbox_pk", ["workspace_id", "id"])
        .execute();
      await s
        .createIndex("outbox_key")
        .on("outbox")
        .columns(["workspace_id", "idempotency_key"])
        .unique()
        .execute();
      await s
        .createIndex("outbox_due")
        .on("outbox")
        .columns(["state", "next_attempt_at"])
        .execute();

      await s
        .createTable("jobs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text")
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("payload", json, (c) => c.notNull())
        .addColumn("idempotency_key", "text", (c) => c.unique())
        .addColumn("state", "text", (c) => c.notNull()) // queued | running | done | failed
        .addColumn("run_at", instant, (c) => c.notNull())
        .addColumn("locked_until", instant)
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("last_error", "text")
        .addColumn("created_at", instant, (c) => c.notNull())
        .execute();
      await s.createIndex("jobs_due").on("jobs").columns(["state", "run_at"]).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        "jobs",
        "outbox",
        "audit_log",
        "exceptions",
        "violations",
        "requests",
        "obligations",
        "deliverables",
        "engagements",
        "client_emails",
        "clients",
        "offers",
        "charter_versions",
        "charter_drafts",
        "magic_links",
        "api_tokens",
        "sessions",
        "invitations",
        "members",
        "users",
        "workspaces",
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
