// Time in the browser: wall time in a named zone ↔ instants (no Temporal needed), and
// formatting with the zone named, in the UI language.
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallOf(epoch: number, zone: string): Wall {
  const wall: Wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of partsFormatter(zone).formatToParts(new Date(epoch))) {
    if (part.type in wall) wall[part.type as keyof Wall] = Number(part.value);
  }
  if (wall.hour === 24) wall.hour = 0;
  return wall;
}

/** Offset of the zone at that instant, in ms (east of UTC positive). */
export function zoneOffset(epoch: number, zone: string): number {
  const w = wallOf(epoch, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(epoch / 1000) * 1000;
}

/** "YYYY-MM-DDTHH:MM" in `zone` → epoch ms (a wall time in a DST gap moves forward). */
export function wallToEpoch(wall: string, zone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(wall);
  if (!m) return Number.NaN;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const before = zoneOffset(guess - 43_200_000, zone);
  const after = zoneOffset(guess + 43_200_000, zone);
  const valid = [before, after]
    .map((o) => guess - o)
    .filter((t) => zoneOffset(t, zone) === guess - t);
  // Ambiguous (fall back): the earlier instant; in a gap (spring forward): moved forward by the gap.
  return valid.length > 0 ? Math.min(...valid) : guess - before;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** epoch ms → "YYYY-MM-DDTHH:MM" wall time in `zone` (for datetime-local inputs). */
export function epochToWall(epoch: number, zone: string): string {
  const w = wallOf(epoch, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The zone the viewer's browser is in. */
export function viewerZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

export function allTimeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    const zones = intl.supportedValuesOf?.("timeZone") ?? [];
    if (zones.length > 0) return zones.includes("UTC") ? zones : [...zones, "UTC"];
  } catch {
    // older browsers: fall through
  }
  return ["America/Toronto", "America/Montreal", "Europe/Paris", "Europe/Brussels", "UTC"];
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(
  locale: string,
  zone: string,
  kind: string,
  options: Intl.DateTimeFormatOptions,
) {
  const key = `${locale}|${zone}|${kind}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

type Instant = string | number | Date;
const toDate = (value: Instant) => (value instanceof Date ? value : new Date(value));

/** "Mon, Nov 30, 10:00 AM EST": date and time with the zone named. */
export function formatDateTime(value: Instant, locale: string, zone: string): string {
  return formatter(locale, zone, "dt", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(toDate(value));
}

/** Date only, long form ("Monday, November 30, 2026"). */
export function formatDate(value: Instant, locale: string, zone: string): string {
  return formatter(locale, zone, "d", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(toDate(value));
}

/** A calendar date "YYYY-MM-DD" shown in words, without any zone shift. */
export function formatLocalDate(date: string, locale: string): string {
  const [y, m, d] = date.split("-").map(Number);
  if (!y || !m || !d) return date;
  return formatter(locale, "UTC", "ld", { day: "numeric", month: "long", year: "numeric" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** The zone's short name at that instant in the locale (e.g. "HNE", "EST", "UTC+1"). */
export function zoneName(zone: string, locale: string, at: Instant = Date.now()): string {
  const parts = formatter(locale, zone, "zn", { timeZoneName: "short" }).formatToParts(toDate(at));
  return parts.find((p) => p.type === "timeZoneName")?.value ?? zone;
}

/** "09:00" as the locale writes times (9:00 a.m., 09:00, 9 h 00). */
export function formatWallTime(time: string, locale: string): string {
  // Shown as written while it is not a valid time yet (the editor flags it).
  if (!/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(time)) return time;
  if (time === "24:00") return locale.startsWith("fr") ? "24\u00a0h" : "midnight";
  const [h, m] = time.split(":").map(Number) as [number, number];
  // No-break spaces keep "9 h 00" and "9:00 a.m." on one line.
  return formatter(locale, "UTC", "wt", { hour: "numeric", minute: "2-digit" })
    .format(new Date(Date.UTC(2000, 0, 3, h, m)))
    .replace(/[\s\u202f]/g, "\u00a0");
}

export interface Remaining {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
}

/** Split the wall-clock time left until `due` into days, hours and minutes. */
export function remaining(due: Instant, now: number): Remaining {
  const ms = toDate(due).getTime() - now;
  const overdue = ms < 0;
  const total = Math.floor(Math.abs(ms) / 60_000);
  return {
    overdue,
    days: Math.floor(total / 1440),
    hours: Math.floor((total % 1440) / 60),
    minutes: total % 60,
  };
}

export const todayIn = (zone: string) => epochToWall(Date.now(), zone).slice(0, 10);
