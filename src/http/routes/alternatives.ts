// Smaller packages instead of a discount: see the alternatives a discount request's decision
// offered, and accept one (the client in the portal, their own requests only; or a member for the
// client, e.g. after a call). Accepting records the choice on the request, creates or moves the
// client's engagement to that package at its computed price, and writes the audit log.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../services/accounts/principal.ts";
import { acceptAlternative, listAlternatives } from "../../services/alternatives/alternatives.ts";
import { requireClient, requireMember } from "../auth.ts";
import { alternativeAcceptedSchema, alternativesSchema } from "../schemas/alternatives.ts";
import { errorResponses, errorSchema } from "../schemas/decision.ts";

const params = z.object({ id: z.string().min(1).max(64) });
const indexParams = params.extend({
  index: z.coerce.number().int().min(0).max(100).describe("Index in decision.alternatives"),
});

const accepting = { 200: alternativeAcceptedSchema, ...errorResponses, 409: errorSchema };

export const alternativeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/requests/:id/alternatives",
    {
      schema: {
        tags: ["requests"],
        summary: "The smaller packages a discount request's decision offered, and the choice made",
        params,
        response: { 200: alternativesSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return listAlternatives(app.ctx, member.workspaceId, request.params.id);
    },
  );

  app.post(
    "/api/v1/requests/:id/alternatives/:index/accept",
    {
      schema: {
        tags: ["requests"],
        summary: "Record that the client accepted one of the smaller packages (at its price)",
        description:
          "In one transaction: the request records `chosenOption: \"alternative\"` and which one, the client's active engagement moves to that package (or one is created) with the removed items taken out and the price fixed to the alternative's, and the audit log records it. 409 once a choice was made.",
        params: indexParams,
        response: accepting,
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return acceptAlternative(
        app.ctx,
        member.workspaceId,
        request.params.id,
        request.params.index,
        {
          kind: "member",
          actor: actorOf(member),
        },
      );
    },
  );

  app.get(
    "/api/v1/portal/requests/:id/alternatives",
    {
      schema: {
        tags: ["portal"],
        summary:
          "The smaller packages offered instead of a discount, with their closeness to the budget",
        params,
        response: { 200: alternativesSchema, ...errorResponses },
      },
    },
    async (request) => {
      const client = await requireClient(request);
      return listAlternatives(app.ctx, client.workspaceId, request.params.id, client.clientId);
    },
  );

  app.post(
    "/api/v1/portal/requests/:id/alternatives/:index/accept",
    {
      schema: {
        tags: ["portal"],
        summary: "Accept one of the smaller packages: the engagement moves to it, at its price",
        params: indexParams,
        response: accepting,
      },
    },
    async (request) => {
      const client = await requireClient(request);
      return acceptAlternative(
        app.ctx,
        client.workspaceId,
        request.params.id,
        request.params.index,
        {
          kind: "client",
          clientId: client.clientId,
        },
      );
    },
  );
};
