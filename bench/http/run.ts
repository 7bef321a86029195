// `npm run bench:http`: POST /api/v1/requests on embedded SQLite against a bare Fastify JSON
// route, both measured with autocannon (50 connections) in the same run, one server process each.
import { fork } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { bootstrapWorkspace, freePort, startServer } from "../../test/helpers/remote.ts";

const quick = process.argv.includes("--quick");
const duration = quick ? 5 : 20;
const connections = 50;

type Result = autocannon.Result;
type Decided = { outcome: string; rules: { id: string; violation: boolean }[] };

function run(opts: autocannon.Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/** CPU seconds (user + system, all threads) a process has used so far, from /proc (Linux). */
function processCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in ticks.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Runs autocannon and measures the CPU the server and autocannon (this process) used meanwhile. */
async function measured(serverPid: number | undefined, opts: autocannon.Options) {
  const server0 = processCpuSeconds(serverPid);
  const own0 = process.cpuUsage();
  const result = await run(opts);
  const own = process.cpuUsage(own0);
  const serverSeconds = processCpuSeconds(serverPid) - server0;
  const total = Math.max(1, result.requests.total);
  const cpu = {
    serverUsPerRequest: Math.round((serverSeconds * 1e6) / total),
    autocannonUsPerRequest: Math.round((own.user + own.system) / total),
    /** Cores busy on average: the server's, then autocannon's. */
    serverCores: Number((serverSeconds / result.duration).toFixed(2)),
    autocannonCores: Number(((own.user + own.system) / 1e6 / result.duration).toFixed(2)),
  };
  return { result, cpu };
}

function summary(name: string, r: Result) {
  return {
    name,
    requestsPerSec: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    total: r.requests.total,
  };
}

const body = (clientId: string) =>
  JSON.stringify({
    clientId,
    channel: "email",
    subject: "Petite modification du logo",
    body: "Bonjour, pourriez-vous changer la couleur du logo ? Merci !",
    kind: "change",
  });

/** A request that breaks a rule (urgent, inside the lead time): the intake then also counts the
 * client's rushes, reads their violation history for escalation and stores a violation. */
const urgentBody = (clientId: string) =>
  JSON.stringify({
    clientId,
    channel: "email",
    subject: "URGENT : le logo pour l’imprimeur",
    body: "Bonjour, il me faut le logo final aujourd’hui, l’imprimeur attend. Merci !",
    kind: "urgent",
  });

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "cadre-bench-http-"));
  const server = await startServer({ CADRE_DATA_DIR: dir });
  const { token, clientId } = await bootstrapWorkspace(server.url, "bench");
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  // Warm-up: compiles the charter, fills caches, JIT.
  await run({
    url: `${server.url}/api/v1/requests`,
    method: "POST",
    headers,
    body: body(clientId),
    connections: 10,
    duration: 2,
  });
  const { result: intake, cpu: intakeCpu } = await measured(server.child.pid, {
    url: `${server.url}/api/v1/requests`,
    method: "POST",
    headers,
    body: body(clientId),
    connections,
    duration,
  });
  /** How the server decides this body: what the figures of its case measure. */
  const decidedOnce = async (payload: string) =>
    (
      (await (
        await fetch(`${server.url}/api/v1/requests`, { method: "POST", headers, body: payload })
      ).json()) as { decision: Decided }
    ).decision;
  const sample = await decidedOnce(body(clientId));
  const { result: urgent, cpu: urgentCpu } = await measured(server.child.pid, {
    url: `${server.url}/api/v1/requests`,
    method: "POST",
    headers,
    body: urgentBody(clientId),
    connections,
    duration,
  });
  const urgentSample = await decidedOnce(urgentBody(clientId));
  const stored = (await (
    await fetch(`${server.url}/api/v1/requests?limit=1`, { headers })
  ).json()) as { total: number };
  const path = (d: Decided) =>
    `${d.outcome}; rules ${d.rules.map((r) => `${r.id}${r.violation ? " (violation)" : ""}`).join(", ") || "none"}`;
  await server.stop();

  const port = await freePort();
  const bare = fork(new URL("./bare-server.ts", import.meta.url), {
    env: { ...process.env, PORT: String(port) },
  });
  await new Promise((resolve) => bare.once("message", resolve));
  const bareUrl = `http://127.0.0.1:${port}/bare`;
  await run({
    url: bareUrl,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: body(clientId),
    connections: 10,
    duration: 2,
  });
  const { result: bareResult, cpu: bareCpu } = await measured(bare.pid, {
    url: bareUrl,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: body(clientId),
    connections,
    duration,
  });
  bare.kill();
  rmSync(dir, { recursive: true, force: true });

  const ours = summary("POST /api/v1/requests (SQLite, Bearer token)", intake);
  const theUrgent = summary("POST /api/v1/requests, a rule-breaking request", urgent);
  const peer = summary("bare Fastify JSON route", bareResult);
  const urgentRatio = Number((theUrgent.requestsPerSec / peer.requestsPerSec).toFixed(3));
  const report = {
    machine: {
      cpu: os.cpus()[0]?.model ?? "?",
      cores: os.cpus().length,
      node: process.version,
      date: new Date().toISOString(),
    },
    settings: { connections, durationSeconds: duration, quick },
    cases: [
      {
        name: "intake",
        decided: path(sample),
        requestsPerSec: ours.requestsPerSec,
        latencyMs: ours.latencyMs,
        non2xx: ours.non2xx,
        storedRequests: stored.total,
        cpu: intakeCpu,
        peers: [
          {
            name: peer.name,
            requestsPerSec: peer.requestsPerSec,
            latencyMs: peer.latencyMs,
            cpu: bareCpu,
            ratio: Number((ours.requestsPerSec / peer.requestsPerSec).toFixed(3)),
          },
        ],
      },
      {
        name: "intake of a rule-breaking request",
        decided: path(urgentSample),
        requestsPerSec: theUrgent.requestsPerSec,
        latencyMs: theUrgent.latencyMs,
        non2xx: theUrgent.non2xx,
        cpu: urgentCpu,
        ratioToBare: urgentRatio,
      },
    ],
    targets: { intakesPerSec: 3000, p99Ms: 25, ratioToBare: 0.2 },
  };
  mkdirSync(new URL("../results/", import.meta.url), { recursive: true });
  writeFileSync(
    new URL(`../results/${quick ? "http-quick" : "http"}.json`, import.meta.url),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  console.log(
    `intake: ${ours.requestsPerSec} req/s, p50 ${ours.latencyMs.p50} ms, p99 ${ours.latencyMs.p99} ms, non-2xx ${ours.non2xx}, stored ${stored.total}`,
  );
  console.log(
    `        server ${intakeCpu.serverUsPerRequest} µs CPU/request (${intakeCpu.serverCores} cores), autocannon ${intakeCpu.autocannonUsPerRequest} µs (${intakeCpu.autocannonCores} cores)`,
  );
  console.log(`        decided: ${path(sample)}`);
  console.log(
    `urgent: ${theUrgent.requestsPerSec} req/s, p50 ${theUrgent.latencyMs.p50} ms, p99 ${theUrgent.latencyMs.p99} ms, non-2xx ${theUrgent.non2xx}`,
  );
  console.log(
    `        server ${urgentCpu.serverUsPerRequest} µs CPU/request (${urgentCpu.serverCores} cores)`,
  );
  console.log(`        decided: ${path(urgentSample)}`);
  console.log(
    `bare:   ${peer.requestsPerSec} req/s, p50 ${peer.latencyMs.p50} ms, p99 ${peer.latencyMs.p99} ms`,
  );
  console.log(
    `        server ${bareCpu.serverUsPerRequest} µs CPU/request (${bareCpu.serverCores} cores), autocannon ${bareCpu.autocannonUsPerRequest} µs (${bareCpu.autocannonCores} cores)`,
  );
  console.log(
    `ratio intake/bare: ${report.cases[0]?.peers?.[0]?.ratio}; urgent/bare: ${urgentRatio}`,
  );
}

await main();
