// computeSlots: the start times a meeting type can be booked at, as one sweep over the open
// stretches and the merged blocked intervals. No Intl, Temporal or allocation in the loop beyond
// the slots themselves; zone offsets come from business-time's cache.
import { type BusinessCalendar, BusinessTimeError } from "../business-time/calendar.ts";
import { toIso } from "../business-time/iso.ts";
import {
  epochToWall,
  formatLocalDate,
  isValidTimeZone,
  localParts,
  MS_PER_DAY,
  MS_PER_MINUTE,
  wallToEpoch,
  weekdayOf,
} from "../business-time/zone.ts";
import type { BusinessDuration } from "../charter/schema.ts";
import { mergeBlocked } from "./blocked.ts";
import { gridSegments } from "./grid.ts";
import type {
  AvailabilityInput,
  AvailabilityReason,
  AvailabilityResult,
  ExistingBooking,
  MeetingRules,
  TimeRange,
} from "./types.ts";

export const DEFAULT_HORIZON_DAYS = 30;
const MAX_DEFAULT_INTERVAL_MINUTES = 30;
/** How far from the asked range a booking can still count toward a per-week cap. */
const WEEK_MARGIN_MS = 8 * MS_PER_DAY;

/** The slot interval: the input's, else the meeting type's, else min(duration, 30) minutes. */
export function slotIntervalOf(meeting: MeetingRules, override?: number): number {
  return (
    override ??
    meeting.slotIntervalMinutes ??
    Math.min(meeting.durationMinutes, MAX_DEFAULT_INTERVAL_MINUTES)
  );
}

/**
 * The earliest start the meeting's minimum notice allows: `now` plus the notice in business time
 * of the calendar (business hours of open time; business days: same wall time N open days later).
 * +Infinity when the calendar has no open time left to count the notice in.
 */
export function earliestStart(
  calendar: BusinessCalendar,
  now: number,
  notice: BusinessDuration | undefined,
): number {
  if (!notice) return now;
  try {
    return "businessHours" in notice
      ? calendar.addBusinessHours(now, notice.businessHours)
      : calendar.addBusinessDays(now, notice.businessDays);
  } catch (error) {
    if (error instanceof BusinessTimeError && error.code === "no_open_time") {
      return Number.POSITIVE_INFINITY;
    }
    throw error;
  }
}

/**
 * The end of the booking horizon: slots start strictly before it. Calendar days in `zone`: the same
 * wall time `horizonDays` local days after `now` (DST-correct, like Temporal's `add({ days })`).
 */
export function horizonEnd(zone: string, now: number, horizonDays: number): number {
  return wallToEpoch(zone, epochToWall(zone, now) + horizonDays * MS_PER_DAY);
}

/** Monday of the ISO week holding a civil day number (the week's key). */
export function isoWeekOf(day: number): number {
  return day - weekdayOf(day);
}

function invalid(message: string, params: Record<string, unknown>): never {
  throw new BusinessTimeError("invalid_input", message, params);
}

function validate(input: AvailabilityInput, zone: string, intervalMinutes: number): void {
  const { meeting, from, to, now } = input;
  if (!Number.isFinite(from) || !Number.isFinite(to) || !Number.isFinite(now)) {
    invalid("from, to and now must be finite epoch milliseconds", { from, to, now });
  }
  if (!(Number.isInteger(meeting.durationMinutes) && meeting.durationMinutes > 0)) {
    invalid("durationMinutes must be a whole number > 0", { value: meeting.durationMinutes });
  }
  if (!(Number.isInteger(intervalMinutes) && intervalMinutes > 0)) {
    invalid("slotIntervalMinutes must be a whole number > 0", { value: intervalMinutes });
  }
  if (to - from > 400 * MS_PER_DAY) invalid("Range longer than 400 days", { from, to });
  if (zone !== input.calendar.timezone && !isValidTimeZone(zone)) {
    invalid(`Unknown time zone: ${zone}`, { timezone: zone });
  }
}

/** Same-type bookings per local day and per ISO week (keys: civil day numbers). */
function countBookings(
  bookings: readonly ExistingBooking[],
  meetingId: string,
  zone: string,
  lo: number,
  hi: number,
): { perDay: Map<number, number>; perWeek: Map<number, number> } {
  const perDay = new Map<number, number>();
  const perWeek = new Map<number, number>();
  const first = lo - WEEK_MARGIN_MS;
  const last = hi + WEEK_MARGIN_MS;
  for (let i = 0; i < bookings.length; i++) {
    const b = bookings[i]!;
    if (b.start < first || b.start >= last) continue;
    if (b.meetingTypeId !== undefined && b.meetingTypeId !== meetingId) continue;
    const { day } = localParts(zone, b.start);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    const week = isoWeekOf(day);
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }
  return { perDay, perWeek };
}

/**
 * The slots of a meeting type over [from, to): every grid start (see grid.ts) whose slot
 * - lies inside one open stretch of the calendar (never crosses closed time),
 * - overlaps no booking widened by max(its buffer, the meeting's buffer) and no busy time widened
 *   by the meeting's buffer (see blocked.ts),
 * - starts at or after `now` and after the minimum notice in business time,
 * - starts before the horizon (calendar days in the charter's zone),
 * - falls on a local day with fewer than maxPerDay, and an ISO week (Mon–Sun) with fewer than
 *   maxPerWeek, bookings of this meeting type (charter's zone).
 * The quota only sets `quotaExceeded`: slots are still listed, for a paid extra meeting.
 */
