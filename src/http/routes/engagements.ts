// Engagements: contracts with deliverables and client obligations, and what happens when an
// obligation is received late or missed.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createEngagement } from "../../services/engagements/create-engagement.ts";
import { getEngagement } from "../../services/engagements/get-engagement.ts";
import { listEngagements } from "../../services/engagements/list-engagements.ts";
import { markObligationLate } from "../../services/engagements/mark-obligation-late.ts";
import { markObligationReceived } from "../../services/engagements/mark-obligation-received.ts";
import { updateEngagement } from "../../services/engagements/update-engagement.ts";
import { requireMember } from "../auth.ts";
import {
  consequenceSchema,
  engagementBody,
  engagementPatch,
  engagementSchema,
  instant,
  ref,
} from "../schemas/catalog.ts";
import { errorResponses, errorSchema } from "../schemas/decision.ts";

const tags = ["engagements"];
const params = z.object({ id: ref });
const obligationParams = z.object({ id: ref, obligationId: ref });
const withConsequence = z.object({
  engagement: engagementSchema,
  consequence: consequenceSchema.nullable().describe("null when nothing had to move"),
});

export const engagementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/engagements",
    {
      schema: {
        tags,
        summary: "Engagements, newest first, optionally for one client or status",
        querystring: z.object({
          clientId: ref.optional(),
          status: z.enum(["active", "completed", "cancelled"]).optional(),
        }),
        response: { 200: z.object({ items: z.array(engagementSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return { items: await listEngagements(app.ctx, member.workspaceId, request.query) };
    },
  );

  app.post(
    "/api/v1/engagements",
    {
      schema: {
        tags,
        summary: "Open an engagement for a client from an offer",
        description:
          "Obligations name the deliverables they hold up by index in `deliverables` (0, 1…).",
        body: engagementBody,
        response: { 201: engagementSchema, ...errorResponses, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const member = await requireMember(request);
      const created = await createEngagement(app.ctx, member.workspaceId, request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/v1/engagements/:id",
    {
      schema: {
        tags,
        summary: "One engagement: deliverables, obligations, quota used and left",
        params,
        response: { 200: engagementSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return getEngagement(app.ctx, member.workspaceId, request.params.id);
    },
  );

  app.patch(
    "/api/v1/engagements/:id",
    {
      schema: {
        tags,
        summary: "Change an engagement, its deliverables or obligations (by id)",
        params,
        body: engagementPatch,
        response: { 200: engagementSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return updateEngagement(app.ctx, member.workspaceId, request.params.id, request.body);
    },
  );

  app.post(
    "/api/v1/engagements/:id/obligations/:obligationId/received",
    {
      schema: {
        tags,
        summary: "Record that the client delivered an obligation (now, or at `at`)",
        description:
          "After the due date, the dependent deliverables move by the business days the client was late, a time violation is recorded and a notice is queued to the client.",
        params: obligationParams,
        body: z.object({ at: instant.optional() }).nullish(),
        response: { 200: withConsequence, ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      const { id, obligationId } = request.params;
      const at = request.body?.at;
      return markObligationReceived(app.ctx, member.workspaceId, id, obligationId, at);
    },
  );

  app.post(
    "/api/v1/engagements/:id/obligations/:obligationId/late",
    {
      schema: {
        tags,
        summary: "Declare an obligation missed: its deliverables move by the rule's shift",
        params: obligationParams,
        response: { 200: withConsequence, ...errorResponses, 409: errorSchema },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      const { id, obligationId } = request.params;
      return markObligationLate(app.ctx, member.workspaceId, id, obligationId);
    },
  );
};
