// The mail outbox: e-mails are queued in the same transaction as what caused them, sent later by
// the outbox sender, which leases a row (state "sending", locked_until) so that two senders never
// send the same mail, and gives it a Message-ID once, kept across retries.
import { type Kysely, sql, type Transaction } from "kysely";
import { toIso as iso } from "../../domain/business-time/iso.ts";
import type { Database } from "../schema.ts";
import { count, fromJson, instant, instantOrNull, newId, toJson } from "../values.ts";

type Db = Kysely<Database> | Transaction<Database>;

export const OUTBOX_STATES = ["queued", "sending", "sent", "failed", "held"] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
/** "auto-reply" mails carry Auto-Submitted and count toward the loop limits. */
export type OutboxKind = "mail" | "auto-reply";

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
  kind?: OutboxKind;
  /** When it is queued (epoch ms); defaults to the system clock. */
  at?: number;
}

/** Queues a mail (state "queued"); returns its id, or the existing one for a repeated key. */
export async function enqueue(db: Db, mail: OutgoingMail): Promise<string> {
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
      kind: mail.kind ?? "mail",
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

export interface OutboxMail {
  workspaceId: string;
  id: string;
  idempotencyKey: string;
  kind: OutboxKind;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  relatedRequestId: string | null;
  state: OutboxState;
  /** Including the attempt that holds the lease now. */
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  messageId: string | null;
  createdAt: string;
  sentAt: string | null;
}

type Row = Database["outbox"] extends infer T ? { [K in keyof T]: unknown } : never;

function toMail(row: Row): OutboxMail {
  return {
    workspaceId: row.workspace_id as string,
    id: row.id as string,
    idempotencyKey: row.idempotency_key as string,
    kind: (row.kind as OutboxKind) ?? "mail",
    to: row.to_address as string,
    subject: row.subject as string,
    text: row.text_body as string,
    html: row.html_body as string | null,
    headers: fromJson<Record<string, string>>(row.headers) ?? {},
    relatedRequestId: row.related_request_id as string | null,
    state: row.state as OutboxState,
    attempts: Number(row.attempts),
    nextAttemptAt: instant(row.next_attempt_at),
    lastError: row.last_error as string | null,
    messageId: (row.message_id as string | null) ?? null,
    createdAt: instant(row.created_at),
    sentAt: instantOrNull(row.sent_at),
  };
}

/**
 * Leases up to `limit` mails due at `now` until now + leaseMs: queued (and, when `includeHeld`,
 * held) ones whose time has come, and "sending" ones whose lease ran out (their sender died, the
 * outcome is unknown: the retry keeps the Message-ID). Each claim is a conditional update, so two
 * senders never hold the same mail. A mail without a Message-ID gets `<id@messageIdDomain>`.
 */
export async function claimDueMail(
  db: Db,
  now: number,
  options: { leaseMs: number; limit: number; includeHeld: boolean; messageIdDomain: string },
): Promise<OutboxMail[]> {
  const at = iso(now);
  const waiting = options.includeHeld ? ["queued", "held"] : ["queued"];
  const candidates = await db
    .selectFrom("outbox")
    .select(["workspace_id", "id", "attempts", "state"])
    .where((eb) =>
      eb.or([
        eb.and([eb("state", "in", waiting), eb("next_attempt_at", "<=", at)]),
        eb.and([eb("state", "=", "sending"), eb("locked_until", "<", at)]),
      ]),
    )
    .orderBy("next_attempt_at")
    .limit(options.limit)
    .execute();
  const claimed: OutboxMail[] = [];
  for (const c of candidates) {
    let q = db
      .updateTable("outbox")
      .set({
        state: "sending",
        locked_until: iso(now + options.leaseMs),
        attempts: Number(c.attempts) + 1,
        message_id: sql<string>`coalesce(message_id, ${`${c.id}@${options.messageIdDomain}`})`,
      })
      .where("workspace_id", "=", c.workspace_id)
      .where("id", "=", c.id)
      .where("state", "=", c.state)
      .where("attempts", "=", Number(c.attempts));
    if (c.state === "sending") q = q.where("locked_until", "<", at);
    const result = await q.executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) continue;
    const row = await db
      .selectFrom("outbox")
      .selectAll()
      .where("workspace_id", "=", c.workspace_id)
      .where("id", "=", c.id)
      .executeTakeFirst();
    if (row) claimed.push(toMail(row as Row));
  }
  return claimed;
}

