// The late fee of an invoice on a given day, per the charter's policy (see docs/money.md):
// - days late are whole local days after the due date; the grace period's days are not charged;
// - percent per month: simple interest on the principal still unpaid each chargeable day,
//   pro-rated by day on a 30-day month, never on earlier fees (no compounding), rounded half up
//   once at the end;
// - fixed: the amount, once, as soon as any principal is unpaid after the grace period;
// - a payment stops the accrual from the day after it: a principal paid by the end of the grace
//   period owes nothing, and nothing accrues after the last payment.
import { daysBetween } from "./dates.ts";
import { proratedMonthlyPercent } from "./rounding.ts";

export type LateFeePolicy =
  | { percentPerMonth: number; graceDays: number }
  | { fixed: number; graceDays: number };

export interface LateFeeInvoice {
  /** The principal: the invoice total, taxes included. */
  total: number;
  /** Local due date "YYYY-MM-DD". */
  dueOn: string;
  /** Payments with their local date. */
  payments: readonly { amount: number; on: string }[];
}

export interface LateFee {
  /** Minor units. */
  amount: number;
  /** Whole days from the due date to asOf, or to the day the principal was paid in full. */
  daysLate: number;
  /** Days late beyond the grace period (the ones charged). */
  chargeableDays: number;
  basis: "none" | "percent" | "fixed";
}

const NONE: LateFee = { amount: 0, daysLate: 0, chargeableDays: 0, basis: "none" };

/** The balance still unpaid at the end of each local date, as [date, balance] steps. */
function balanceSteps(invoice: LateFeeInvoice): { on: string; paid: number }[] {
  const sorted = [...invoice.payments].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  let paid = 0;
  return sorted.map((p) => {
    paid += p.amount;
    return { on: p.on, paid };
  });
}

export function lateFee(
  invoice: LateFeeInvoice,
  asOf: string,
  policy: LateFeePolicy | undefined | null,
): LateFee {
  if (invoice.total <= 0) return NONE;
  const steps = balanceSteps(invoice);
  const paidInFull = steps.find((s) => s.paid >= invoice.total)?.on;
  // The last day that can be late: asOf, or the day the principal was paid in full.
  const end = paidInFull !== undefined && paidInFull < asOf ? paidInFull : asOf;
  const daysLate = Math.max(0, daysBetween(invoice.dueOn, end));
  if (!policy || daysLate === 0) return { ...NONE, daysLate };
  const chargeableDays = Math.max(0, daysLate - policy.graceDays);
  if (chargeableDays === 0) return { ...NONE, daysLate };

  if ("fixed" in policy) {
    return { amount: policy.fixed, daysLate, chargeableDays, basis: "fixed" };
  }
  // The day `o` days after the due date (grace < o ≤ daysLate) is charged on what was unpaid
  // after the payments dated before it; Σ balance × days is exact and the fee rounded once.
  const offsets = steps.map((s) => ({ at: daysBetween(invoice.dueOn, s.on), paid: s.paid }));
  let amountDays = 0n;
  let paid = 0;
  let next = 0;
  for (let o = policy.graceDays + 1; o <= daysLate; ) {
    while (next < offsets.length && offsets[next]!.at < o) paid = offsets[next++]!.paid;
    // The balance holds until the day after the next payment.
    const until = Math.min(next < offsets.length ? offsets[next]!.at + 1 : Infinity, daysLate + 1);
    amountDays += BigInt(Math.max(0, invoice.total - paid)) * BigInt(until - o);
    o = until;
  }
  return {
    amount: proratedMonthlyPercent(amountDays, policy.percentPerMonth),
    daysLate,
    chargeableDays,
    basis: "percent",
  };
}
