// The automatic answer to a client e-mail that is deferred (read at the next check time) or
// redirected (another channel): in the client's language, at most one per thread per 24 hours,
// at most a few per address per 24 hours (a brake on loops with autoresponders that ignore the
// rules), never to automatic mail, never to our own addresses, never to an unknown sender (the
// caller only asks for a client). Prepared outside the transaction; the thread's slot is taken
// and the mail queued inside it, with the message's link to its request.
import type { Transaction } from "kysely";
import type { Decision } from "../../domain/decide/types.ts";
import { renderAutoReply } from "../../domain/replies/auto-reply.ts";
import { textToHtml } from "../../domain/replies/html.ts";
import { automaticReason } from "../../mail/automatic.ts";
import { type StoredMessage, takeAutoReplySlot } from "../../store/repositories/mail.ts";
import { countAutoRepliesTo, enqueue } from "../../store/repositories/outbox.ts";
import type { Database } from "../../store/schema.ts";
import type { AppContext } from "../context.ts";
import { publishedPolicy } from "../requests/policy-cache.ts";
import { slugOfAddress, workspaceForMail } from "./mailboxes.ts";

export const AUTO_REPLY_WINDOW_MS = 24 * 3_600_000;
/** Auto-replies to one address per window, whatever the thread. */
export const AUTO_REPLIES_PER_ADDRESS = 5;

export interface AutoReplyInput {
  workspaceId: string;
  message: StoredMessage;
  client: { id: string; name: string; locale: string; timezone: string | null };
  decision: Decision;
}

export interface PreparedAutoReply {
  workspaceId: string;
  key: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Why no auto-reply goes out, or null when one may. */
export function autoReplyBlocked(
  message: StoredMessage,
  decision: Decision,
  ownAddresses: { inboundDomain: string | null; from: string },
): string | null {
  if (decision.outcome !== "defer" && decision.outcome !== "redirect") return "outcome";
  if (message.automatic) return `automatic:${message.automatic}`;
  const to = message.replyTo ?? message.fromAddress;
  if (!to) return "no-address";
  if (to === ownAddresses.from.toLowerCase()) return "own-address";
  const { inboundDomain } = ownAddresses;
  if (inboundDomain !== null && slugOfAddress(to, inboundDomain) !== null) return "own-address";
  const reason = automaticReason({ headers: new Map(), from: to });
  return reason ? `recipient:${reason}` : null;
}

/** The auto-reply this message should get, or null when the rules say none. */
export async function prepareAutoReply(
  ctx: AppContext,
  input: AutoReplyInput,
): Promise<PreparedAutoReply | null> {
  const { workspaceId, message, client, decision } = input;
  const mail = ctx.config.mail;
  if (autoReplyBlocked(message, decision, mail)) return null;
  const to = message.replyTo ?? message.fromAddress;
  const since = ctx.now() - AUTO_REPLY_WINDOW_MS;
  if ((await countAutoRepliesTo(ctx.db, workspaceId, to, since)) >= AUTO_REPLIES_PER_ADDRESS) {
    return null;
  }
  const [policy, workspace] = await Promise.all([
    publishedPolicy(ctx, workspaceId),
    workspaceForMail(ctx, workspaceId),
  ]);
  const timeZone = client.timezone ?? policy?.charter.timezone ?? workspace?.timezone ?? "UTC";
  const locale = decision.reply.locale || client.locale;
  const useChannel = decision.options.find((o) => o.kind === "use-channel");
  const redirectTo = useChannel?.kind === "use-channel" ? useChannel.channel : undefined;
  const reply = renderAutoReply({
    situation: decision.outcome === "redirect" ? "auto.redirect" : "auto.defer",
    locale,
    timeZone,
    params: {
      subject: message.subject,
      clientName: client.name,
      professionalName: workspace?.name,
      dueAt: Date.parse(decision.dueAt),
      nextOpenAt: Date.parse(decision.nextOpenAt),
      channel: "email",
      redirectTo,
    },
    link:
      (redirectTo ?? "portal") === "portal"
        ? `${ctx.config.publicUrl.replace(/\/$/, "")}/portal`
        : undefined,
  });
  const references = [...message.references, message.messageId].slice(-20);
  return {
    workspaceId,
    key: `auto-reply:${message.id}`,
    to,
    subject: reply.subject,
    text: reply.text,
    html: textToHtml(reply.text, locale),
    headers: {
      "Auto-Submitted": "auto-replied",
      "X-Auto-Response-Suppress": "All",
      "Content-Language": locale,
      "In-Reply-To": `<${message.messageId}>`,
      References: references.map((r) => `<${r}>`).join(" "),
    },
  };
}

/**
 * Takes the thread's auto-reply slot and queues the mail, inside the caller's transaction (the
 * thread row must exist); null when the thread had one in the last 24 hours.
 */
export async function queuePreparedAutoReply(
  trx: Transaction<Database>,
  prepared: PreparedAutoReply,
  requestId: string,
  now: number,
): Promise<string | null> {
  const since = now - AUTO_REPLY_WINDOW_MS;
  if (!(await takeAutoReplySlot(trx, prepared.workspaceId, requestId, now, since))) return null;
  return enqueue(trx, {
    workspaceId: prepared.workspaceId,
    idempotencyKey: prepared.key,
    kind: "auto-reply",
    to: prepared.to,
    subject: prepared.subject,
    text: prepared.text,
    html: prepared.html,
    headers: prepared.headers,
    relatedRequestId: requestId,
    at: now,
  });
}
