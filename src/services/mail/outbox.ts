// The outbox as the professional sees it: every mail with its state (localised), attempts, last
// error and next attempt; one mail with its text; and "send again" for a failed or held mail.
import type { Lang } from "../../i18n/lang.ts";
import {
  getMail,
  listMail,
  type OutboxFilter,
  type OutboxMail,
  requeue,
} from "../../store/repositories/outbox.ts";
import { PASSWORD_RESET_MAIL_KEY } from "../accounts/emails.ts";
import type { AppContext } from "../context.ts";
import { AppError, notFound } from "../errors.ts";
import { NO_SMTP_TEXT, STATE_LABELS } from "./messages.ts";
import { NO_SMTP } from "./send-outbox.ts";

export interface OutboxItem {
  id: string;
  kind: string;
  to: string;
  subject: string;
  state: OutboxMail["state"];
  stateLabel: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  messageId: string | null;
  relatedRequestId: string | null;
  createdAt: string;
  sentAt: string | null;
}

export function presentMail(mail: OutboxMail, lang: Lang): OutboxItem {
  const waiting = mail.state === "queued" || mail.state === "held";
  return {
    id: mail.id,
    kind: mail.kind,
    to: mail.to,
    subject: mail.subject,
    state: mail.state,
    stateLabel: STATE_LABELS[mail.state]?.[lang] ?? mail.state,
    attempts: mail.attempts,
    lastError: mail.lastError === NO_SMTP ? NO_SMTP_TEXT[lang] : mail.lastError,
    nextAttemptAt: waiting ? mail.nextAttemptAt : null,
    messageId: mail.messageId,
    relatedRequestId: mail.relatedRequestId,
    createdAt: mail.createdAt,
    sentAt: mail.sentAt,
  };
}

export async function listOutbox(
  ctx: AppContext,
  workspaceId: string,
  filter: OutboxFilter,
  lang: Lang,
): Promise<{ items: OutboxItem[]; total: number }> {
  const page = await listMail(ctx.db, workspaceId, filter);
  return { items: page.items.map((m) => presentMail(m, lang)), total: page.total };
}

/** The secret of a link (`#token=…`, `?token=…`) replaced, as the export does. */
const LINK_SECRET = /([#?&]token=)[^\s&#"'<>]+/g;
const redactLinks = (text: string) => text.replace(LINK_SECRET, "$1[redacted]");

export async function getOutboxMail(ctx: AppContext, workspaceId: string, id: string, lang: Lang) {
  const mail = await getMail(ctx.db, workspaceId, id);
  if (!mail) throw notFound("mail");
  // A password reset link opens someone's account: the other members of the workspace, who can
  // read its outbox, see the mail but not the link.
  const hide = mail.idempotencyKey.startsWith(PASSWORD_RESET_MAIL_KEY);
  const shown = (text: string) => (hide ? redactLinks(text) : text);
  return {
    ...presentMail(mail, lang),
    text: shown(mail.text),
    html: mail.html === null ? null : shown(mail.html),
    headers: mail.headers,
  };
}

/** Puts a failed or held mail back in the queue, due now. */
export async function retryOutboxMail(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  lang: Lang,
): Promise<OutboxItem> {
  if (!(await requeue(ctx.db, workspaceId, id, ctx.now()))) {
    const mail = await getMail(ctx.db, workspaceId, id);
    if (!mail) throw notFound("mail");
    throw new AppError("conflict", "outbox_not_retryable", { state: mail.state });
  }
  const mail = await getMail(ctx.db, workspaceId, id);
  if (!mail) throw notFound("mail");
  return presentMail(mail, lang);
}
