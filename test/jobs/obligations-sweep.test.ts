import { afterAll, beforeAll, expect, it } from "vitest";
import { MAX_ATTEMPTS, PERIODIC, retryDelay, runDueJobs } from "../../src/jobs/runner.ts";
import { claimDueJobs, enqueueJob, getJob, listJobs } from "../../src/store/repositories/jobs.ts";
import { listViolations } from "../../src/store/repositories/ledger.ts";
import { startApp, type TestApp } from "../helpers/app.ts";
import { type Pro, signUpPro } from "../helpers/auth.ts";
import { essentiel } from "../helpers/catalog.ts";
import { describeEngines } from "../helpers/store.ts";

const at = (iso: string) => Date.parse(iso);

describeEngines("jobs: the obligations sweep and the runner", (engine) => {
  let t: TestApp;
  let pro: Pro;
  let engagementId: string;
  let clientId: string;
  const call = (method: "GET" | "POST", url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: pro.asToken(),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const engagement = async () => (await call("GET", `/api/v1/engagements/${engagementId}`)).json();

  beforeAll(async () => {
    t = await startApp(engine, { now: () => at("2026-06-15T14:00:00Z") });
    pro = await signUpPro(t.app);
    expect((await call("POST", "/api/v1/charter/publish")).statusCode).toBe(201);
    await call("POST", "/api/v1/offers", essentiel);
    const client = await call("POST", "/api/v1/clients", {
      name: "Sam",
      emails: ["sam@example.com"],
      locale: "en-CA",
    });
    clientId = client.json().id;
    const res = await call("POST", "/api/v1/engagements", {
      clientId,
      offerId: "essentiel",
      deliverables: [{ name: "Logo", dueAt: "2026-06-26T17:00:00-04:00" }],
      obligations: [
        {
          name: "Brief",
          dueAt: "2026-06-22T17:00:00-04:00",
          shiftBusinessDays: 2,
          deliverableIds: [0],
        },
      ],
    });
    engagementId = res.json().id;
  });
  afterAll(() => t.close());

  it("leaves an obligation alone before its due date", async () => {
    await runDueJobs(t.app.ctx, at("2026-06-22T20:59:00Z"));
    expect((await engagement()).obligations[0]).toMatchObject({ status: "pending" });
  });

  it("applies a passed due date once, however often it runs", async () => {
    const report = await runDueJobs(t.app.ctx, at("2026-06-22T21:00:30Z"));
    // The periodic jobs (the sweep among them) and one consequence.
    expect(report).toEqual({ ran: PERIODIC.length + 1, failed: 0 });
    await runDueJobs(t.app.ctx, at("2026-06-22T21:00:45Z"));
    await runDueJobs(t.app.ctx, at("2026-06-22T21:05:00Z"));
    const e = await engagement();
    expect(e.obligations[0]).toMatchObject({ status: "late", shiftedBusinessDays: 2 });
    // Friday 26 June + 2 business days (with Canada Day on 1 July still ahead) = Tuesday 30.
    expect(e.deliverables[0].dueAt).toBe("2026-06-30T21:00:00.000Z");
    const violations = await listViolations(t.app.ctx.db, pro.workspace.id, {
      clientId,
      limit: 10,
      offset: 0,
    });
    expect(violations).toHaveLength(1);
    const mails = await t.app.ctx.db
      .selectFrom("outbox")
      .selectAll()
      .where("workspace_id", "=", pro.workspace.id)
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text_body).toContain("nothing has reached me yet");
    const jobs = await listJobs(t.app.ctx.db, "obligations.consequence");
    expect(jobs).toMatchObject([{ state: "done", attempts: 1 }]);
  });

  it("retries a failing job with backoff, then gives up", async () => {
    const db = t.app.ctx.db;
    const start = at("2026-07-01T12:00:00Z");
    await enqueueJob(
      db,
      { kind: "no.such.kind", payload: {}, runAt: start, idempotencyKey: "k1" },
      start,
    );
    expect(
      await enqueueJob(
        db,
        { kind: "no.such.kind", payload: {}, runAt: start, idempotencyKey: "k1" },
        start,
      ),
    ).toBe(false);
    let now = start;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const report = await runDueJobs(t.app.ctx, now);
      expect(report.failed).toBe(1);
      now += retryDelay(attempt);
      expect((await runDueJobs(t.app.ctx, now - 1)).failed).toBe(0);
    }
    const [job] = await listJobs(db, "no.such.kind");
    expect(job).toMatchObject({ state: "failed", attempts: MAX_ATTEMPTS });
    expect(job?.lastError).toMatch(/No handler/);
  });

  it("takes back a job whose runner died, never one still leased", async () => {
    const db = t.app.ctx.db;
    const start = at("2026-08-01T12:00:00Z");
    await enqueueJob(
      db,
      { kind: "x.lease", payload: {}, runAt: start, idempotencyKey: "lease" },
      start,
    );
    const [leased] = await claimDueJobs(db, start, 60_000, 10);
    expect(leased).toMatchObject({ kind: "x.lease", state: "running", attempts: 1 });
    expect(await claimDueJobs(db, start + 30_000, 60_000, 10)).toEqual([]);
    const [again] = await claimDueJobs(db, start + 61_000, 60_000, 10);
    expect(again).toMatchObject({ id: leased?.id, attempts: 2 });
    expect((await getJob(db, leased!.id))?.state).toBe("running");
  });
});
