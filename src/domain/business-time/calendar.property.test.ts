import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { type CalendarSpec, compileCalendar, MS_PER_DAY, wallToEpoch } from "./index.ts";

const ZONES = [
  "America/Toronto",
  "Europe/Paris",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "Pacific/Auckland",
  "America/Santiago",
  "UTC",
];
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2030, 0, 1);

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** Day hours: up to three intervals on a 15-minute grid, sometimes crossing midnight or "24:00". */
const dayHours = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 96 })).map(([a, len]) => {
    const start = a * 15;
    const end = (start + len * 15) % 1440;
    return [hhmm(start), end === 0 ? "24:00" : hhmm(end)] as [string, string];
  }),
  { maxLength: 3 },
);

const spec: fc.Arbitrary<CalendarSpec> = fc
  .record({
    timezone: fc.constantFrom(...ZONES),
    days: fc.array(dayHours, { minLength: 7, maxLength: 7 }),
    holidays: fc.boolean(),
    closure: fc.option(
      fc.tuple(fc.integer({ min: 0, max: 1700 }), fc.integer({ min: 0, max: 40 })),
    ),
  })
  .filter((r) => r.days.some((d) => d.length > 0))
  .map((r) => {
    const [mon, tue, wed, thu, fri, sat, sun] = r.days;
    const closures = r.closure
      ? [
          {
            from: new Date(FROM + r.closure[0] * MS_PER_DAY).toISOString().slice(0, 10),
            to: new Date(FROM + (r.closure[0] + r.closure[1]) * MS_PER_DAY)
              .toISOString()
              .slice(0, 10),
          },
        ]
      : [];
    return {
      timezone: r.timezone,
      hours: { mon, tue, wed, thu, fri, sat, sun },
      holidays: r.holidays ? { country: "FR" } : null,
      closures,
    };
  });

const instant = fc.integer({ min: FROM, max: TO - 400 * MS_PER_DAY });
/** Open time as whole minutes, kept in milliseconds so sums are exact. */
const minutes = fc.integer({ min: 0, max: 200 * 60 }).map((m) => m * 60_000);

describe("business calendar properties", () => {
  it("a due time is never inside closed time, and never before the start", () => {
    fc.assert(
      fc.property(spec, instant, minutes, (s, t, ms) => {
        const cal = compileCalendar(s);
        const due = cal.addOpenMs(t, ms);
        expect(due).toBeGreaterThanOrEqual(t);
        // Open at the due time, or at the instant just before it (a due time on a closing time).
        expect(cal.isOpen(due) || cal.isOpen(due - 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("adding a then b equals adding a + b", () => {
    fc.assert(
      fc.property(spec, instant, minutes, minutes, (s, t, a, b) => {
        const cal = compileCalendar(s);
        expect(cal.addOpenMs(cal.addOpenMs(t, a), b)).toBe(cal.addOpenMs(t, a + b));
      }),
      { numRuns: 300 },
    );
  });

  it("businessHoursBetween(t, add(t, h)) = h", () => {
    fc.assert(
      fc.property(spec, instant, minutes, (s, t, ms) => {
        const cal = compileCalendar(s);
        expect(cal.openMsBetween(t, cal.addOpenMs(t, ms))).toBe(ms);
      }),
      { numRuns: 300 },
    );
  });

  it("openIntervals, isOpen and nextOpening agree", () => {
    fc.assert(
      fc.property(spec, instant, fc.integer({ min: 0, max: 14 * MS_PER_DAY }), (s, t, span) => {
        const cal = compileCalendar(s);
        const list = cal.openIntervals(t, t + span);
        let total = 0;
        for (const [a, b] of list) {
          expect(b).toBeGreaterThan(a);
          expect(cal.isOpen(a)).toBe(true);
          expect(cal.isOpen(b - 1)).toBe(true);
          total += b - a;
        }
        expect(cal.openMsBetween(t, t + span)).toBe(total);
        const next = cal.nextOpening(t);
        expect(cal.isOpen(next)).toBe(true);
        if (next > t) expect(cal.openMsBetween(t, next)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it("wall time to instant matches Temporal (compatible disambiguation) in every zone", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES, "America/St_Johns", "Asia/Kathmandu", "Europe/London"),
        fc.integer({ min: FROM / 60_000, max: TO / 60_000 }),
        (zone, minute) => {
          const wall = minute * 60_000;
          const pdt = Temporal.PlainDateTime.from(new Date(wall).toISOString().slice(0, 16));
          const expected = pdt.toZonedDateTime(zone, {
            disambiguation: "compatible",
          }).epochMilliseconds;
          expect(wallToEpoch(zone, wall)).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("wall times around DST transitions match Temporal", () => {
    const cases: [string, string][] = [];
    for (const zone of ZONES) {
      for (const day of [
        "2027-03-14",
        "2027-11-07",
        "2027-03-28",
        "2027-10-31",
        "2027-04-04",
        "2027-10-03",
        "2027-04-03",
        "2027-09-05",
        "2027-09-26",
      ]) {
        for (let m = 0; m < 24 * 60; m += 15) cases.push([zone, `${day}T${hhmm(m)}`]);
      }
    }
    for (const [zone, text] of cases) {
      const expected = Temporal.PlainDateTime.from(text).toZonedDateTime(zone).epochMilliseconds;
      expect(wallToEpoch(zone, Date.parse(`${text}Z`)), `${zone} ${text}`).toBe(expected);
    }
  });
});
