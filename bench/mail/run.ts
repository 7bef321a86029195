// `npm run bench:mail`: inbound e-mail through SMTP to a stored request. A real `cadre serve`
// process (embedded SQLite, or PostgreSQL with --postgres and BENCH_DATABASE_URL) with its SMTP
// listener on loopback; this process sends over 8 connections with a lean pipelined SMTP client
// (smtp-client.ts, the load generator), and once more with nodemailer's pool for reference.
//   1. throughput: N messages (4 in 5 from a known client, 1 in 5 from unknown senders, 1 in 10
//      a reply threaded to a message of the warm-up), messages per second until the last 250;
//   2. burst: 5,000 messages handed to the pool at once; every one acknowledged must be stored
//      (count of stored requests = count sent), none lost.
// Results: bench/results/mail.json (mail-quick.json with --quick).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import nodemailer from "nodemailer";
import pg from "pg";
import { bootstrapWorkspace, freePort, startServer } from "../../test/helpers/remote.ts";
import { machineInfo } from "../lib/machine.ts";
import { SmtpClient } from "./smtp-client.ts";

const quick = process.argv.includes("--quick");
const usePostgres = process.argv.includes("--postgres");
const THROUGHPUT = quick ? 500 : 3000;
const BURST = quick ? 1000 : 5000;
const WARMUP = quick ? 100 : 300;
const REFERENCE = quick ? 300 : 1000;
const CONNECTIONS = 8;
const DOMAIN = "in.bench.test";
const TARGET_PER_SEC = 200;

function processCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

const BODY =
  "Bonjour,\n\nPourriez-vous ajuster la couleur du logo sur la page d’accueil et m’envoyer une version pour les réseaux sociaux ? Je joins mes remarques ci-dessous.\n\n– le bleu un peu plus foncé\n– le texte en blanc\n– une version carrée\n\nMerci beaucoup et bonne journée !\nCamille";

interface Sent {
  accepted: number;
  rejected: number;
  errors: Record<string, number>;
  latenciesMs: number[];
}

interface Outgoing {
  from: string;
  messageId: string;
  subject: string;
  inReplyTo?: string;
}

function rawMessage(to: string, m: Outgoing): string {
  return [
    `From: ${m.from}`,
    `To: ${to}`,
    `Subject: ${m.subject}`,
    `Message-ID: <${m.messageId}>`,
    ...(m.inReplyTo ? [`In-Reply-To: <${m.inReplyTo}>`, `References: <${m.inReplyTo}>`] : []),
    `Date: ${new Date().toUTCString()}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    BODY,
  ].join("\r\n");
}

/** Sends `count` messages over `connections` lean SMTP connections, all queued at once. */
async function sendLean(
  port: number,
  to: string,
  count: number,
  make: (i: number) => Outgoing,
): Promise<Sent & { seconds: number }> {
  const sent: Sent = { accepted: 0, rejected: 0, errors: {}, latenciesMs: [] };
  const clients = await Promise.all(
    Array.from({ length: CONNECTIONS }, () => SmtpClient.connect("127.0.0.1", port)),
  );
  const start = performance.now();
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (next < count) {
        const m = make(next++);
        const t0 = performance.now();
        try {
          await client.send(m.from, to, rawMessage(to, m));
          sent.accepted++;
        } catch (error) {
          sent.rejected++;
          const key = String((error as { responseCode?: number }).responseCode ?? "error");
          sent.errors[key] = (sent.errors[key] ?? 0) + 1;
        }
        sent.latenciesMs.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await Promise.all(clients.map((c) => c.close()));
  return { ...sent, seconds };
}

/** The same through nodemailer's pool (what a mail client library costs on the sending side). */
async function sendNodemailer(
  port: number,
  to: string,
  count: number,
  make: (i: number) => Outgoing,
): Promise<Sent & { seconds: number }> {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: CONNECTIONS,
    maxMessages: Number.POSITIVE_INFINITY,
  });
  const sent: Sent = { accepted: 0, rejected: 0, errors: {}, latenciesMs: [] };
  const start = performance.now();
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const m = make(i);
      const t0 = performance.now();
      try {
        await transport.sendMail({
          from: m.from,
          to,
          subject: m.subject,
          text: BODY,
          messageId: `<${m.messageId}>`,
          ...(m.inReplyTo ? { inReplyTo: `<${m.inReplyTo}>` } : {}),
        });
        sent.accepted++;
      } catch (error) {
        sent.rejected++;
        const key = String((error as { responseCode?: number }).responseCode ?? "error");
        sent.errors[key] = (sent.errors[key] ?? 0) + 1;
      }
      sent.latenciesMs.push(performance.now() - t0);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  transport.close();
  return { ...sent, seconds };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0,
  );
}

async function storedRequests(url: string, token: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/requests?limit=1`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`GET /requests: ${res.status}`);
  return (await res.json()).total as number;
}

