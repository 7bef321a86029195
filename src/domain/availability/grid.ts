// Where slot start times may fall: the slot grid of each open stretch.
import type { BusinessCalendar } from "../business-time/calendar.ts";
import { epochToWall, MS_PER_DAY, wallToEpoch } from "../business-time/zone.ts";

/**
 * A stretch of open time long enough to anchor a grid on its opening; past it (a calendar open
 * around the clock), each local day's grid starts at its midnight.
 */
export const ANCHOR_SPAN_MS = 7 * MS_PER_DAY;
/** Looking back this far before `lo` finds every opening a grid in [lo, …) can depend on. */
const LOOKBACK_MS = ANCHOR_SPAN_MS + 2 * MS_PER_DAY;

/** Candidate starts anchor + k·step in [from, until), for slots ending at or before `fitEnd`. */
export interface GridSegment {
  anchor: number;
  from: number;
  until: number;
  fitEnd: number;
}

/**
 * The grid segments for slots of `durationMs` starting in [lo, hi).
 *
 * Grid: a slot starts at the opening of the open stretch it lies in plus whole slot intervals of
 * real elapsed time (so a DST change never shifts it). Open stretches are the calendar's merged
 * intervals (09:00–12:00 and 12:00–17:00 are one). Where a stretch has been open for more than
 * seven days (from the first local midnight seven days after its opening), the grid restarts at
 * every local midnight instead, so that it never depends on the range asked.
 */
export function gridSegments(
  calendar: BusinessCalendar,
  lo: number,
  hi: number,
  durationMs: number,
): GridSegment[] {
  const zone = calendar.timezone;
  const bound = lo - LOOKBACK_MS;
  const stretches = calendar.openIntervals(bound, hi + durationMs);
  const segments: GridSegment[] = [];
  for (let i = 0; i < stretches.length; i++) {
    const [opening, fitEnd] = stretches[i]!;
    if (fitEnd - durationMs < lo) continue;
    // Clipped at the look-back bound: opened long before, so only midnights anchor the grid.
    const clipped = opening === bound && calendar.isOpen(bound - 1);
    if (!clipped && fitEnd <= opening + ANCHOR_SPAN_MS) {
      // The usual case: a stretch shorter than a week, anchored on its opening.
      segments.push({ anchor: opening, from: opening, until: fitEnd, fitEnd });
      continue;
    }
    const midnights = clipped ? lo : nextMidnight(zone, opening + ANCHOR_SPAN_MS);
    if (!clipped) {
      segments.push({ anchor: opening, from: opening, until: Math.min(midnights, fitEnd), fitEnd });
      if (midnights >= fitEnd) continue;
    }
    // One segment per local day of a long stretch, for the days that can hold a start in [lo, hi).
    for (let day = startOfLocalDay(zone, midnights); day < fitEnd && day < hi; ) {
      const next = nextMidnight(zone, day + 1);
      if (next > lo) segments.push({ anchor: day, from: day, until: next, fitEnd });
      day = next;
    }
  }
  return segments;
}

/** The instant the local day holding t starts (its midnight, or the end of a DST gap there). */
export function startOfLocalDay(zone: string, t: number): number {
  return wallToEpoch(zone, Math.floor(epochToWall(zone, t) / MS_PER_DAY) * MS_PER_DAY);
}

/** The first local day start at or after t. */
export function nextMidnight(zone: string, t: number): number {
  const start = startOfLocalDay(zone, t);
  if (start >= t) return start;
  return wallToEpoch(zone, (Math.floor(epochToWall(zone, t) / MS_PER_DAY) + 1) * MS_PER_DAY);
}
