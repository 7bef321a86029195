// Correctness comparison and throughput measurement shared by all cases.
//
// Timing is a hand loop rather than mitata's per-call sampler: one "op" is one input of the
// case's input set, and the inputs vary a lot in cost (1 vs 40 business hours), so we report
// throughput = inputs processed / elapsed time, summed over all timed rounds, where the rounds
// together cycle through the whole input set at least once (fast contenders: many times).
// Contenders are timed in interleaved rounds (ours, peer A, peer B, ..., ours, peer A, ...) so
// that drift (CPU frequency, other load) hits everyone alike.
import type { CaseResult, Example, PeerResult } from "./types.ts";

export interface Contender<I, O> {
  name: string;
  run: (input: I) => O;
  notes?: string[];
}

export interface TimingOptions {
  /** Untimed warm-up per contender, in ms (after the correctness pass, which also warms up). */
  warmupMs: number;
  /** Interleaved rounds per contender. */
  rounds: number;
  /** Minimum duration of one round, in ms. */
  roundMs: number;
}

export const FULL_TIMING: TimingOptions = { warmupMs: 300, rounds: 6, roundMs: 300 };
export const QUICK_TIMING: TimingOptions = { warmupMs: 50, rounds: 2, roundMs: 100 };

export type Outcome<O> = { ok: true; value: O } | { ok: false; error: string };

export interface ComparisonSpec<I, O> {
  name: string;
  inputs: readonly I[];
  ours: Contender<I, O>;
  peers: Contender<I, O>[];
  timing: TimingOptions;
  /** Defaults to Object.is. */
  equal?: (a: O, b: O) => boolean;
  /** Builds one disagreement example for the results JSON. */
  example: (input: I, ours: Outcome<O>, peer: Outcome<O>) => Example;
  notes?: string[];
  /** Called with progress lines (stderr by default). */
  log?: (line: string) => void;
}

const MAX_EXAMPLES = 5;
/** Inputs run between two clock reads. */
const CHUNK = 64;

/** Results are stored here so the optimiser cannot drop the calls. */
export const sink: { value: unknown } = { value: undefined };

