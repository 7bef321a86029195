// The client's money in the portal: their change orders (accept or decline), their invoices
// (issued and paid, never drafts), and the PDFs of their invoices and contract. Another client's
// or another workspace's ids answer 404.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getInvoice, listInvoices } from "../../services/billing/get-invoices.ts";
import { decideChangeOrder } from "../../services/change-orders/decide-change-order.ts";
import {
  getChangeOrder,
  listChangeOrders,
} from "../../services/change-orders/list-change-orders.ts";
import { contractPdf, invoicePdf } from "../../services/documents/documents.ts";
import { requireClient } from "../auth.ts";
import { ref } from "../schemas/catalog.ts";
import { errorResponses, errorSchema } from "../schemas/decision.ts";
import { changeOrderSchema, decidedSchema, invoiceSchema, pdfQuery } from "../schemas/money.ts";
import { sendPdf } from "./pdf-reply.ts";

const tags = ["portal"];
const params = z.object({ id: ref });

export const portalMoneyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/portal/change-orders",
    {
      schema: {
        tags,
        summary: "The client's change orders, newest first",
        querystring: z.object({ state: z.enum(["proposed", "accepted", "declined"]).optional() }),
        response: { 200: z.object({ items: z.array(changeOrderSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const client = await requireClient(request);
      const items = await listChangeOrders(app.ctx, client.workspaceId, {
        clientId: client.clientId,
        state: request.query.state,
      });
      return { items };
    },
  );

  app.get(
    "/api/v1/portal/change-orders/:id",
    {
      schema: {
        tags,
        summary: "One of the client's change orders",
        params,
        response: { 200: changeOrderSchema, ...errorResponses },
      },
    },
    async (request) => {
      const client = await requireClient(request);
      return getChangeOrder(app.ctx, client.workspaceId, request.params.id, client.clientId);
    },
  );

  for (const decision of ["accept", "decline"] as const) {
    app.post(
      `/api/v1/portal/change-orders/:id/${decision}`,
      {
        schema: {
          tags,
          summary:
            decision === "accept"
              ? "Accept a change order: the engagement gains it, deliveries move, the invoice gets its line"
              : "Decline a change order",
          params,
          response: { 200: decidedSchema, ...errorResponses, 409: errorSchema },
        },
      },
      async (request) => {
        const client = await requireClient(request);
        return decideChangeOrder(
          app.ctx,
          client.workspaceId,
          client.clientId,
          request.params.id,
          decision,
        );
      },
    );
  }

  app.get(
    "/api/v1/portal/invoices",
    {
      schema: {
        tags,
        summary: "The client's invoices (issued and paid), newest first",
        response: { 200: z.object({ items: z.array(invoiceSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const client = await requireClient(request);
      const items = await listInvoices(app.ctx, client.workspaceId, {
        clientId: client.clientId,
        issuedOnly: true,
      });
      return { items };
    },
  );

  app.get(
    "/api/v1/portal/invoices/:id",
    {
      schema: {
        tags,
        summary: "One of the client's invoices: amount due, late fee, accepted payment methods",
        params,
        response: { 200: invoiceSchema, ...errorResponses },
      },
    },
    async (request) => {
      const client = await requireClient(request);
      return getInvoice(app.ctx, client.workspaceId, request.params.id, client.clientId);
    },
  );

  app.get(
    "/api/v1/portal/invoices/:id.pdf",
    {
      schema: {
        tags,
        summary: "One of the client's invoices as PDF",
        params,
        querystring: pdfQuery,
        produces: ["application/pdf"],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const client = await requireClient(request);
      const file = await invoicePdf(app.ctx, client.workspaceId, request.params.id, {
        clientId: client.clientId,
        lang: request.query.lang,
      });
      return sendPdf(reply, file);
    },
  );

  app.get(
    "/api/v1/portal/engagements/:id/contract.pdf",
    {
      schema: {
        tags,
        summary: "The contract of one of the client's engagements as PDF",
        params,
        querystring: pdfQuery,
        produces: ["application/pdf"],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const client = await requireClient(request);
      const file = await contractPdf(app.ctx, client.workspaceId, request.params.id, {
        clientId: client.clientId,
        lang: request.query.lang,
      });
      return sendPdf(reply, file);
    },
  );
};
