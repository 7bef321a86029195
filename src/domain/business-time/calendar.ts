// A charter's open time, compiled to sorted epoch-ms intervals with prefix sums of open time.
// Years are compiled lazily; every query is a binary search. Instants are epoch milliseconds.
import { type HolidaySpec, holidayDays } from "./holidays.ts";
import {
  dayNumber,
  isValidTimeZone,
  localParts,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  parseLocalDate,
  parseWallTime,
  wallToEpoch,
  weekdayOf,
} from "./zone.ts";

type Day = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
const DAYS: readonly Day[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export interface CalendarSpec {
  timezone: string;
  hours: Partial<Record<Day, readonly (readonly [string, string])[]>>;
  holidays?: HolidaySpec | null | undefined;
  closures?: readonly { from: string; to: string }[] | undefined;
  overrides?:
    | readonly { date: string; hours: readonly (readonly [string, string])[] }[]
    | undefined;
}

export type BusinessTimeErrorCode = "no_open_time" | "out_of_range" | "invalid_input";

export class BusinessTimeError extends Error {
  readonly code: BusinessTimeErrorCode;
  readonly params: Record<string, unknown>;
  constructor(code: BusinessTimeErrorCode, message: string, params: Record<string, unknown> = {}) {
    super(message);
    this.name = "BusinessTimeError";
    this.code = code;
    this.params = params;
  }
}

/** How far a search for open time may look before the calendar is declared closed. */
const SEARCH_HORIZON_MS = 731 * MS_PER_DAY;
const MIN_YEAR = 1971;
const MAX_YEAR = 2400;

type Minutes = readonly [number, number][];

interface YearChunk {
  starts: number[];
  ends: number[];
  /** Open days (days with open hours of their own), ascending civil day numbers. */
  openDays: number[];
}

function toMinutes(intervals: readonly (readonly [string, string])[]): Minutes {
  return intervals.map(([a, b]) => [parseWallTime(a), parseWallTime(b)] as [number, number]);
}

function lowerBound(values: Float64Array | Int32Array, value: number, from = 0): number {
  let lo = from;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(values: Float64Array | Int32Array, value: number, from = 0): number {
  let lo = from;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class BusinessCalendar {
  readonly timezone: string;
  private readonly weekly: Minutes[];
  private readonly holidays: HolidaySpec | null;
  private readonly closed = new Set<number>();
  private readonly overrides = new Map<number, Minutes>();
  private readonly chunks = new Map<number, YearChunk>();
  private firstYear = 0;
  private lastYear = -1;
  // Merged open intervals [starts[i], ends[i]) and open time before each, relative to nothing:
  // cum[i] = total open ms of intervals 0..i-1.
  private starts = new Float64Array(0);
  private ends = new Float64Array(0);
  private cum = new Float64Array(0);
  private cumEnd = new Float64Array(0);
  private openDays = new Int32Array(0);
  /** Instants in [safeFrom, safeTo) are answered without compiling more years. */
  private safeFrom = 0;
  private safeTo = 0;

  constructor(spec: CalendarSpec) {
    if (!isValidTimeZone(spec.timezone)) {
      throw new BusinessTimeError("invalid_input", `Unknown time zone: ${spec.timezone}`, {
        timezone: spec.timezone,
      });
    }
    this.timezone = spec.timezone;
    this.weekly = DAYS.map((d) => toMinutes(spec.hours[d] ?? []));
    this.holidays = spec.holidays ?? null;
    for (const closure of spec.closures ?? []) {
      const from = parseLocalDate(closure.from);
      const to = parseLocalDate(closure.to);
      for (let day = from; day <= to && day - from < 3660; day++) this.closed.add(day);
    }
    for (const override of spec.overrides ?? []) {
      this.overrides.set(parseLocalDate(override.date), toMinutes(override.hours));
    }
  }

  // ---- compilation -------------------------------------------------------------------------

  private compileYear(year: number): YearChunk {
    const starts: number[] = [];
    const ends: number[] = [];
    const openDays: number[] = [];
    const holidays = new Set<number>();
    if (this.holidays) for (const h of holidayDays(this.holidays, year)) holidays.add(h.day);
    const first = dayNumber(year, 1, 1);
    const last = dayNumber(year, 12, 31);
    for (let day = first; day <= last; day++) {
      if (this.closed.has(day) || holidays.has(day)) continue;
      const intervals = this.overrides.get(day) ?? this.weekly[weekdayOf(day)]!;
      let open = false;
      const midnight = day * MS_PER_DAY;
      for (const [a, b] of intervals) {
        if (a === b) continue;
        const endWall =
          b > a ? midnight + b * MS_PER_MINUTE : midnight + MS_PER_DAY + b * MS_PER_MINUTE;
        const start = wallToEpoch(this.timezone, midnight + a * MS_PER_MINUTE);
        const end = wallToEpoch(this.timezone, endWall);
        if (end <= start) continue;
        starts.push(start);
        ends.push(end);
        open = true;
      }
      if (open) openDays.push(day);
    }
    return { starts, ends, openDays };
  }

  private chunk(year: number): YearChunk {
    let c = this.chunks.get(year);
    if (!c) {
      c = this.compileYear(year);
      this.chunks.set(year, c);
    }
    return c;
  }

  /** Compiles years so that [firstYear, lastYear] covers the given years, then rebuilds. */
  private ensureYears(from: number, to: number): void {
    if (from < MIN_YEAR || to > MAX_YEAR) {
      throw new BusinessTimeError("out_of_range", `Instant outside ${MIN_YEAR}–${MAX_YEAR}`, {
        from,
        to,
      });
    }
    if (this.lastYear >= this.firstYear && from >= this.firstYear && to <= this.lastYear) return;
    const lo = this.lastYear >= this.firstYear ? Math.min(from, this.firstYear) : from;
    const hi = this.lastYear >= this.firstYear ? Math.max(to, this.lastYear) : to;
    const raw: [number, number][] = [];
    const days: number[] = [];
    for (let y = lo; y <= hi; y++) {
      const c = this.chunk(y);
      for (let i = 0; i < c.starts.length; i++) raw.push([c.starts[i]!, c.ends[i]!]);
      for (const d of c.openDays) days.push(d);
    }
    raw.sort((x, y) => x[0] - y[0]);
    const starts: number[] = [];
    const ends: number[] = [];
    for (const [s, e] of raw) {
      const n = ends.length;
      if (n > 0 && s <= ends[n - 1]!) {
        if (e > ends[n - 1]!) ends[n - 1] = e;
      } else {
        starts.push(s);
        ends.push(e);
      }
    }
    this.starts = Float64Array.from(starts);
    this.ends = Float64Array.from(ends);
    this.cum = new Float64Array(starts.length);
    this.cumEnd = new Float64Array(starts.length);
    let total = 0;
    for (let i = 0; i < starts.length; i++) {
      this.cum[i] = total;
      total += ends[i]! - starts[i]!;
      this.cumEnd[i] = total;
    }
    this.openDays = Int32Array.from(days);
    this.firstYear = lo;
    this.lastYear = hi;
    // Keep two days of margin: intervals of the neighbouring year may cross into these instants.
    this.safeFrom = Date.UTC(lo, 0, 1) + 2 * MS_PER_DAY;
    this.safeTo = Date.UTC(hi + 1, 0, 1) - 2 * MS_PER_DAY;
  }

  private cover(t: number): void {
    if (t >= this.safeFrom && t < this.safeTo) return;
    if (!Number.isFinite(t))
      throw new BusinessTimeError("invalid_input", "Instant is not a number");
    const year = new Date(t).getUTCFullYear();
    this.ensureYears(year - 1, year + 1);
  }

  /** Extends compiled years forward until `until` is covered; false past the search horizon. */
  private extendTo(until: number): void {
    const year = new Date(until).getUTCFullYear();
    this.ensureYears(this.firstYear, Math.max(this.lastYear, year + 1));
  }

  private noOpenTime(t: number): never {
    throw new BusinessTimeError(
      "no_open_time",
      `No open time within ${Math.round(SEARCH_HORIZON_MS / MS_PER_DAY)} days after ${new Date(t).toISOString()}`,
      { from: new Date(t).toISOString() },
    );
  }

  /** Index of the first interval whose end is >= t (or > t when strict), compiling as needed. */
  private firstEndingFrom(t: number, strict: boolean): number {
    this.cover(t);
    let i = strict ? upperBound(this.ends, t) : lowerBound(this.ends, t);
    while (i >= this.starts.length) {
      if (this.safeTo - t > SEARCH_HORIZON_MS) this.noOpenTime(t);
      this.extendTo(this.safeTo + 366 * MS_PER_DAY);
      i = strict ? upperBound(this.ends, t) : lowerBound(this.ends, t);
    }
    if (this.starts[i]! - t > SEARCH_HORIZON_MS) this.noOpenTime(t);
    return i;
  }

  // ---- queries -----------------------------------------------------------------------------

  /** True when t is inside open time (intervals are closed at start, open at end). */
  isOpen(t: number): boolean {
    this.cover(t);
    const i = upperBound(this.starts, t) - 1;
    return i >= 0 && t < this.ends[i]!;
  }

  /** The earliest open instant at or after t (t itself when open). */
  nextOpening(t: number): number {
    const i = this.firstEndingFrom(t, true);
    const s = this.starts[i]!;
    return Math.max(s, t);
  }

  /** The earliest closed instant at or after t (t itself when closed). */
  nextClosing(t: number): number {
    for (;;) {
      this.cover(t);
      const i = upperBound(this.starts, t) - 1;
      if (i < 0 || t >= this.ends[i]!) return t;
      const end = this.ends[i]!;
      if (end < this.safeTo) return end;
      // Open up to where compiled years end (a 24/7 calendar): compile further to find the end.
      if (end - t > SEARCH_HORIZON_MS) {
        throw new BusinessTimeError("out_of_range", "No closing time within the horizon", {
          from: new Date(t).toISOString(),
        });
      }
      this.extendTo(this.safeTo + 366 * MS_PER_DAY);
    }
  }

  /** Open milliseconds before t, counted from the compiled origin (only differences matter). */
  private position(t: number): number {
    this.cover(t);
    const i = lowerBound(this.ends, t);
    if (i >= this.starts.length) return this.cumEnd[this.starts.length - 1] ?? 0;
    const s = this.starts[i]!;
    return this.cum[i]! + (t > s ? t - s : 0);
  }

  /**
   * t plus `hours` of open time. Counting starts at t, or at the next opening when t is closed.
   * A result on a closing instant stays there (09:00 + 8 h on a 09:00–17:00 day is 17:00).
   */
  addBusinessHours(t: number, hours: number): number {
    return this.addOpenMs(t, hours * MS_PER_HOUR);
  }

  /** Like addBusinessHours, with a duration in milliseconds of open time. */
  addOpenMs(t: number, ms: number): number {
    if (!(ms >= 0) || !Number.isFinite(ms)) {
      throw new BusinessTimeError("invalid_input", "Duration must be a finite number >= 0", { ms });
    }
    const amount = Math.round(ms);
    for (;;) {
      const i = this.firstEndingFrom(t, false);
      const s = this.starts[i]!;
      const target = this.cum[i]! + (t > s ? t - s : 0) + amount;
      const n = this.starts.length;
      if (target <= this.cumEnd[n - 1]!) {
        const j = lowerBound(this.cumEnd, target, i);
        return this.starts[j]! + (target - this.cum[j]!);
      }
      // Compiled years ending in a long closed stretch: the calendar has no more open time.
      if (this.safeTo - this.ends[n - 1]! > SEARCH_HORIZON_MS) this.noOpenTime(this.ends[n - 1]!);
      this.extendTo(this.safeTo + 366 * MS_PER_DAY);
    }
  }

  /** Open hours between a and b (negative when b < a). */
  businessHoursBetween(a: number, b: number): number {
    return this.openMsBetween(a, b) / MS_PER_HOUR;
  }

  /** Open milliseconds between a and b (negative when b < a). */
  openMsBetween(a: number, b: number): number {
    if (b < a) return -this.openMsBetween(b, a);
    this.cover(a);
    this.cover(b);
    return this.position(b) - this.position(a);
  }

  /**
   * The same wall time `days` open days later (an open day is a day with open hours). Counting
   * starts at t, or at the next opening when t is closed. When that wall time is closed on the
   * target day, the due time is the end of the open stretch before it (or the day's opening).
   */
  addBusinessDays(t: number, days: number): number {
    if (!Number.isInteger(days) || days < 0) {
      throw new BusinessTimeError("invalid_input", "Days must be a whole number >= 0", { days });
    }
    const from = this.nextOpening(t);
    if (days === 0) return from;
    const { day, msOfDay } = localParts(this.timezone, from);
    let k = upperBound(this.openDays, day) + days - 1;
    while (k >= this.openDays.length) {
      const lastOpen = this.openDays[this.openDays.length - 1];
      if (lastOpen !== undefined && this.safeTo - lastOpen * MS_PER_DAY > SEARCH_HORIZON_MS) {
        this.noOpenTime(lastOpen * MS_PER_DAY);
      }
      if (lastOpen === undefined && this.safeTo - from > SEARCH_HORIZON_MS) this.noOpenTime(from);
      this.extendTo(this.safeTo + 366 * MS_PER_DAY);
      k = upperBound(this.openDays, day) + days - 1;
    }
    const target = this.openDays[k]!;
    const wanted = wallToEpoch(this.timezone, target * MS_PER_DAY + msOfDay);
    this.cover(wanted);
    const i = upperBound(this.starts, wanted) - 1;
    if (i >= 0 && wanted <= this.ends[i]!) return wanted;
    const dayStart = wallToEpoch(this.timezone, target * MS_PER_DAY);
    if (i >= 0 && this.ends[i]! > dayStart) return this.ends[i]!;
    return this.nextOpening(wanted);
  }

  /** Open intervals clipped to [from, to). */
  openIntervals(from: number, to: number): [number, number][] {
    if (to <= from) return [];
    this.cover(from);
    this.cover(to);
    if (to - from > 20 * 366 * MS_PER_DAY) {
      throw new BusinessTimeError("out_of_range", "Range longer than 20 years", {});
    }
    const out: [number, number][] = [];
    for (let i = upperBound(this.ends, from); i < this.starts.length; i++) {
      const s = this.starts[i]!;
      if (s >= to) break;
      out.push([Math.max(s, from), Math.min(this.ends[i]!, to)]);
    }
    return out;
  }

  /**
   * The first of the given local check times (minutes after midnight) at or after t that falls in
   * open time (or on a closing instant); the next opening when no check time fits within 14 days.
   * `checkMinutes` must be ascending.
   */
  nextCheckTime(t: number, checkMinutes: readonly number[]): number {
    const start = this.nextOpening(t);
    if (checkMinutes.length === 0) return start;
    const { day } = localParts(this.timezone, start);
    for (let d = day; d < day + 14; d++) {
      for (const minute of checkMinutes) {
        const at = wallToEpoch(this.timezone, d * MS_PER_DAY + minute * MS_PER_MINUTE);
        if (at >= start && this.isOpen(at)) return at;
      }
    }
    return start;
  }
}

/** Compiles a charter's hours, holidays, closures and overrides into a business calendar. */
export function compileCalendar(spec: CalendarSpec): BusinessCalendar {
  return new BusinessCalendar(spec);
}
