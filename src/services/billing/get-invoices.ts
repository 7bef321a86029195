// Reading invoices: one, or a list (by client, engagement or state). A client sees only their own
// issued and paid invoices, never drafts.

import type { InvoiceFilter } from "../../store/repositories/invoices.ts";
import * as invoices from "../../store/repositories/invoices.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { type InvoiceView, invoiceView } from "./invoice-view.ts";

export async function getInvoice(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  clientId?: string,
): Promise<InvoiceView> {
  const invoice = await invoices.getInvoice(ctx.db, workspaceId, id);
  const visible =
    invoice &&
    (clientId === undefined ||
      (invoice.clientId === clientId && (invoice.state === "issued" || invoice.state === "paid")));
  if (!visible) throw notFound("invoice");
  return invoiceView(invoice, ctx.now());
}

export async function listInvoices(ctx: AppContext, workspaceId: string, filter: InvoiceFilter) {
  const now = ctx.now();
  return (await invoices.listInvoices(ctx.db, workspaceId, filter)).map((i) => invoiceView(i, now));
}
