// Peer: opening_hours (the OpenStreetMap opening_hours.js library). It has no "add N hours", so
// we walk its iterator from the instant, summing open spans: a straightforward use of its API.
// It evaluates in the process's local zone (the benchmark runs with TZ=America/Toronto).
// Holidays are explicit dates ("2027 Jan 01 off") rather than "PH off": its own CA-QC public
// holiday data differs from date-holidays (see bench/README.md), and every peer must get the
// same closed days.
import OpeningHours from "opening_hours";
import { CLOSE, OPEN } from "./business-calendar.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MS_PER_HOUR = 3_600_000;
const MAX_STEPS = 10_000;

/** "Mo-Fr 09:00-17:00; 2027 Jan 01,2027 Mar 26,… off" */
export function openingHoursValue(holidays: readonly string[]): string {
  const dates = holidays.map((d) => {
    const [y, m, day] = d.split("-");
    return `${y} ${MONTHS[Number(m) - 1]} ${day}`;
  });
  const base = `Mo-Fr ${OPEN}-${CLOSE}`;
  return dates.length ? `${base}; ${dates.join(",")} off` : base;
}

export function makeOpeningHoursAddBusinessHours(
  holidays: readonly string[],
): (t: number, hours: number) => number {
  const oh = new OpeningHours(openingHoursValue(holidays));
  const warnings = oh.getWarnings();
  if (warnings.length) throw new Error(`opening_hours warnings: ${warnings.join("; ")}`);
  const it = oh.getIterator(new Date(0));
  return (t, hours) => {
    it.setDate(new Date(t));
    let remaining = Math.round(hours * MS_PER_HOUR);
    let at = t;
    for (let step = 0; step < MAX_STEPS; step++) {
      const open = it.getState();
      if (!it.advance()) throw new Error("opening_hours: no further state change");
      const next = it.getDate().getTime();
      if (open) {
        const span = next - at;
        if (remaining <= span) return at + remaining;
        remaining -= span;
      }
      at = next;
    }
    throw new Error("opening_hours: step limit reached");
  };
}
