// A deliberately simple day-walking implementation of addBusinessHours, used by the benchmark as a
// correctness oracle (independent of src/domain/business-time: different algorithm, zone math
// through the Temporal polyfill). Not optimised, not used by the product.
//
// Semantics (same as Cadre's): start from t, or from the next opening if t is closed; add the
// open time; a result that lands exactly on a closing time stays there.
import { Temporal } from "temporal-polyfill";

export interface ReferenceSpec {
  timezone: string;
  /** Open intervals per ISO weekday (1 = Monday … 7 = Sunday), as "HH:MM" wall-clock pairs. */
  weekly: Record<number, readonly (readonly [string, string])[]>;
  /** Closed civil dates, "YYYY-MM-DD". */
  holidays: readonly string[];
}

const MS_PER_HOUR = 3_600_000;
const MAX_DAYS = 3660;

export function makeReferenceAddBusinessHours(
  spec: ReferenceSpec,
): (t: number, hours: number) => number {
  const holidays = new Set(spec.holidays);
  const weekly = new Map<number, [Temporal.PlainTime, Temporal.PlainTime][]>();
  for (let d = 1; d <= 7; d++) {
    weekly.set(
      d,
      (spec.weekly[d] ?? []).map(([a, b]) => [
        Temporal.PlainTime.from(a),
        Temporal.PlainTime.from(b),
      ]),
    );
  }
  const timeZone = spec.timezone;

  return (t, hours) => {
    let remaining = Math.round(hours * MS_PER_HOUR);
    let date = Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(timeZone).toPlainDate();
    for (let i = 0; i < MAX_DAYS; i++, date = date.add({ days: 1 })) {
      if (holidays.has(date.toString())) continue;
      for (const [open, close] of weekly.get(date.dayOfWeek)!) {
        const start = date.toZonedDateTime({ timeZone, plainTime: open }).epochMilliseconds;
        const end = date.toZonedDateTime({ timeZone, plainTime: close }).epochMilliseconds;
        const from = Math.max(start, t);
        if (from >= end) continue;
        const available = end - from;
        if (remaining <= available) return from + remaining;
        remaining -= available;
      }
    }
    throw new Error("reference: no open time within ten years");
  };
}
