// Instants in the client's locale and zone, zone named. Intl is asked once per locale for the
// shape of a date and time, once per local day for the date text, once per minute of the day for
// the time text, and once per UTC day for the zone's offset and name; the hot path only looks
// these pieces up and joins them.
import { intlLocaleOf, isInstant, languageOf, remember, timeZoneOf } from "./locale.ts";

const MINUTE = 60_000;
const DAY = 86_400_000;
const MINUTES_PER_DAY = 1440;
/** Beyond this distance from the reference instant, the year is shown. */
const YEAR_SHOWN_AFTER = 300 * DAY;
const MAX_INSTANT = 8.64e15;

const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
};
const DATE_TIME_WITH_YEAR: Intl.DateTimeFormatOptions = { ...DATE_TIME, year: "numeric" };

/** How one locale writes a date and time: cached date texts per local day, times per minute. */
interface Pattern {
  readonly utc: Intl.DateTimeFormat;
  /** True when the locale writes date, then time, then the zone name last. */
  readonly assembled: boolean;
  readonly zoneSeparator: string;
  /** French writes the first day of a month "1er". */
  readonly firstAsOrdinal: boolean;
  readonly dates: Map<number, string>;
  readonly times: (string | undefined)[];
}

interface Period {
  readonly offset: number;
  readonly name: string;
}

/** The zone's offset and name during one UTC day; a day holds at most one change. */
interface ZoneDay {
  readonly changeAt: number;
  readonly before: Period;
  readonly after: Period;
}

interface InstantFormatter {
  readonly zone: string;
  readonly plain: Pattern;
  readonly withYear: Pattern;
  readonly zoned: Intl.DateTimeFormat;
  readonly zonedWithYear: Intl.DateTimeFormat;
  readonly days: Map<number, ZoneDay>;
}

const patterns = new Map<string, Map<boolean, Pattern>>();
const instantFormatters = new Map<string, Map<string, InstantFormatter>>();
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant in the client's locale and zone, zone named: "lundi 30 novembre à 09 h 00 HNE",
 * "Monday, November 30 at 9:00 AM EST". The year is shown only when `ms` is more than about
 * 300 days away from `reference`.
 */
export function formatDateTime(
  ms: number,
  locale: string,
  timeZone: string,
  reference: number = ms,
): string {
  return formatInstant(ms, locale, timeZone, Math.abs(ms - reference) > YEAR_SHOWN_AFTER);
}

export function formatInstant(
  ms: number,
  locale: string,
  timeZone: string,
  withYear: boolean,
): string {
  if (!isInstant(ms)) throw new RangeError(`Not a formattable instant: ${ms}`);
  const f = instantFormatter(locale, timeZone);
  const pattern = withYear ? f.withYear : f.plain;
  if (!pattern.assembled) return (withYear ? f.zonedWithYear : f.zoned).format(ms);
  const utcDay = Math.floor(ms / DAY);
  const day = f.days.get(utcDay) ?? loadZoneDay(f, utcDay);
  const period = ms < day.changeAt ? day.before : day.after;
  const local = ms + period.offset;
  const localDay = Math.floor(local / DAY);
  const minute = Math.floor((local - localDay * DAY) / MINUTE);
  return (
    dateText(pattern, localDay) + timeText(pattern, minute) + pattern.zoneSeparator + period.name
  );
}

let lastLocale = "";
let lastZone = "";
let lastFormatter: InstantFormatter | undefined;

function instantFormatter(givenLocale: string, givenZone: string): InstantFormatter {
  // Consecutive replies mostly share a locale and zone: skip the lookups then.
  if (lastFormatter && givenLocale === lastLocale && givenZone === lastZone) return lastFormatter;
  const f = lookupInstantFormatter(intlLocaleOf(givenLocale), timeZoneOf(givenZone));
  lastLocale = givenLocale;
  lastZone = givenZone;
  lastFormatter = f;
  return f;
}

function lookupInstantFormatter(locale: string, zone: string): InstantFormatter {
  let byZone = instantFormatters.get(locale);
  if (!byZone) {
    byZone = new Map();
    instantFormatters.set(locale, byZone);
  }
  let f = byZone.get(zone);
  if (!f) {
    f = {
      zone,
      plain: pattern(locale, false),
      withYear: pattern(locale, true),
      zoned: new Intl.DateTimeFormat(locale, { ...DATE_TIME, timeZone: zone }),
      zonedWithYear: new Intl.DateTimeFormat(locale, { ...DATE_TIME_WITH_YEAR, timeZone: zone }),
      days: new Map(),
    };
    byZone.set(zone, f);
  }
  return f;
}

