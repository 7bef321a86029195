// Inbound mail: messages (unique by Message-ID per workspace) with their attachments, the thread
// row of each request opened by e-mail (sender, unknown-sender flag, last auto-reply) and the
// IMAP cursors. A message is stored first ("received"), then linked to its request.
import type { Kysely, Transaction } from "kysely";
import { toIso as iso } from "../../domain/business-time/iso.ts";
import type { Database } from "../schema.ts";
import { count, fromJson, instant, instantOrNull, toJson } from "../values.ts";
import { isUniqueViolation } from "./unique-violation.ts";

type Db = Kysely<Database> | Transaction<Database>;

export type MessageState = "received" | "taken" | "threaded";

export interface NewAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  /** Null when the attachment is over the size cap: listed, not kept. */
  content: Uint8Array | null;
}

export interface NewMessage {
  workspaceId: string;
  id: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string;
  fromName: string | null;
  replyTo: string | null;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  writtenAt: number;
  receivedAt: number;
  transport: "smtp" | "imap";
  automatic: string | null;
  size: number;
  truncated: boolean;
  attachments: NewAttachment[];
  createdAt: number;
}

export interface StoredMessage {
  id: string;
  requestId: string | null;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string;
  fromName: string | null;
  replyTo: string | null;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  writtenAt: string;
  receivedAt: string;
  transport: string;
  automatic: string | null;
  unknownSender: boolean;
  state: MessageState;
  attempts: number;
  lastError: string | null;
  size: number;
  truncated: boolean;
}

export interface AttachmentInfo {
  id: string;
  messageId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  stored: boolean;
}

/**
 * Stores a message and its attachments in one transaction; false when the workspace already has
 * a message with this Message-ID (a duplicate delivery).
 */
