// Public holidays as local civil days, from date-holidays (data only, no I/O).
import Holidays from "date-holidays";
import { MS_PER_DAY, parseLocalDate } from "./zone.ts";

export interface HolidaySpec {
  country: string;
  region?: string | undefined;
  /** date-holidays types that close the day; default ["public"]. */
  types?: readonly string[] | undefined;
}

export interface HolidayDay {
  day: number;
  date: string;
  name: string;
}

const instances = new Map<string, Holidays>();
const years = new Map<string, HolidayDay[]>();

function instance(country: string, region: string | undefined): Holidays {
  const key = `${country}/${region ?? ""}`;
  let holidays = instances.get(key);
  if (!holidays) {
    holidays = region ? new Holidays(country, region) : new Holidays(country);
    instances.set(key, holidays);
  }
  return holidays;
}

/** The closed days of one year, in the country's own calendar dates. */
export function holidayDays(spec: HolidaySpec, year: number, lang = "en"): HolidayDay[] {
  const types = spec.types ?? ["public"];
  const key = `${spec.country}/${spec.region ?? ""}/${types.join(",")}/${year}/${lang}`;
  const cached = years.get(key);
  if (cached) return cached;
  const days: HolidayDay[] = [];
  for (const holiday of instance(spec.country, spec.region).getHolidays(year, lang) || []) {
    if (!types.includes(holiday.type)) continue;
    const first = parseLocalDate(holiday.date.slice(0, 10));
    const span = Math.max(
      1,
      Math.round((holiday.end.getTime() - holiday.start.getTime()) / MS_PER_DAY),
    );
    for (let i = 0; i < span; i++) {
      const day = first + i;
      days.push({
        day,
        date: new Date(day * MS_PER_DAY).toISOString().slice(0, 10),
        name: holiday.name,
      });
    }
  }
  years.set(key, days);
  return days;
}

export function isKnownHolidayCountry(country: string): boolean {
  return Object.hasOwn(new Holidays().getCountries() ?? {}, country);
}

export function isKnownHolidayRegion(country: string, region: string): boolean {
  if (!isKnownHolidayCountry(country)) return false;
  return Object.hasOwn(new Holidays().getStates(country) ?? {}, region);
}