function pattern(locale: string, withYear: boolean): Pattern {
  let byYear = patterns.get(locale);
  if (!byYear) {
    byYear = new Map();
    patterns.set(locale, byYear);
  }
  let p = byYear.get(withYear);
  if (!p) {
    const options = withYear ? DATE_TIME_WITH_YEAR : DATE_TIME;
    const utc = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
    const shape = analyse(utc.formatToParts(Date.UTC(2026, 10, 30, 14, 5)));
    p = {
      utc,
      ...shape,
      firstAsOrdinal: languageOf(locale) === "fr",
      dates: new Map(),
      times: new Array(MINUTES_PER_DAY),
    };
    byYear.set(withYear, p);
  }
  return p;
}

const TIME_PARTS: ReadonlySet<string> = new Set(["hour", "minute", "dayPeriod"]);
const DATE_PARTS: ReadonlySet<string> = new Set(["weekday", "day", "month", "year", "era"]);

function analyse(parts: Intl.DateTimeFormatPart[]): { assembled: boolean; zoneSeparator: string } {
  const first = parts.findIndex((p) => TIME_PARTS.has(p.type));
  const last = parts.findLastIndex((p) => TIME_PARTS.has(p.type));
  const zone = parts.length - 1;
  const between = parts.slice(last + 1, zone);
  const assembled =
    first > 0 &&
    parts[zone]?.type === "timeZoneName" &&
    last < zone &&
    !parts.slice(first).some((p) => DATE_PARTS.has(p.type)) &&
    between.every((p) => p.type === "literal");
  return { assembled, zoneSeparator: between.map((p) => p.value).join("") };
}

/** The date and the words leading to the time, e.g. "lundi 30 novembre à ". */
function dateText(p: Pattern, localDay: number): string {
  let text = p.dates.get(localDay);
  if (text === undefined) {
    const parts = p.utc.formatToParts(localDay * DAY + DAY / 2);
    const first = parts.findIndex((part) => TIME_PARTS.has(part.type));
    if (p.firstAsOrdinal) {
      const day = parts.find((part) => part.type === "day");
      if (day?.value === "1") day.value = "1er";
    }
    text = join(parts, 0, first);
    remember(p.dates, localDay, text);
  }
  return text;
}

/** The time of day, e.g. "09 h 00" or "9:00 AM". */
function timeText(p: Pattern, minute: number): string {
  let text = p.times[minute];
  if (text === undefined) {
    const parts = p.utc.formatToParts(minute * MINUTE);
    const first = parts.findIndex((part) => TIME_PARTS.has(part.type));
    const last = parts.findLastIndex((part) => TIME_PARTS.has(part.type));
    text = join(parts, first, last + 1);
    p.times[minute] = text;
  }
  return text;
}

function join(parts: Intl.DateTimeFormatPart[], from: number, to: number): string {
  let text = "";
  for (let i = from; i < to; i++) text += parts[i]!.value;
  return text;
}

function loadZoneDay(f: InstantFormatter, utcDay: number): ZoneDay {
  const start = Math.max(utcDay * DAY, -MAX_INSTANT);
  const end = Math.min(utcDay * DAY + DAY - 1, MAX_INSTANT);
  const before = periodAt(f, start);
  const after = periodAt(f, end);
  let changeAt = utcDay * DAY + DAY;
  if (!samePeriod(before, after)) {
    // Find the first millisecond of the new period.
    let lo = start;
    let hi = end;
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (samePeriod(periodAt(f, mid), before)) lo = mid;
      else hi = mid;
    }
    changeAt = hi;
  }
  const day = { changeAt, before, after };
  remember(f.days, utcDay, day);
  return day;
}

function samePeriod(a: Period, b: Period): boolean {
  return a.offset === b.offset && a.name === b.name;
}

function periodAt(f: InstantFormatter, ms: number): Period {
  const name = f.zoned.formatToParts(ms).find((p) => p.type === "timeZoneName")?.value ?? f.zone;
  return { offset: zoneOffset(f.zone, ms), name };
}

/** Local wall time minus UTC, in ms, at instant `ms`. */
function zoneOffset(zone: string, ms: number): number {
  let dtf = offsetFormatters.get(zone);
  if (!dtf) {
    dtf = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    offsetFormatters.set(zone, dtf);
  }
  const field: Record<string, number> = {};
  for (const p of dtf.formatToParts(ms)) if (p.type !== "literal") field[p.type] = Number(p.value);
  const wall = new Date(0);
  wall.setUTCFullYear(field.year ?? 1970, (field.month ?? 1) - 1, field.day ?? 1);
  wall.setUTCHours(field.hour ?? 0, field.minute ?? 0, field.second ?? 0, 0);
  return wall.getTime() - (ms - (((ms % 1000) + 1000) % 1000));
}
