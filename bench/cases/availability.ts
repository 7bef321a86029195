// Case: availability — 30 days of call-30 slots (examples/charter.json) for one member with 1,000
// existing bookings and 500 imported busy events spread over those 30 days. One op = one query.
// Peer: the brute-force reference in bench/reference/availability.ts, also the correctness oracle.
import { readFileSync } from "node:fs";
import { computeSlots } from "../../src/domain/availability/index.ts";
import type {
  AvailabilityInput,
  ExistingBooking,
  TimeRange,
} from "../../src/domain/availability/types.ts";
import { compileCalendar } from "../../src/domain/business-time/index.ts";
import { charterSchema } from "../../src/domain/charter/schema.ts";
import { compare, FULL_TIMING, type Outcome, QUICK_TIMING } from "../lib/harness.ts";
import { intBetween, mulberry32 } from "../lib/prng.ts";
import type { CaseOptions, CaseResult } from "../lib/types.ts";
import { referenceSlots } from "../reference/availability.ts";

export const name = "availability";

const SEED = 0x5107;
const FULL_INPUTS = 200;
const QUICK_INPUTS = 40;
const BOOKINGS = 1_000;
const BUSY = 500;
const DAYS = 30;
/** Share of bookings of the asked meeting type (they count toward maxPerDay / maxPerWeek). */
const SAME_TYPE_SHARE = 0.03;
const MIN = 60_000;
const DAY = 86_400_000;

interface Answer {
  slots: TimeRange[];
  quotaExceeded: boolean;
}

function loadCharter() {
  const path = new URL("../../examples/charter.json", import.meta.url);
  return charterSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

function shuffle<T>(random: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const k = Math.floor(random() * (i + 1));
    [items[i], items[k]] = [items[k]!, items[i]!];
  }
  return items;
}

/**
 * One query per input: `now` uniform over 2027 (whole minutes), range [now, now + 30 days),
 * bookings and busy events uniform over that range at any hour (on a 5-minute grid), given in
 * random order (no pre-sorting assumed).
 */
export function makeInputs(
  count: number,
  calendar: AvailabilityInput["calendar"],
  meeting: AvailabilityInput["meeting"],
  seed = SEED,
): AvailabilityInput[] {
  const random = mulberry32(seed);
  const yearStart = Date.UTC(2027, 0, 1, 5);
  const inputs: AvailabilityInput[] = [];
  for (let q = 0; q < count; q++) {
    const now = yearStart + Math.floor(random() * 365 * 1440) * MIN;
    const from = now;
    const to = now + DAYS * DAY;
    const steps = (DAYS * DAY) / (5 * MIN);
    const bookings: ExistingBooking[] = [];
    for (let i = 0; i < BOOKINGS; i++) {
      const start = from + intBetween(random, 0, steps - 1) * 5 * MIN;
      const same = random() < SAME_TYPE_SHARE;
      const minutes = same ? 30 : [15, 30, 45, 60][intBetween(random, 0, 3)]!;
      bookings.push({
        start,
        end: start + minutes * MIN,
        meetingTypeId: same ? meeting.id : random() < 0.5 ? "workshop" : "review",
        bufferMinutes: same ? 15 : [0, 5, 10, 15][intBetween(random, 0, 3)]!,
      });
    }
    const busy: TimeRange[] = [];
    for (let i = 0; i < BUSY; i++) {
      const start = from + intBetween(random, 0, steps - 1) * 5 * MIN;
      busy.push({ start, end: start + intBetween(random, 3, 24) * 5 * MIN });
    }
    inputs.push({
      meeting,
      calendar,
      now,
      from,
      to,
      bookings: shuffle(random, bookings),
      busy: shuffle(random, busy),
      quota: random() < 0.5 ? { included: 4, used: intBetween(random, 0, 5) } : null,
    });
  }
  return inputs;
}

const sameAnswer = (a: Answer, b: Answer): boolean =>
  a.quotaExceeded === b.quotaExceeded &&
  a.slots.length === b.slots.length &&
  a.slots.every((s, i) => s.start === b.slots[i]!.start && s.end === b.slots[i]!.end);

