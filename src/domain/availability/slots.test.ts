import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { exampleCharter } from "../../../test/factories/domain.ts";
import { BusinessTimeError, compileCalendar } from "../business-time/index.ts";
import type { MeetingType } from "../charter/schema.ts";
import { computeSlots, slotsToIso } from "./slots.ts";
import type { AvailabilityInput, ExistingBooking, TimeRange } from "./types.ts";

const TORONTO = "America/Toronto";
const MIN = 60_000;
const charter = exampleCharter();
const calendar = compileCalendar(charter);
const call30 = charter.meetings[0]!;

/** Epoch ms of a Toronto wall time, "2027-03-09T10:00". */
const at = (wall: string, zone = TORONTO) =>
  Temporal.PlainDateTime.from(wall).toZonedDateTime(zone).epochMilliseconds;
/** Toronto wall time of an instant, "2027-03-09T10:00". */
const wall = (ms: number, zone = TORONTO) =>
  Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(zone)
    .toPlainDateTime()
    .toString({ smallestUnit: "minute" });
const starts = (slots: readonly TimeRange[]) => slots.map((s) => wall(s.start));
const onDay = (slots: readonly TimeRange[], date: string) =>
  starts(slots).filter((s) => s.startsWith(date));

function slots(
  patch: Omit<Partial<AvailabilityInput>, "meeting"> & { meeting?: Partial<MeetingType> },
) {
  const { meeting, ...rest } = patch;
  return computeSlots({
    calendar,
    from: at("2027-03-08T00:00"),
    to: at("2027-03-13T00:00"),
    now: at("2027-03-01T09:00"),
    ...rest,
    meeting: { ...call30, minNotice: undefined, ...meeting },
  });
}