function attempt<I, O>(run: (input: I) => O, input: I): Outcome<O> {
  try {
    return { ok: true, value: run(input) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function sameOutcome<O>(a: Outcome<O>, b: Outcome<O>, equal: (x: O, y: O) => boolean): boolean {
  if (a.ok && b.ok) return equal(a.value, b.value);
  return !a.ok && !b.ok;
}

interface Timer {
  cursor: number;
  ops: number;
  ms: number;
  rates: number[];
  failed: boolean;
}

/**
 * Runs inputs from the timer's cursor until `minMs` has elapsed and at least `minOps` inputs ran;
 * returns [ops, ms].
 */
function runFor<I, O>(
  run: (input: I) => O,
  inputs: readonly I[],
  timer: Timer,
  minMs: number,
  minOps = 0,
): [number, number] {
  const n = inputs.length;
  let cursor = timer.cursor;
  let ops = 0;
  const t0 = performance.now();
  let t1 = t0;
  do {
    for (let k = 0; k < CHUNK; k++) {
      sink.value = run(inputs[cursor]!);
      cursor = cursor + 1 === n ? 0 : cursor + 1;
    }
    ops += CHUNK;
    t1 = performance.now();
  } while (t1 - t0 < minMs || ops < minOps);
  timer.cursor = cursor;
  return [ops, t1 - t0];
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function spreadPct(rates: number[]): number {
  if (rates.length < 2) return 0;
  return (100 * (Math.max(...rates) - Math.min(...rates))) / median(rates);
}

/** Checks every peer against ours on every input, then times everyone in interleaved rounds. */
export async function compare<I, O>(spec: ComparisonSpec<I, O>): Promise<CaseResult> {
  const log = spec.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const equal = spec.equal ?? Object.is;
  const { inputs } = spec;

  // 1. Correctness pass: ours on every input, then each peer on every input.
  log(`[${spec.name}] correctness pass over ${inputs.length} inputs`);
  const ours = inputs.map((input) => attempt(spec.ours.run, input));
  const oursErrors = ours.filter((o) => !o.ok).length;
  if (oursErrors > 0) {
    const first = ours.find((o) => !o.ok) as { error: string };
    throw new Error(`[${spec.name}] ours failed on ${oursErrors} inputs, e.g. ${first.error}`);
  }
  const agreement = spec.peers.map((peer) => {
    const t0 = performance.now();
    let disagreements = 0;
    let errors = 0;
    const examples: Example[] = [];
    for (let i = 0; i < inputs.length; i++) {
      const theirs = attempt(peer.run, inputs[i]!);
      if (!theirs.ok) errors++;
      if (!sameOutcome(ours[i]!, theirs, equal)) {
        disagreements++;
        if (examples.length < MAX_EXAMPLES)
          examples.push(spec.example(inputs[i]!, ours[i]!, theirs));
      }
    }
    log(
      `[${spec.name}]   ${peer.name}: ${disagreements} disagreements` +
        `${errors ? ` (${errors} threw)` : ""} (${Math.round(performance.now() - t0)} ms)`,
    );
    return { disagreements, errors, examples };
  });

  // 2. Timing. Contenders that threw anywhere are timed on the inputs they handle only.
  const contenders = [spec.ours, ...spec.peers].map((c, idx) => {
    const errors = idx === 0 ? 0 : agreement[idx - 1]!.errors;
    if (errors === 0) return { contender: c, inputs };
    const okInputs = inputs.filter((input) => attempt(c.run, input).ok);
    return { contender: c, inputs: okInputs };
  });
  const timers: Timer[] = contenders.map(() => ({
    cursor: 0,
    ops: 0,
    ms: 0,
    rates: [],
    failed: false,
  }));
  for (let c = 0; c < contenders.length; c++) {
    const { contender, inputs: own } = contenders[c]!;
    if (own.length === 0) {
      timers[c]!.failed = true;
      continue;
    }
    runFor(contender.run, own, timers[c]!, spec.timing.warmupMs);
  }
  for (let r = 0; r < spec.timing.rounds; r++) {
    for (let c = 0; c < contenders.length; c++) {
      const timer = timers[c]!;
      if (timer.failed) continue;
      const { contender, inputs: own } = contenders[c]!;
      // Slow contenders run at least n/rounds inputs per round, so that the timed rounds together
      // cover every input at least once (input costs vary, 1 h vs 40 h).
      const minOps = Math.ceil(own.length / spec.timing.rounds);
      const [ops, ms] = runFor(contender.run, own, timer, spec.timing.roundMs, minOps);
      timer.ops += ops;
      timer.ms += ms;
      timer.rates.push((ops / ms) * 1000);
    }
    log(`[${spec.name}] timing round ${r + 1}/${spec.timing.rounds} done`);
    // Let pending I/O (log lines) flush between rounds.
    await new Promise((resolve) => setImmediate(resolve));
  }

  const rate = (t: Timer) => (t.failed || t.ms === 0 ? 0 : (t.ops / t.ms) * 1000);
  const oursRate = rate(timers[0]!);
  const peers: PeerResult[] = spec.peers.map((peer, p) => {
    const timer = timers[p + 1]!;
    const opsPerSec = rate(timer);
    const notes = [...(peer.notes ?? [])];
    const { errors } = agreement[p]!;
    if (errors > 0) {
      notes.push(
        `threw on ${errors} of ${inputs.length} inputs (counted as disagreements); ` +
          "timed on the other inputs only",
      );
    }
    const result: PeerResult = {
      name: peer.name,
      opsPerSec: round(opsPerSec),
      ratio: opsPerSec > 0 ? round(oursRate / opsPerSec, 2) : 0,
      disagreements: agreement[p]!.disagreements,
      examples: agreement[p]!.examples,
      spreadPct: round(spreadPct(timer.rates), 1),
    };
    if (notes.length) result.notes = notes;
    return result;
  });
  return {
    name: spec.name,
    ours: spec.ours.name,
    opsPerSec: round(oursRate),
    spreadPct: round(spreadPct(timers[0]!.rates), 1),
    inputs: inputs.length,
    peers,
    notes: [...(spec.ours.notes ?? []), ...(spec.notes ?? [])],
  };
}

function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
