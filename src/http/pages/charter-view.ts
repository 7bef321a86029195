// What the charter page computes before rendering: the week's hours in both zones, whether the
// professional is open now, and the holidays, closures and special days of the next 90 days.
import { type BusinessCalendar, compileCalendar } from "../../domain/business-time/calendar.ts";
import { holidayDays } from "../../domain/business-time/holidays.ts";
import {
  localParts,
  MS_PER_DAY,
  MS_PER_MINUTE,
  parseLocalDate,
  parseWallTime,
  wallToEpoch,
  weekdayOf,
} from "../../domain/business-time/zone.ts";
import {
  type BusinessDuration,
  type Charter,
  WEEKDAYS,
  type WeeklyHours,
} from "../../domain/charter/schema.ts";
import { remember } from "../../domain/replies/locale.ts";
import { clockOnDay, type PageFormat } from "./format.ts";
import type { Lang, Messages } from "./messages.ts";

const AHEAD_DAYS = 90;
const DASH = " \u2013 ";

export interface HoursRow {
  weekday: number;
  /** Interval texts in the professional's zone, empty when closed. */
  pro: string[];
  /** The same intervals in the visitor's zone (weekday named when the day differs). */
  visitor: string[];
}

export function durationText(m: Messages, d: BusinessDuration): string {
  return "businessHours" in d ? m.businessHours(d.businessHours) : m.businessDays(d.businessDays);
}

function intervalText(f: PageFormat, m: Messages, [a, b]: readonly [string, string]): string {
  const start = parseWallTime(a);
  const end = parseWallTime(b);
  return `${f.clock(start)}${DASH}${f.clock(end)}${end <= start ? ` (${m.nextDay})` : ""}`;
}

/** Regular weekly hours (Monday first), in both zones as they fall in the next 7 days. */
export function weekRows(
  charter: Charter,
  f: PageFormat,
  m: Messages,
  visitorZone: string,
  now: number,
): HoursRow[] {
  const zone = charter.timezone;
  const today = localParts(zone, now);
  return WEEKDAYS.map((key, weekday) => {
    // The next such weekday, today included: its offsets are the ones the visitor will meet.
    const day = today.day + ((weekday - today.weekday + 7) % 7);
    const intervals = charter.hours[key];
    return {
      weekday,
      pro: intervals.map((i) => intervalText(f, m, i)),
      visitor: intervals.map(([a, b]) => {
        const startMin = parseWallTime(a);
        const endMin = parseWallTime(b);
        const endDay = endMin <= startMin ? day + 1 : day;
        const start = wallToEpoch(zone, day * MS_PER_DAY + startMin * MS_PER_MINUTE);
        const end = wallToEpoch(zone, endDay * MS_PER_DAY + endMin * MS_PER_MINUTE);
        const startDay = localParts(visitorZone, start).day;
        return (
          clockOnDay(f, start, visitorZone, day) + DASH + clockOnDay(f, end, visitorZone, startDay)
        );
      }),
    };
  });
}

/** "Monday–Friday 9:00 a.m. – 5:00 p.m.; Saturday …": consecutive days with equal hours grouped. */
export function weeklyText(hours: WeeklyHours, f: PageFormat, m: Messages): string {
  const groups: { from: number; to: number; key: string; text: string }[] = [];
  WEEKDAYS.forEach((day, i) => {
    const intervals = hours[day];
    if (intervals.length === 0) return;
    const key = JSON.stringify(intervals);
    const last = groups.at(-1);
    if (last && last.key === key && last.to === i - 1) last.to = i;
    else
      groups.push({
        from: i,
        to: i,
        key,
        text: intervals.map((x) => intervalText(f, m, x)).join(", "),
      });
  });
  return groups
    .map((g) => {
      const days = g.from === g.to ? f.weekday(g.from) : `${f.weekday(g.from)}–${f.weekday(g.to)}`;
      return `${days} ${g.text}`;
    })
    .join("; ");
}

/** Wall times of the professional's day (minutes) as instants of today, for conversions. */
export function todayAt(zone: string, now: number, minutes: number): number {
  const day = localParts(zone, now).day;
  return wallToEpoch(zone, day * MS_PER_DAY + minutes * MS_PER_MINUTE);
}

const calendars = new Map<string, BusinessCalendar>();

function calendarOf(key: string, charter: Charter): BusinessCalendar {
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = compileCalendar(charter);
    remember(calendars, key, calendar);
  }
  return calendar;
}

/** Open now (until when) or closed (next opening); null when the calendar cannot say. */
export function openStatus(
  key: string,
  charter: Charter,
  now: number,
): { open: boolean; at: number } | null {
  try {
    const calendar = calendarOf(key, charter);
    return calendar.isOpen(now)
      ? { open: true, at: calendar.nextClosing(now) }
      : { open: false, at: calendar.nextOpening(now) };
  } catch {
    return null;
  }
}

export interface DayNote {
  from: number;
  to: number;
  kind: "holiday" | "closure" | "special";
  /** Holiday name, or the closure's or override's label as the professional wrote it. */
  name: string | undefined;
  /** Special days: their hours ("Closed" when none). */
  hours?: string;
}

/** Holidays on days that would be open, closures and special hours of the next 90 days. */
export function upcomingDays(
  charter: Charter,
  f: PageFormat,
  m: Messages,
  lang: Lang,
  now: number,
): DayNote[] {
  const first = localParts(charter.timezone, now).day;
  const last = first + AHEAD_DAYS;
  const notes: DayNote[] = [];
  const closed = new Set<number>();
  for (const c of charter.closures) {
    const from = parseLocalDate(c.from);
    const to = parseLocalDate(c.to);
    for (let d = Math.max(from, first); d <= Math.min(to, last); d++) closed.add(d);
    if (to >= first && from <= last) notes.push({ from, to, kind: "closure", name: c.label });
  }
  const overridden = new Map<number, Charter["overrides"][number]>();
  for (const o of charter.overrides) overridden.set(parseLocalDate(o.date), o);
  if (charter.holidays) {
    const seen = new Set<number>();
    const endYear = new Date(last * MS_PER_DAY).getUTCFullYear();
    for (let year = new Date(first * MS_PER_DAY).getUTCFullYear(); year <= endYear; year++) {
      for (const h of holidayDays(charter.holidays, year, lang)) {
        if (h.day < first || h.day > last || closed.has(h.day) || seen.has(h.day)) continue;
        const hours = overridden.get(h.day)?.hours ?? charter.hours[WEEKDAYS[weekdayOf(h.day)]!];
        if (hours.length === 0) continue;
        seen.add(h.day);
        notes.push({ from: h.day, to: h.day, kind: "holiday", name: h.name });
      }
    }
  }
  for (const [day, o] of overridden) {
    if (day < first || day > last || closed.has(day)) continue;
    const hours = o.hours.length ? o.hours.map((i) => intervalText(f, m, i)).join(", ") : m.closed;
    notes.push({ from: day, to: day, kind: "special", name: o.label, hours });
  }
  return notes.sort((a, b) => a.from - b.from || a.to - b.to);
}
