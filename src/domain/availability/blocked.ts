// Bookings (widened by buffers) and busy times merged into one sorted list of disjoint blocked
// intervals, built once per query.
import { MS_PER_MINUTE } from "../business-time/zone.ts";
import type { ExistingBooking, TimeRange } from "./types.ts";

/**
 * Disjoint, sorted, non-adjacent blocked intervals [starts[i], ends[i]) for i < length. The arrays
 * are scratch memory reused by the next call: read them before merging again.
 */
export interface Blocked {
  starts: Float64Array;
  ends: Float64Array;
  length: number;
}

// Scratch arrays reused across calls: fresh typed arrays of a few thousand doubles per query cost
// more (allocation, zeroing, page faults) than the whole sweep.
let pool = new Float64Array(3 * 2048);

function scratchArrays(n: number): [Float64Array, Float64Array, Float64Array] {
  if (pool.length < 3 * n) pool = new Float64Array(3 * Math.max(n, 2 * (pool.length / 3)));
  const size = pool.length / 3;
  return [pool.subarray(0, size), pool.subarray(size, 2 * size), pool.subarray(2 * size)];
}

/**
 * Merges the blocked time that can touch slots starting in [lo, hi) of `durationMs`.
 *
 * Buffers: a booking is widened on both sides by the larger of its own buffer and the asked
 * meeting's, so two meetings are always at least max(their buffers) apart and each type's buffer is
 * honoured; busy times are widened by the asked meeting's buffer (its buffer keeps clear of any
 * commitment).
 */
export function mergeBlocked(
  bookings: readonly ExistingBooking[],
  busy: readonly TimeRange[],
  bufferMinutes: number,
  lo: number,
  hi: number,
  durationMs: number,
): Blocked {
  const [starts, ends, scratch] = scratchArrays(bookings.length + busy.length);
  // Candidate slots live in [lo, last): clamping blocked time to [base, last + 1] changes nothing
  // there and bounds the values for the sort. Whole ms (floor / ceil) change nothing either:
  // slots start and end on whole milliseconds.
  const base = Math.floor(lo) - 1;
  const last = Math.ceil(hi + durationMs);
  const own = bufferMinutes * MS_PER_MINUTE;
  let count = 0;
  for (let i = 0; i < bookings.length; i++) {
    const b = bookings[i]!;
    const theirs = b.bufferMinutes;
    const w = theirs !== undefined && theirs > bufferMinutes ? theirs * MS_PER_MINUTE : own;
    const s = b.start - w;
    const e = b.end + w;
    if (e > lo && s < last && e > s) {
      starts[count] = s > base ? Math.floor(s) : base;
      ends[count] = e < last ? Math.ceil(e) : last + 1;
      count++;
    }
  }
  for (let i = 0; i < busy.length; i++) {
    const b = busy[i]!;
    const s = b.start - own;
    const e = b.end + own;
    if (e > lo && s < last && e > s) {
      starts[count] = s > base ? Math.floor(s) : base;
      ends[count] = e < last ? Math.ceil(e) : last + 1;
      count++;
    }
  }
  // The union of intervals only needs starts and ends sorted separately: sweep them with a depth
  // counter, starts first on ties so that touching intervals merge.
  const s = sortTimes(starts, count, base, scratch);
  const e = sortTimes(ends, count, base, s === starts ? scratch : starts);
  // Merged in place: the k-th merged start (end) is written at index k, never ahead of the index
  // being read.
  let length = 0;
  let i = 0;
  let j = 0;
  let depth = 0;
  while (i < count) {
    if (s[i]! <= e[j]!) {
      if (depth === 0) s[length] = s[i]!;
      depth++;
      i++;
    } else {
      depth--;
      if (depth === 0) e[length++] = e[j]!;
      j++;
    }
  }
  // Every start is consumed: the union's last interval ends at the largest end.
  if (count > 0) e[length++] = e[count - 1]!;
  return { starts: s, ends: e, length };
}

const SMALL = 48;
/** Scratch bucket counts, grown on demand (no state survives a call). */
let buckets = new Int32Array(1024);

function insertionSort(values: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const v = values[i]!;
    let k = i - 1;
    while (k >= from && values[k]! > v) {
      values[k + 1] = values[k]!;
      k--;
    }
    values[k + 1] = v;
  }
}

/**
 * Sorts values[0, count) (numbers >= base) ascending: a bucket sort over [base, max] with one
 * bucket per value, each bucket then sorted in place (insertion sort; TypedArray#sort when a
 * bucket is crowded). Times spread over a month cost O(n); several times faster than
 * TypedArray#sort on doubles. Returns the array holding the result: `values` or `scratch`.
 */
export function sortTimes(
  values: Float64Array,
  count: number,
  base: number,
  scratch: Float64Array,
): Float64Array {
  if (count <= SMALL) {
    insertionSort(values, 0, count);
    return values;
  }
  let range = 0;
  for (let i = 0; i < count; i++) if (values[i]! - base > range) range = values[i]! - base;
  // bucket(v) = floor((v − base) / width) is monotone in v and below `count`.
  const width = Math.floor(range / count) + 1;
  if (buckets.length < count + 1) buckets = new Int32Array(count + 1);
  const starts = buckets;
  starts.fill(0, 0, count + 1);
  for (let i = 0; i < count; i++) starts[Math.floor((values[i]! - base) / width) + 1]!++;
  for (let b = 1; b <= count; b++) starts[b]! += starts[b - 1]!;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    scratch[starts[Math.floor((v - base) / width)]!++] = v;
  }
  // starts[b] now holds the end of bucket b, which is where bucket b + 1 begins.
  let from = 0;
  for (let b = 0; b < count; b++) {
    const to = starts[b]!;
    if (to - from > SMALL) scratch.subarray(from, to).sort();
    else if (to - from > 1) insertionSort(scratch, from, to);
    from = to;
  }
  return scratch;
}
