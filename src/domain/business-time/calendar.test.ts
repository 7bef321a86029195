import { describe, expect, it } from "vitest";
import { BusinessTimeError, type CalendarSpec, compileCalendar } from "./index.ts";

const H = 3_600_000;
const weekdays = (hours: [string, string][]) => ({
  mon: hours,
  tue: hours,
  wed: hours,
  thu: hours,
  fri: hours,
});
const at = (iso: string) => Date.parse(iso);
const iso = (t: number, zone: string) => {
  // Local wall time with offset, e.g. 2027-03-15T10:00-04:00, for readable assertions.
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "longOffset",
  }).formatToParts(t);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const offset = get("timeZoneName").replace("GMT", "") || "+00:00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}${offset}`;
};

const toronto: CalendarSpec = {
  timezone: "America/Toronto",
  hours: weekdays([["09:00", "17:00"]]),
  holidays: { country: "CA", region: "QC" },
};

describe("business calendar: named edge cases", () => {
  it("Toronto spring-forward: a day whose interval contains the jump has one hour less", () => {
    const cal = compileCalendar({
      timezone: "America/Toronto",
      hours: { sun: [["00:00", "08:00"]] },
    });
    expect(
      cal.businessHoursBetween(at("2027-03-14T00:00-05:00"), at("2027-03-15T00:00-04:00")),
    ).toBe(7);
    expect(
      cal.businessHoursBetween(at("2027-03-07T00:00-05:00"), at("2027-03-08T00:00-05:00")),
    ).toBe(8);
  });

  it("Toronto spring-forward week: Friday afternoon + 2 h lands Monday 10:00 EDT", () => {
    const cal = compileCalendar(toronto);
    const due = cal.addBusinessHours(at("2027-03-12T16:00-05:00"), 2);
    expect(iso(due, "America/Toronto")).toBe("2027-03-15T10:00-04:00");
    expect(
      cal.businessHoursBetween(at("2027-03-08T00:00-05:00"), at("2027-03-15T00:00-04:00")),
    ).toBe(40);
  });

  it("Toronto fall-back: the repeated hour counts twice in real time", () => {
    const cal = compileCalendar({
      timezone: "America/Toronto",
      hours: { sun: [["00:00", "08:00"]] },
    });
    expect(
      cal.businessHoursBetween(at("2027-11-07T00:00-04:00"), at("2027-11-08T00:00-05:00")),
    ).toBe(9);
    // 00:00 EDT + 2 h = 01:00 EDT + 1 h = 01:00 EST (the second 01:00).
    const due = cal.addBusinessHours(at("2027-11-07T00:00-04:00"), 2);
    expect(iso(due, "America/Toronto")).toBe("2027-11-07T01:00-05:00");
  });

  it("Toronto fall-back week: weekday hours are unchanged", () => {
    const cal = compileCalendar(toronto);
    expect(
      cal.businessHoursBetween(at("2027-11-01T00:00-04:00"), at("2027-11-13T00:00-05:00")),
    ).toBe(80);
    const due = cal.addBusinessHours(at("2027-11-05T16:00-04:00"), 2);
    expect(iso(due, "America/Toronto")).toBe("2027-11-08T10:00-05:00");
  });

  it("Europe/Paris: spring-forward at 02:00 removes an hour, fall-back adds one", () => {
    const cal = compileCalendar({ timezone: "Europe/Paris", hours: { sun: [["00:00", "06:00"]] } });
    expect(
      cal.businessHoursBetween(at("2027-03-28T00:00+01:00"), at("2027-03-29T00:00+02:00")),
    ).toBe(5);
    expect(
      cal.businessHoursBetween(at("2027-10-31T00:00+02:00"), at("2027-11-01T00:00+01:00")),
    ).toBe(7);
  });

  it("Australia/Lord_Howe: the 30-minute DST shift", () => {
    const cal = compileCalendar({
      timezone: "Australia/Lord_Howe",
      hours: { sun: [["00:00", "06:00"]] },
    });
    // First Sunday of October 2027 (Oct 3): 02:00 → 02:30, so 5.5 open hours.
    expect(
      cal.businessHoursBetween(at("2027-10-03T00:00+10:30"), at("2027-10-04T00:00+11:00")),
    ).toBe(5.5);
    // First Sunday of April 2027 (Apr 4): 02:00 → 01:30, so 6.5 open hours.
    expect(
      cal.businessHoursBetween(at("2027-04-04T00:00+11:00"), at("2027-04-05T00:00+10:30")),
    ).toBe(6.5);
  });

  it("Asia/Kolkata: a half-hour offset, no DST", () => {
    const cal = compileCalendar({
      timezone: "Asia/Kolkata",
      hours: weekdays([["09:00", "18:00"]]),
    });
    expect(cal.isOpen(at("2027-01-04T03:30Z"))).toBe(true);
    expect(cal.isOpen(at("2027-01-04T03:29Z"))).toBe(false);
    expect(cal.nextOpening(at("2027-01-02T00:00Z"))).toBe(at("2027-01-04T09:00+05:30"));
    expect(iso(cal.addBusinessHours(at("2027-01-04T17:00+05:30"), 2), "Asia/Kolkata")).toBe(
      "2027-01-05T10:00+05:30",
    );
  });

  it("Quebec's June 24 holiday is closed in the charter's zone", () => {
    const cal = compileCalendar(toronto);
    expect(cal.isOpen(at("2027-06-24T12:00-04:00"))).toBe(false);
    const due = cal.addBusinessHours(at("2027-06-23T16:00-04:00"), 2);
    expect(iso(due, "America/Toronto")).toBe("2027-06-25T10:00-04:00");
  });

  it("a closure across New Year, with a holiday inside and an override before it", () => {
    const cal = compileCalendar({
      ...toronto,
      closures: [{ from: "2026-12-24", to: "2027-01-04" }],
      overrides: [{ date: "2026-12-23", hours: [["09:00", "12:00"]] }],
    });
    expect(cal.isOpen(at("2026-12-23T13:00-05:00"))).toBe(false);
    const due = cal.addBusinessHours(at("2026-12-23T11:00-05:00"), 2);
    expect(iso(due, "America/Toronto")).toBe("2027-01-05T10:00-05:00");
    expect(
      cal.businessHoursBetween(at("2026-12-21T00:00-05:00"), at("2027-01-06T00:00-05:00")),
    ).toBe(8 + 8 + 3 + 8);
  });

  it("holidays and closures are local days, not UTC days", () => {
    const cal = compileCalendar({
      timezone: "Pacific/Auckland",
      hours: weekdays([["08:00", "12:00"]]),
      closures: [{ from: "2027-02-03", to: "2027-02-03" }],
    });
    // 08:00 in Auckland on Feb 3 is Feb 2 in UTC; it must be closed all the same.
    expect(cal.isOpen(at("2027-02-03T09:00+13:00"))).toBe(false);
    expect(cal.isOpen(at("2027-02-02T09:00+13:00"))).toBe(true);
  });

  it("an interval crossing midnight belongs to the day it starts on", () => {
    const cal = compileCalendar({ timezone: "Europe/Paris", hours: { fri: [["22:00", "02:00"]] } });
    expect(cal.isOpen(at("2027-01-08T23:00+01:00"))).toBe(true);
    expect(cal.isOpen(at("2027-01-09T01:59+01:00"))).toBe(true);
    expect(cal.isOpen(at("2027-01-09T02:00+01:00"))).toBe(false);
    expect(cal.addBusinessHours(at("2027-01-08T12:00+01:00"), 4)).toBe(
      at("2027-01-09T02:00+01:00"),
    );
  });

  it('"24:00" ends the day, and a 24/7 calendar has no gap at midnight', () => {
    const allDay: [string, string][] = [["00:00", "24:00"]];
    const cal = compileCalendar({
      timezone: "America/Toronto",
      hours: { ...weekdays(allDay), sat: allDay, sun: allDay },
    });
    const t = at("2027-03-13T20:00-05:00");
    expect(cal.isOpen(at("2027-03-14T00:00-05:00"))).toBe(true);
    expect(cal.openIntervals(t, t + 72 * H)).toEqual([[t, t + 72 * H]]);
    expect(cal.addBusinessHours(t, 48)).toBe(t + 48 * H);
    expect(() => cal.nextClosing(t)).toThrow(BusinessTimeError);
    const evening = compileCalendar({ timezone: "UTC", hours: { mon: [["18:00", "24:00"]] } });
    expect(evening.nextClosing(at("2027-01-04T19:00Z"))).toBe(at("2027-01-05T00:00Z"));
  });

  it("a gap-time start moves forward like Temporal's compatible disambiguation", () => {
    const cal = compileCalendar({
      timezone: "America/Toronto",
      hours: { sun: [["02:30", "05:00"]] },
    });
    expect(cal.nextOpening(at("2027-03-14T00:00-05:00"))).toBe(at("2027-03-14T03:30-04:00"));
    expect(
      cal.businessHoursBetween(at("2027-03-14T00:00-05:00"), at("2027-03-15T00:00-04:00")),
    ).toBe(1.5);
  });

  it("a calendar with no open time throws a clear error instead of looping", () => {
    const closed = compileCalendar({ timezone: "Europe/Paris", hours: {} });
    const t = at("2027-01-01T00:00Z");
    for (const call of [
      () => closed.nextOpening(t),
      () => closed.addBusinessHours(t, 1),
      () => closed.addBusinessDays(t, 1),
    ]) {
      expect(call).toThrow(BusinessTimeError);
      try {
        call();
      } catch (e) {
        expect((e as BusinessTimeError).code).toBe("no_open_time");
      }
    }
    const longClosure = compileCalendar({
      ...toronto,
      closures: [{ from: "2027-01-01", to: "2029-12-31" }],
    });
    expect(() => longClosure.addBusinessHours(t, 1)).toThrow(/No open time/);
    expect(() => compileCalendar({ timezone: "Mars/Olympus", hours: {} })).toThrow(
      BusinessTimeError,
    );
  });

  it("open time that ends before a long closure is still usable, then the error comes", () => {
    const cal = compileCalendar({
      ...toronto,
      closures: [{ from: "2027-01-09", to: "2030-12-31" }],
    });
    expect(cal.addBusinessHours(at("2027-01-04T09:00-05:00"), 40)).toBe(
      at("2027-01-08T17:00-05:00"),
    );
    expect(() => cal.addBusinessHours(at("2027-01-04T09:00-05:00"), 41)).toThrow(BusinessTimeError);
  });

  it("isOpen, nextOpening and nextClosing around a lunch break", () => {
    const cal = compileCalendar({
      timezone: "America/Toronto",
      hours: {
        mon: [
          ["09:00", "12:00"],
          ["13:00", "17:00"],
        ],
      },
    });
    const noon = at("2027-01-04T12:00-05:00");
    expect(cal.isOpen(noon)).toBe(false);
    expect(cal.isOpen(noon - 1)).toBe(true);
    expect(cal.nextOpening(noon)).toBe(at("2027-01-04T13:00-05:00"));
    expect(cal.nextClosing(at("2027-01-04T10:00-05:00"))).toBe(noon);
    expect(cal.nextClosing(noon)).toBe(noon);
    expect(cal.addBusinessHours(at("2027-01-04T11:00-05:00"), 2)).toBe(
      at("2027-01-04T14:00-05:00"),
    );
    expect(cal.addBusinessHours(at("2027-01-04T09:00-05:00"), 3)).toBe(noon);
  });

  it("addBusinessDays: same wall time N open days later, from the next opening", () => {
    const cal = compileCalendar({
      ...toronto,
      hours: { ...weekdays([["09:00", "17:00"]]), fri: [["09:00", "15:00"]] },
    });
    const zone = "America/Toronto";
    expect(iso(cal.addBusinessDays(at("2027-01-07T10:00-05:00"), 2), zone)).toBe(
      "2027-01-11T10:00-05:00",
    );
    // Friday 21:30 is closed: counting starts Monday 09:00.
    expect(iso(cal.addBusinessDays(at("2027-01-08T21:30-05:00"), 2), zone)).toBe(
      "2027-01-13T09:00-05:00",
    );
    // Thursday 16:00 + 1 day: Friday closes at 15:00, so the due time is Friday 15:00.
    expect(iso(cal.addBusinessDays(at("2027-01-07T16:00-05:00"), 1), zone)).toBe(
      "2027-01-08T15:00-05:00",
    );
    // Skips the June 24 holiday.
    expect(iso(cal.addBusinessDays(at("2027-06-23T10:00-04:00"), 1), zone)).toBe(
      "2027-06-25T10:00-04:00",
    );
  });

  it("openIntervals clips to the range and lists local intervals as instants", () => {
    const cal = compileCalendar(toronto);
    const list = cal.openIntervals(at("2027-01-04T12:00-05:00"), at("2027-01-06T10:00-05:00"));
    expect(list).toEqual([
      [at("2027-01-04T12:00-05:00"), at("2027-01-04T17:00-05:00")],
      [at("2027-01-05T09:00-05:00"), at("2027-01-05T17:00-05:00")],
      [at("2027-01-06T09:00-05:00"), at("2027-01-06T10:00-05:00")],
    ]);
  });

  it("nextCheckTime: the next e-mail check time in open hours", () => {
    const cal = compileCalendar(toronto);
    const checks = [10 * 60, 15 * 60];
    expect(cal.nextCheckTime(at("2027-01-08T21:30-05:00"), checks)).toBe(
      at("2027-01-11T10:00-05:00"),
    );
    expect(cal.nextCheckTime(at("2027-01-11T10:30-05:00"), checks)).toBe(
      at("2027-01-11T15:00-05:00"),
    );
  });

  it("rejects negative, infinite and NaN durations", () => {
    const cal = compileCalendar(toronto);
    expect(() => cal.addBusinessHours(0, -1)).toThrow(BusinessTimeError);
    expect(() => cal.addBusinessHours(at("2027-01-04T09:00Z"), Number.NaN)).toThrow(
      BusinessTimeError,
    );
    expect(() => cal.addBusinessHours(Number.NaN, 1)).toThrow(BusinessTimeError);
    expect(() => cal.addBusinessDays(at("2027-01-04T09:00Z"), 1.5)).toThrow(BusinessTimeError);
  });
});
