import { describe, expect, it } from "vitest";
import { computeSlots } from "../../domain/availability/index.ts";
import { compileCalendar } from "../../domain/business-time/calendar.ts";
import { type MeetingType, meetingType } from "../../domain/charter/schema.ts";
import { checkStart } from "./rules.ts";

const ZONE = "America/Toronto";
const day: [string, string][] = [
  ["09:00", "12:00"],
  ["13:00", "17:00"],
];
const calendar = compileCalendar({
  timezone: ZONE,
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
});
const meeting: MeetingType = meetingType.parse({
  id: "call-30",
  durationMinutes: 30,
  minNotice: { businessHours: 4 },
  bufferMinutes: 15,
  maxPerDay: 2,
  maxPerWeek: 3,
  horizonDays: 30,
});
const now = Date.parse("2026-06-15T14:00:00Z"); // Monday 10:00 EDT
const at = (local: string) => Date.parse(`${local}-04:00`);
const ids = (
  start: number,
  bookings: Parameters<typeof checkStart>[0]["bookings"] = [],
  busy = [],
) =>
  checkStart({ meeting, calendar, timezone: ZONE, now, start, bookings, busy }).rules.map(
    (r) => r.id,
  );
const call = (local: string, type = "call-30") => ({
  start: at(local),
  end: at(local) + 30 * 60_000,
  meetingTypeId: type,
  bufferMinutes: 15,
});

describe("the rules a booking start breaks", () => {
  it("passes a slot the engine offers", () => {
    expect(ids(at("2026-06-16T10:00"))).toEqual([]);
  });

  it("names each rule: past, notice, horizon, hours, grid", () => {
    expect(ids(at("2026-06-15T09:00"))).toEqual(["meetings.past"]);
    expect(ids(at("2026-06-15T11:00"))).toEqual(["meetings.min-notice"]);
    expect(ids(at("2026-06-20T10:00"))).toEqual(["meetings.outside-hours"]); // Saturday
    expect(ids(at("2026-06-16T11:45"))).toEqual(["meetings.outside-hours"]); // runs into lunch
    expect(ids(at("2026-06-16T10:10"))).toEqual(["meetings.off-grid"]);
    expect(ids(at("2026-07-16T10:00"))).toEqual(["meetings.horizon"]);
    expect(ids(at("2026-07-18T10:00"))).toEqual(["meetings.horizon", "meetings.outside-hours"]);
  });

  it("reports the caps per local day and ISO week, of this meeting type only", () => {
    const two = [call("2026-06-16T09:00"), call("2026-06-16T13:00")];
    expect(ids(at("2026-06-16T15:00"), two)).toEqual(["meetings.max-per-day"]);
    expect(
      ids(
        at("2026-06-16T15:00"),
        two.map((b) => ({ ...b, meetingTypeId: "other" })),
      ),
    ).toEqual([]);
    const three = [...two, call("2026-06-17T09:00")];
    expect(ids(at("2026-06-18T10:00"), three)).toEqual(["meetings.max-per-week"]);
    expect(ids(at("2026-06-22T10:00"), three)).toEqual([]); // next week
  });

  it("tells a clash (the same time) from a buffer and from imported busy times", () => {
    const one = [call("2026-06-16T10:00")];
    const clash = checkStart({
      meeting,
      calendar,
      timezone: ZONE,
      now,
      start: at("2026-06-16T10:00"),
      bookings: one,
      busy: [],
    });
    expect(clash.clash).toBe(true);
    expect(ids(at("2026-06-16T10:30"), one)).toEqual(["meetings.buffer"]);
    expect(ids(at("2026-06-16T11:00"), one)).toEqual([]);
    const busy = [{ start: at("2026-06-16T14:00"), end: at("2026-06-16T15:00") }];
    expect(ids(at("2026-06-16T15:00"), [], busy as never)).toEqual(["meetings.overlap"]);
    expect(ids(at("2026-06-16T15:30"), [], busy as never)).toEqual([]);
  });

  it("agrees with computeSlots on every start of a week (offered ⇔ no rule)", () => {
    const bookings = [call("2026-06-16T10:00"), call("2026-06-17T13:30"), call("2026-06-17T15:00")];
    const busy = [{ start: at("2026-06-18T09:40"), end: at("2026-06-18T10:20") }];
    const from = at("2026-06-15T00:00");
    const to = at("2026-06-22T00:00");
    const offered = new Set(
      computeSlots({ meeting, calendar, timezone: ZONE, from, to, now, bookings, busy }).slots.map(
        (s) => s.start,
      ),
    );
    for (let t = from; t < to; t += 15 * 60_000) {
      const verdict = checkStart({
        meeting,
        calendar,
        timezone: ZONE,
        now,
        start: t,
        bookings,
        busy,
      });
      const free = verdict.rules.length === 0 && !verdict.clash;
      expect(free, new Date(t).toISOString()).toBe(offered.has(t));
    }
  });
});
