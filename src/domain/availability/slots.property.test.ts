import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { referenceSlots } from "../../../bench/reference/availability.ts";
import { type CalendarSpec, compileCalendar } from "../business-time/index.ts";
import { computeSlots } from "./slots.ts";
import type { AvailabilityInput, ExistingBooking, MeetingRules, TimeRange } from "./types.ts";

const MIN = 60_000;
const DAY = 86_400_000;
const ZONES = [
  "America/Toronto",
  "Europe/Paris",
  "Australia/Lord_Howe", // 30-minute DST shift
  "Asia/Kathmandu", // +05:45
  "America/Santiago", // DST changes at midnight
  "UTC",
];
const YEAR_START = Date.UTC(2027, 0, 1);

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** Up to two intervals a day on a 15-minute grid, sometimes crossing midnight or ending at 24:00. */
const dayHours = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 64 })).map(([a, len]) => {
    const start = a * 15;
    const end = (start + len * 15) % 1440;
    return [hhmm(start), end === 0 ? "24:00" : hhmm(end)] as [string, string];
  }),
  { maxLength: 2 },
);
const office: [string, string][] = [
  ["09:00", "12:00"],
  ["13:00", "17:00"],
];
const allDay: [string, string][] = [["00:00", "24:00"]];

const hours = fc.oneof(
  fc.constant({ mon: office, tue: office, wed: office, thu: office, fri: office }),
  // Open around the clock: one endless stretch, grid restarting at local midnights.
  fc.constant({
    mon: allDay,
    tue: allDay,
    wed: allDay,
    thu: allDay,
    fri: allDay,
    sat: allDay,
    sun: allDay,
  }),
  // Monday to Friday around the clock: five-day stretches.
  fc.constant({ mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay }),
  fc
    .array(dayHours, { minLength: 7, maxLength: 7 })
    .map(([mon, tue, wed, thu, fri, sat, sun]) => ({ mon, tue, wed, thu, fri, sat, sun })),
);

const meetingRules: fc.Arbitrary<MeetingRules> = fc.record(
  {
    id: fc.constant("m"),
    durationMinutes: fc.integer({ min: 1, max: 24 }).map((n) => n * 5),
    slotIntervalMinutes: fc.oneof(
      fc.integer({ min: 1, max: 12 }).map((n) => n * 5),
      fc.integer({ min: 7, max: 100 }),
    ),
    bufferMinutes: fc.integer({ min: 0, max: 30 }),
    maxPerDay: fc.integer({ min: 1, max: 4 }),
    maxPerWeek: fc.integer({ min: 1, max: 10 }),
    horizonDays: fc.integer({ min: 1, max: 40 }),
    minNotice: fc.oneof(
      fc.integer({ min: 0, max: 160 }).map((q) => ({ businessHours: q / 4 })),
      fc.integer({ min: 0, max: 5 }).map((d) => ({ businessDays: d })),
    ),
  },
  { requiredKeys: ["id", "durationMinutes"] },
);

interface Scenario {
  spec: CalendarSpec;
  input: Omit<AvailabilityInput, "calendar">;
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    timezone: fc.constantFrom(...ZONES),
    // The charter's zone for caps and horizon; mostly the calendar's own.
    capsZone: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 3 },
      { arbitrary: fc.constantFrom(...ZONES), weight: 1 },
    ),
    hours,
    holidays: fc.boolean(),
    meeting: meetingRules,
    // Minutes over 2027, sometimes with stray seconds and milliseconds.
    now: fc.tuple(fc.integer({ min: 0, max: 365 * 1440 }), fc.integer({ min: 0, max: 59_999 })),
    fromOffset: fc.integer({ min: -3 * 1440, max: 12 * 1440 }),
    length: fc.integer({ min: 0, max: 16 * 1440 }),
    bookings: fc.array(
      fc.record(
        {
          at: fc.integer({ min: -3 * 288, max: 18 * 288 }), // 5-minute steps from `from`
          minutes: fc.integer({ min: 0, max: 120 }),
          meetingTypeId: fc.constantFrom("m", "other"),
          bufferMinutes: fc.integer({ min: 0, max: 60 }),
        },
        { requiredKeys: ["at", "minutes"] },
      ),
      { maxLength: 40 },
    ),
    busy: fc.array(
      fc.record({
        at: fc.integer({ min: -3 * 288, max: 30 * 288 }),
        minutes: fc.integer({ min: 1, max: 240 }),
      }),
      { maxLength: 20 },
    ),
    quota: fc.option(fc.record({ included: fc.nat(5), used: fc.nat(6) }), { nil: undefined }),
  })
  .map((r) => {
    const now = YEAR_START + r.now[0] * MIN + (r.now[1] % 7 === 0 ? r.now[1] : 0);
    const from = now + r.fromOffset * MIN;
    const bookings: ExistingBooking[] = r.bookings.map((b) => ({
      start: from + b.at * 5 * MIN,
      end: from + b.at * 5 * MIN + b.minutes * MIN,
      ...(b.meetingTypeId ? { meetingTypeId: b.meetingTypeId } : {}),
      ...(b.bufferMinutes !== undefined ? { bufferMinutes: b.bufferMinutes } : {}),
    }));
    const busy: TimeRange[] = r.busy.map((b) => ({
      start: from + b.at * 5 * MIN,
      end: from + b.at * 5 * MIN + b.minutes * MIN,
    }));
    return {
      spec: {
        timezone: r.timezone,
        hours: r.hours,
        holidays: r.holidays ? { country: "FR" } : null,
      },
      input: {
        ...(r.capsZone ? { timezone: r.capsZone } : {}),
        meeting: r.meeting,
        now,
        from,
        to: from + r.length * MIN,
        bookings,
        busy,
        quota: r.quota,
      },
    };
  });

