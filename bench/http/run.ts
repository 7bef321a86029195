// `npm run bench:http`: POST /api/v1/requests on embedded SQLite against a bare Fastify JSON
// route, both measured with autocannon (50 connections) in the same run, one server process each.
import { fork } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { bootstrapWorkspace, freePort, startServer } from "../../test/helpers/remote.ts";

const quick = process.argv.includes("--quick");
const duration = quick ? 5 : 20;
const connections = 50;

type Result = autocannon.Result;

function run(opts: autocannon.Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
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
  const intake = await run({
    url: `${server.url}/api/v1/requests`,
    method: "POST",
    headers,
    body: body(clientId),
    connections,
    duration,
  });
  const stored = (await (
    await fetch(`${server.url}/api/v1/requests?limit=1`, { headers })
  ).json()) as { total: number };
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
  const bareResult = await run({
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
  const peer = summary("bare Fastify JSON route", bareResult);
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
        requestsPerSec: ours.requestsPerSec,
        latencyMs: ours.latencyMs,
        non2xx: ours.non2xx,
        storedRequests: stored.total,
        peers: [
          {
            name: peer.name,
            requestsPerSec: peer.requestsPerSec,
            latencyMs: peer.latencyMs,
            ratio: Number((ours.requestsPerSec / peer.requestsPerSec).toFixed(3)),
          },
        ],
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
    `bare:   ${peer.requestsPerSec} req/s, p50 ${peer.latencyMs.p50} ms, p99 ${peer.latencyMs.p99} ms`,
  );
  console.log(`ratio intake/bare: ${report.cases[0]!.peers[0]!.ratio}`);
}

await main();
