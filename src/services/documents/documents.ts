// The PDFs a member or the client downloads: an invoice, and an engagement's contract, each in
// the client's language (or ?lang=). A client gets only their own (drafts never); anything else
// is 404, like every other read across tenants.
import type { Language } from "../../domain/replies/format.ts";
import * as changeOrders from "../../store/repositories/change-orders.ts";
import * as charters from "../../store/repositories/charters.ts";
import * as clients from "../../store/repositories/clients.ts";
import * as engagements from "../../store/repositories/engagements.ts";
import { getInvoice } from "../billing/get-invoices.ts";
import { moneyContext } from "../billing/terms.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { renderContractPdf } from "./contract-pdf.ts";
import { renderInvoicePdf } from "./invoice-pdf.ts";

/** The client's locale, or the asked language in the client's region ("fr" → "fr-CA"). */
function pickLocale(clientLocale: string, lang?: Language): string {
  if (!lang || clientLocale.slice(0, 2) === lang) return clientLocale;
  const region = clientLocale.split(/[-_]/)[1];
  return region ? `${lang}-${region}` : lang;
}

export async function invoicePdf(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  options: { clientId?: string | undefined; lang?: Language | undefined } = {},
): Promise<{ pdf: Buffer; filename: string }> {
  const invoice = await getInvoice(ctx, workspaceId, id, options.clientId);
  const client = await clients.get(ctx.db, workspaceId, invoice.clientId);
  if (!client) throw notFound("invoice");
  const money = await moneyContext(ctx, workspaceId);
  const engagement = invoice.engagementId
    ? await engagements.get(ctx.db, workspaceId, invoice.engagementId)
    : null;
  const pdf = await renderInvoicePdf({
    invoice,
    locale: pickLocale(client.locale, options.lang),
    professional: { name: money.workspace.name },
    client: { name: client.name, company: client.company, email: client.emails[0] ?? null },
    engagementTitle: engagement?.title ?? null,
    createdAt: ctx.now(),
  });
  return { pdf, filename: `${invoice.number ?? `draft-${invoice.id.slice(0, 8)}`}.pdf` };
}

export async function contractPdf(
  ctx: AppContext,
  workspaceId: string,
  engagementId: string,
  options: { clientId?: string | undefined; lang?: Language | undefined } = {},
): Promise<{ pdf: Buffer; filename: string }> {
  const engagement = await engagements.get(ctx.db, workspaceId, engagementId);
  if (!engagement || (options.clientId !== undefined && engagement.clientId !== options.clientId)) {
    throw notFound("engagement");
  }
  const client = await clients.get(ctx.db, workspaceId, engagement.clientId);
  if (!client) throw notFound("engagement");
  const money = await moneyContext(ctx, workspaceId);
  const published = await charters.getPublished(ctx.db, workspaceId);
  const accepted = await changeOrders.list(ctx.db, workspaceId, {
    engagementId,
    state: "accepted",
  });
  const acknowledged =
    published && client.acknowledged?.version === published.version ? client.acknowledged.at : null;
  const pdf = await renderContractPdf({
    locale: pickLocale(client.locale, options.lang),
    timeZone: client.timezone ?? money.timezone,
    professional: { name: money.workspace.name },
    client: { name: client.name, company: client.company, email: client.emails[0] ?? null },
    engagement,
    changeOrders: accepted.reverse(),
    terms: money.terms,
    discounts: money.charter?.money?.discounts ?? "alternatives",
    hasTaxes: money.taxes.taxes.length > 0,
    charter: published ? { version: published.version, acknowledgedAt: acknowledged } : null,
    createdAt: ctx.now(),
  });
  const slug = engagement.title
    .normalize("NFD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .toLowerCase()
    .slice(0, 60);
  return { pdf, filename: `contract-${slug || engagement.id.slice(0, 8)}.pdf` };
}
