import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates.ts";
import { type LateFeeInvoice, type LateFeePolicy, lateFee } from "./late-fee.ts";

const percent: LateFeePolicy = { percentPerMonth: 2, graceDays: 5 };
const fixed: LateFeePolicy = { fixed: 4_000, graceDays: 5 };
const due = "2026-03-02";
const unpaid: LateFeeInvoice = { total: 100_000, dueOn: due, payments: [] };
const paidOn = (on: string, amount = 100_000): LateFeeInvoice => ({
  ...unpaid,
  payments: [{ amount, on }],
});

// 2 % per month on 1 000,00 $ = 20,00 $ per 30 days = 0,6667 $ per day.
const CASES: {
  name: string;
  invoice: LateFeeInvoice;
  asOf: string;
  policy: LateFeePolicy | null;
  amount: number;
  daysLate: number;
  chargeableDays: number;
}[] = [
  {
    name: "before the due date",
    invoice: unpaid,
    asOf: "2026-02-20",
    policy: percent,
    amount: 0,
    daysLate: 0,
    chargeableDays: 0,
  },
  {
    name: "on the due date",
    invoice: unpaid,
    asOf: due,
    policy: percent,
    amount: 0,
    daysLate: 0,
    chargeableDays: 0,
  },
  {
    name: "inside the grace period",
    invoice: unpaid,
    asOf: "2026-03-05",
    policy: percent,
    amount: 0,
    daysLate: 3,
    chargeableDays: 0,
  },
  {
    name: "last day of the grace period",
    invoice: unpaid,
    asOf: "2026-03-07",
    policy: percent,
    amount: 0,
    daysLate: 5,
    chargeableDays: 0,
  },
  {
    name: "first day after the grace period: one day charged, 66.67 → 67",
    invoice: unpaid,
    asOf: "2026-03-08",
    policy: percent,
    amount: 67,
    daysLate: 6,
    chargeableDays: 1,
  },
  {
    name: "pro-rated: 15 days after the grace period is half a month",
    invoice: unpaid,
    asOf: "2026-03-22",
    policy: percent,
    amount: 1_000,
    daysLate: 20,
    chargeableDays: 15,
  },
  {
    name: "one whole month after the grace period",
    invoice: unpaid,
    asOf: "2026-04-06",
    policy: percent,
    amount: 2_000,
    daysLate: 35,
    chargeableDays: 30,
  },
  {
    name: "no compounding: three months are 3 × 2 %, not 6.12 %",
    invoice: unpaid,
    asOf: "2026-06-05",
    policy: percent,
    amount: 6_000,
    daysLate: 95,
    chargeableDays: 90,
  },
  {
    name: "no grace period: charged from the first day late",
    invoice: unpaid,
    asOf: "2026-03-03",
    policy: { percentPerMonth: 2, graceDays: 0 },
    amount: 67,
    daysLate: 1,
    chargeableDays: 1,
  },
  {
    name: "decimal rate 1.5 %/month for 10 days: 5.00 $",
    invoice: unpaid,
    asOf: "2026-03-17",
    policy: { percentPerMonth: 1.5, graceDays: 5 },
    amount: 500,
    daysLate: 15,
    chargeableDays: 10,
  },
  {
    name: "half a cent rounds up: 1 day at 45 %/month on 1.00 $ is 1.5 ¢ → 2 ¢",
    invoice: { total: 100, dueOn: due, payments: [] },
    asOf: "2026-03-03",
    policy: { percentPerMonth: 45, graceDays: 0 },
    amount: 2,
    daysLate: 1,
    chargeableDays: 1,
  },
  {
    name: "fixed fee inside the grace period: nothing",
    invoice: unpaid,
    asOf: "2026-03-07",
    policy: fixed,
    amount: 0,
    daysLate: 5,
    chargeableDays: 0,
  },
  {
    name: "fixed fee after the grace period: the amount",
    invoice: unpaid,
    asOf: "2026-03-08",
    policy: fixed,
    amount: 4_000,
    daysLate: 6,
    chargeableDays: 1,
  },
  {
    name: "fixed fee is charged once, however late",
    invoice: unpaid,
    asOf: "2026-09-01",
    policy: fixed,
    amount: 4_000,
    daysLate: 183,
    chargeableDays: 178,
  },
  {
    name: "paid on time: zero, even a year later",
    invoice: paidOn("2026-03-01"),
    asOf: "2027-03-01",
    policy: percent,
    amount: 0,
    daysLate: 0,
    chargeableDays: 0,
  },
  {
    name: "paid within the grace period: zero",
    invoice: paidOn("2026-03-06"),
    asOf: "2026-12-31",
    policy: percent,
    amount: 0,
    daysLate: 4,
    chargeableDays: 0,
  },
  {
    name: "paid within the grace period: no fixed fee either",
    invoice: paidOn("2026-03-07"),
    asOf: "2026-12-31",
    policy: fixed,
    amount: 0,
    daysLate: 5,
    chargeableDays: 0,
  },
  {
    name: "paid late: the fee stops growing on the payment date",
    invoice: paidOn("2026-03-22"),
    asOf: "2026-12-31",
    policy: percent,
    amount: 1_000,
    daysLate: 20,
    chargeableDays: 15,
  },
  {
    name: "half paid before the grace period ended: the rest is charged",
    invoice: paidOn("2026-03-03", 50_000),
    asOf: "2026-04-06",
    policy: percent,
    amount: 1_000,
    daysLate: 35,
    chargeableDays: 30,
  },
  {
    name: "paid in two parts after the grace period",
    invoice: {
      ...unpaid,
      payments: [
        { amount: 50_000, on: "2026-03-22" },
        { amount: 50_000, on: "2026-04-06" },
      ],
    },
    asOf: "2026-05-01",
    policy: percent,
    amount: 1_500,
    daysLate: 35,
    chargeableDays: 30,
  },
  {
    name: "a payment dated after asOf does not count yet",
    invoice: paidOn("2026-04-30"),
    asOf: "2026-03-22",
    policy: percent,
    amount: 1_000,
    daysLate: 20,
    chargeableDays: 15,
  },
  {
    name: "no late-fee policy: nothing",
    invoice: unpaid,
    asOf: "2026-06-01",
    policy: null,
    amount: 0,
    daysLate: 91,
    chargeableDays: 0,
  },
];

