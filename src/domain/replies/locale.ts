// Which language a locale speaks, and locales and zones Intl accepts; plus the bounded caches
// every formatter here uses.

const MAX_CACHED = 4096;
const MAX_INSTANT = 8.64e15;

export type Language = "fr" | "en";

/** "fr", "fr-CA", "FR_fr" → fr; everything else → en. */
export function languageOf(locale: string): Language {
  const first = locale.charCodeAt(0) | 32;
  const second = locale.charCodeAt(1) | 32;
  const third = locale.charCodeAt(2);
  const ends = Number.isNaN(third) || third === 45 || third === 95; // end, "-" or "_"
  return first === 102 && second === 114 && ends ? "fr" : "en";
}

/** Whether `ms` is an instant Intl can format. */
export function isInstant(ms: number | undefined): ms is number {
  return typeof ms === "number" && Number.isFinite(ms) && Math.abs(ms) <= MAX_INSTANT;
}

const intlLocales = new Map<string, string>();

/** A locale Intl accepts: the given one, or with "_" → "-", or its language. */
export function intlLocaleOf(locale: string): string {
  let resolved = intlLocales.get(locale);
  if (resolved === undefined) {
    resolved =
      canonicalLocale(locale) ?? canonicalLocale(locale.replaceAll("_", "-")) ?? languageOf(locale);
    remember(intlLocales, locale, resolved);
  }
  return resolved;
}

function canonicalLocale(locale: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

const zones = new Map<string, string>();

/** The zone itself when Intl knows it, else "UTC" (times stay correct and named). */
export function timeZoneOf(zone: string): string {
  let resolved = zones.get(zone);
  if (resolved === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      resolved = zone;
    } catch {
      resolved = "UTC";
    }
    remember(zones, zone, resolved);
  }
  return resolved;
}

/** Sets `key`, emptying the map first when it is full, so no cache grows without bound. */
export function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (map.size >= MAX_CACHED) map.clear();
  map.set(key, value);
}