function describe(outcome: Outcome<Answer>): unknown {
  if (!outcome.ok) return `threw: ${outcome.error}`;
  const { slots, quotaExceeded } = outcome.value;
  return {
    count: slots.length,
    quotaExceeded,
    first: slots.slice(0, 3).map((s) => new Date(s.start).toISOString()),
  };
}

/** Times each input individually; returns [p50, p99] in ms over `passes` passes. */
function latencies(
  run: (input: AvailabilityInput) => unknown,
  inputs: readonly AvailabilityInput[],
  passes: number,
) {
  const times: number[] = [];
  let sink = 0;
  for (let p = 0; p < passes; p++) {
    for (const input of inputs) {
      const t0 = performance.now();
      const out = run(input);
      times.push(performance.now() - t0);
      if (out) sink++;
    }
  }
  if (sink === 0) throw new Error("no results");
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return { p50Ms: round(at(0.5)), p99Ms: round(at(0.99)) };
}

export default async function availabilityCase(
  options: Partial<CaseOptions> = {},
): Promise<CaseResult & { p50Ms: number; p99Ms: number }> {
  const quick = options.quick ?? false;
  const charter = loadCharter();
  const meeting = charter.meetings.find((m) => m.id === "call-30")!;
  // Compiled once, as a service would cache it per charter version (and warmed by the passes).
  const calendar = compileCalendar(charter);
  const inputs = makeInputs(quick ? QUICK_INPUTS : FULL_INPUTS, calendar, meeting);
  const ours = (input: AvailabilityInput): Answer => computeSlots(input);
  const reference = (input: AvailabilityInput): Answer => referenceSlots(input);

  const result = await compare<AvailabilityInput, Answer>({
    name,
    inputs,
    ours: { name: "cadre computeSlots (src/domain/availability)", run: ours },
    peers: [
      {
        name: "bench reference (every candidate × every event, Temporal)",
        run: reference,
        notes: ["correctness oracle in bench/reference, not a library; its speed is not a goal"],
      },
    ],
    timing: quick ? QUICK_TIMING : FULL_TIMING,
    equal: sameAnswer,
    example: (input, o, p) => ({
      now: new Date(input.now).toISOString(),
      ours: describe(o),
      peer: describe(p),
    }),
  });

  const mine = latencies(ours, inputs, quick ? 2 : 10);
  const theirs = latencies(reference, inputs, 1);
  const slotCounts = inputs.map((input) => computeSlots(input).slots.length);
  const meanSlots = slotCounts.reduce((a, b) => a + b, 0) / slotCounts.length;
  const peer = result.peers[0]!;
  return {
    ...result,
    p50Ms: mine.p50Ms,
    p99Ms: mine.p99Ms,
    peers: [{ ...peer, ...theirs }],
    notes: [
      ...result.notes,
      `per query: p50 ${mine.p50Ms} ms, p99 ${mine.p99Ms} ms (ours); reference p50 ${theirs.p50Ms} ms, ` +
        `p99 ${theirs.p99Ms} ms — each input timed alone, ours over ${quick ? 2 : 10} passes`,
      `inputs: ${inputs.length} queries (seed ${SEED}); each: now uniform over 2027, slots of ` +
        `[now, now + ${DAYS} days), ${BOOKINGS} bookings (${SAME_TYPE_SHARE * 100}% call-30, the rest ` +
        `other types of 15–60 min with 0–15-minute buffers) and ${BUSY} busy events (15 min–2 h), uniform over ` +
        "the range at any hour, in random order",
      `meeting call-30 of examples/charter.json (30 min, 24 business hours of notice, 15-minute ` +
        `buffer, 3/day, 8/week, 30-day horizon); slots per query: mean ${meanSlots.toFixed(1)}, ` +
        `min ${Math.min(...slotCounts)}, max ${Math.max(...slotCounts)}`,
      "the business calendar is compiled once, outside the timed loop (a service caches it per " +
        "charter version); one op = one computeSlots call, blocked-list merge and caps included",
    ],
  };
}
