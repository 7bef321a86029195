// Local calendar dates ("YYYY-MM-DD") for money: an invoice is due on a date of the charter's
// zone, and days late are counted in whole local days, so DST never makes a day 23 hours long.
import {
  formatLocalDate,
  localParts,
  MS_PER_DAY,
  parseLocalDate,
  wallToEpoch,
} from "../business-time/zone.ts";

/** The local date of an instant in a zone. */
export function localDateOf(zone: string, t: number): string {
  return formatLocalDate(localParts(zone, t).day);
}

export function addDays(date: string, days: number): string {
  return formatLocalDate(parseLocalDate(date) + days);
}

/** Whole days from `a` to `b` (negative when b is before a). */
export function daysBetween(a: string, b: string): number {
  return parseLocalDate(b) - parseLocalDate(a);
}

/** The first instant of a local date in a zone (00:00, or the first instant after a gap). */
export function startOfLocalDate(zone: string, date: string): number {
  return wallToEpoch(zone, parseLocalDate(date) * MS_PER_DAY);
}
