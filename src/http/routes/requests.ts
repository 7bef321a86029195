// Requests: intake (decided, stored with violations, reply drafted), the inbox, and replies.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requestSchema } from "../../domain/decide/types.ts";
import "../../services/requests/messages.ts";
import { notFound } from "../../services/errors.ts";
import { takeRequest } from "../../services/requests/take-request.ts";
import { patchRequest } from "../../services/requests/update-request.ts";
import { getRequest, listRequests } from "../../store/repositories/requests.ts";
import { requireMember } from "../auth.ts";
import {
  decisionSchema,
  errorResponses,
  errorSchema,
  pageQuery,
  replySchema,
  storedRequestSchema,
} from "../schemas/decision.ts";

const id = z.string().min(1).max(64);
export const intakeBody = requestSchema.extend({
  clientId: id,
  engagementId: id.optional(),
  source: z
    .enum(["api", "phone-log"])
    .default("api")
    .describe("phone-log: a call or message the professional logs by hand"),
});

export const requestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/v1/requests",
    {
      schema: {
        tags: ["requests"],
        summary:
          "Take in a client request: decide it by the published charter, store it, draft the reply",
        description:
          "An `Idempotency-Key` header makes retries safe: the same key returns the stored request.",
        headers: z.object({ "idempotency-key": z.string().min(1).max(200).optional() }),
        body: intakeBody,
        response: {
          201: z.object({ id: z.string(), decision: decisionSchema, reply: replySchema }),
          200: z.object({ id: z.string(), decision: decisionSchema, reply: replySchema }),
          ...errorResponses,
          409: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const member = await requireMember(request);
      const { clientId, engagementId, source, ...body } = request.body;
      const result = await takeRequest(app.ctx, {
        workspaceId: member.workspaceId,
        clientId,
        engagementId,
        request: body,
        source,
        idempotencyKey: request.headers["idempotency-key"],
      });
      return reply
        .status(result.created ? 201 : 200)
        .send({ id: result.id, decision: result.decision, reply: result.decision.reply });
    },
  );

  app.get(
    "/api/v1/requests",
    {
      schema: {
        tags: ["requests"],
        summary: "The inbox: requests ordered by due time",
        querystring: pageQuery.extend({
          status: z.enum(["open", "answered", "closed"]).optional(),
          clientId: id.optional(),
        }),
        response: {
          200: z.object({ items: z.array(storedRequestSchema), total: z.number() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return listRequests(app.ctx.db, member.workspaceId, request.query);
    },
  );

  app.get(
    "/api/v1/requests/:id",
    {
      schema: {
        tags: ["requests"],
        summary: "One request with its decision and reply",
        params: z.object({ id }),
        response: { 200: storedRequestSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      const found = await getRequest(app.ctx.db, member.workspaceId, request.params.id);
      if (!found) throw notFound("request");
      return found;
    },
  );

  app.patch(
    "/api/v1/requests/:id",
    {
      schema: {
        tags: ["requests"],
        summary:
          "Edit the reply, answer (the reply goes to the outbox), close or reopen; record the option chosen",
        params: z.object({ id }),
        body: z
          .object({
            reply: z
              .object({
                subject: z.string().min(1).max(500).optional(),
                body: z.string().min(1).max(100_000).optional(),
              })
              .optional(),
            action: z.enum(["answer", "close", "reopen"]).optional(),
            chosenOption: z
              .enum([
                "rush",
                "later-date",
                "paid-extra",
                "change-order",
                "extra-variants",
                "book-meeting",
                "use-channel",
              ])
              .optional(),
          })
          .strict(),
        response: {
          200: z.object({ request: storedRequestSchema, mailId: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return patchRequest(app.ctx, member.workspaceId, request.params.id, request.body);
    },
  );
};