async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("--postgres needs BENCH_DATABASE_URL (or TEST_DATABASE_URL)");
  const name = `cadre_bench_mail_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "cadre-bench-mail-"));
  const database = usePostgres ? await freshPostgres() : null;
  const smtpPort = await freePort();
  const server = await startServer({
    CADRE_DATA_DIR: dir,
    ...(database ? { DATABASE_URL: database.url } : {}),
    INBOUND_SMTP_PORT: String(smtpPort),
    INBOUND_DOMAIN: DOMAIN,
    // One loopback sender far above the per-IP defaults (120 messages/min, 20 connections).
    INBOUND_SMTP_RATE_LIMIT: "0",
    INBOUND_SMTP_MAX_CONNECTIONS_PER_IP: String(CONNECTIONS * 2),
  });
  try {
    const slug = "bench";
    const { token } = await bootstrapWorkspace(server.url, slug);
    const to = `${slug}@${DOMAIN}`;
    const client = `camille@${slug}.example`;
    const message = (phase: string, i: number, thread: boolean): Outgoing => {
      const unknown = i % 5 === 3;
      const reply = thread && i % 10 === 9;
      return {
        from: unknown ? `visitor${i}@elsewhere.example` : client,
        // A reply answers a message stored during the warm-up (a reply to one still in flight
        // on another connection could not find its thread yet).
        subject: reply ? `Re: Logo warm ${i % WARMUP}` : `Logo ${phase} ${i}`,
        messageId: `${phase}-${i}@client.example`,
        ...(reply ? { inReplyTo: `warm-${i % WARMUP}@client.example` } : {}),
      };
    };
    const replies = (n: number) =>
      Array.from({ length: n }, (_, i) => i).filter((i) => i % 10 === 9).length;

    // Warm-up: JIT, caches, the charter compiled, SQLite pages in memory.
    await sendLean(smtpPort, to, WARMUP, (i) => message("warm", i, false));
    const afterWarmup = await storedRequests(server.url, token);

    const cpu0 = processCpuSeconds(server.child.pid);
    const own0 = process.cpuUsage();
    const run = await sendLean(smtpPort, to, THROUGHPUT, (i) => message("run", i, true));
    const own = process.cpuUsage(own0);
    const cpu = processCpuSeconds(server.child.pid) - cpu0;
    const afterRun = await storedRequests(server.url, token);

    const burst = await sendLean(smtpPort, to, BURST, (i) => message("burst", i, false));
    const afterBurst = await storedRequests(server.url, token);

    const ref0 = processCpuSeconds(server.child.pid);
    const refOwn0 = process.cpuUsage();
    const reference = await sendNodemailer(smtpPort, to, REFERENCE, (i) => message("nm", i, true));
    const refOwn = process.cpuUsage(refOwn0);
    const refCpu = processCpuSeconds(server.child.pid) - ref0;
    const afterReference = await storedRequests(server.url, token);

    const perSec = Math.round(run.accepted / run.seconds);
    const result = {
      machine: { ...machineInfo(), loadAverage: loadavg().map((l) => Number(l.toFixed(2))) },
      settings: {
        quick,
        engine: database ? "postgres" : "sqlite",
        connections: CONNECTIONS,
        messageBytes: Buffer.byteLength(rawMessage(to, message("x", 0, false))),
        warmup: WARMUP,
        server: "cadre serve (separate process), inbound SMTP on 127.0.0.1",
        generator: "bench/mail/smtp-client.ts: pipelined MAIL/RCPT/DATA, one socket per connection",
        mix: "4 in 5 from a known client, 1 in 5 from unknown senders; in the throughput runs, 1 in 10 a reply threaded to a message stored during the warm-up",
      },
      throughput: {
        messages: THROUGHPUT,
        accepted: run.accepted,
        rejected: run.rejected,
        errors: run.errors,
        seconds: Number(run.seconds.toFixed(2)),
        messagesPerSec: perSec,
        targetPerSec: TARGET_PER_SEC,
        meetsTarget: perSec >= TARGET_PER_SEC,
        latencyMs: { p50: percentile(run.latenciesMs, 50), p99: percentile(run.latenciesMs, 99) },
        serverCpuMsPerMessage: Number(((cpu * 1000) / Math.max(1, run.accepted)).toFixed(2)),
        generatorCpuMsPerMessage: Number(
          ((own.user + own.system) / 1000 / Math.max(1, run.accepted)).toFixed(2),
        ),
        newRequests: afterRun - afterWarmup,
        expectedNewRequests: run.accepted - replies(THROUGHPUT),
        repliesThreaded: replies(THROUGHPUT),
      },
      burst: {
        sent: BURST,
        accepted: burst.accepted,
        rejected: burst.rejected,
        errors: burst.errors,
        seconds: Number(burst.seconds.toFixed(2)),
        messagesPerSec: Math.round(burst.accepted / burst.seconds),
        stored: afterBurst - afterRun,
        lost: burst.accepted - (afterBurst - afterRun),
        noneLost: burst.accepted === BURST && afterBurst - afterRun === BURST,
      },
      nodemailerReference: {
        messages: REFERENCE,
        accepted: reference.accepted,
        messagesPerSec: Math.round(reference.accepted / reference.seconds),
        serverCpuMsPerMessage: Number(
          ((refCpu * 1000) / Math.max(1, reference.accepted)).toFixed(2),
        ),
        generatorCpuMsPerMessage: Number(
          ((refOwn.user + refOwn.system) / 1000 / Math.max(1, reference.accepted)).toFixed(2),
        ),
        newRequests: afterReference - afterBurst,
        expectedNewRequests: reference.accepted - replies(REFERENCE),
      },
    };
    mkdirSync("bench/results", { recursive: true });
    const out = `bench/results/mail${quick ? "-quick" : ""}${database ? "-postgres" : ""}.json`;
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(
      `throughput: ${perSec} messages/s (${run.accepted}/${THROUGHPUT} accepted in ${run.seconds.toFixed(1)} s, target ≥ ${TARGET_PER_SEC}/s), server ${result.throughput.serverCpuMsPerMessage} ms CPU/message, p50 ${result.throughput.latencyMs.p50} ms`,
    );
    console.log(
      `burst: ${burst.accepted}/${BURST} accepted, ${result.burst.stored} stored, lost ${result.burst.lost} (${result.burst.messagesPerSec}/s)`,
    );
    console.log(
      `nodemailer pool (reference): ${result.nodemailerReference.messagesPerSec} messages/s, sender ${result.nodemailerReference.generatorCpuMsPerMessage} ms CPU/message`,
    );
    console.log(`→ ${out}`);
    if (
      !result.burst.noneLost ||
      result.throughput.newRequests !== result.throughput.expectedNewRequests ||
      result.nodemailerReference.newRequests !== result.nodemailerReference.expectedNewRequests
    ) {
      process.exitCode = 1;
    }
  } finally {
    await server.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