describe("late fees: a table of named cases (2 %/month or 40 $ fixed, 5 days of grace)", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const fee = lateFee(c.invoice, c.asOf, c.policy);
      expect({
        amount: fee.amount,
        daysLate: fee.daysLate,
        chargeableDays: fee.chargeableDays,
      }).toEqual({
        amount: c.amount,
        daysLate: c.daysLate,
        chargeableDays: c.chargeableDays,
      });
    });
  }

  it("counts local dates, so a month across a DST change is still 30 days", () => {
    const fee = lateFee({ total: 100_000, dueOn: "2026-03-01", payments: [] }, "2026-03-31", {
      percentPerMonth: 2,
      graceDays: 0,
    });
    expect(fee).toMatchObject({ amount: 2_000, daysLate: 30 });
  });

  it("property: never negative, never decreasing with time, linear in days, stops once paid", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 400 }),
        fc.option(fc.integer({ min: -40, max: 400 }), { nil: undefined }),
        (total, grace, ratePerTenThousand, days, paidAfter) => {
          const policy = { percentPerMonth: ratePerTenThousand / 100, graceDays: grace };
          const invoice: LateFeeInvoice = {
            total,
            dueOn: due,
            payments:
              paidAfter === undefined ? [] : [{ amount: total, on: addDays(due, paidAfter) }],
          };
          const now = lateFee(invoice, addDays(due, days), policy);
          const later = lateFee(invoice, addDays(due, days + 1), policy);
          expect(now.amount).toBeGreaterThanOrEqual(0);
          expect(later.amount).toBeGreaterThanOrEqual(now.amount);
          // Simple interest on an unpaid principal: the exact formula, rounded half up once.
          const charged = Math.max(0, Math.min(days, paidAfter ?? Infinity) - grace);
          const exact = (total * policy.percentPerMonth * charged) / 100 / 30;
          expect(Math.abs(now.amount - exact)).toBeLessThanOrEqual(0.5 + 1e-6 * Math.max(1, exact));
          if (paidAfter !== undefined && paidAfter <= days) {
            expect(lateFee(invoice, addDays(due, days + 100), policy).amount).toBe(now.amount);
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
