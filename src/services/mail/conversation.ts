// A request's conversation by e-mail: the messages received (with their attachments) and the
// mails sent about it (answers, auto-replies), in time order.

import type { Lang } from "../../i18n/lang.ts";
import {
  type AttachmentInfo,
  attachmentsOfMessages,
  getAttachment,
  getThread,
  messagesOfRequest,
} from "../../store/repositories/mail.ts";
import { listMail } from "../../store/repositories/outbox.ts";
import { getRequest } from "../../store/repositories/requests.ts";
import type { AppContext } from "../context.ts";
import { AppError, notFound } from "../errors.ts";
import { type OutboxItem, presentMail } from "./outbox.ts";

export interface InboundItem {
  direction: "in";
  id: string;
  messageId: string;
  from: string;
  fromName: string | null;
  to: string[];
  subject: string;
  text: string;
  writtenAt: string;
  receivedAt: string;
  transport: string;
  automatic: string | null;
  truncated: boolean;
  attachments: (Omit<AttachmentInfo, "messageId"> & { url: string | null })[];
}

export type ConversationItem = InboundItem | (OutboxItem & { direction: "out"; text: string });

export async function requestConversation(
  ctx: AppContext,
  workspaceId: string,
  requestId: string,
  lang: Lang,
) {
  const request = await getRequest(ctx.db, workspaceId, requestId);
  if (!request) throw notFound("request");
  const [messages, thread, sent] = await Promise.all([
    messagesOfRequest(ctx.db, workspaceId, requestId),
    getThread(ctx.db, workspaceId, requestId),
    listMail(ctx.db, workspaceId, { requestId, limit: 200, offset: 0 }),
  ]);
  const files = await attachmentsOfMessages(
    ctx.db,
    workspaceId,
    messages.map((m) => m.id),
  );
  const inbound: ConversationItem[] = messages.map((m) => ({
    direction: "in",
    id: m.id,
    messageId: m.messageId,
    from: m.fromAddress,
    fromName: m.fromName,
    to: m.to,
    subject: m.subject,
    text: m.text,
    writtenAt: m.writtenAt,
    receivedAt: m.receivedAt,
    transport: m.transport,
    automatic: m.automatic,
    truncated: m.truncated,
    attachments: files
      .filter((f) => f.messageId === m.id)
      .map(({ messageId: _, ...f }) => ({
        ...f,
        url: f.stored ? `/api/v1/attachments/${f.id}` : null,
      })),
  }));
  const outbound: ConversationItem[] = sent.items.map((mail) => ({
    ...presentMail(mail, lang),
    direction: "out",
    text: mail.text,
  }));
  const at = (item: ConversationItem) =>
    item.direction === "in" ? item.receivedAt : item.createdAt;
  const items = [...inbound, ...outbound].sort((a, b) => at(a).localeCompare(at(b)));
  return {
    requestId,
    unknownSender: thread?.unknownSender ?? false,
    from: thread?.fromAddress ?? null,
    items,
  };
}

export async function downloadAttachment(ctx: AppContext, workspaceId: string, id: string) {
  const found = await getAttachment(ctx.db, workspaceId, id);
  if (!found) throw notFound("attachment");
  if (!found.content) {
    throw new AppError("not_found", "attachment_not_kept", {
      limit: ctx.config.mail.maxAttachmentBytes,
    });
  }
  return found as typeof found & { content: Uint8Array };
}
