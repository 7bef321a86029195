// Takes in one stored message. A reply in a known thread (In-Reply-To / References naming one of
// our messages, received or sent) joins that request's conversation, reopening it when it was
// answered or closed; anything else goes through the same intake as the portal (takeRequest,
// channel "email"), keyed by the Message-ID so a retry never makes a second request. Senders no
// client has are kept as requests without a client, flagged in the thread (the "unknown" queue).
import { createHash } from "node:crypto";
import { requestSchema } from "../../domain/decide/types.ts";
import {
  getMessage,
  linkMessage,
  openThread,
  requestOfInboundIds,
  type StoredMessage,
  senderClient,
  touchThread,
} from "../../store/repositories/mail.ts";
import { requestOfMessageIds } from "../../store/repositories/outbox.ts";
import { getRequest, updateRequest } from "../../store/repositories/requests.ts";
import type { AppContext } from "../context.ts";
import { dryRun } from "../requests/dry-run.ts";
import { takeRequest } from "../requests/take-request.ts";
import { prepareAutoReply, queuePreparedAutoReply } from "./auto-reply.ts";

export interface ProcessResult {
  requestId: string | null;
  outcome: "taken" | "threaded" | "already";
  /** The outbox id of the auto-reply queued, if any. */
  autoReplyId: string | null;
}

function threadIds(m: StoredMessage): string[] {
  const ids = m.inReplyTo ? [m.inReplyTo] : [];
  for (const id of m.references.toReversed()) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/** The request a reply belongs to: one of our earlier inbound messages, or a mail we sent. */
async function threadOf(ctx: AppContext, workspaceId: string, m: StoredMessage) {
  const ids = threadIds(m).filter((id) => id !== m.messageId);
  if (ids.length === 0) return null;
  const requestId =
    (await requestOfInboundIds(ctx.db, workspaceId, ids)) ??
    (await requestOfMessageIds(ctx.db, workspaceId, ids));
  return requestId ? getRequest(ctx.db, workspaceId, requestId) : null;
}

/** The client who sent it: by From, else by Reply-To. */
function clientOf(ctx: AppContext, workspaceId: string, m: StoredMessage) {
  return senderClient(ctx.db, workspaceId, [m.fromAddress, m.replyTo ?? ""]);
}

function intakeKey(messageId: string): string {
  return `mail:${createHash("sha256").update(messageId).digest("hex").slice(0, 48)}`;
}

export async function processMessage(
  ctx: AppContext,
  workspaceId: string,
  message: string | StoredMessage,
): Promise<ProcessResult> {
  const m = typeof message === "string" ? await getMessage(ctx.db, workspaceId, message) : message;
  if (!m) throw new Error(`No stored message ${String(message)}`);
  if (m.state !== "received")
    return { requestId: m.requestId, outcome: "already", autoReplyId: null };
  const now = ctx.now();
  const client = await clientOf(ctx, workspaceId, m);
  const receivedAt = new Date(Date.parse(m.writtenAt)).toISOString();
  const asRequest = () =>
    requestSchema.parse({ channel: "email", receivedAt, subject: m.subject, body: m.text });

  const thread = await threadOf(ctx, workspaceId, m);
  if (thread) {
    // The reply itself is decided (not stored) so the client hears when it will be read.
    const replying = client && client.id === thread.clientId && !m.automatic ? client : null;
    const prepared = replying
      ? await prepareAutoReply(ctx, {
          workspaceId,
          message: m,
          client: replying,
          decision: await dryRun(ctx, workspaceId, { clientId: replying.id, request: asRequest() }),
        })
      : null;
    const autoReplyId = await ctx.db.transaction().execute(async (trx) => {
      if (!(await linkMessage(trx, workspaceId, m.id, thread.id, "threaded", false))) return null;
      await openThread(
        trx,
        {
          workspaceId,
          requestId: thread.id,
          fromAddress: m.fromAddress,
          unknownSender: !thread.clientId,
        },
        now,
      );
      await touchThread(trx, workspaceId, thread.id, now);
      if (thread.status !== "open") {
        await updateRequest(trx, workspaceId, thread.id, { status: "open", closedAt: null });
      }
      return prepared ? queuePreparedAutoReply(trx, prepared, thread.id, now) : null;
    });
    return { requestId: thread.id, outcome: "threaded", autoReplyId };
  }

  const taken = await takeRequest(ctx, {
    workspaceId,
    clientId: client?.id,
    request: asRequest(),
    source: "email",
    idempotencyKey: intakeKey(m.messageId),
  });
  const prepared =
    client && !m.automatic
      ? await prepareAutoReply(ctx, { workspaceId, message: m, client, decision: taken.decision })
      : null;
  const autoReplyId = await ctx.db.transaction().execute(async (trx) => {
    if (!(await linkMessage(trx, workspaceId, m.id, taken.id, "taken", !client))) return null;
    await openThread(
      trx,
      { workspaceId, requestId: taken.id, fromAddress: m.fromAddress, unknownSender: !client },
      now,
    );
    return prepared ? queuePreparedAutoReply(trx, prepared, taken.id, now) : null;
  });
  return { requestId: taken.id, outcome: "taken", autoReplyId };
}
