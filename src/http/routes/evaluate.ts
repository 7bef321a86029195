import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requestSchema } from "../../domain/decide/types.ts";
import { dryRun } from "../../services/requests/dry-run.ts";
import "../../services/requests/messages.ts";
import { requireMember } from "../auth.ts";
import { decisionSchema, errorResponses, errorSchema } from "../schemas/decision.ts";

export const evaluateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/v1/evaluate",
    {
      schema: {
        tags: ["requests"],
        summary:
          "Dry run: the decision for a request, against the published charter or a charter given inline; stores nothing",
        body: z.object({
          request: requestSchema,
          charter: z
            .record(z.string(), z.unknown())
            .optional()
            .describe("A cadre.charter/1 document to try instead of the published one"),
          clientId: z.string().min(1).max(64).optional(),
          engagementId: z.string().min(1).max(64).optional(),
        }),
        response: { 200: decisionSchema, ...errorResponses, 409: errorSchema, 422: errorSchema },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return dryRun(app.ctx, member.workspaceId, request.body);
    },
  );
};