/** Ends a lease. Only the holder of the lease (state "sending", same attempt) can end it. */
async function settle(
  db: Db,
  mail: Pick<OutboxMail, "workspaceId" | "id" | "attempts">,
  values: Record<string, unknown>,
): Promise<boolean> {
  const result = await db
    .updateTable("outbox")
    .set({ locked_until: null, ...values })
    .where("workspace_id", "=", mail.workspaceId)
    .where("id", "=", mail.id)
    .where("state", "=", "sending")
    .where("attempts", "=", mail.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function markSent(db: Db, mail: OutboxMail, at: number): Promise<boolean> {
  return settle(db, mail, { state: "sent", sent_at: iso(at), last_error: null });
}

export function markRetry(
  db: Db,
  mail: OutboxMail,
  error: string,
  nextAttemptAt: number,
): Promise<boolean> {
  return settle(db, mail, {
    state: "queued",
    last_error: error.slice(0, 2000),
    next_attempt_at: iso(nextAttemptAt),
  });
}

export function markFailed(db: Db, mail: OutboxMail, error: string): Promise<boolean> {
  return settle(db, mail, { state: "failed", last_error: error.slice(0, 2000) });
}

/** Without a transport, due queued mail is held (kept, shown as "not sent"), not attempted. */
export async function holdQueued(db: Db, now: number, reason: string): Promise<number> {
  const result = await db
    .updateTable("outbox")
    .set({ state: "held", last_error: reason })
    .where("state", "=", "queued")
    .where("next_attempt_at", "<=", iso(now))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function getMail(db: Db, workspaceId: string, id: string): Promise<OutboxMail | null> {
  const row = await db
    .selectFrom("outbox")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toMail(row as Row) : null;
}

export interface OutboxFilter {
  state?: OutboxState | undefined;
  requestId?: string | undefined;
  limit: number;
  offset: number;
}

/** The workspace's mails, newest first, and how many match in all. */
export async function listMail(
  db: Db,
  workspaceId: string,
  f: OutboxFilter,
): Promise<{ items: OutboxMail[]; total: number }> {
  let q = db.selectFrom("outbox").where("workspace_id", "=", workspaceId);
  if (f.state) q = q.where("state", "=", f.state);
  if (f.requestId) q = q.where("related_request_id", "=", f.requestId);
  const rows = await q
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const total = await q.select((eb) => eb.fn.countAll().as("n")).executeTakeFirst();
  return { items: rows.map((r) => toMail(r as Row)), total: count(total?.n) };
}

/** Puts a failed, held or waiting mail back in the queue now; false when it is sent or sending. */
export async function requeue(
  db: Db,
  workspaceId: string,
  id: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable("outbox")
    .set({ state: "queued", attempts: 0, next_attempt_at: iso(now), locked_until: null })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("state", "in", ["queued", "failed", "held"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** How many auto-replies went to an address since an instant (the loop brake). */
export async function countAutoRepliesTo(
  db: Db,
  workspaceId: string,
  to: string,
  since: number,
): Promise<number> {
  const row = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("workspace_id", "=", workspaceId)
    .where("to_address", "=", to)
    .where("kind", "=", "auto-reply")
    .where("created_at", ">=", iso(since))
    .executeTakeFirst();
  return count(row?.n);
}

/** The request an outgoing mail with one of these Message-IDs belonged to, if any. */
export async function requestOfMessageIds(
  db: Db,
  workspaceId: string,
  messageIds: string[],
): Promise<string | null> {
  if (messageIds.length === 0) return null;
  const row = await db
    .selectFrom("outbox")
    .select("related_request_id")
    .where("workspace_id", "=", workspaceId)
    .where("message_id", "in", messageIds)
    .where("related_request_id", "is not", null)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  return row?.related_request_id ?? null;
}
