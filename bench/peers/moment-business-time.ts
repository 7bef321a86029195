// Peer: moment-business-time 2.x on moment-timezone (inputs as moment.tz(t, zone)).
import moment from "moment-timezone";
import "moment-business-time"; // patches moment.fn (same `moment` instance as moment-timezone)
import { CLOSE, OPEN } from "./business-calendar.ts";

interface WorkingMoment {
  addWorkingTime(amount: number, unit: "hours"): WorkingMoment;
  valueOf(): number;
}

export function makeMomentAddBusinessHours(
  timezone: string,
  holidays: readonly string[],
): (t: number, hours: number) => number {
  const day = [`${OPEN}:00`, `${CLOSE}:00`];
  moment.updateLocale("en", {
    workinghours: { 0: null, 1: day, 2: day, 3: day, 4: day, 5: day, 6: null },
    holidays: [...holidays],
  });
  return (t, hours) =>
    (moment.tz(t, timezone) as unknown as WorkingMoment).addWorkingTime(hours, "hours").valueOf();
}