describe("computeSlots: the example charter's call-30", () => {
  it("offers the open hours on a 30-minute grid, never across the lunch break", () => {
    const { slots: s } = slots({});
    expect(onDay(s, "2027-03-08")).toEqual([
      "2027-03-08T09:00",
      "2027-03-08T09:30",
      "2027-03-08T10:00",
      "2027-03-08T10:30",
      "2027-03-08T11:00",
      "2027-03-08T11:30",
      "2027-03-08T13:00",
      "2027-03-08T13:30",
      "2027-03-08T14:00",
      "2027-03-08T14:30",
      "2027-03-08T15:00",
      "2027-03-08T15:30",
      "2027-03-08T16:00",
      "2027-03-08T16:30",
    ]);
    expect(onDay(s, "2027-03-12").at(-1)).toBe("2027-03-12T14:30"); // Friday closes at 15:00
    expect(s.every((x) => x.end - x.start === 30 * MIN)).toBe(true);
  });

  it("does not offer a too-soon slot: 24 business hours of notice across a weekend", () => {
    // Friday 13:00: 2 h on Friday (to 15:00), 7 h Monday, 8 h Tuesday, 7 h Wednesday → Wed 16:00.
    // Counted in calendar hours it would be Saturday 13:00, i.e. Monday 09:00.
    const now = at("2027-03-05T13:00");
    const r = slots({
      now,
      from: now,
      to: at("2027-03-13T00:00"),
      meeting: { minNotice: call30.minNotice },
    });
    expect(starts(r.slots)[0]).toBe("2027-03-10T16:00");
    expect(onDay(r.slots, "2027-03-08")).toEqual([]);
    expect(onDay(r.slots, "2027-03-09")).toEqual([]);
    expect(onDay(r.slots, "2027-03-10")).toEqual(["2027-03-10T16:00", "2027-03-10T16:30"]);
    expect(r.reasons).toContainEqual({
      id: "meetings.min-notice",
      category: "time",
      params: { businessHours: 24, earliest: new Date(at("2027-03-10T16:00")).toISOString() },
    });
  });

  it("counts business-days notice as the same wall time N open days later", () => {
    const now = at("2027-03-05T13:10"); // Friday
    const r = slots({ now, from: now, meeting: { minNotice: { businessDays: 2 } } });
    expect(starts(r.slots)[0]).toBe("2027-03-09T13:30"); // Tuesday, first grid start after 13:10
  });

  it("offers nothing on a day whose maxPerDay is reached, and says which day", () => {
    const tuesday: ExistingBooking[] = ["09:00", "11:00", "14:00"].map((t) => ({
      start: at(`2027-03-09T${t}`),
      end: at(`2027-03-09T${t}`) + 30 * MIN,
      meetingTypeId: "call-30",
    }));
    const r = slots({ bookings: tuesday });
    expect(onDay(r.slots, "2027-03-09")).toEqual([]);
    expect(onDay(r.slots, "2027-03-10")).toHaveLength(16);
    expect(r.reasons).toContainEqual({
      id: "meetings.max-per-day",
      category: "energy",
      params: { maxPerDay: 3, dates: ["2027-03-09"] },
    });
    // Three bookings of another meeting type block their own time only.
    const other = tuesday.map((b) => ({ ...b, meetingTypeId: "workshop" }));
    expect(onDay(slots({ bookings: other }).slots, "2027-03-09")).toHaveLength(16 - 8);
  });

  it("offers nothing in an ISO week (Mon–Sun) whose maxPerWeek is reached", () => {
    // Eight call-30 bookings the week before, spread Mon–Thu: that week is full, ours is not.
    const days = ["01", "01", "02", "02", "03", "03", "04", "04"];
    const bookings = days.map((d, i) => ({
      start: at(`2027-03-${d}T${i % 2 ? "14" : "10"}:00`),
      end: at(`2027-03-${d}T${i % 2 ? "14" : "10"}:30`),
      meetingTypeId: "call-30",
    }));
    const wide = slots({ bookings, now: at("2027-02-26T09:00"), from: at("2027-03-01T00:00") });
    expect(starts(wide.slots).filter((s) => s < "2027-03-08")).toEqual([]);
    expect(onDay(wide.slots, "2027-03-08")).toHaveLength(14);
    expect(wide.reasons).toContainEqual({
      id: "meetings.max-per-week",
      category: "energy",
      params: { maxPerWeek: 8, weeks: ["2027-03-01"] },
    });
  });

  it("keeps the buffer around a booking free: adjacent slots are blocked", () => {
    const booking = { start: at("2027-03-09T10:00"), end: at("2027-03-09T10:30") };
    const tue = onDay(slots({ bookings: [booking] }).slots, "2027-03-09");
    expect(tue).toContain("2027-03-09T09:00");
    expect(tue).not.toContain("2027-03-09T09:30"); // ends 10:00, inside the 15-minute buffer
    expect(tue).not.toContain("2027-03-09T10:30");
    expect(tue).toContain("2027-03-09T11:00");
    // Without a buffer the neighbours are free.
    const bare = onDay(
      slots({ bookings: [booking], meeting: { bufferMinutes: 0 } }).slots,
      "2027-03-09",
    );
    expect(bare).toContain("2027-03-09T09:30");
    expect(bare).toContain("2027-03-09T10:30");
    // The existing booking's own larger buffer applies too.
    const wide = onDay(
      slots({ bookings: [{ ...booking, bufferMinutes: 45 }], meeting: { bufferMinutes: 0 } }).slots,
      "2027-03-09",
    );
    // 10:00–10:30 widened by 45 minutes blocks 09:15–11:15.
    expect(wide).not.toContain("2027-03-09T09:00");
    expect(wide).not.toContain("2027-03-09T11:00");
    expect(wide).toContain("2027-03-09T11:30");
  });

  it("keeps imported busy time free, with the meeting's buffer around it", () => {
    const busy = [{ start: at("2027-03-10T13:10"), end: at("2027-03-10T13:50") }];
    const wed = onDay(slots({ busy }).slots, "2027-03-10");
    // Busy 13:10–13:50 plus 15 minutes each side blocks 12:55–14:05.
    expect(wed).toContain("2027-03-10T12:00");
    expect(wed).not.toContain("2027-03-10T12:30");
    expect(wed).not.toContain("2027-03-10T13:00");
    expect(wed).not.toContain("2027-03-10T13:30");
    expect(wed).toContain("2027-03-10T14:30");
    expect(wed).not.toContain("2027-03-10T14:00"); // starts inside 13:50 + 15 min
  });

  it("says quotaExceeded when the included meetings are used, and still lists slots", () => {
    const used = slots({ quota: { included: 4, used: 4 } });
    expect(used.quotaExceeded).toBe(true);
    expect(used.slots.length).toBeGreaterThan(0);
    expect(used.reasons).toContainEqual({
      id: "quota.exceeded",
      category: "scope",
      params: { quota: "meetings", included: 4, used: 4 },
    });
    expect(slots({ quota: { included: 4, used: 3 } }).quotaExceeded).toBe(false);
    expect(slots({}).quotaExceeded).toBe(false);
  });

  it("stops at the horizon and reports it", () => {
    const now = at("2027-03-08T09:00");
    const r = slots({ now, from: now, to: at("2027-03-20T00:00"), meeting: { horizonDays: 3 } });
    expect(starts(r.slots).at(-1)).toBe("2027-03-10T16:30"); // Thursday 09:00 is the horizon
    expect(r.reasons.map((x) => x.id)).toContain("meetings.horizon");
  });

  it("anchors the grid on each opening: 45-minute slots every 45 minutes", () => {
    const r = slots({ meeting: { durationMinutes: 45, slotIntervalMinutes: 45 } });
    expect(onDay(r.slots, "2027-03-08")).toEqual([
      "2027-03-08T09:00",
      "2027-03-08T09:45",
      "2027-03-08T10:30",
      "2027-03-08T11:15",
      "2027-03-08T13:00",
      "2027-03-08T13:45",
      "2027-03-08T14:30",
      "2027-03-08T15:15",
      "2027-03-08T16:00",
    ]);
  });

  it("defaults the slot interval to min(duration, 30)", () => {
    const r = slots({ meeting: { durationMinutes: 60 } });
    expect(onDay(r.slots, "2027-03-12")).toEqual([
      "2027-03-12T09:00",
      "2027-03-12T09:30",
      "2027-03-12T10:00",
      "2027-03-12T10:30",
      "2027-03-12T11:00",
      "2027-03-12T11:30",
      "2027-03-12T12:00",
      "2027-03-12T12:30",
      "2027-03-12T13:00",
      "2027-03-12T13:30",
      "2027-03-12T14:00",
    ]);
  });

  it("skips holidays and closures", () => {
    // Good Friday 2027-03-26 is a Quebec public holiday.
    const r = slots({ from: at("2027-03-26T00:00"), to: at("2027-03-27T00:00") });
    expect(r.slots).toEqual([]);
  });

  it("never offers the past", () => {
    const now = at("2027-03-08T10:05");
    const r = slots({ now });
    expect(starts(r.slots)[0]).toBe("2027-03-08T10:30");
  });

  it("gives ISO text at the edge", () => {
    const r = slots({ from: at("2027-03-08T09:00"), to: at("2027-03-08T09:30") });
    expect(slotsToIso(r.slots)).toEqual([
      { start: "2027-03-08T14:00:00.000Z", end: "2027-03-08T14:30:00.000Z" },
    ]);
  });

  it("rejects bad input with invalid_input", () => {
    expect(() => slots({ from: Number.NaN })).toThrow(BusinessTimeError);
    expect(() => slots({ slotIntervalMinutes: 0 })).toThrow(/slotIntervalMinutes/);
    expect(() => slots({ timezone: "Mars/Olympus" })).toThrow(/time zone/);
  });

  it("returns no slots, without looping, on a calendar with no open time", () => {
    const closed = compileCalendar({ timezone: TORONTO, hours: {} });
    const r = slots({ calendar: closed, meeting: { minNotice: { businessHours: 2 } } });
    expect(r.slots).toEqual([]);
  });
});

