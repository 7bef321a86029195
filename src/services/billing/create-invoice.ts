// A draft invoice for a client — from an engagement (deposit, milestones, balance, accepted change
// orders) or free lines — optionally issued at once. Drafts take the current terms and taxes;
// issuing takes them again, so what the client receives is what holds on that day.
import * as clients from "../../store/repositories/clients.ts";
import * as engagements from "../../store/repositories/engagements.ts";
import * as invoices from "../../store/repositories/invoices.ts";
import { newId } from "../../store/values.ts";
import type { AppContext } from "../context.ts";
import { conflict, invalid, notFound } from "../errors.ts";
import { type InvoiceView, invoiceView } from "./invoice-view.ts";
import { issueInvoice } from "./issue-invoice.ts";
import { buildLines, type LineInput, refreshTotals } from "./lines.ts";
import { moneyContext } from "./terms.ts";

export interface NewInvoiceInput {
  clientId?: string | undefined;
  engagementId?: string | undefined;
  lines: LineInput[];
  note?: string | undefined;
  /** Issue it at once (number, dates, e-mail to the client). */
  issue?: boolean | undefined;
}

export async function createInvoice(
  ctx: AppContext,
  workspaceId: string,
  input: NewInvoiceInput,
  actor: string | null = null,
): Promise<InvoiceView> {
  const money = await moneyContext(ctx, workspaceId);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const engagement = input.engagementId
      ? await engagements.get(trx, workspaceId, input.engagementId)
      : null;
    if (input.engagementId && !engagement) throw notFound("engagement");
    const clientId = engagement?.clientId ?? input.clientId;
    if (!clientId) throw invalid("engagement_required");
    if (input.clientId && engagement && input.clientId !== engagement.clientId) {
      throw invalid("client_mismatch");
    }
    const client = await clients.get(trx, workspaceId, clientId);
    if (!client) throw notFound("client");
    const lines = await buildLines(trx, input.lines, {
      workspaceId,
      engagement,
      depositPercent: money.terms.depositPercent,
      locale: client.locale,
      pending: [],
    });
    const at = ctx.now();
    await invoices.insertInvoice(
      trx,
      workspaceId,
      {
        id,
        clientId,
        engagementId: engagement?.id ?? null,
        currency: engagement?.offer.currency ?? money.currency,
        timezone: money.timezone,
        terms: money.terms,
        taxes: money.taxes,
        note: input.note ?? null,
      },
      at,
    );
    await invoices.addLines(trx, workspaceId, id, lines, 0);
    await refreshTotals(trx, workspaceId, id, money.taxes, at);
  });
  if (input.issue) return issueInvoice(ctx, workspaceId, id, actor);
  return invoiceView((await invoices.getInvoice(ctx.db, workspaceId, id))!, ctx.now());
}

/** Adds lines to a draft. */
export async function addInvoiceLines(
  ctx: AppContext,
  workspaceId: string,
  invoiceId: string,
  lines: LineInput[],
): Promise<InvoiceView> {
  const money = await moneyContext(ctx, workspaceId);
  await ctx.db.transaction().execute(async (trx) => {
    const invoice = await invoices.getInvoice(trx, workspaceId, invoiceId);
    if (!invoice) throw notFound("invoice");
    if (invoice.state !== "draft") throw conflict("invoice_not_draft");
    const engagement = invoice.engagementId
      ? await engagements.get(trx, workspaceId, invoice.engagementId)
      : null;
    const client = await clients.get(trx, workspaceId, invoice.clientId);
    const built = await buildLines(trx, lines, {
      workspaceId,
      engagement,
      depositPercent: money.terms.depositPercent,
      locale: client?.locale ?? money.workspace.locale,
      pending: [],
    });
    await invoices.addLines(trx, workspaceId, invoiceId, built, invoice.lines.length);
    await refreshTotals(trx, workspaceId, invoiceId, money.taxes, ctx.now());
  });
  return invoiceView((await invoices.getInvoice(ctx.db, workspaceId, invoiceId))!, ctx.now());
}
