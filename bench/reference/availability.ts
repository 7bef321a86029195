// A deliberately straightforward availability implementation, used by the benchmark (and the
// property tests) as a correctness oracle for src/domain/availability. Every grid candidate is
// checked against every booking, every busy time and the calendar; zone math (local dates, ISO
// weeks, midnights, horizon) goes through the Temporal polyfill rather than business-time's epoch
// arithmetic. Only the open time itself (openIntervals, isOpen, openMsBetween, business-time notice)
// comes from the compiled calendar, which has its own oracle (reference/add-business-hours.ts).
// Not optimised, not used by the product.
import { Temporal } from "temporal-polyfill";
import type {
  AvailabilityInput,
  ExistingBooking,
  TimeRange,
} from "../../src/domain/availability/types.ts";

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface ReferenceResult {
  slots: TimeRange[];
  quotaExceeded: boolean;
}

function zoned(ms: number, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
}

/** Half-open [a, b) and [c, d) share an instant (an empty interval shares none). */
function overlaps(a: number, b: number, c: number, d: number): boolean {
  return a < b && c < d && a < d && c < b;
}

/** The first local day start at or after t. */
function midnightFrom(t: number, zone: string): number {
  const z = zoned(t, zone);
  const start = z.startOfDay().epochMilliseconds;
  return start === t ? t : z.toPlainDate().add({ days: 1 }).toZonedDateTime(zone).epochMilliseconds;
}

/** Grid candidates of one open stretch [opening, end), as computeSlots defines the grid. */
function candidates(
  opening: number,
  end: number,
  clipped: boolean,
  lo: number,
  hi: number,
  step: number,
  zone: string,
): number[] {
  const out: number[] = [];
  let midnights: number;
  if (clipped) {
    midnights = zoned(lo, zone).startOfDay().epochMilliseconds;
  } else {
    midnights = midnightFrom(opening + 7 * DAY, zone);
    for (let s = opening; s < Math.min(midnights, end, hi); s += step) out.push(s);
  }
  for (let day = midnights; day < Math.min(end, hi); ) {
    const next = zoned(day, zone)
      .toPlainDate()
      .add({ days: 1 })
      .toZonedDateTime(zone).epochMilliseconds;
    for (let s = day; s < next && s < hi; s += step) out.push(s);
    day = next;
  }
  return out;
}

export function referenceSlots(input: AvailabilityInput): ReferenceResult {
  const { meeting, calendar, from, to, now } = input;
  const zone = input.timezone ?? calendar.timezone;
  const duration = meeting.durationMinutes * MINUTE;
  const step =
    (input.slotIntervalMinutes ??
      meeting.slotIntervalMinutes ??
      Math.min(meeting.durationMinutes, 30)) * MINUTE;
  const buffer = (meeting.bufferMinutes ?? 0) * MINUTE;
  const bookings: readonly ExistingBooking[] = input.bookings ?? [];
  const busy = input.busy ?? [];
  const quotaExceeded = !!input.quota && input.quota.used >= input.quota.included;

  const horizon = zoned(now, zone).add({ days: meeting.horizonDays ?? 30 }).epochMilliseconds;
  let earliest = now;
  const notice = meeting.minNotice;
  if (notice) {
    try {
      earliest =
        "businessHours" in notice
          ? calendar.addBusinessHours(now, notice.businessHours)
          : calendar.addBusinessDays(now, notice.businessDays);
    } catch {
      earliest = Number.POSITIVE_INFINITY;
    }
  }
  const lo = Math.max(from, now, earliest);
  const hi = Math.min(to, horizon);
  if (!(lo < hi)) return { slots: [], quotaExceeded };

  // Local date and ISO week of every booking of this meeting type, once.
  const sameType = bookings
    .filter((b) => b.meetingTypeId === undefined || b.meetingTypeId === meeting.id)
    .map((b) => {
      const z = zoned(b.start, zone);
      return { date: z.toPlainDate().toString(), week: `${z.yearOfWeek}-${z.weekOfYear}` };
    });

  const bound = lo - 9 * DAY;
  const slots: TimeRange[] = [];
  for (const [opening, end] of calendar.openIntervals(bound, hi + duration)) {
    const clipped = opening === bound && calendar.isOpen(bound - 1);
    // The grid follows the calendar's own zone (its midnights); caps and horizon the charter's.
    for (const s of candidates(opening, end, clipped, lo, hi, step, calendar.timezone)) {
      const e = s + duration;
      if (s < lo || s >= hi) continue;
      // Open at the start and all the way to the end (no closed minute inside).
      if (!calendar.isOpen(s) || calendar.openMsBetween(s, e) !== duration) continue;
      let free = true;
      for (const b of bookings) {
        const w = Math.max(buffer, (b.bufferMinutes ?? 0) * MINUTE);
        if (overlaps(s, e, b.start - w, b.end + w)) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      for (const b of busy) {
        if (overlaps(s, e, b.start - buffer, b.end + buffer)) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      if (meeting.maxPerDay !== undefined || meeting.maxPerWeek !== undefined) {
        const z = zoned(s, zone);
        const date = z.toPlainDate().toString();
        const week = `${z.yearOfWeek}-${z.weekOfYear}`;
        const perDay = sameType.filter((b) => b.date === date).length;
        const perWeek = sameType.filter((b) => b.week === week).length;
        if (perDay >= (meeting.maxPerDay ?? Number.POSITIVE_INFINITY)) continue;
        if (perWeek >= (meeting.maxPerWeek ?? Number.POSITIVE_INFINITY)) continue;
      }
      slots.push({ start: s, end: e });
    }
  }
  slots.sort((a, b) => a.start - b.start);
  return { slots, quotaExceeded };
}
