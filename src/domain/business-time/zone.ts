// Time-zone arithmetic on epoch milliseconds, fast enough for hot paths.
// Offsets come from Intl (the platform's tz database) and are cached per 15-minute UTC bucket:
// every modern zone changes offset only on a quarter-hour boundary.

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
const BUCKET_MS = 15 * MS_PER_MINUTE;
const CACHE_LIMIT = 200_000;

interface ZoneCache {
  format: Intl.DateTimeFormat;
  /** Per UTC day: the offset when it is constant all day, NaN on a day with a transition. */
  days: Map<number, number>;
  /** Per 15-minute bucket, only for days with a transition. */
  offsets: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();

function zoneCache(zone: string): ZoneCache {
  let cache = zones.get(zone);
  if (!cache) {
    const format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    cache = { format, days: new Map(), offsets: new Map() };
    zones.set(zone, cache);
  }
  return cache;
}

/** True when the platform knows this IANA zone (aliases such as "UTC" included). */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function computeOffset(format: Intl.DateTimeFormat, epochMs: number): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of format.formatToParts(whole)) {
    switch (part.type) {
      case "year":
        year = Number(part.value);
        break;
      case "month":
        month = Number(part.value);
        break;
      case "day":
        day = Number(part.value);
        break;
      case "hour":
        hour = Number(part.value);
        break;
      case "minute":
        minute = Number(part.value);
        break;
      case "second":
        second = Number(part.value);
        break;
      case "era":
        bc = part.value.startsWith("B");
        break;
    }
  }
  const fullYear = bc ? 1 - year : year;
  let local = Date.UTC(fullYear, month - 1, day, hour, minute, second);
  if (fullYear >= 0 && fullYear < 100) {
    // Date.UTC reads years 0–99 as 1900–1999.
    const date = new Date(local);
    date.setUTCFullYear(fullYear);
    local = date.getTime();
  }
  return local - whole;
}

/** Offset of `zone` from UTC at an instant, in ms (local = utc + offset). */
export function offsetAt(zone: string, epochMs: number): number {
  const cache = zoneCache(zone);
  const day = Math.floor(epochMs / MS_PER_DAY);
  let daily = cache.days.get(day);
  if (daily === undefined) {
    const first = computeOffset(cache.format, day * MS_PER_DAY);
    const last = computeOffset(cache.format, (day + 1) * MS_PER_DAY - 1000);
    daily = first === last ? first : Number.NaN;
    if (cache.days.size >= CACHE_LIMIT) cache.days.clear();
    cache.days.set(day, daily);
  }
  if (!Number.isNaN(daily)) return daily;
  const bucket = Math.floor(epochMs / BUCKET_MS);
  let offset = cache.offsets.get(bucket);
  if (offset === undefined) {
    offset = computeOffset(cache.format, bucket * BUCKET_MS);
    if (cache.offsets.size >= CACHE_LIMIT) cache.offsets.clear();
    cache.offsets.set(bucket, offset);
  }
  return offset;
}

/**
 * The instant of a local wall time, given as ms since 1970-01-01T00:00 "local" (as if UTC).
 * Disambiguation is Temporal's "compatible": a wall time inside a DST gap moves forward by the
 * gap; a repeated wall time takes the earlier instant.
 */
export function wallToEpoch(zone: string, wallMs: number): number {
  const before = offsetAt(zone, wallMs - MS_PER_DAY);
  const after = offsetAt(zone, wallMs + MS_PER_DAY);
  if (before === after) {
    const guess = wallMs - before;
    if (offsetAt(zone, guess) === before) return guess;
  }
  const early = wallMs - before;
  const late = wallMs - after;
  const earlyValid = offsetAt(zone, early) === before;
  const lateValid = offsetAt(zone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  return wallMs - before;
}

/** Local wall time of an instant, as ms since 1970-01-01T00:00 local. */
export function epochToWall(zone: string, epochMs: number): number {
  return epochMs + offsetAt(zone, epochMs);
}

/** Civil day number (days since 1970-01-01) of a local date. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Parses "YYYY-MM-DD" to a civil day number. */
export function parseLocalDate(text: string): number {
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  return dayNumber(y, m, d);
}

/** "YYYY-MM-DD" of a civil day number. */
export function formatLocalDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Weekday of a civil day number: 0 = Monday … 6 = Sunday. */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Parses "HH:MM" ("24:00" allowed) into minutes after midnight. */
export function parseWallTime(text: string): number {
  const h = Number(text.slice(0, 2));
  const m = Number(text.slice(3, 5));
  return h * 60 + m;
}

/** Local date, weekday and minute-of-day of an instant. */
export function localParts(
  zone: string,
  epochMs: number,
): { day: number; weekday: number; msOfDay: number } {
  const wall = epochToWall(zone, epochMs);
  const day = Math.floor(wall / MS_PER_DAY);
  return { day, weekday: weekdayOf(day), msOfDay: wall - day * MS_PER_DAY };
}
