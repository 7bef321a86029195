// Change orders (member side): propose one from a request's proposal or by hand, and list them by
// engagement, client or state. The client answers in the portal (portal-money.ts).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../services/accounts/principal.ts";
import { createChangeOrder } from "../../services/change-orders/create-change-order.ts";
import {
  getChangeOrder,
  listChangeOrders,
} from "../../services/change-orders/list-change-orders.ts";
import { requireMember } from "../auth.ts";
import { ref } from "../schemas/catalog.ts";
import { errorResponses, errorSchema } from "../schemas/decision.ts";
import { changeOrderBody, changeOrderSchema } from "../schemas/money.ts";

const tags = ["change orders"];
const state = z.enum(["proposed", "accepted", "declined"]);

export const changeOrderRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/v1/change-orders",
    {
      schema: {
        tags,
        summary: "Propose a change order to the client (from a request's proposal, or by hand)",
        description:
          "With `requestId`, the items, price and delivery impact come from the request's decision (`decision.changeOrder`); with `engagementId` and `items`, from the lines given (catalog ids by `ref`). The client is told by e-mail and answers in the portal.",
        body: changeOrderBody,
        response: { 201: changeOrderSchema, ...errorResponses, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const member = await requireMember(request);
      const created = await createChangeOrder(
        app.ctx,
        member.workspaceId,
        request.body,
        actorOf(member),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/v1/change-orders",
    {
      schema: {
        tags,
        summary: "Change orders, newest first, by engagement, client or state",
        querystring: z.object({
          engagementId: ref.optional(),
          clientId: ref.optional(),
          state: state.optional(),
        }),
        response: { 200: z.object({ items: z.array(changeOrderSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return { items: await listChangeOrders(app.ctx, member.workspaceId, request.query) };
    },
  );

  app.get(
    "/api/v1/change-orders/:id",
    {
      schema: {
        tags,
        summary: "One change order",
        params: z.object({ id: ref }),
        response: { 200: changeOrderSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return getChangeOrder(app.ctx, member.workspaceId, request.params.id);
    },
  );
};
