// The visitor's time zone: chosen with ?tz=, else remembered in the `tz` cookie, else the
// professional's; and the zones offered in the page's select (common ones plus those two).
import { isValidTimeZone, offsetAt } from "../../domain/business-time/zone.ts";
import { utcOffset, zoneOptionName } from "./format.ts";

export const COMMON_ZONES = [
  "Pacific/Honolulu",
  "America/Anchorage",
  "America/Los_Angeles",
  "America/Vancouver",
  "America/Denver",
  "America/Edmonton",
  "America/Chicago",
  "America/Winnipeg",
  "America/Mexico_City",
  "America/New_York",
  "America/Toronto",
  "America/Halifax",
  "America/St_Johns",
  "America/Sao_Paulo",
  "UTC",
  "Europe/London",
  "Africa/Casablanca",
  "Africa/Dakar",
  "Europe/Paris",
  "Europe/Brussels",
  "Europe/Zurich",
  "Europe/Berlin",
  "Africa/Kinshasa",
  "Africa/Abidjan",
  "Indian/Reunion",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Pacific/Auckland",
] as const;

export interface VisitorZone {
  zone: string;
  /** Where it came from; "pro" when nothing valid was given. */
  source: "query" | "cookie" | "pro";
  /** A ?tz= value that is not a zone, to say so on the page. */
  rejected?: string;
}

export function visitorZone(
  query: string | undefined,
  cookie: string | undefined,
  proZone: string,
): VisitorZone {
  if (query && isValidTimeZone(query)) return { zone: query, source: "query" };
  const rejected = query ? { rejected: query.slice(0, 64) } : {};
  if (cookie && isValidTimeZone(cookie)) return { zone: cookie, source: "cookie", ...rejected };
  return { zone: proZone, source: "pro", ...rejected };
}

export interface ZoneOption {
  zone: string;
  label: string;
}

/** The select's options, ordered by their current offset then name: "(UTC−05:00) Toronto (…)". */
export function zoneOptions(extra: readonly string[], locale: string, at: number): ZoneOption[] {
  const zones = new Set<string>(COMMON_ZONES);
  for (const zone of extra) if (isValidTimeZone(zone)) zones.add(zone);
  return [...zones]
    .map((zone) => ({
      zone,
      label: `(${utcOffset(zone, at)}) ${zoneOptionName(zone, locale, at)}`,
      sort: offsetAt(zone, at),
    }))
    .sort((a, b) => a.sort - b.sort || a.label.localeCompare(b.label, locale))
    .map(({ zone, label }) => ({ zone, label }));
}
