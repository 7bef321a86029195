// Intl formatting for the public pages, in the page's locale: wall times, civil dates, weekdays,
// zone names and offsets. Formatters are built once per locale (and zone) and reused.
import { localParts, MS_PER_DAY, offsetAt } from "../../domain/business-time/zone.ts";
import { intlLocaleOf, remember } from "../../domain/replies/locale.ts";
import type { Lang } from "./messages.ts";

const MINUTE = 60_000;

export interface PageFormat {
  lang: Lang;
  /** The Intl locale, e.g. "fr-CA". */
  locale: string;
  /** A wall time given in minutes after midnight: "9 h 00", "9:00 a.m."; 1440 is midnight. */
  clock(minutes: number): string;
  /** An instant's wall time in a zone (no zone name). */
  clockAt(ms: number, zone: string): string;
  /** An instant's wall time in a zone, zone named: "12 h 00 HNE", "6:00 p.m. GMT+1". */
  clockZoned(ms: number, zone: string): string;
  /** "Monday" / "lundi" for 0 = Monday … 6 = Sunday; short: "Mon" / "lun.". */
  weekday(index: number, short?: boolean): string;
  /** A civil day number as "Thursday, December 24" (the year when `withYear`). */
  date(day: number, withYear?: boolean): string;
  /** "December 24, 2026 – January 4, 2027". */
  dateRange(from: number, to: number): string;
  /** "a, b and c" / "a, b et c". */
  list(items: readonly string[]): string;
  /** "a, b or c" / "a, b ou c". */
  orList(items: readonly string[]): string;
}

const formats = new Map<string, PageFormat>();

export function pageFormat(lang: Lang, givenLocale: string): PageFormat {
  const locale = intlLocaleOf(givenLocale);
  const key = `${lang}|${locale}`;
  let f = formats.get(key);
  if (!f) {
    f = makeFormat(lang, locale);
    remember(formats, key, f);
  }
  return f;
}

function makeFormat(lang: Lang, locale: string): PageFormat {
  const utc = { timeZone: "UTC" } as const;
  const time = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", ...utc });
  const longDay = new Intl.DateTimeFormat(locale, { weekday: "long", ...utc });
  const shortDay = new Intl.DateTimeFormat(locale, { weekday: "short", ...utc });
  const date = new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    ...utc,
  });
  const dateYear = new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    ...utc,
  });
  const range = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    ...utc,
  });
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const orList = new Intl.ListFormat(locale, { type: "disjunction" });
  const zoned = new Map<string, Intl.DateTimeFormat>();
  const zonedNamed = new Map<string, Intl.DateTimeFormat>();
  const inZone = (cache: Map<string, Intl.DateTimeFormat>, zone: string, named: boolean) => {
    let dtf = cache.get(zone);
    if (!dtf) {
      dtf = new Intl.DateTimeFormat(locale, {
        hour: "numeric",
        minute: "2-digit",
        timeZone: zone,
        ...(named ? { timeZoneName: "short" } : {}),
      });
      remember(cache, zone, dtf);
    }
    return dtf;
  };
  const midnight = lang === "fr" ? "minuit" : "midnight";
  // Civil day 4 (1970-01-05) is a Monday.
  const weekdays = [0, 1, 2, 3, 4, 5, 6].map((i) => longDay.format((4 + i) * MS_PER_DAY));
  const shortWeekdays = [0, 1, 2, 3, 4, 5, 6].map((i) => shortDay.format((4 + i) * MS_PER_DAY));
  const ordinal = (text: string) => (lang === "fr" ? text.replace(/(^|\s)1(\s)/, "$11er$2") : text);
  return {
    lang,
    locale,
    clock: (minutes) => (minutes >= 1440 ? midnight : unbroken(time.format(minutes * MINUTE))),
    clockAt: (ms, zone) => unbroken(inZone(zoned, zone, false).format(ms)),
    clockZoned: (ms, zone) => unbroken(inZone(zonedNamed, zone, true).format(ms)),
    weekday: (index, short = false) => (short ? shortWeekdays : weekdays)[index] ?? "",
    date: (day, withYear = false) =>
      ordinal((withYear ? dateYear : date).format(day * MS_PER_DAY + MS_PER_DAY / 2)),
    dateRange: (from, to) =>
      from === to
        ? ordinal(range.format(from * MS_PER_DAY))
        : range.formatRange(from * MS_PER_DAY, to * MS_PER_DAY),
    list: (items) => list.format(items),
    orList: (items) => orList.format(items),
  };
}

/** A time never breaks across lines: "9 h 00", "9:00 a.m.". */
function unbroken(text: string): string {
  return text.replace(/[ \u202f]/g, "\u00a0");
}

interface ZoneParts {
  /** "Toronto", "St Johns", "UTC". */
  city: string;
  /** "Eastern Time", "heure de l’Est"; absent when Intl only knows an offset. */
  generic: string | undefined;
}

const zoneParts = new Map<string, ZoneParts>();

function partsOf(zone: string, locale: string, at: number): ZoneParts {
  const key = `${locale}|${zone}`;
  let parts = zoneParts.get(key);
  if (!parts) {
    const utc = zone === "UTC" || zone === "Etc/UTC";
    const generic = utc
      ? undefined
      : new Intl.DateTimeFormat(intlLocaleOf(locale), {
          timeZone: zone,
          timeZoneName: "longGeneric",
        })
          .formatToParts(at)
          .find((p) => p.type === "timeZoneName")?.value;
    parts = {
      city: utc ? "UTC" : (zone.split("/").pop() ?? zone).replaceAll("_", " "),
      generic: generic && !/^(GMT|UTC)/.test(generic) ? generic : undefined,
    };
    remember(zoneParts, key, parts);
  }
  return parts;
}

/** "Eastern Time (Toronto)", "heure d’Europe centrale (Paris)", "UTC". */
export function zoneName(zone: string, locale: string, at: number): string {
  const { city, generic } = partsOf(zone, locale, at);
  return generic ? `${generic} (${city})` : city;
}

/** City first, for a list to scan: "Toronto — Eastern Time". */
export function zoneOptionName(zone: string, locale: string, at: number): string {
  const { city, generic } = partsOf(zone, locale, at);
  return generic ? `${city} \u2014 ${generic}` : city;
}

/** "UTC−05:00" at an instant. */
export function utcOffset(zone: string, at: number): string {
  const minutes = Math.round(offsetAt(zone, at) / MINUTE);
  const sign = minutes < 0 ? "\u2212" : "+";
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `UTC${sign}${hh}:${mm}`;
}

/**
 * An instant's wall time in `zone`, with the weekday in front when its local day differs from
 * `relativeToDay` (a civil day number in that zone), e.g. "Tue 2:00 a.m.".
 */
export function clockOnDay(f: PageFormat, ms: number, zone: string, relativeToDay: number) {
  const local = localParts(zone, ms);
  const text = f.clockAt(ms, zone);
  return local.day === relativeToDay ? text : `${f.weekday(local.weekday, true)} ${text}`;
}
