// Slots as the booker reads them: grouped by local day in the booker's zone, with the zone named.
// Intl objects are built once per locale and zone; texts are cached (a time range repeats every
// day), so a month of slots costs a few Intl calls, not one per slot.
import { toIso } from "../business-time/iso.ts";
import { formatLocalDate, localParts, MS_PER_DAY, offsetAt } from "../business-time/zone.ts";
import { intlLocaleOf, languageOf, remember, timeZoneOf } from "../replies/locale.ts";
import type { TimeRange } from "./types.ts";

const MINUTE = 60_000;

interface Formatters {
  zone: string;
  french: boolean;
  /** "9:00–9:30 a.m. EST" */
  time: Intl.DateTimeFormat;
  /** "Monday, March 1, 9:00–9:30 a.m. EST" */
  full: Intl.DateTimeFormat;
  /** "Monday, March 1" of a civil day (formatted at noon UTC). */
  day: Intl.DateTimeFormat;
  times: Map<string, string>;
  fulls: Map<string, string>;
  days: Map<number, string>;
}

const formatters = new Map<string, Formatters>();

function formattersFor(givenLocale: string, givenZone: string): Formatters {
  const key = `${givenLocale}|${givenZone}`;
  let f = formatters.get(key);
  if (!f) {
    const locale = intlLocaleOf(givenLocale);
    const zone = timeZoneOf(givenZone);
    const time: Intl.DateTimeFormatOptions = {
      hour: "numeric",
      minute: "2-digit",
      timeZone: zone,
      timeZoneName: "short",
    };
    const date: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long" };
    f = {
      zone,
      french: languageOf(locale) === "fr",
      time: new Intl.DateTimeFormat(locale, time),
      full: new Intl.DateTimeFormat(locale, { ...date, ...time }),
      day: new Intl.DateTimeFormat(locale, { ...date, timeZone: "UTC" }),
      times: new Map(),
      fulls: new Map(),
      days: new Map(),
    };
    remember(formatters, key, f);
  }
  return f;
}

/** Intl parts joined, with French's "1er" for the first day of a month (as replies write it). */
function joinParts(parts: readonly { type: string; value: string }[], french: boolean): string {
  let text = "";
  for (const part of parts) {
    text += french && part.type === "day" && part.value === "1" ? "1er" : part.value;
  }
  return text;
}

/** A key for a slot's text that is the same on every day with the same local times and offsets. */
function rangeKey(f: Formatters, slot: TimeRange, withDay: boolean): string | null {
  const startOffset = offsetAt(f.zone, slot.start);
  const endOffset = offsetAt(f.zone, slot.end);
  const startWall = slot.start + startOffset;
  const endWall = slot.end + endOffset;
  const day = Math.floor(startWall / MS_PER_DAY);
  // A slot crossing local midnight shows both dates: not shared between days.
  if (!withDay && Math.floor((endWall - 1) / MS_PER_DAY) !== day) return null;
  const minute = (startWall - day * MS_PER_DAY) / MINUTE;
  const head = withDay ? `${day}:` : "";
  return `${head}${minute}:${(endWall - startWall) / MINUTE}:${startOffset}:${endOffset}`;
}

function cachedRange(
  f: Formatters,
  format: Intl.DateTimeFormat,
  cache: Map<string, string>,
  slot: TimeRange,
  withDay: boolean,
): string {
  const key = rangeKey(f, slot, withDay);
  let text = key === null ? undefined : cache.get(key);
  if (text === undefined) {
    text = joinParts(format.formatRangeToParts(slot.start, slot.end), f.french);
    if (key !== null) remember(cache, key, text);
  }
  return text;
}

/**
 * A slot with its date, times and zone in the booker's locale:
 * "lundi 1er mars, 9 h 00 – 9 h 30 HNE", "Monday, March 1, 9:00–9:30 a.m. EST".
 */
export function formatSlotLabel(slot: TimeRange, locale: string, zone: string): string {
  const f = formattersFor(locale, zone);
  return cachedRange(f, f.full, f.fulls, slot, true);
}

/** A slot's times and zone, for a list under a day heading: "9:00–9:30 a.m. EST". */
export function formatSlotTime(slot: TimeRange, locale: string, zone: string): string {
  const f = formattersFor(locale, zone);
  return cachedRange(f, f.time, f.times, slot, false);
}

/** A civil day (days since 1970-01-01) as a heading: "lundi 1er mars", "Monday, March 1". */
export function formatDayLabel(day: number, locale: string, zone = "UTC"): string {
  const f = formattersFor(locale, zone);
  let text = f.days.get(day);
  if (text === undefined) {
    text = joinParts(f.day.formatToParts(day * MS_PER_DAY + MS_PER_DAY / 2), f.french);
    remember(f.days, day, text);
  }
  return text;
}

export interface LabelledSlot {
  start: string;
  end: string;
  /** Times and zone, e.g. "9:00–9:30 a.m. EST". */
  label: string;
}

export interface SlotDay {
  /** The booker's local date, "YYYY-MM-DD". */
  date: string;
  /** e.g. "Monday, March 1". */
  label: string;
  slots: LabelledSlot[];
}

/** Slots (sorted) grouped by the booker's local day, labelled in the booker's locale and zone. */
export function groupSlotsByDay(
  slots: readonly TimeRange[],
  locale: string,
  zone: string,
): SlotDay[] {
  const f = formattersFor(locale, zone);
  const days: SlotDay[] = [];
  let current: SlotDay | undefined;
  let currentDay = Number.NaN;
  for (const slot of slots) {
    const { day } = localParts(f.zone, slot.start);
    if (day !== currentDay || !current) {
      currentDay = day;
      current = { date: formatLocalDate(day), label: formatDayLabel(day, locale, zone), slots: [] };
      days.push(current);
    }
    current.slots.push({
      start: toIso(slot.start),
      end: toIso(slot.end),
      label: cachedRange(f, f.time, f.times, slot, false),
    });
  }
  return days;
}