describe("computeSlots: DST weeks in America/Toronto", () => {
  it("keeps 09:00 local on both sides of the spring-forward weekend (2027-03-14)", () => {
    const r = slots({ from: at("2027-03-12T00:00"), to: at("2027-03-16T00:00") });
    const first = (date: string) => r.slots.find((s) => wall(s.start).startsWith(date))!;
    expect(wall(first("2027-03-12").start)).toBe("2027-03-12T09:00");
    expect(new Date(first("2027-03-12").start).toISOString()).toBe("2027-03-12T14:00:00.000Z");
    expect(new Date(first("2027-03-15").start).toISOString()).toBe("2027-03-15T13:00:00.000Z");
    expect(r.slots.every((s) => s.end - s.start === 30 * MIN)).toBe(true);
  });

  it("a slot of 30 minutes is 30 real minutes through the night the clocks change", () => {
    const allDay: [string, string][] = [["00:00", "24:00"]];
    const open = compileCalendar({ timezone: TORONTO, hours: { sun: allDay } });
    const day = (date: string) =>
      slots({
        calendar: open,
        now: at("2027-01-01T00:00"),
        from: at(`${date}T00:00`),
        to: at(`${date}T00:00`) + 26 * 3_600_000,
        meeting: { horizonDays: 366 },
      }).slots;
    const spring = day("2027-03-14");
    expect(spring).toHaveLength(46); // 23 hours
    expect(starts(spring).slice(3, 5)).toEqual(["2027-03-14T01:30", "2027-03-14T03:00"]);
    const fall = day("2027-11-07");
    expect(fall).toHaveLength(50); // 25 hours
    for (const s of [...spring, ...fall]) expect(s.end - s.start).toBe(30 * MIN);
    for (let i = 1; i < fall.length; i++)
      expect(fall[i]!.start - fall[i - 1]!.start).toBe(30 * MIN);
  });

  it("counts the horizon in calendar days: the same wall time across the change", () => {
    const now = at("2027-03-13T10:00"); // Saturday, EST
    const r = slots({ now, from: now, to: at("2027-03-20T00:00"), meeting: { horizonDays: 2 } });
    // Monday 10:00 EDT is 47 real hours later; 09:30 is the last start before it.
    expect(starts(r.slots)).toEqual(["2027-03-15T09:00", "2027-03-15T09:30"]);
  });

  it("counts notice business hours across the change", () => {
    const now = at("2027-03-12T14:00"); // Friday EST, 1 h left
    const r = slots({
      now,
      from: now,
      to: at("2027-03-20T00:00"),
      meeting: { minNotice: { businessHours: 3 } },
    });
    expect(starts(r.slots)[0]).toBe("2027-03-15T11:00"); // Monday EDT: 1 h Fri + 2 h Mon
  });

  it("counts maxPerDay by local day across the change", () => {
    const monday = ["09:00", "10:00", "11:00"].map((t) => ({
      start: at(`2027-03-15T${t}`),
      end: at(`2027-03-15T${t}`) + 30 * MIN,
      meetingTypeId: "call-30",
    }));
    const r = slots({ bookings: monday, from: at("2027-03-15T00:00"), to: at("2027-03-17T00:00") });
    expect(onDay(r.slots, "2027-03-15")).toEqual([]);
    expect(onDay(r.slots, "2027-03-16")).toHaveLength(16);
  });
});