export async function insertMessage(db: Kysely<Database>, m: NewMessage): Promise<boolean> {
  const row = {
    workspace_id: m.workspaceId,
    id: m.id,
    request_id: null,
    message_id: m.messageId,
    in_reply_to: m.inReplyTo,
    reference_ids: toJson(m.references),
    from_address: m.fromAddress,
    from_name: m.fromName,
    reply_to: m.replyTo,
    to_addresses: toJson(m.to),
    subject: m.subject,
    text_body: m.text,
    html_body: m.html,
    written_at: iso(m.writtenAt),
    received_at: iso(m.receivedAt),
    transport: m.transport,
    automatic: m.automatic,
    state: "received",
    last_error: null,
    size: m.size,
    truncated: m.truncated ? 1 : 0,
    created_at: iso(m.createdAt),
  };
  const insert = async (q: Db) => {
    const inserted = await q
      .insertInto("messages")
      .values(row)
      .onConflict((c) => c.columns(["workspace_id", "message_id"]).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  };
  try {
    // One statement is atomic on its own; attachments go in the same transaction as their message.
    if (m.attachments.length === 0) return await insert(db);
    return await db.transaction().execute(async (trx) => {
      if (!(await insert(trx))) return false;
      await trx
        .insertInto("attachments")
        .values(
          m.attachments.map((a, position) => ({
            workspace_id: m.workspaceId,
            id: a.id,
            message_id: m.id,
            filename: a.filename,
            content_type: a.contentType,
            size: a.size,
            sha256: a.sha256,
            content: a.content,
            position,
            created_at: iso(m.createdAt),
          })),
        )
        .execute();
      return true;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** The client who owns one of these addresses (first match in order), as mail needs it. */
export async function senderClient(
  db: Db,
  workspaceId: string,
  addresses: string[],
): Promise<{ id: string; name: string; locale: string; timezone: string | null } | null> {
  const wanted = [...new Set(addresses.filter(Boolean).map((a) => a.trim().toLowerCase()))];
  if (wanted.length === 0) return null;
  const rows = await db
    .selectFrom("client_emails as e")
    .innerJoin("clients as c", (j) =>
      j.onRef("c.workspace_id", "=", "e.workspace_id").onRef("c.id", "=", "e.client_id"),
    )
    .select(["e.email", "c.id", "c.name", "c.locale", "c.timezone"])
    .where("e.workspace_id", "=", workspaceId)
    .where("e.email", "in", wanted)
    .execute();
  for (const address of wanted) {
    const r = rows.find((row) => row.email === address);
    if (r) return { id: r.id, name: r.name, locale: r.locale, timezone: r.timezone };
  }
  return null;
}

/** The stored form of a message just inserted (saves reading it back). */
export function storedFromNew(m: NewMessage): StoredMessage {
  return {
    id: m.id,
    requestId: null,
    messageId: m.messageId,
    inReplyTo: m.inReplyTo,
    references: m.references,
    fromAddress: m.fromAddress,
    fromName: m.fromName,
    replyTo: m.replyTo,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    writtenAt: iso(m.writtenAt),
    receivedAt: iso(m.receivedAt),
    transport: m.transport,
    automatic: m.automatic,
    unknownSender: false,
    state: "received",
    attempts: 0,
    lastError: null,
    size: m.size,
    truncated: m.truncated,
  };
}

type Row = Database["messages"] extends infer T ? { [K in keyof T]: unknown } : never;

function toMessage(row: Row): StoredMessage {
  return {
    id: row.id as string,
    requestId: row.request_id as string | null,
    messageId: row.message_id as string,
    inReplyTo: row.in_reply_to as string | null,
    references: fromJson<string[]>(row.reference_ids) ?? [],
    fromAddress: row.from_address as string,
    fromName: row.from_name as string | null,
    replyTo: row.reply_to as string | null,
    to: fromJson<string[]>(row.to_addresses) ?? [],
    subject: row.subject as string,
    text: row.text_body as string,
    html: row.html_body as string | null,
    writtenAt: instant(row.written_at),
    receivedAt: instant(row.received_at),
    transport: row.transport as string,
    automatic: row.automatic as string | null,
    unknownSender: Number(row.unknown_sender) === 1,
    state: row.state as MessageState,
    attempts: Number(row.attempts),
    lastError: row.last_error as string | null,
    size: Number(row.size),
    truncated: Number(row.truncated) === 1,
  };
}

export async function getMessage(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<StoredMessage | null> {
  const row = await db
    .selectFrom("messages")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toMessage(row as Row) : null;
}

export async function findByMessageId(
  db: Db,
  workspaceId: string,
  messageId: string,
): Promise<StoredMessage | null> {
  const row = await db
    .selectFrom("messages")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("message_id", "=", messageId)
    .executeTakeFirst();
  return row ? toMessage(row as Row) : null;
}

/** The request an earlier inbound message with one of these Message-IDs belongs to, if any. */
export async function requestOfInboundIds(
  db: Db,
  workspaceId: string,
  messageIds: string[],
): Promise<string | null> {
  if (messageIds.length === 0) return null;
  const row = await db
    .selectFrom("messages")
    .select("request_id")
    .where("workspace_id", "=", workspaceId)
    .where("message_id", "in", messageIds)
    .where("request_id", "is not", null)
    .orderBy("received_at", "desc")
    .executeTakeFirst();
  return row?.request_id ?? null;
}

/** Links a received message to its request; false when another worker already did. */
export async function linkMessage(
  db: Db,
  workspaceId: string,
  id: string,
  requestId: string,
  state: Exclude<MessageState, "received">,
  unknownSender: boolean,
): Promise<boolean> {
  const result = await db
    .updateTable("messages")
    .set({ request_id: requestId, state, unknown_sender: unknownSender ? 1 : 0, last_error: null })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("state", "=", "received")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records a failed intake of a received message (it is retried later). */
export async function noteIntakeFailure(
  db: Db,
  workspaceId: string,
  id: string,
  error: string,
): Promise<void> {
  await db
    .updateTable("messages")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), last_error: error.slice(0, 2000) }))
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("state", "=", "received")
    .execute();
}

/** Messages stored but not yet taken in (a charter was missing, the process stopped…). */
export async function pendingMessages(
  db: Db,
  before: number,
  limit: number,
): Promise<{ workspaceId: string; id: string }[]> {
  const rows = await db
    .selectFrom("messages")
    .select(["workspace_id", "id"])
    .where("state", "=", "received")
    .where("received_at", "<=", iso(before))
    .orderBy("received_at")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ workspaceId: r.workspace_id, id: r.id }));
}

