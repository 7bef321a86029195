// Records a payment: only by a method the charter accepts (else 422 with the policy's reason),
// never more than what is due that day (late fee included), never in the future. The invoice is
// paid once the principal and the late fee accrued to the payment's date are covered.
import { localDateOf } from "../../domain/money/dates.ts";
import { isAcceptedMethod } from "../../domain/money/labels.ts";
import * as invoices from "../../store/repositories/invoices.ts";
import { newId } from "../../store/values.ts";
import type { AppContext } from "../context.ts";
import { AppError, conflict, invalid, notFound } from "../errors.ts";
import { amountDueOn, type InvoiceView, invoiceView } from "./invoice-view.ts";
import { recordOverdue } from "./overdue.ts";
import "./messages.ts";

export interface PaymentInput {
  /** Minor units; absent: everything due on that date. */
  amount?: number | undefined;
  method: string;
  /** When it was paid (ISO instant); default now. */
  at?: string | undefined;
}

export async function recordPayment(
  ctx: AppContext,
  workspaceId: string,
  invoiceId: string,
  input: PaymentInput,
  actor: string | null = null,
): Promise<InvoiceView> {
  await ctx.db.transaction().execute(async (trx) => {
    const invoice = await invoices.getInvoice(trx, workspaceId, invoiceId);
    if (!invoice) throw notFound("invoice");
    if (invoice.state !== "issued") throw conflict("invoice_not_payable", { state: invoice.state });
    const { methods } = invoice.terms;
    if (!isAcceptedMethod(input.method, methods)) {
      const params = { method: input.method, methods };
      throw new AppError("boundary", "money.method-refused", params, [
        { path: "method", code: "money.method-refused", params },
      ]);
    }
    const now = ctx.now();
    const paidAt = input.at === undefined ? now : Date.parse(input.at);
    if (paidAt > now) throw invalid("payment_in_future");
    const paidOn = localDateOf(invoice.timezone, paidAt);
    const due = amountDueOn(invoice, paidOn);
    const amount = input.amount ?? due;
    if (amount <= 0 || amount > due) {
      throw invalid("overpayment", { amount: due, currency: invoice.currency });
    }
    await invoices.insertPayment(
      trx,
      workspaceId,
      invoiceId,
      {
        id: newId(),
        amount,
        method: input.method.trim(),
        paidAt: new Date(paidAt).toISOString(),
        paidOn,
        recordedBy: actor,
      },
      now,
    );
    const after = (await invoices.getInvoice(trx, workspaceId, invoiceId))!;
    // Paid after its due date before the sweep saw it: it was overdue all the same.
    if (after.dueOn !== null && paidOn > after.dueOn)
      await recordOverdue(trx, workspaceId, after, now);
    if (amountDueOn(after, paidOn) === 0) {
      await invoices.setState(
        trx,
        workspaceId,
        invoiceId,
        "paid",
        now,
        new Date(paidAt).toISOString(),
      );
    }
  });
  return invoiceView((await invoices.getInvoice(ctx.db, workspaceId, invoiceId))!, ctx.now());
}

/** Voids a draft or an issued invoice that has no payment (its number stays used). */
export async function voidInvoice(ctx: AppContext, workspaceId: string, invoiceId: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const invoice = await invoices.getInvoice(trx, workspaceId, invoiceId);
    if (!invoice) throw notFound("invoice");
    if (invoice.state === "paid" || invoice.state === "void") {
      throw conflict("invoice_not_payable", { state: invoice.state });
    }
    if (invoice.payments.length > 0) throw conflict("invoice_has_payments");
    await invoices.setState(trx, workspaceId, invoiceId, "void", ctx.now());
  });
  return invoiceView((await invoices.getInvoice(ctx.db, workspaceId, invoiceId))!, ctx.now());
}
