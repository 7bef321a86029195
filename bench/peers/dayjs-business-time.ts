// Peer: dayjs-business-time 1.x. It builds segment boundaries with .hour()/.minute() setters,
// which only work in the process's local zone (dayjs.tz() objects: see bench/README.md), so the
// benchmark process runs with TZ=America/Toronto and inputs are plain dayjs(t).
import dayjs from "dayjs";
import businessTime from "dayjs-business-time";
import { CLOSE, OPEN } from "./business-calendar.ts";

let extended = false;

export function makeDayjsAddBusinessHours(
  holidays: readonly string[],
): (t: number, hours: number) => number {
  if (!extended) {
    dayjs.extend(businessTime);
    extended = true;
  }
  const day = [{ start: `${OPEN}:00`, end: `${CLOSE}:00` }];
  dayjs.setHolidays([...holidays]);
  dayjs.setBusinessTime({
    sunday: null,
    monday: day,
    tuesday: day,
    wednesday: day,
    thursday: day,
    friday: day,
    saturday: null,
  });
  return (t, hours) => dayjs(t).addBusinessHours(hours).valueOf();
}
