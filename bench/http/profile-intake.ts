// `node bench/http/profile-intake.ts`: where the time of one intake goes, in-process, on a file
// SQLite database like `cadre serve` uses. Prints CPU µs per intake for the whole HTTP path
// (app.inject, sequential and 50 in flight) and for its parts (context reads, decision, write).
// `N=10000 node --cpu-prof bench/http/profile-intake.ts` for a profile.
// CPU time (process.cpuUsage) rather than wall time, so that other load on the machine matters less.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluate } from "../../src/domain/decide/evaluate.ts";
import { buildApp } from "../../src/http/app.ts";
import { loadDecisionContext } from "../../src/services/requests/decision-context.ts";
import { takeRequest } from "../../src/services/requests/take-request.ts";
import { openStore } from "../../src/store/db.ts";
import { migrate } from "../../src/store/migrate.ts";
import { insertRequestQuery } from "../../src/store/repositories/requests.ts";
import { newId } from "../../src/store/values.ts";
import { exampleCharterInput } from "../../test/factories/domain.ts";
import { signUpPro } from "../../test/helpers/auth.ts";

const N = Number(process.env.N ?? 3000);
const dir = mkdtempSync(join(tmpdir(), "cadre-profile-"));
const store = openStore({ sqlitePath: join(dir, "cadre.db") });
await migrate(store);
const app = await buildApp({ store });
const pro = await signUpPro(app, { workspace: { slug: "profile" } });
const h = pro.asToken();
await app.inject({
  method: "PUT",
  url: "/api/v1/charter",
  headers: h,
  payload: exampleCharterInput(),
});
await app.inject({ method: "POST", url: "/api/v1/charter/publish", headers: h });
const client = await app.inject({
  method: "POST",
  url: "/api/v1/clients",
  headers: h,
  payload: { name: "Camille Roy", emails: ["camille@profile.example"], locale: "fr-CA" },
});
const clientId = client.json().id as string;
const payload = {
  clientId,
  channel: "email",
  subject: "Petite modification du logo",
  body: "Bonjour, pourriez-vous changer la couleur du logo ? Merci !",
  kind: "change",
};
const workspaceId = pro.workspace.id;
const input = {
  workspaceId,
  clientId,
  request: { channel: "email", subject: payload.subject, body: payload.body, kind: "change" },
  source: "api",
} as const;

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

async function measure(name: string, n: number, fn: (i: number) => Promise<unknown> | unknown) {
  for (let i = 0; i < Math.min(300, n); i++) await fn(i);
  const c0 = cpuMicros();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  const wall = ((performance.now() - t0) * 1000) / n;
  const cpu = (cpuMicros() - c0) / n;
  console.log(
    `${name.padEnd(44)} cpu ${cpu.toFixed(0).padStart(5)} µs   wall ${wall.toFixed(0).padStart(5)} µs`,
  );
  return cpu;
}

async function measureConcurrent(
  name: string,
  total: number,
  inFlight: number,
  fn: () => Promise<unknown>,
) {
  const run = async () => {
    let left = total;
    const worker = async () => {
      while (left-- > 0) await fn();
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
  };
  await run();
  const c0 = cpuMicros();
  const t0 = performance.now();
  await run();
  const ms = performance.now() - t0;
  const cpu = (cpuMicros() - c0) / total;
  console.log(
    `${name.padEnd(44)} cpu ${cpu.toFixed(0).padStart(5)} µs   ${Math.round((total / ms) * 1000)} /s`,
  );
}

const inject = () =>
  app.inject({ method: "POST", url: "/api/v1/requests", headers: h, payload }).then((r) => {
    if (r.statusCode !== 201) throw new Error(r.body);
  });

await measure("HTTP intake (inject, sequential)", N, inject);
await measureConcurrent("HTTP intake (inject, 50 in flight)", N, 50, inject);
await measure("takeRequest (service)", N, () => takeRequest(app.ctx, input));
await measureConcurrent("takeRequest (service, 50 in flight)", N, 50, () =>
  takeRequest(app.ctx, input),
);
await measure("  loadDecisionContext", N, () =>
  loadDecisionContext(app.ctx, workspaceId, { clientId }, input.request, Date.now()),
);
const loaded = await loadDecisionContext(
  app.ctx,
  workspaceId,
  { clientId },
  input.request,
  Date.now(),
);
const request = { ...input.request, receivedAt: new Date().toISOString() };
await measure("  evaluate", N, () => evaluate(request, loaded.context));
await measureConcurrent("  the write alone (50 in flight)", N, 50, () =>
  store.write([
    insertRequestQuery(store.db, {
      workspaceId,
      id: newId(),
      clientId,
      engagementId: null,
      receivedAt: Date.now(),
      input: request,
      decision: evaluate(request, loaded.context),
      source: "api",
      idempotencyKey: null,
      createdAt: Date.now(),
    }),
  ]),
);
await measure("HTTP GET /api/health (inject)", N, () =>
  app.inject({ method: "GET", url: "/api/health" }),
);

await app.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