/** The inbound messages of a request, oldest first. */
export async function messagesOfRequest(
  db: Db,
  workspaceId: string,
  requestId: string,
): Promise<StoredMessage[]> {
  const rows = await db
    .selectFrom("messages")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("request_id", "=", requestId)
    .orderBy("received_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => toMessage(r as Row));
}

export async function attachmentsOfMessages(
  db: Db,
  workspaceId: string,
  messageIds: string[],
): Promise<AttachmentInfo[]> {
  if (messageIds.length === 0) return [];
  const rows = await db
    .selectFrom("attachments")
    .select(["id", "message_id", "filename", "content_type", "size", "sha256"])
    .select((eb) => eb("content", "is not", null).as("stored"))
    .where("workspace_id", "=", workspaceId)
    .where("message_id", "in", messageIds)
    .orderBy("message_id")
    .orderBy("position")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    messageId: r.message_id,
    filename: r.filename,
    contentType: r.content_type,
    size: Number(r.size),
    sha256: r.sha256,
    stored: r.stored === true || Number(r.stored) === 1,
  }));
}

export async function getAttachment(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<(AttachmentInfo & { content: Uint8Array | null }) | null> {
  const r = await db
    .selectFrom("attachments")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    messageId: r.message_id,
    filename: r.filename,
    contentType: r.content_type,
    size: Number(r.size),
    sha256: r.sha256,
    stored: r.content !== null,
    content: r.content,
  };
}

// --- threads -------------------------------------------------------------------------------

export interface MailThread {
  requestId: string;
  fromAddress: string;
  unknownSender: boolean;
  messageCount: number;
  lastMessageAt: string;
  lastAutoReplyAt: string | null;
}

/** The thread row of a request taken in by e-mail (kept when it exists already). */
export async function openThread(
  db: Db,
  t: { workspaceId: string; requestId: string; fromAddress: string; unknownSender: boolean },
  at: number,
): Promise<void> {
  await db
    .insertInto("mail_threads")
    .values({
      workspace_id: t.workspaceId,
      request_id: t.requestId,
      from_address: t.fromAddress,
      unknown_sender: t.unknownSender ? 1 : 0,
      message_count: 1,
      last_message_at: iso(at),
      last_auto_reply_at: null,
      created_at: iso(at),
    })
    .onConflict((c) => c.columns(["workspace_id", "request_id"]).doNothing())
    .execute();
}

/** Counts one more message in a thread (a reply appended to its request). */
export async function touchThread(
  db: Db,
  workspaceId: string,
  requestId: string,
  at: number,
): Promise<void> {
  await db
    .updateTable("mail_threads")
    .set((eb) => ({ message_count: eb("message_count", "+", 1), last_message_at: iso(at) }))
    .where("workspace_id", "=", workspaceId)
    .where("request_id", "=", requestId)
    .execute();
}

/**
 * Takes the thread's auto-reply slot: true (and the slot is marked at `at`) only when no
 * auto-reply went out in this thread since `since`. One conditional update, so two deliveries
 * racing on the same thread cannot both win.
 */
