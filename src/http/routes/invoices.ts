// Invoices (member side): create from an engagement (deposit, milestones, balance, change orders)
// or by hand, add lines to a draft, issue, record payments (only by an accepted method), void,
// list, and download the invoice and the engagement's contract as PDF.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../services/accounts/principal.ts";
import { addInvoiceLines, createInvoice } from "../../services/billing/create-invoice.ts";
import { getInvoice, listInvoices } from "../../services/billing/get-invoices.ts";
import { issueInvoice } from "../../services/billing/issue-invoice.ts";
import { recordPayment, voidInvoice } from "../../services/billing/record-payment.ts";
import { contractPdf, invoicePdf } from "../../services/documents/documents.ts";
import { requireMember } from "../auth.ts";
import { ref } from "../schemas/catalog.ts";
import { errorResponses, errorSchema } from "../schemas/decision.ts";
import { invoiceBody, invoiceSchema, linesBody, paymentBody, pdfQuery } from "../schemas/money.ts";
import { sendPdf } from "./pdf-reply.ts";

const tags = ["invoices"];
const params = z.object({ id: ref });
const withConflicts = { ...errorResponses, 409: errorSchema };

export const invoiceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/v1/invoices",
    {
      schema: {
        tags,
        summary: "Create an invoice (a draft, or issued at once with `issue: true`)",
        description:
          "Lines: `deposit` (the charter's depositPercent of the package), `milestone` (a percent of the package or an amount), `balance` (what is left of the package), `change-order` (an accepted one), `item` (free). Amounts are minor units, rounded half up; taxes per the workspace's setup.",
        body: invoiceBody,
        response: { 201: invoiceSchema, ...withConflicts },
      },
    },
    async (request, reply) => {
      const member = await requireMember(request);
      const created = await createInvoice(
        app.ctx,
        member.workspaceId,
        request.body,
        actorOf(member),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/v1/invoices",
    {
      schema: {
        tags,
        summary: "Invoices, newest first, by client, engagement or state",
        querystring: z.object({
          clientId: ref.optional(),
          engagementId: ref.optional(),
          state: z.enum(["draft", "issued", "paid", "void"]).optional(),
        }),
        response: { 200: z.object({ items: z.array(invoiceSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return { items: await listInvoices(app.ctx, member.workspaceId, request.query) };
    },
  );

  app.get(
    "/api/v1/invoices/:id",
    {
      schema: {
        tags,
        summary: "One invoice, with its taxes, late fee as of today and amount due",
        params,
        response: { 200: invoiceSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return getInvoice(app.ctx, member.workspaceId, request.params.id);
    },
  );

  app.get(
    "/api/v1/invoices/:id.pdf",
    {
      schema: {
        tags,
        summary: "The invoice as PDF, in the client's language (or ?lang=fr|en)",
        params,
        querystring: pdfQuery,
        produces: ["application/pdf"],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const member = await requireMember(request);
      const file = await invoicePdf(app.ctx, member.workspaceId, request.params.id, {
        lang: request.query.lang,
      });
      return sendPdf(reply, file);
    },
  );

  app.post(
    "/api/v1/invoices/:id/lines",
    {
      schema: {
        tags,
        summary: "Add lines to a draft invoice",
        params,
        body: linesBody,
        response: { 200: invoiceSchema, ...withConflicts },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return addInvoiceLines(app.ctx, member.workspaceId, request.params.id, request.body.lines);
    },
  );

  app.post(
    "/api/v1/invoices/:id/issue",
    {
      schema: {
        tags,
        summary:
          "Issue a draft: its number, date and due date by the payment terms; e-mailed to the client",
        params,
        response: { 200: invoiceSchema, ...withConflicts },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return issueInvoice(app.ctx, member.workspaceId, request.params.id, actorOf(member));
    },
  );

  app.post(
    "/api/v1/invoices/:id/payments",
    {
      schema: {
        tags,
        summary: "Record a payment; refused (422) when the method is not one the charter accepts",
        description:
          "The invoice becomes paid once the total and the late fee accrued to the payment's date are covered. Without `amount`, everything due on that date (marks it paid).",
        params,
        body: paymentBody,
        response: { 200: invoiceSchema, ...withConflicts, 422: errorSchema },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return recordPayment(
        app.ctx,
        member.workspaceId,
        request.params.id,
        request.body,
        actorOf(member),
      );
    },
  );

  app.post(
    "/api/v1/invoices/:id/void",
    {
      schema: {
        tags,
        summary: "Void a draft, or an issued invoice without payments (its number stays used)",
        params,
        response: { 200: invoiceSchema, ...withConflicts },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return voidInvoice(app.ctx, member.workspaceId, request.params.id);
    },
  );

  app.get(
    "/api/v1/engagements/:id/contract.pdf",
    {
      schema: {
        tags,
        summary: "The engagement's contract as PDF, in the client's language (or ?lang=fr|en)",
        params,
        querystring: pdfQuery,
        produces: ["application/pdf"],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const member = await requireMember(request);
      const file = await contractPdf(app.ctx, member.workspaceId, request.params.id, {
        lang: request.query.lang,
      });
      return sendPdf(reply, file);
    },
  );
};
