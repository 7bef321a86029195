// Which reminder an invoice gets on a given day, and the sweep job's quarter-hour rhythm.
import { describe, expect, it } from "vitest";
import { INVOICE_SWEEP, sweepInvoicesJob } from "../../src/jobs/invoices.ts";
import { reminderFor } from "../../src/services/billing/sweep-invoices.ts";
import type { AppContext } from "../../src/services/context.ts";

const invoice = {
  dueOn: "2026-03-17",
  terms: {
    paymentTermsDays: 15,
    depositPercent: 0,
    methods: [],
    lateFee: null,
    reminders: { beforeDays: [7, 3], afterDays: [1, 7, 14] },
    charterVersion: 1,
  },
};

describe("payment reminders", () => {
  const cases: [string, string, ReturnType<typeof reminderFor>][] = [
    ["more than a week before: none", "2026-03-09", null],
    ["a week before", "2026-03-10", { when: "before", days: 7, step: 7 }],
    ["five days before: still the week's", "2026-03-12", { when: "before", days: 5, step: 7 }],
    ["three days before", "2026-03-14", { when: "before", days: 3, step: 3 }],
    ["on the due date: none", "2026-03-17", null],
    ["the day after", "2026-03-18", { when: "after", days: 1, step: 1 }],
    ["a week late", "2026-03-24", { when: "after", days: 7, step: 7 }],
    ["a month late: the latest step", "2026-04-17", { when: "after", days: 31, step: 14 }],
  ];
  for (const [name, today, expected] of cases) {
    it(name, () => expect(reminderFor(invoice, today)).toEqual(expected));
  }

  it("a draft has none", () => {
    expect(reminderFor({ ...invoice, dueOn: null }, "2026-03-14")).toBeNull();
  });
});

describe("the invoices.sweep job", () => {
  it("works on the quarter hour only (reminders are counted in days)", async () => {
    let reads = 0;
    const ctx = {
      db: {
        selectFrom: () => {
          reads++;
          throw new Error("read");
        },
      },
    } as unknown as AppContext;
    const job = { kind: INVOICE_SWEEP } as never;
    await sweepInvoicesJob(ctx, job, Date.parse("2026-03-14T14:07:00Z"));
    expect(reads).toBe(0);
    await expect(sweepInvoicesJob(ctx, job, Date.parse("2026-03-14T14:15:00Z"))).rejects.toThrow(
      "read",
    );
    expect(reads).toBe(1);
  });
});
