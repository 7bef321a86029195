// Violations per client, and exceptions: the fairness ledger.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { grantException } from "../../services/ledger/grant-exception.ts";
import { ledgerByClient, listExceptions, listViolations } from "../../store/repositories/ledger.ts";
import { requireMember } from "../auth.ts";
import { errorResponses, pageQuery } from "../schemas/decision.ts";
import { exceptionSchema, ledgerSchema, violationsSchema } from "../schemas/ledger.ts";

const clientFilter = pageQuery.extend({ clientId: z.string().min(1).max(64).optional() });

export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/violations",
    {
      schema: {
        tags: ["ledger"],
        summary: "Violations, newest first, optionally for one client",
        querystring: clientFilter,
        response: { 200: violationsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return { items: await listViolations(app.ctx.db, member.workspaceId, request.query) };
    },
  );

  app.post(
    "/api/v1/exceptions",
    {
      schema: {
        tags: ["ledger"],
        summary: "Grant an exception: waive a boundary for a client, with the reason",
        body: z.object({
          clientId: z.string().min(1).max(64),
          requestId: z.string().min(1).max(64).optional(),
          rule: z.string().min(1).max(64).describe("The rule waived, e.g. requests.lead-time"),
          reason: z.string().trim().min(3).max(2_000),
        }),
        response: { 201: exceptionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const member = await requireMember(request);
      const created = await grantException(
        app.ctx,
        member.workspaceId,
        member.userId,
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/v1/exceptions",
    {
      schema: {
        tags: ["ledger"],
        summary:
          "The fairness ledger: exceptions, and per client the exceptions beside the violations",
        querystring: clientFilter,
        response: {
          200: ledgerSchema,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      const [items, byClient] = await Promise.all([
        listExceptions(app.ctx.db, member.workspaceId, request.query),
        ledgerByClient(app.ctx.db, member.workspaceId),
      ]);
      return { items, byClient };
    },
  );
};
