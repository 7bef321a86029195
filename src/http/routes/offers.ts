// Offers: the packages and tiers of the workspace (terms of sale).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createOffer } from "../../services/offers/create-offer.ts";
import { deleteOffer } from "../../services/offers/delete-offer.ts";
import { getOffer } from "../../services/offers/get-offer.ts";
import { listOffers } from "../../services/offers/list-offers.ts";
import { updateOffer } from "../../services/offers/update-offer.ts";
import { requireMember } from "../auth.ts";
import { offerRecordSchema, offerSchema, ref, removalSchema } from "../schemas/catalog.ts";
import { errorResponses, errorSchema } from "../schemas/decision.ts";

const tags = ["offers"];
const params = z.object({ id: ref });

export const offerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/offers",
    {
      schema: {
        tags,
        summary: "The workspace's offers (archived ones with ?archived=true)",
        querystring: z.object({ archived: z.enum(["true", "false"]).optional() }),
        response: { 200: z.object({ items: z.array(offerRecordSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      const all = request.query.archived === "true";
      return { items: await listOffers(app.ctx, member.workspaceId, all) };
    },
  );

  app.post(
    "/api/v1/offers",
    {
      schema: {
        tags,
        summary: "Add an offer",
        body: offerSchema,
        response: { 201: offerRecordSchema, ...errorResponses, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const member = await requireMember(request);
      return reply.status(201).send(await createOffer(app.ctx, member.workspaceId, request.body));
    },
  );

  app.get(
    "/api/v1/offers/:id",
    {
      schema: {
        tags,
        summary: "One offer",
        params,
        response: { 200: offerRecordSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return getOffer(app.ctx, member.workspaceId, request.params.id);
    },
  );

  app.put(
    "/api/v1/offers/:id",
    {
      schema: {
        tags,
        summary: "Replace an offer's terms (engagements keep the terms they agreed to)",
        params,
        body: offerSchema.extend({ id: offerSchema.shape.id.optional() }),
        response: { 200: offerRecordSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      const offer = { ...request.body, id: request.params.id };
      return updateOffer(app.ctx, member.workspaceId, offer);
    },
  );

  app.delete(
    "/api/v1/offers/:id",
    {
      schema: {
        tags,
        summary: "Delete an offer, or archive it when engagements or tiers point to it",
        params,
        response: { 200: removalSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return deleteOffer(app.ctx, member.workspaceId, request.params.id);
    },
  );
};