export function computeSlots(input: AvailabilityInput): AvailabilityResult {
  const { meeting, calendar, from, to, now } = input;
  const zone = input.timezone ?? calendar.timezone;
  const intervalMinutes = slotIntervalOf(meeting, input.slotIntervalMinutes);
  validate(input, zone, intervalMinutes);
  const durationMs = meeting.durationMinutes * MS_PER_MINUTE;
  const step = intervalMinutes * MS_PER_MINUTE;
  const reasons: AvailabilityReason[] = [];
  const quota = input.quota;
  const quotaExceeded = !!quota && quota.used >= quota.included;
  if (quotaExceeded) {
    reasons.push({
      id: "quota.exceeded",
      category: "scope",
      params: { quota: "meetings", included: quota.included, used: quota.used },
    });
  }
  const slots: TimeRange[] = [];
  const result = (): AvailabilityResult => ({ slots, quotaExceeded, reasons });

  const horizonDays = meeting.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const latest = horizonEnd(zone, now, horizonDays);
  if (latest < to) {
    reasons.push({
      id: "meetings.horizon",
      category: "time",
      params: { horizonDays, latest: toIso(latest) },
    });
  }
  const hi = Math.min(to, latest);
  let lo = Math.max(from, now);
  if (lo >= hi) return result();
  const earliest = earliestStart(calendar, now, meeting.minNotice);
  if (earliest > lo) {
    const notice = meeting.minNotice!;
    reasons.push({
      id: "meetings.min-notice",
      category: "time",
      params: {
        ...("businessHours" in notice
          ? { businessHours: notice.businessHours }
          : { businessDays: notice.businessDays }),
        earliest: Number.isFinite(earliest) ? toIso(earliest) : "none",
      },
    });
    lo = earliest;
  }
  if (lo >= hi) return result();

  const bookings = input.bookings ?? [];
  const blocked = mergeBlocked(
    bookings,
    input.busy ?? [],
    meeting.bufferMinutes ?? 0,
    lo,
    hi,
    durationMs,
  );
  const maxPerDay = meeting.maxPerDay ?? Number.POSITIVE_INFINITY;
  const maxPerWeek = meeting.maxPerWeek ?? Number.POSITIVE_INFINITY;
  const capped = maxPerDay !== Number.POSITIVE_INFINITY || maxPerWeek !== Number.POSITIVE_INFINITY;
  const counts = capped ? countBookings(bookings, meeting.id, zone, lo, hi) : null;
  const fullDays: number[] = [];
  const fullWeeks: number[] = [];

  const segments = gridSegments(calendar, lo, hi, durationMs);
  const bStarts = blocked.starts;
  const bEnds = blocked.ends;
  const nb = blocked.length;
  let j = 0;
  // The local day of the last candidate checked against the caps, and whether it is full.
  let lastDay = Number.NaN;
  let dayOpen = true;
  for (let g = 0; g < segments.length; g++) {
    const { anchor, until, fitEnd } = segments[g]!;
    const first = Math.max(lo, segments[g]!.from);
    let s = anchor + Math.ceil((first - anchor) / step) * step;
    const stop = Math.min(until, hi);
    const lastStart = fitEnd - durationMs;
    while (s < stop && s <= lastStart) {
      const e = s + durationMs;
      while (j < nb && bEnds[j]! <= s) j++;
      if (j < nb && bStarts[j]! < e) {
        // Blocked: jump to the first grid start at or after the end of the blocking interval.
        s = anchor + Math.ceil((bEnds[j]! - anchor) / step) * step;
        continue;
      }
      if (counts) {
        const { day } = localParts(zone, s);
        if (day !== lastDay) {
          lastDay = day;
          const week = isoWeekOf(day);
          const dayFull = (counts.perDay.get(day) ?? 0) >= maxPerDay;
          const weekFull = (counts.perWeek.get(week) ?? 0) >= maxPerWeek;
          dayOpen = !dayFull && !weekFull;
          if (dayFull) fullDays.push(day);
          if (weekFull && fullWeeks[fullWeeks.length - 1] !== week) fullWeeks.push(week);
        }
        if (!dayOpen) {
          s += step;
          continue;
        }
      }
      slots.push({ start: s, end: e });
      s += step;
    }
  }
  if (fullDays.length > 0) {
    reasons.push({
      id: "meetings.max-per-day",
      category: "energy",
      params: { maxPerDay, dates: dedupe(fullDays).map(formatLocalDate) },
    });
  }
  if (fullWeeks.length > 0) {
    reasons.push({
      id: "meetings.max-per-week",
      category: "energy",
      params: { maxPerWeek, weeks: dedupe(fullWeeks).map(formatLocalDate) },
    });
  }
  return result();
}

function dedupe(days: number[]): number[] {
  return [...new Set(days)].sort((a, b) => a - b);
}

/** Slots as ISO 8601 UTC text, for the API edge. */
export function slotsToIso(slots: readonly TimeRange[]): { start: string; end: string }[] {
  return slots.map((slot) => ({ start: toIso(slot.start), end: toIso(slot.end) }));
}
