export {
  BusinessCalendar,
  BusinessTimeError,
  type BusinessTimeErrorCode,
  type CalendarSpec,
  compileCalendar,
} from "./calendar.ts";
export {
  type HolidayDay,
  type HolidaySpec,
  holidayDays,
  isKnownHolidayCountry,
  isKnownHolidayRegion,
} from "./holidays.ts";
export { parseIso, toIso } from "./iso.ts";
export * from "./zone.ts";
