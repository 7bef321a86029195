// The client portal API (magic-link session): a client sees and acts on their own data only.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requestSchema } from "../../domain/decide/types.ts";
import {
  acknowledgeCharter,
  clientRequests,
  portalOverview,
} from "../../services/portal/portal.ts";
import * as charters from "../../store/repositories/charters.ts";
import "../../services/requests/messages.ts";
import { AppError } from "../../services/errors.ts";
import { takeRequest } from "../../services/requests/take-request.ts";
import { requireClient } from "../auth.ts";
import {
  decisionSchema,
  errorResponses,
  errorSchema,
  pageQuery,
  replySchema,
} from "../schemas/decision.ts";
import {
  portalCharterSchema,
  portalOverviewSchema,
  portalRequestsSchema,
} from "../schemas/portal.ts";

const portalRequestBody = requestSchema.pick({
  subject: true,
  body: true,
  kind: true,
  neededBy: true,
  offerItem: true,
  offerId: true,
  budget: true,
  promotionId: true,
  customVariants: true,
});

export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/portal/me",
    {
      schema: {
        tags: ["portal"],
        summary:
          "The client, their engagement (included, used, left) and whether they acknowledged the charter",
        response: { 200: portalOverviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const client = await requireClient(request);
      return portalOverview(app.ctx, client.workspaceId, client.clientId);
    },
  );

  app.get(
    "/api/v1/portal/charter",
    {
      schema: {
        tags: ["portal"],
        summary: "The published charter the client works under",
        response: { 200: portalCharterSchema, ...errorResponses, 409: errorSchema },
      },
    },
    async (request) => {
      const client = await requireClient(request);
      const published = await charters.getPublished(app.ctx.db, client.workspaceId);
      if (!published) throw new AppError("conflict", "no_published_charter");
      return published;
    },
  );

  app.post(
    "/api/v1/portal/acknowledge",
    {
      schema: {
        tags: ["portal"],
        summary: "Acknowledge the published charter (recorded with time and address)",
        body: z.object({ version: z.number().int().min(1) }),
        response: {
          200: z.object({ version: z.number(), acknowledgedAt: z.string() }),
          ...errorResponses,
          409: errorSchema,
        },
      },
    },
    async (request) => {
      const client = await requireClient(request);
      return acknowledgeCharter(
        app.ctx,
        client.workspaceId,
        client.clientId,
        request.body.version,
        request.ip ?? null,
      );
    },
  );

  app.post(
    "/api/v1/portal/requests",
    {
      schema: {
        tags: ["portal"],
        summary: "Submit a request; see at once the decision and when the answer will come",
        headers: z.object({ "idempotency-key": z.string().min(1).max(200).optional() }),
        body: portalRequestBody,
        response: {
          201: z.object({ id: z.string(), decision: decisionSchema, reply: replySchema }),
          200: z.object({ id: z.string(), decision: decisionSchema, reply: replySchema }),
          ...errorResponses,
          409: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const client = await requireClient(request);
      const result = await takeRequest(app.ctx, {
        workspaceId: client.workspaceId,
        clientId: client.clientId,
        request: { ...request.body, channel: "portal" },
        source: "portal",
        idempotencyKey: request.headers["idempotency-key"],
      });
      return reply
        .status(result.created ? 201 : 200)
        .send({ id: result.id, decision: result.decision, reply: result.decision.reply });
    },
  );

  app.get(
    "/api/v1/portal/requests",
    {
      schema: {
        tags: ["portal"],
        summary: "The client's own requests",
        querystring: pageQuery,
        response: { 200: portalRequestsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const client = await requireClient(request);
      return clientRequests(app.ctx, client.workspaceId, client.clientId, request.query);
    },
  );
};
