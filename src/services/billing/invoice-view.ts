// An invoice as the API and the PDF show it: its lines and payments, each tax on the pre-tax
// subtotal, the late fee as of today (in the invoice's zone), the principal left and the amount due.
import { daysBetween, localDateOf } from "../../domain/money/dates.ts";
import { type LateFee, lateFee } from "../../domain/money/late-fee.ts";
import { invoiceTotals, type TaxAmount } from "../../domain/money/taxes.ts";
import type { Invoice } from "../../store/repositories/invoices.ts";

export interface InvoiceView extends Invoice {
  taxAmounts: TaxAmount[];
  /** The late fee on `asOf` (frozen once the principal is paid). */
  lateFee: LateFee & { asOf: string };
  /** Principal left: total − payments, never negative. */
  balance: number;
  /** What the client owes on `asOf`: total + late fee − payments, never negative. */
  amountDue: number;
  /** Issued, unpaid, and past its due date on `asOf`. */
  overdue: boolean;
  /** Days until the due date (negative when late); null for drafts. */
  daysUntilDue: number | null;
}

export function feeOf(invoice: Invoice, asOf: string): LateFee {
  if (invoice.dueOn === null || invoice.state === "draft" || invoice.state === "void") {
    return { amount: 0, daysLate: 0, chargeableDays: 0, basis: "none" };
  }
  return lateFee(
    {
      total: invoice.total,
      dueOn: invoice.dueOn,
      payments: invoice.payments.map((p) => ({ amount: p.amount, on: p.paidOn })),
    },
    asOf,
    invoice.terms.lateFee,
  );
}

/** Total + late fee − payments on `asOf`, never negative. */
export function amountDueOn(invoice: Invoice, asOf: string): number {
  return Math.max(0, invoice.total + feeOf(invoice, asOf).amount - invoice.paidAmount);
}

export function invoiceView(invoice: Invoice, now: number): InvoiceView {
  const asOf = localDateOf(invoice.timezone, now);
  const totals = invoiceTotals(invoice.lines, invoice.taxes);
  const fee = feeOf(invoice, asOf);
  const open = invoice.state === "issued";
  return {
    ...invoice,
    taxAmounts: totals.taxes,
    lateFee: { ...fee, asOf },
    balance: Math.max(0, invoice.total - invoice.paidAmount),
    amountDue:
      invoice.state === "void" ? 0 : Math.max(0, invoice.total + fee.amount - invoice.paidAmount),
    overdue: open && invoice.dueOn !== null && asOf > invoice.dueOn,
    daysUntilDue: invoice.dueOn === null ? null : daysBetween(asOf, invoice.dueOn),
  };
}
