// The outbox sender: leases due mails, sends each over SMTP with its stable Message-ID, and
// records the outcome — sent; retried later with exponential backoff and jitter (4xx, network);
// failed (a 5xx answer, or the last attempt). Without SMTP_URL, due mail is held, never dropped,
// and goes out once a transport is configured.
import { textToHtml } from "../../domain/replies/html.ts";
import { type MailTransport, SendError, smtpTransport } from "../../mail/transport.ts";
import { lastInboundMessageId } from "../../store/repositories/mail.ts";
import {
  claimDueMail,
  holdQueued,
  markFailed,
  markRetry,
  markSent,
  type OutboxMail,
} from "../../store/repositories/outbox.ts";
import { type Workspace, workspaceById } from "../../store/repositories/workspaces.ts";
import { splitCalendarPart } from "../bookings/invitation.ts";
import type { AppContext } from "../context.ts";
import { inboundAddressOf } from "./mailboxes.ts";

export const NO_SMTP = "not sent: no SMTP configured";
/** Longer than the transport's own timeouts, so a live attempt keeps its lease. */
export const SEND_LEASE_MS = 5 * 60_000;
const MAX_DELAY_MS = 3_600_000;
const BATCH = 50;
const MAX_ROUNDS = 20;
/** Mails in flight at once (the SMTP transport pools as many connections). */
const SENDERS = 3;

/** Base × 2^(attempts−1), capped at an hour, plus up to 25 % jitter (so it still grows). */
export function retryDelay(attempts: number, baseMs: number, random = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return Math.round(exponential * (1 + 0.25 * random()));
}

export interface SendReport {
  sent: number;
  retried: number;
  failed: number;
  held: number;
}

const transports = new Map<string, MailTransport>();

function transportFor(url: string): MailTransport {
  let transport = transports.get(url);
  if (!transport) {
    transport = smtpTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

/** Closes the cached SMTP transports (on shutdown). */
export function closeTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}

function splitReferences(value: string | undefined): string[] {
  return (value?.match(/<[^<>]+>/g) ?? []).map((id) => id.slice(1, -1));
}

async function compose(ctx: AppContext, mail: OutboxMail, workspace: Workspace | null) {
  const { "In-Reply-To": inReplyTo, References: references, ...headers } = mail.headers;
  let parent = splitReferences(inReplyTo)[0];
  let refs = splitReferences(references);
  if (!parent && mail.relatedRequestId) {
    const last = await lastInboundMessageId(ctx.db, mail.workspaceId, mail.relatedRequestId);
    if (last) {
      parent = last.messageId;
      refs = [...last.references, last.messageId].slice(-20);
    }
  }
  if (mail.kind === "auto-reply") headers["Auto-Submitted"] = "auto-replied";
  const locale = headers["Content-Language"] ?? workspace?.locale ?? "en";
  // A booking confirmation carries its .ics after a marker: send it as the calendar part.
  const { text, ics } = splitCalendarPart(mail.text);
  const method = headers["X-Cadre-Calendar"];
  delete headers["X-Cadre-Calendar"];
  return {
    from: { name: workspace?.name ?? "Cadre", address: ctx.config.mail.from },
    to: mail.to,
    replyTo: workspace
      ? (inboundAddressOf(workspace.slug, ctx.config.mail.inboundDomain) ?? undefined)
      : undefined,
    subject: mail.subject,
    text,
    html: mail.html ?? textToHtml(text, locale),
    messageId: mail.messageId ?? `${mail.id}@${ctx.config.mail.messageIdDomain}`,
    inReplyTo: parent,
    references: refs,
    headers,
    nullSender: mail.kind === "auto-reply",
    calendar: ics ? { method: method ?? "REQUEST", content: ics } : undefined,
  };
}

async function sendOne(
  ctx: AppContext,
  transport: MailTransport,
  mail: OutboxMail,
  now: number,
  workspaces: Map<string, Workspace | null>,
  report: SendReport,
  random: (() => number) | undefined,
): Promise<void> {
  const config = ctx.config.mail;
  if (!workspaces.has(mail.workspaceId))
    workspaces.set(mail.workspaceId, await workspaceById(ctx.db, mail.workspaceId));
  try {
    await transport.send(await compose(ctx, mail, workspaces.get(mail.workspaceId) ?? null));
    await markSent(ctx.db, mail, ctx.now());
    report.sent++;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const permanent = error instanceof SendError && error.permanent;
    if (permanent || mail.attempts >= config.outboxMaxAttempts) {
      await markFailed(ctx.db, mail, message);
      report.failed++;
    } else {
      await markRetry(
        ctx.db,
        mail,
        message,
        now + retryDelay(mail.attempts, config.outboxRetryBaseMs, random),
      );
      report.retried++;
    }
  }
}

export interface SendOptions {
  /** Overrides SMTP_URL (tests); null behaves as "no SMTP configured". */
  transport?: MailTransport | null;
  random?: () => number;
}

/** Sends (or holds) every mail due at `now`. */
export async function sendDueMail(
  ctx: AppContext,
  now: number = ctx.now(),
  options: SendOptions = {},
): Promise<SendReport> {
  const report: SendReport = { sent: 0, retried: 0, failed: 0, held: 0 };
  const config = ctx.config.mail;
  const transport =
    options.transport !== undefined
      ? options.transport
      : config.smtpUrl
        ? transportFor(config.smtpUrl)
        : null;
  if (!transport) {
    report.held = await holdQueued(ctx.db, now, NO_SMTP);
    return report;
  }
  const workspaces = new Map<string, Workspace | null>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const batch = await claimDueMail(ctx.db, now, {
      leaseMs: SEND_LEASE_MS,
      limit: BATCH,
      includeHeld: true,
      messageIdDomain: config.messageIdDomain,
    });
    if (batch.length === 0) break;
    // A few at once, as many as the transport keeps connections.
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const mail = batch[next++]!;
        await sendOne(ctx, transport, mail, now, workspaces, report, options.random);
      }
    };
    await Promise.all(Array.from({ length: Math.min(SENDERS, batch.length) }, worker));
  }
  return report;
}
