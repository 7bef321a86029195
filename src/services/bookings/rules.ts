// Every rule a booking at one start time breaks, by name: the same rules computeSlots applies to
// a range (open time and grid, notice, horizon, daily and weekly caps, buffers, busy times), one
// at a time so that a refusal can list them all. Pure: the clock is `now`.
import {
  computeSlots,
  earliestStart,
  horizonEnd,
  isoWeekOf,
  slotIntervalOf,
} from "../../domain/availability/index.ts";
import type { ExistingBooking, TimeRange } from "../../domain/availability/types.ts";
import type { BusinessCalendar } from "../../domain/business-time/calendar.ts";
import { toIso } from "../../domain/business-time/iso.ts";
import { formatLocalDate, localParts, MS_PER_MINUTE } from "../../domain/business-time/zone.ts";
import type { MeetingType } from "../../domain/charter/schema.ts";

export type RuleCategory = "time" | "energy" | "scope";

export interface RuleHit {
  id: string;
  category: RuleCategory;
  params: Record<string, unknown>;
}

export interface StartCheck {
  meeting: MeetingType;
  calendar: BusinessCalendar;
  /** The charter's zone (days, weeks, horizon). */
  timezone: string;
  now: number;
  start: number;
  /** The member's active bookings (any type) around the start. */
  bookings: readonly ExistingBooking[];
  busy: readonly TimeRange[];
}

export interface StartVerdict {
  /** The rules broken, in a stable order; empty when the slot is offered. */
  rules: RuleHit[];
  /** The meeting itself would overlap another active booking: the slot is taken (never waived). */
  clash: boolean;
}

const offers = (slots: readonly TimeRange[], start: number) => slots.some((s) => s.start === start);

export function checkStart(input: StartCheck): StartVerdict {
  const { meeting, calendar, timezone: zone, now, start, bookings, busy } = input;
  const duration = meeting.durationMinutes * MS_PER_MINUTE;
  const end = start + duration;
  const buffer = meeting.bufferMinutes ?? 0;
  const rules: RuleHit[] = [];
  const clash = bookings.some((b) => b.start < end && b.end > start);

  if (start < now) rules.push({ id: "meetings.past", category: "time", params: {} });
  else if (meeting.minNotice) {
    const earliest = earliestStart(calendar, now, meeting.minNotice);
    if (earliest > start) {
      rules.push({
        id: "meetings.min-notice",
        category: "time",
        params: {
          ...meeting.minNotice,
          earliest: Number.isFinite(earliest) ? toIso(earliest) : "none",
        },
      });
    }
  }
  const horizonDays = meeting.horizonDays ?? 30;
  const latest = horizonEnd(zone, now, horizonDays);
  if (start >= latest) {
    rules.push({
      id: "meetings.horizon",
      category: "time",
      params: { horizonDays, latest: toIso(latest) },
    });
  }

  if (meeting.maxPerDay !== undefined || meeting.maxPerWeek !== undefined) {
    const { day } = localParts(zone, start);
    const week = isoWeekOf(day);
    let perDay = 0;
    let perWeek = 0;
    for (const b of bookings) {
      if (b.meetingTypeId !== undefined && b.meetingTypeId !== meeting.id) continue;
      const d = localParts(zone, b.start).day;
      if (d === day) perDay++;
      if (isoWeekOf(d) === week) perWeek++;
    }
    if (meeting.maxPerDay !== undefined && perDay >= meeting.maxPerDay) {
      rules.push({
        id: "meetings.max-per-day",
        category: "energy",
        params: { maxPerDay: meeting.maxPerDay, dates: [formatLocalDate(day)] },
      });
    }
    if (meeting.maxPerWeek !== undefined && perWeek >= meeting.maxPerWeek) {
      rules.push({
        id: "meetings.max-per-week",
        category: "energy",
        params: { maxPerWeek: meeting.maxPerWeek, weeks: [formatLocalDate(week)] },
      });
    }
  }

  // Open time and grid, alone: no notice, horizon, caps, bookings or busy times.
  const bare = {
    id: meeting.id,
    durationMinutes: meeting.durationMinutes,
    slotIntervalMinutes: slotIntervalOf(meeting),
  };
  const alone = (slotIntervalMinutes?: number) =>
    computeSlots({
      meeting: bare,
      calendar,
      timezone: zone,
      from: start,
      to: start + 1,
      now: start,
      ...(slotIntervalMinutes ? { slotIntervalMinutes } : {}),
    }).slots;
  if (!offers(alone(), start)) {
    const onSomeMinute = start % MS_PER_MINUTE === 0 && offers(alone(1), start);
    rules.push(
      onSomeMinute
        ? {
            id: "meetings.off-grid",
            category: "time",
            params: { intervalMinutes: slotIntervalOf(meeting) },
          }
        : { id: "meetings.outside-hours", category: "time", params: {} },
    );
  }

  if (!clash) {
    let widest = -1;
    for (const b of bookings) {
      const w = Math.max(b.bufferMinutes ?? 0, buffer) * MS_PER_MINUTE;
      if (b.start - w < end && b.end + w > start) widest = Math.max(widest, w / MS_PER_MINUTE);
    }
    if (widest >= 0) {
      rules.push({ id: "meetings.buffer", category: "energy", params: { bufferMinutes: widest } });
    }
  }
  const pad = buffer * MS_PER_MINUTE;
  if (busy.some((e) => e.start - pad < end && e.end + pad > start)) {
    rules.push({ id: "meetings.overlap", category: "time", params: {} });
  }

  // The slot engine has the last word: a start it would not offer is never booked as if it were.
  if (rules.length === 0 && !clash) {
    const full = computeSlots({
      meeting,
      calendar,
      timezone: zone,
      from: start,
      to: start + 1,
      now,
      bookings,
      busy,
    });
    if (!offers(full.slots, start)) {
      rules.push({ id: "meetings.overlap", category: "time", params: {} });
    }
  }
  return { rules, clash };
}
