// The e-mail channel: the outbox (state, attempts, last error, next attempt; send again), a
// request's conversation by e-mail with its attachments, and the "unknown sender" queue.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import "../../services/mail/messages.ts";
import { downloadAttachment, requestConversation } from "../../services/mail/conversation.ts";
import { getOutboxMail, listOutbox, retryOutboxMail } from "../../services/mail/outbox.ts";
import { listUnknownSenders } from "../../store/repositories/mail.ts";
import { OUTBOX_STATES } from "../../store/repositories/outbox.ts";
import { requireMember } from "../auth.ts";
import { requestLang } from "../errors.ts";
import { errorResponses, errorSchema, pageQuery } from "../schemas/decision.ts";

const id = z.string().min(1).max(64);

const outboxItem = z.object({
  id: z.string(),
  kind: z.string().describe("mail | auto-reply"),
  to: z.string(),
  subject: z.string(),
  state: z.enum(OUTBOX_STATES),
  stateLabel: z.string().describe("The state in the caller's language"),
  attempts: z.number(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable().describe("For queued and held mail"),
  messageId: z.string().nullable().describe("Set at the first attempt, kept across retries"),
  relatedRequestId: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

const attachment = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  stored: z.boolean().describe("False when over the size cap: listed, not kept"),
  url: z.string().nullable(),
});

const inbound = z.object({
  direction: z.literal("in"),
  id: z.string(),
  messageId: z.string(),
  from: z.string(),
  fromName: z.string().nullable(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  writtenAt: z.string().describe("The Date header, bounded by the arrival time"),
  receivedAt: z.string(),
  transport: z.string(),
  automatic: z.string().nullable().describe("Why it counts as automatic mail (no auto-reply)"),
  truncated: z.boolean(),
  attachments: z.array(attachment),
});

const outbound = outboxItem.extend({ direction: z.literal("out"), text: z.string() });

export const mailRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/outbox",
    {
      schema: {
        tags: ["mail"],
        summary: "The outbox: every e-mail with its state, attempts, last error and next attempt",
        querystring: pageQuery.extend({
          state: z.enum(OUTBOX_STATES).optional(),
          requestId: id.optional(),
        }),
        response: {
          200: z.object({ items: z.array(outboxItem), total: z.number() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      const { state, requestId, limit, offset } = request.query;
      return listOutbox(
        app.ctx,
        member.workspaceId,
        { state, requestId, limit, offset },
        requestLang(request),
      );
    },
  );

  app.get(
    "/api/v1/outbox/:id",
    {
      schema: {
        tags: ["mail"],
        summary: "One e-mail of the outbox, with its text and HTML",
        params: z.object({ id }),
        response: {
          200: outboxItem.extend({
            text: z.string(),
            html: z.string().nullable(),
            headers: z.record(z.string(), z.string()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return getOutboxMail(app.ctx, member.workspaceId, request.params.id, requestLang(request));
    },
  );

  app.post(
    "/api/v1/outbox/:id/retry",
    {
      schema: {
        tags: ["mail"],
        summary: "Send a failed or held e-mail again (due now, attempts counted from zero)",
        params: z.object({ id }),
        response: { 200: outboxItem, ...errorResponses, 409: errorSchema },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return retryOutboxMail(app.ctx, member.workspaceId, request.params.id, requestLang(request));
    },
  );

  app.get(
    "/api/v1/requests/:id/messages",
    {
      schema: {
        tags: ["mail"],
        summary:
          "A request's conversation by e-mail: messages received (with attachments) and mails sent",
        params: z.object({ id }),
        response: {
          200: z.object({
            requestId: z.string(),
            unknownSender: z.boolean(),
            from: z.string().nullable(),
            items: z.array(z.union([inbound, outbound])),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return requestConversation(
        app.ctx,
        member.workspaceId,
        request.params.id,
        requestLang(request),
      );
    },
  );

  app.get(
    "/api/v1/attachments/:id",
    {
      schema: {
        tags: ["mail"],
        summary: "Download an attachment of a message received by e-mail",
        params: z.object({ id }),
        response: { 200: z.any().describe("The file, as it was attached"), ...errorResponses },
      },
    },
    async (request, reply) => {
      const member = await requireMember(request);
      const file = await downloadAttachment(app.ctx, member.workspaceId, request.params.id);
      const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
      return reply
        .header(
          "content-type",
          file.contentType.replace(/[^\x20-\x7e]/g, "") || "application/octet-stream",
        )
        .header(
          "content-disposition",
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .header("x-content-type-options", "nosniff")
        .send(Buffer.from(file.content));
    },
  );

  app.get(
    "/api/v1/inbox/unknown",
    {
      schema: {
        tags: ["mail"],
        summary:
          "The unknown-sender queue: requests opened by e-mail from an address no client has",
        querystring: pageQuery.extend({
          status: z.enum(["open", "answered", "closed"]).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                requestId: z.string(),
                fromAddress: z.string(),
                subject: z.string(),
                status: z.string(),
                receivedAt: z.string(),
                dueAt: z.string(),
                messageCount: z.number(),
                lastMessageAt: z.string(),
              }),
            ),
            total: z.number(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return listUnknownSenders(app.ctx.db, member.workspaceId, request.query);
    },
  );
};
