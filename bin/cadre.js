#!/usr/bin/env node
// Runs the TypeScript sources directly: Node 24 (pinned in dependencies) strips types natively.
//
// `cadre serve` runs with an 8 MB young generation instead of V8's default (which grows to
// 32 MB under load). Each young-generation collection pauses the event loop, and every request
// in flight waits for it; with smaller semi-spaces the pauses are shorter (and more frequent),
// which is what a server's tail latency needs: under 50 concurrent intakes p99 was lower in 5 of
// 6 alternated pairs, throughput the same (docs/performance.md). V8 reads the flag only at
// start-up, so the process replaces itself once with it (execve: same PID, signals and file
// descriptors) — unless a semi-space size is already given (NODE_OPTIONS or the command line),
// or CADRE_NODE_TUNING=off, or the platform has no execve.
const FLAG = "--max-semi-space-size";
const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].some((arg) =>
  arg.startsWith(FLAG),
);
if (
  process.argv[2] === "serve" &&
  !given &&
  process.env.CADRE_NODE_TUNING !== "off" &&
  typeof process.execve === "function"
) {
  process.execve(process.execPath, [
    process.execPath,
    ...process.execArgv,
    `${FLAG}=8`,
    ...process.argv.slice(1),
  ]);
}
await import("../src/cli.ts");
