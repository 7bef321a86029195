// The mail outbox: e-mails are queued in the same transaction as what caused them, sent later.
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { newId, toJson } from "../values.ts";

export interface OutgoingMail {
  workspaceId: string;
  /** Unique per workspace: queueing the same key twice keeps the first mail. */
  idempotencyKey: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  headers?: Record<string, string>;
  relatedRequestId?: string | null;
  /** When it is queued (epoch ms); defaults to the system clock. */
  at?: number;
}

/** Queues a mail (state "queued"); returns its id, or the existing one for a repeated key. */
export async function enqueue(db: Kysely<Database>, mail: OutgoingMail): Promise<string> {
  const at = new Date(mail.at ?? Date.now()).toISOString();
  const id = newId();
  const inserted = await db
    .insertInto("outbox")
    .values({
      workspace_id: mail.workspaceId,
      id,
      idempotency_key: mail.idempotencyKey,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      headers: toJson(mail.headers ?? {}),
      related_request_id: mail.relatedRequestId ?? null,
      state: "queued",
      next_attempt_at: at,
      last_error: null,
      created_at: at,
      sent_at: null,
    })
    .onConflict((c) => c.columns(["workspace_id", "idempotency_key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await db
    .selectFrom("outbox")
    .select("id")
    .where("workspace_id", "=", mail.workspaceId)
    .where("idempotency_key", "=", mail.idempotencyKey)
    .executeTakeFirstOrThrow();
  return existing.id;
}
