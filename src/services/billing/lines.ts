// Invoice lines from what the professional asks for: the deposit (the charter's percentage of the
// package), a milestone (a percentage of the package or an amount), the balance of the package,
// an accepted change order, or a free line. Amounts are integer minor units, rounded half up.

import { lineDescription } from "../../domain/money/labels.ts";
import { lineAmount, percentOf } from "../../domain/money/rounding.ts";
import { invoiceTotals, type TaxSetup } from "../../domain/money/taxes.ts";
import { offerPrice } from "../../domain/offers/pricing.ts";
import { languageOf } from "../../domain/replies/format.ts";
import * as changeOrders from "../../store/repositories/change-orders.ts";
import type { Engagement } from "../../store/repositories/engagements.ts";
import * as invoices from "../../store/repositories/invoices.ts";
import { newId } from "../../store/values.ts";
import type { AppContext } from "../context.ts";
import { AppError, conflict, invalid, notFound } from "../errors.ts";
import "./messages.ts";

type Db = AppContext["db"];

export type LineInput =
  | { kind: "deposit" }
  | { kind: "balance" }
  | {
      kind: "milestone";
      description: string;
      percent?: number | undefined;
      amount?: number | undefined;
    }
  | { kind: "change-order"; changeOrderId: string }
  | { kind: "item"; description: string; quantity: number; unitPrice: number };

export interface LineContext {
  workspaceId: string;
  engagement: Engagement | null;
  depositPercent: number;
  /** The client's locale: generated descriptions are written in their language. */
  locale: string;
  /** Lines already asked for in this same call (a deposit twice is refused too). */
  pending: invoices.NewLine[];
}

function line(
  kind: invoices.LineKind,
  description: string,
  quantity: number,
  unitPrice: number,
  changeOrderId: string | null = null,
): invoices.NewLine {
  return {
    id: newId(),
    kind,
    description,
    quantity,
    unitPrice,
    amount: lineAmount(quantity, unitPrice),
    changeOrderId,
  };
}

/** Builds the lines, checking each against what was billed already; throws on the first problem. */
export async function buildLines(
  db: Db,
  inputs: readonly LineInput[],
  lc: LineContext,
): Promise<invoices.NewLine[]> {
  const language = languageOf(lc.locale);
  const billed = lc.engagement
    ? await invoices.billedLines(db, lc.workspaceId, lc.engagement.id)
    : [];
  for (const input of inputs) {
    if (input.kind === "item") {
      lc.pending.push(line("item", input.description, input.quantity, input.unitPrice));
      continue;
    }
    const engagement = lc.engagement;
    if (!engagement) throw invalid("engagement_required");
    const packagePrice = offerPrice(engagement.offer);
    const all = [...billed, ...lc.pending.map((l) => ({ ...l, invoiceId: "" }))];
    if (input.kind === "deposit") {
      if (!(lc.depositPercent > 0)) throw new AppError("conflict", "no_deposit_policy");
      if (all.some((l) => l.kind === "deposit")) throw conflict("deposit_already_billed");
      const amount = percentOf(packagePrice, lc.depositPercent);
      const description = lineDescription("deposit", language, {
        offer: engagement.offer.name,
        percent: lc.depositPercent,
        locale: lc.locale,
      });
      lc.pending.push(line("deposit", description, 1, amount));
    } else if (input.kind === "milestone") {
      if ((input.percent === undefined) === (input.amount === undefined)) {
        throw invalid("invalid_input", {}, [
          { path: "lines", code: "milestone_amount", params: {} },
        ]);
      }
      const amount = input.amount ?? percentOf(packagePrice, input.percent ?? 0);
      lc.pending.push(line("milestone", input.description, 1, amount));
    } else if (input.kind === "balance") {
      const package_ = all
        .filter((l) => l.kind === "deposit" || l.kind === "milestone" || l.kind === "balance")
        .reduce((sum, l) => sum + l.amount, 0);
      const left = packagePrice - package_;
      if (left <= 0) throw conflict("nothing_left_to_bill");
      const description = lineDescription("balance", language, { offer: engagement.offer.name });
      lc.pending.push(line("balance", description, 1, left));
    } else {
      const order = await changeOrders.get(db, lc.workspaceId, input.changeOrderId);
      if (!order || order.engagementId !== engagement.id) throw notFound("change-order");
      if (order.state !== "accepted") throw conflict("change_order_not_accepted");
      if (all.some((l) => l.changeOrderId === order.id)) throw conflict("change_order_billed");
      const description = lineDescription("change-order", language, { title: order.title });
      lc.pending.push(line("change-order", description, 1, order.price, order.id));
    }
  }
  return lc.pending;
}

/** Recomputes and stores an invoice's totals from its lines and the tax setup. */
export async function refreshTotals(
  db: Db,
  workspaceId: string,
  invoiceId: string,
  taxes: TaxSetup,
  at: number,
) {
  const invoice = await invoices.getInvoice(db, workspaceId, invoiceId);
  if (!invoice) throw notFound("invoice");
  const totals = invoiceTotals(invoice.lines, taxes);
  const taxTotal = totals.taxes.reduce((sum, t) => sum + t.amount, 0);
  await invoices.setTotals(
    db,
    workspaceId,
    invoiceId,
    { subtotal: totals.subtotal, taxTotal, total: totals.total },
    taxes,
    at,
  );
}
