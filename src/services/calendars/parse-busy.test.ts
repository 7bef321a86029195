import { afterEach, describe, expect, it } from "vitest";
import { toIso as iso } from "../../domain/business-time/iso.ts";
import { busyFromIcs } from "./parse-busy.ts";

const ZONE = "America/Toronto";

/** Weekly Monday 10:00–11:00 Toronto from 1 March 2027 (DST starts 14 March), 6 times; the
 * 15 March one removed (EXDATE); the 22 March one moved to 14:00 (RECURRENCE-ID); the 29 March
 * one cancelled (override with STATUS:CANCELLED). */
const RECURRING_ICS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//cadre-test//EN",
  "BEGIN:VTIMEZONE",
  "TZID:America/Toronto",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:-0500",
  "TZOFFSETTO:-0400",
  "TZNAME:EDT",
  "DTSTART:19700308T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:-0400",
  "TZOFFSETTO:-0500",
  "TZNAME:EST",
  "DTSTART:19701101T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
  "BEGIN:VEVENT",
  "UID:weekly@test",
  "DTSTAMP:20270101T000000Z",
  "DTSTART;TZID=America/Toronto:20270301T100000",
  "DTEND;TZID=America/Toronto:20270301T110000",
  "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6",
  "EXDATE;TZID=America/Toronto:20270315T100000",
  "SUMMARY:Weekly",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:weekly@test",
  "DTSTAMP:20270101T000000Z",
  "RECURRENCE-ID;TZID=America/Toronto:20270322T100000",
  "DTSTART;TZID=America/Toronto:20270322T140000",
  "DTEND;TZID=America/Toronto:20270322T150000",
  "SUMMARY:Weekly moved",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:weekly@test",
  "DTSTAMP:20270101T000000Z",
  "RECURRENCE-ID;TZID=America/Toronto:20270329T100000",
  "DTSTART;TZID=America/Toronto:20270329T100000",
  "DTEND;TZID=America/Toronto:20270329T110000",
  "STATUS:CANCELLED",
  "SUMMARY:Weekly cancelled",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:allday@test",
  "DTSTAMP:20270101T000000Z",
  "DTSTART;VALUE=DATE:20270303",
  "DTEND;VALUE=DATE:20270304",
  "SUMMARY:Day off",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:free@test",
  "DTSTAMP:20270101T000000Z",
  "DTSTART:20270302T150000Z",
  "DTEND:20270302T160000Z",
  "TRANSP:TRANSPARENT",
  "SUMMARY:Free",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:floating@test",
  "DTSTAMP:20270101T000000Z",
  "DTSTART:20270304T130000",
  "DTEND:20270304T133000",
  "SUMMARY:Floating",
  "END:VEVENT",
  "END:VCALENDAR",
].join("\r\n");

const RANGE = { from: Date.parse("2027-02-01T00:00:00Z"), to: Date.parse("2027-05-01T00:00:00Z") };

const expected = [
  ["2027-03-01T15:00:00.000Z", "2027-03-01T16:00:00.000Z"], // 10:00 EST
  ["2027-03-03T05:00:00.000Z", "2027-03-04T05:00:00.000Z"], // all day 3 March, Toronto
  ["2027-03-04T18:00:00.000Z", "2027-03-04T18:30:00.000Z"], // floating 13:00 read in Toronto
  ["2027-03-08T15:00:00.000Z", "2027-03-08T16:00:00.000Z"], // 10:00 EST
  // 15 March: EXDATE
  ["2027-03-22T18:00:00.000Z", "2027-03-22T19:00:00.000Z"], // moved to 14:00 EDT
  // 29 March: cancelled override
  ["2027-04-05T14:00:00.000Z", "2027-04-05T15:00:00.000Z"], // 10:00 EDT after the DST change
];

describe("busy times from ICS", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it("expands RRULE across DST, drops EXDATE and cancelled instances, applies overrides", () => {
    const { events, truncated } = busyFromIcs(RECURRING_ICS, RANGE, ZONE);
    expect(truncated).toBe(false);
    expect(events.map((e) => [iso(e.start), iso(e.end)])).toEqual(expected);
  });

  it("gives the same instants whatever the server's own zone is", () => {
    for (const tz of ["Asia/Tokyo", "Pacific/Honolulu", "UTC"]) {
      process.env.TZ = tz;
      const { events } = busyFromIcs(RECURRING_ICS, RANGE, ZONE);
      expect(
        events.map((e) => [iso(e.start), iso(e.end)]),
        tz,
      ).toEqual(expected);
    }
  });

  it("keeps only what overlaps the range, and expands an endless rule within it", () => {
    const endless = RECURRING_ICS.replace("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6", "RRULE:FREQ=DAILY");
    const range = {
      from: Date.parse("2027-06-01T00:00:00Z"),
      to: Date.parse("2027-06-08T00:00:00Z"),
    };
    const { events } = busyFromIcs(endless, range, ZONE);
    expect(events).toHaveLength(7);
    expect(iso(events[0]!.start)).toBe("2027-06-01T14:00:00.000Z");
  });

  it("blocks the whole local day of an all-day event on a DST day (23 hours)", () => {
    const ics = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "BEGIN:VEVENT",
      "UID:dst@test",
      "DTSTAMP:20270101T000000Z",
      "DTSTART;VALUE=DATE:20270314",
      "DTEND;VALUE=DATE:20270315",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    const [day] = busyFromIcs(ics, RANGE, ZONE).events;
    expect(iso(day!.start)).toBe("2027-03-14T05:00:00.000Z");
    expect(iso(day!.end)).toBe("2027-03-15T04:00:00.000Z");
  });
});
