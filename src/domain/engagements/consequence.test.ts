import { describe, expect, it } from "vitest";
import { compileCalendar } from "../business-time/index.ts";
import { businessDaysLate, moveByBusinessDays, planConsequence } from "./consequence.ts";

const day: [string, string][] = [["09:00", "17:00"]];
const quebec = compileCalendar({
  timezone: "America/Toronto",
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day },
  holidays: { country: "CA", region: "QC" },
});
const at = (iso: string) => Date.parse(iso);
const text = (t: number) => new Date(t).toISOString();

describe("moving delivery dates by business days", () => {
  it("skips the weekend and Quebec's Fête nationale (24 June 2026)", () => {
    // Friday 19 June 17:00 EDT + 3 business days = Thursday 25 June 17:00 EDT.
    expect(text(moveByBusinessDays(quebec, at("2026-06-19T21:00:00Z"), 3))).toBe(
      "2026-06-25T21:00:00.000Z",
    );
    expect(text(moveByBusinessDays(quebec, at("2026-06-19T15:00:00Z"), 3))).toBe(
      "2026-06-25T15:00:00.000Z",
    );
  });

  it("keeps a due time on a closing instant on the closing instant", () => {
    expect(text(moveByBusinessDays(quebec, at("2026-06-22T21:00:00Z"), 1))).toBe(
      "2026-06-23T21:00:00.000Z",
    );
  });

  it("counts business days late, a started day as a whole one", () => {
    const due = at("2026-06-12T21:00:00Z"); // Friday 17:00
    expect(businessDaysLate(quebec, due, due)).toBe(0);
    expect(businessDaysLate(quebec, due, at("2026-06-12T23:00:00Z"))).toBe(1);
    expect(businessDaysLate(quebec, due, at("2026-06-15T21:00:00Z"))).toBe(1);
    expect(businessDaysLate(quebec, due, at("2026-06-16T14:00:00Z"))).toBe(2);
    // Due Tuesday 23 June, arrived Thursday 25: the holiday is not counted.
    expect(businessDaysLate(quebec, at("2026-06-23T21:00:00Z"), at("2026-06-25T20:00:00Z"))).toBe(
      1,
    );
  });

  it("plans the fixed shift without an arrival, the delay with one, never twice", () => {
    const deliverables = [{ id: "d", dueAt: at("2026-06-19T21:00:00Z") }];
    const base = { dueAt: at("2026-06-12T21:00:00Z"), shiftBusinessDays: 3, deliverables };
    const missed = planConsequence(quebec, { ...base, receivedAt: null, shiftedBusinessDays: 0 });
    expect(missed).toMatchObject({ totalBusinessDays: 3, addedBusinessDays: 3 });
    const again = planConsequence(quebec, { ...base, receivedAt: null, shiftedBusinessDays: 3 });
    expect(again).toMatchObject({ addedBusinessDays: 0, moves: [] });
    const lateArrival = at("2026-06-19T14:00:00Z"); // 5 business days late
    const topUp = planConsequence(quebec, {
      ...base,
      receivedAt: lateArrival,
      shiftedBusinessDays: 3,
    });
    expect(topUp).toMatchObject({
      lateBusinessDays: 5,
      totalBusinessDays: 5,
      addedBusinessDays: 2,
    });
  });
});
