// The calendar every contender of the addBusinessHours case is configured with:
// Mon–Fri 09:00–17:00 in America/Toronto, closed on Quebec public holidays.
import Holidays from "date-holidays";

export const TIMEZONE = "America/Toronto";
export const OPEN = "09:00";
export const CLOSE = "17:00";
/** Years whose holidays are given to the peers (inputs are in 2027; +40 h reaches into 2028). */
export const HOLIDAY_YEARS = [2027, 2028] as const;

/** Quebec public holidays (date-holidays `CA`/`QC`, type "public"), as "YYYY-MM-DD". */
export function quebecPublicHolidays(years: readonly number[] = HOLIDAY_YEARS): string[] {
  const hd = new Holidays("CA", "QC");
  const dates: string[] = [];
  for (const year of years) {
    for (const h of hd.getHolidays(year) || []) {
      if (h.type === "public") dates.push(h.date.slice(0, 10));
    }
  }
  return [...new Set(dates)].sort();
}