const calendars = new Map<string, ReturnType<typeof compileCalendar>>();
function calendarOf(spec: CalendarSpec) {
  const key = JSON.stringify(spec);
  let c = calendars.get(key);
  if (!c) {
    c = compileCalendar(spec);
    calendars.set(key, c);
  }
  return c;
}

function inputOf(s: Scenario): AvailabilityInput {
  return { ...s.input, calendar: calendarOf(s.spec) };
}

const zoned = (ms: number, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
const overlaps = (a: TimeRange, s: number, e: number) => s < e && a.start < e && s < a.end;

/** The grid anchor of a slot start, from the definition in grid.ts (open stretch or midnight). */
function anchorOf(input: AvailabilityInput, start: number): number {
  const { calendar } = input;
  const zone = calendar.timezone;
  const bound = start - 30 * DAY;
  const stretch = calendar.openIntervals(bound, start + 1).at(-1)!;
  const opening = stretch[0];
  const known = !(opening === bound && calendar.isOpen(bound - 1));
  if (known) {
    const week = zoned(opening + 7 * DAY, zone);
    const dayStart = week.startOfDay().epochMilliseconds;
    const midnight =
      dayStart === opening + 7 * DAY
        ? dayStart
        : week.toPlainDate().add({ days: 1 }).toZonedDateTime(zone).epochMilliseconds;
    if (start < midnight) return opening;
  }
  return zoned(start, zone).startOfDay().epochMilliseconds;
}

function checkInvariants(input: AvailabilityInput): void {
  const { meeting, calendar, now, from, to } = input;
  const zone = input.timezone ?? calendar.timezone;
  const { slots, quotaExceeded } = computeSlots(input);
  const duration = meeting.durationMinutes * MIN;
  const step = (meeting.slotIntervalMinutes ?? Math.min(meeting.durationMinutes, 30)) * MIN;
  const buffer = (meeting.bufferMinutes ?? 0) * MIN;
  const notice = meeting.minNotice;
  let earliest = now;
  try {
    if (notice && "businessHours" in notice) {
      earliest = calendar.addBusinessHours(now, notice.businessHours);
    } else if (notice) {
      earliest = calendar.addBusinessDays(now, notice.businessDays);
    }
  } catch {
    earliest = Number.POSITIVE_INFINITY; // no open time left: no slot may be offered
  }
  const horizon = zoned(now, zone).add({ days: meeting.horizonDays ?? 30 }).epochMilliseconds;
  const local = (ms: number) => {
    const z = zoned(ms, zone);
    return { date: z.toPlainDate().toString(), week: `${z.yearOfWeek}-W${z.weekOfYear}` };
  };
  const sameType = (input.bookings ?? [])
    .filter((b) => b.meetingTypeId === undefined || b.meetingTypeId === meeting.id)
    .map((b) => local(b.start));

  expect(quotaExceeded).toBe(!!input.quota && input.quota.used >= input.quota.included);
  // Sorted without duplicates, each of the meeting's duration, inside [from, to).
  for (let i = 0; i < slots.length; i++) {
    const { start, end } = slots[i]!;
    must(i === 0 || start > slots[i - 1]!.start, "sorted", start);
    must(end - start === duration, "duration", start);
    must(start >= from && start < to, "in range", start);
  }
  // The rest on up to 120 slots spread over the result (Temporal is slow; the reference
  // comparison covers every slot).
  const every = Math.max(1, Math.ceil(slots.length / 120));
  for (let i = 0; i < slots.length; i += every) {
    const { start, end } = slots[i]!;
    // Inside one open stretch: open at the start, and open all the way to the end.
    must(calendar.isOpen(start) && calendar.openMsBetween(start, end) === duration, "open", start);
    must(start >= now && start >= earliest, "notice", start);
    must(start < horizon, "horizon", start);
    must((start - anchorOf(input, start)) % step === 0, "grid", start);
    // Bookings with their buffers, busy times with the meeting's buffer.
    for (const b of input.bookings ?? []) {
      const w = Math.max(buffer, (b.bufferMinutes ?? 0) * MIN);
      must(
        !(b.end > b.start && overlaps({ start, end }, b.start - w, b.end + w)),
        "booking",
        start,
      );
    }
    for (const b of input.busy ?? []) {
      must(!overlaps({ start, end }, b.start - buffer, b.end + buffer), "busy", start);
    }
    // Caps, counted in the zone's local days and ISO weeks.
    if (meeting.maxPerDay !== undefined || meeting.maxPerWeek !== undefined) {
      const { date, week } = local(start);
      const day = sameType.filter((b) => b.date === date).length;
      const inWeek = sameType.filter((b) => b.week === week).length;
      must(day < (meeting.maxPerDay ?? Number.POSITIVE_INFINITY), "maxPerDay", start);
      must(inWeek < (meeting.maxPerWeek ?? Number.POSITIVE_INFINITY), "maxPerWeek", start);
    }
  }
}

function must(ok: boolean, rule: string, start: number): void {
  if (!ok) throw new Error(`slot at ${new Date(start).toISOString()} breaks: ${rule}`);
}

describe("computeSlots properties", () => {
  it("never offers a slot that overlaps a booking ± buffers, busy or closed time, or breaks notice, horizon, caps or the grid", () => {
    fc.assert(
      fc.property(scenario, (s) => checkInvariants(inputOf(s))),
      { numRuns: 300 },
    );
  });

  it("offers exactly what the brute-force reference offers", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const input = inputOf(s);
        const ours = computeSlots(input);
        const theirs = referenceSlots(input);
        expect(ours.slots).toEqual(theirs.slots);
        expect(ours.quotaExceeded).toBe(theirs.quotaExceeded);
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on how the range is split: slots(a, c) = slots(a, b) + slots(b, c)", () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 1, noNaN: true }), (s, cut) => {
        const input = inputOf(s);
        const mid = Math.round(input.from + (input.to - input.from) * cut);
        const whole = computeSlots(input).slots;
        const left = computeSlots({ ...input, to: mid }).slots;
        const right = computeSlots({ ...input, from: mid }).slots;
        expect([...left, ...right]).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic: the same input gives the same slots, whatever the order of bookings", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const input = inputOf(s);
        const reversed = {
          ...input,
          bookings: [...(input.bookings ?? [])].reverse(),
          busy: [...(input.busy ?? [])].reverse(),
        };
        expect(computeSlots(reversed)).toEqual(computeSlots(input));
      }),
      { numRuns: 100 },
    );
  });

  it("keeps slots a whole number of real minutes across DST for any zone", () => {
    // A dense check of the hour pattern most exposed to DST: around the clock.
    const spec: CalendarSpec = {
      timezone: "Australia/Lord_Howe",
      hours: {
        mon: allDay,
        tue: allDay,
        wed: allDay,
        thu: allDay,
        fri: allDay,
        sat: allDay,
        sun: allDay,
      },
    };
    const from = Date.UTC(2027, 3, 2); // the April fall-back weekend
    const input: AvailabilityInput = {
      calendar: calendarOf(spec),
      meeting: { id: "m", durationMinutes: 45, slotIntervalMinutes: 45, horizonDays: 366 },
      now: from - DAY,
      from,
      to: from + 3 * DAY,
    };
    const { slots } = computeSlots(input);
    expect(slots.length).toBeGreaterThan(90);
    for (const s of slots) {
      expect(s.end - s.start).toBe(45 * MIN);
      expect((s.start - anchorOf(input, s.start)) % (45 * MIN)).toBe(0);
    }
    expect(slots).toEqual(referenceSlots(input).slots);
  });
});
