// The workspace's sales taxes (e.g. Quebec: GST 5 % and QST 9.975 % on the pre-tax amount;
// France: TVA 20 %), applied to invoices from then on (issued invoices keep theirs).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { getTaxes, putTaxes } from "../../services/billing/taxes.ts";
import { requireMember, requireOwner } from "../auth.ts";
import { errorResponses } from "../schemas/decision.ts";
import { taxSettingsSchema, taxSetupSchema } from "../schemas/money.ts";

const tags = ["settings"];

export const taxSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/settings/taxes",
    {
      schema: {
        tags,
        summary: "The workspace's sales taxes, and ready-made setups (CA-QC, CA-ON, FR…)",
        response: { 200: taxSettingsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return getTaxes(app.ctx, member.workspaceId);
    },
  );

  app.put(
    "/api/v1/settings/taxes",
    {
      schema: {
        tags,
        summary:
          "Replace the sales taxes (owner): each computed on the pre-tax amount, rounded half up",
        body: taxSetupSchema,
        response: { 200: taxSettingsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const owner = await requireOwner(request);
      return putTaxes(app.ctx, owner.workspaceId, request.body);
    },
  );
};
