// Shape of bench/results/*.json. Extra fields beyond the brief (notes, examples, spread) are
// informational; consumers should rely on name / opsPerSec / ratio / disagreements.

export interface Example {
  [key: string]: unknown;
}

export interface PeerResult {
  name: string;
  opsPerSec: number;
  /** ours opsPerSec / peer opsPerSec (> 1: we are faster). */
  ratio: number;
  /** Inputs (of the same input set) where the peer's answer differs from ours. */
  disagreements: number;
  /** Up to 5 disagreeing inputs, to judge by hand who is right. */
  examples: Example[];
  /** (max - min) / median of the per-round rates, in percent. */
  spreadPct: number;
  notes?: string[];
}

export interface CaseResult {
  name: string;
  /** What "ours" is, e.g. the module and function measured. */
  ours: string;
  opsPerSec: number;
  spreadPct: number;
  inputs: number;
  peers: PeerResult[];
  notes: string[];
}

export interface CaseOptions {
  /** Fewer inputs and shorter timing rounds, for smoke runs. */
  quick: boolean;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  node: string;
  os: string;
  date: string;
  /** Process time zone during the run (see bench/lib/tz.ts). */
  tz: string;
}

export interface Results {
  machine: MachineInfo;
  settings: { quick: boolean; only: string[] | null };
  cases: CaseResult[];
}
