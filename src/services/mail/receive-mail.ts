// Inbound mail, from the SMTP listener or the IMAP poller: parse once, then for each workspace it
// is addressed to, store the message (deduplicated by Message-ID) before anything else, and take
// it in. A message that cannot be taken in yet (no published charter, a database hiccup) stays
// stored as "received" and is retried by the mail.intake job: nothing a client sends is lost.
import { automaticReason } from "../../mail/automatic.ts";
import { type ParsedMessage, parseMessage } from "../../mail/parse.ts";
import {
  insertMessage,
  type NewAttachment,
  type NewMessage,
  noteIntakeFailure,
  storedFromNew,
} from "../../store/repositories/mail.ts";
import { newId } from "../../store/values.ts";
import type { AppContext } from "../context.ts";
import { type ProcessResult, processMessage } from "./process-message.ts";

/** A Date header may be late (queues, polling) but not later than arrival, nor days earlier. */
const MAX_DATE_LAG_MS = 3 * 86_400_000;

export interface Delivery {
  transport: "smtp" | "imap";
  workspaceIds: string[];
  /** The SMTP envelope sender ("" for the null sender); undefined when unknown (IMAP). */
  mailFrom?: string | undefined;
  /** When the message reached us (SMTP) or the mailbox (IMAP INTERNALDATE), epoch ms. */
  arrivedAt: number;
  /** The message was cut at the size cap (IMAP). */
  truncated?: boolean;
}

export interface ReceiveResult {
  workspaceId: string;
  /** Our id of the stored message (the first one, for a duplicate). */
  duplicate: boolean;
  messageRowId: string | null;
  /** The request it opened or joined; null while it waits to be taken in. */
  requestId: string | null;
  outcome: ProcessResult["outcome"] | "pending" | "duplicate";
}

export function boundedDate(date: number | null, arrivedAt: number): number {
  if (date === null) return arrivedAt;
  return Math.max(Math.min(date, arrivedAt), arrivedAt - MAX_DATE_LAG_MS);
}

function attachmentsOf(parsed: ParsedMessage, cap: number): NewAttachment[] {
  return parsed.attachments.map((a) => ({
    id: newId(),
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    content: a.size <= cap ? a.content : null,
  }));
}

export async function receiveMail(
  ctx: AppContext,
  raw: Buffer,
  delivery: Delivery,
): Promise<ReceiveResult[]> {
  const parsed = await parseMessage(raw);
  const automatic = automaticReason({
    headers: parsed.headers,
    from: parsed.from?.address ?? null,
    envelopeFrom: delivery.mailFrom,
  });
  const results: ReceiveResult[] = [];
  for (const workspaceId of new Set(delivery.workspaceIds)) {
    const id = newId();
    const message: NewMessage = {
      workspaceId,
      id,
      messageId: parsed.messageId,
      inReplyTo: parsed.inReplyTo,
      references: parsed.references,
      fromAddress: parsed.from?.address ?? "",
      fromName: parsed.from?.name ?? null,
      replyTo: parsed.replyTo,
      to: parsed.to,
      subject: parsed.subject,
      text: parsed.text,
      html: parsed.html,
      writtenAt: boundedDate(parsed.date, delivery.arrivedAt),
      receivedAt: delivery.arrivedAt,
      transport: delivery.transport,
      automatic,
      size: parsed.size,
      truncated: delivery.truncated ?? false,
      attachments: attachmentsOf(parsed, ctx.config.mail.maxAttachmentBytes),
      createdAt: ctx.now(),
    };
    if (!(await insertMessage(ctx.db, message))) {
      results.push({
        workspaceId,
        duplicate: true,
        messageRowId: null,
        requestId: null,
        outcome: "duplicate",
      });
      continue;
    }
    try {
      const processed = await processMessage(ctx, workspaceId, storedFromNew(message));
      results.push({
        workspaceId,
        duplicate: false,
        messageRowId: id,
        requestId: processed.requestId,
        outcome: processed.outcome,
      });
    } catch (error) {
      await noteIntakeFailure(ctx.db, workspaceId, id, describe(error));
      results.push({
        workspaceId,
        duplicate: false,
        messageRowId: id,
        requestId: null,
        outcome: "pending",
      });
    }
  }
  return results;
}

function describe(error: unknown): string {
  if (error && typeof error === "object" && "key" in error) return String(error.key);
  return error instanceof Error ? error.message : String(error);
}