export async function takeAutoReplySlot(
  db: Db,
  workspaceId: string,
  requestId: string,
  at: number,
  since: number,
): Promise<boolean> {
  const result = await db
    .updateTable("mail_threads")
    .set({ last_auto_reply_at: iso(at) })
    .where("workspace_id", "=", workspaceId)
    .where("request_id", "=", requestId)
    .where((eb) =>
      eb.or([eb("last_auto_reply_at", "is", null), eb("last_auto_reply_at", "<=", iso(since))]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function getThread(
  db: Db,
  workspaceId: string,
  requestId: string,
): Promise<MailThread | null> {
  const r = await db
    .selectFrom("mail_threads")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("request_id", "=", requestId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    requestId: r.request_id,
    fromAddress: r.from_address,
    unknownSender: Number(r.unknown_sender) === 1,
    messageCount: Number(r.message_count),
    lastMessageAt: instant(r.last_message_at),
    lastAutoReplyAt: instantOrNull(r.last_auto_reply_at),
  };
}

export interface UnknownSenderItem {
  requestId: string;
  fromAddress: string;
  subject: string;
  status: string;
  receivedAt: string;
  dueAt: string;
  messageCount: number;
  lastMessageAt: string;
}

/** The "unknown" queue: requests opened by mail from an address no client has, newest first. */
export async function listUnknownSenders(
  db: Db,
  workspaceId: string,
  page: { status?: string | undefined; limit: number; offset: number },
): Promise<{ items: UnknownSenderItem[]; total: number }> {
  let q = db
    .selectFrom("mail_threads as t")
    .innerJoin("requests as r", (j) =>
      j.onRef("r.workspace_id", "=", "t.workspace_id").onRef("r.id", "=", "t.request_id"),
    )
    .where("t.workspace_id", "=", workspaceId)
    .where("t.unknown_sender", "=", 1);
  if (page.status) q = q.where("r.status", "=", page.status);
  const rows = await q
    .select([
      "t.request_id",
      "t.from_address",
      "t.message_count",
      "t.last_message_at",
      "r.subject",
      "r.status",
      "r.received_at",
      "r.due_at",
    ])
    .orderBy("t.last_message_at", "desc")
    .orderBy("t.request_id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await q.select((eb) => eb.fn.countAll().as("n")).executeTakeFirst();
  return {
    items: rows.map((r) => ({
      requestId: r.request_id,
      fromAddress: r.from_address,
      subject: r.subject,
      status: r.status,
      receivedAt: instant(r.received_at),
      dueAt: instant(r.due_at),
      messageCount: Number(r.message_count),
      lastMessageAt: instant(r.last_message_at),
    })),
    total: count(total?.n),
  };
}

// --- IMAP cursors --------------------------------------------------------------------------

export async function getCursor(
  db: Db,
  id: string,
): Promise<{ uidValidity: string; lastUid: number } | null> {
  const r = await db.selectFrom("mail_cursors").selectAll().where("id", "=", id).executeTakeFirst();
  return r ? { uidValidity: r.uid_validity, lastUid: Number(r.last_uid) } : null;
}

export async function saveCursor(
  db: Db,
  id: string,
  uidValidity: string,
  lastUid: number,
  at: number,
): Promise<void> {
  await db
    .insertInto("mail_cursors")
    .values({ id, uid_validity: uidValidity, last_uid: lastUid, updated_at: iso(at) })
    .onConflict((c) =>
      c
        .column("id")
        .doUpdateSet({ uid_validity: uidValidity, last_uid: lastUid, updated_at: iso(at) }),
    )
    .execute();
}

/** The Message-ID of the latest inbound message of a request (to thread an answer to it). */
export async function lastInboundMessageId(
  db: Db,
  workspaceId: string,
  requestId: string,
): Promise<{ messageId: string; references: string[] } | null> {
  const row = await db
    .selectFrom("messages")
    .select(["message_id", "reference_ids"])
    .where("workspace_id", "=", workspaceId)
    .where("request_id", "=", requestId)
    .orderBy("received_at", "desc")
    .executeTakeFirst();
  return row
    ? { messageId: row.message_id, references: fromJson<string[]>(row.reference_ids) ?? [] }
    : null;
}
