// npm run bench [-- --quick] [-- --only <case>[,<case>]] [-- --out <file>]
//
// Runs every bench/cases/*.ts module (see caseEntry below for what a case exports), prints a
// table and writes bench/results/latest.json (latest-quick.json with --quick, so smoke runs do not
// overwrite real results).
//
// lib/tz.ts sets process.env.TZ when imported; the cases (and with them the date libraries) are
// imported dynamically in main(), after it, and assertLocalZone() checks the result.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { machineInfo } from "./lib/machine.ts";
import type { CaseOptions, CaseResult, Results } from "./lib/types.ts";
import { assertLocalZone, BENCH_TZ } from "./lib/tz.ts";

const here = dirname(fileURLToPath(import.meta.url));

interface Args {
  quick: boolean;
  only: string[] | null;
  out: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, only: null, out: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (flag: string) => {
      const eq = a.indexOf("=");
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (a === "--quick") args.quick = true;
    else if (a === "--only" || a.startsWith("--only=")) {
      args.only = [...(args.only ?? []), ...value("--only").split(",").filter(Boolean)];
    } else if (a === "--out" || a.startsWith("--out=")) args.out = value("--out");
    else if (a === "--help" || a === "-h") {
      process.stdout.write(
        "usage: npm run bench -- [--quick] [--only <case>[,<case>…]] [--out <file>]\n",
      );
      process.exit(0);
    } else throw new Error(`unknown argument: ${a}`);
  }
  return args;
}

interface LoadedCase {
  /** Name for --only: the module's `name` export, else the file name. */
  names: string[];
  run: (options: CaseOptions) => Promise<Partial<CaseResult>>;
}

/**
 * A case module exports either `name` + a default async function, or one exported function whose
 * name ends in "Case" (e.g. `export async function evaluateCase(options)`).
 */
function caseEntry(file: string, mod: Record<string, unknown>): LoadedCase {
  const fns = Object.entries(mod).filter(
    ([key, v]) => typeof v === "function" && (key === "default" || key.endsWith("Case")),
  );
  const picked = fns.find(([key]) => key === "default") ?? (fns.length === 1 ? fns[0] : undefined);
  if (!picked) {
    throw new Error(
      `bench/cases/${file}.ts must export a default async function or exactly one function named *Case`,
    );
  }
  const names = [file];
  if (typeof mod.name === "string") names.unshift(mod.name);
  else if (picked[0] !== "default") names.push(picked[0].replace(/Case$/, ""));
  return { names, run: picked[1] as LoadedCase["run"] };
}

async function loadCases(only: string[] | null): Promise<LoadedCase[]> {
  const dir = join(here, "cases");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.startsWith("_"))
    .sort();
  const cases: LoadedCase[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
    cases.push(caseEntry(basename(file, ".ts"), mod));
  }
  if (!only) return cases;
  const wanted = only.map((o) => o.toLowerCase());
  const known = cases.flatMap((c) => c.names);
  for (const w of wanted) {
    if (!known.some((k) => k.toLowerCase() === w)) {
      throw new Error(`--only: no case named "${w}" (known: ${known.join(", ")})`);
    }
  }
  return cases.filter((c) => c.names.some((n) => wanted.includes(n.toLowerCase())));
}

/** Fills in what a case may leave out (peers, notes, …) so the JSON has one shape. */
function normalize(raw: Partial<CaseResult>, fallbackName: string): CaseResult {
  return {
    ...raw,
    name: raw.name ?? fallbackName,
    ours: raw.ours ?? "cadre",
    opsPerSec: Math.round(raw.opsPerSec ?? 0),
    spreadPct: raw.spreadPct ?? Number.NaN,
    inputs: raw.inputs ?? 0,
    peers: (raw.peers ?? []).map((p) => ({ ...p, examples: p.examples ?? [] })),
    notes: raw.notes ?? [],
  };
}

const fmtInt = (n: number) => Math.round(n).toLocaleString("en-US");
const fmtOps = (n: number) => (n >= 100 ? fmtInt(n) : n.toFixed(2));

function table(result: CaseResult): string {
  const rows: string[][] = [["implementation", "ops/s", "±%", "ours is", "disagreements"]];
  const spread = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "—");
  rows.push([`ours: ${result.ours}`, fmtOps(result.opsPerSec), spread(result.spreadPct), "—", "—"]);
  for (const p of result.peers) {
    rows.push([
      p.name,
      p.opsPerSec > 0 ? fmtOps(p.opsPerSec) : "n/a",
      spread(p.spreadPct),
      p.ratio > 0 ? `${p.ratio >= 10 ? fmtInt(p.ratio) : p.ratio.toFixed(2)}× faster` : "n/a",
      `${fmtInt(p.disagreements)} / ${fmtInt(result.inputs)}`,
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
  const out = [`\n== ${result.name} (${fmtInt(result.inputs)} inputs) ==`, line(rows[0]!)];
  out.push(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows.slice(1)) out.push(line(r));
  out.push("ops/s = inputs processed per second, single thread; ±% = (max−min)/median of rounds");
  for (const note of result.notes) out.push(`note: ${note}`);
  for (const p of result.peers)
    for (const note of p.notes ?? []) out.push(`note (${p.name}): ${note}`);
  for (const p of result.peers) {
    const ex = p.examples[0];
    if (ex) out.push(`first disagreement with ${p.name}: ${JSON.stringify(ex)}`);
  }
  return out.join("\n");
}

async function main(): Promise<void> {
  assertLocalZone();
  const args = parseArgs(process.argv.slice(2));
  const cases = await loadCases(args.only);
  const machine = machineInfo();
  process.stdout.write(
    `Cadre bench — ${machine.cpu} (${machine.cores} cores), node ${machine.node}, ${machine.os}, ` +
      `TZ=${BENCH_TZ}${args.quick ? ", QUICK" : ""}\n`,
  );
  const results: Results = {
    machine,
    settings: { quick: args.quick, only: args.only },
    cases: [],
  };
  for (const c of cases) {
    const result = normalize(await c.run({ quick: args.quick }), c.names[0]!);
    results.cases.push(result);
    process.stdout.write(`${table(result)}\n`);
  }
  // A partial run (--only) never replaces the full results file.
  const base = args.quick ? "latest-quick" : "latest";
  const name = args.only ? `${base}-${args.only.join("-")}.json` : `${base}.json`;
  const out = resolve(args.out ?? join(here, "results", name));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nwrote ${out}\n`);
}

await main();
