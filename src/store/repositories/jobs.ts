// The jobs table: work to run at a time, claimed with a lease (locked_until) so that a crashed
// runner's job is picked up again, retried with backoff, deduplicated by an idempotency key.
import type { Kysely, Transaction } from "kysely";
import { toIso as iso } from "../../domain/business-time/iso.ts";
import type { Database } from "../schema.ts";
import { fromJson, instant, newId, toJson } from "../values.ts";

type Db = Kysely<Database> | Transaction<Database>;

export type JobState = "queued" | "running" | "done" | "failed";

export interface Job {
  id: string;
  workspaceId: string | null;
  kind: string;
  payload: Record<string, unknown>;
  idempotencyKey: string | null;
  state: JobState;
  runAt: string;
  /** Including the run that holds the lease now. */
  attempts: number;
  lastError: string | null;
}

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  runAt: number;
  /** A job with the same key already queued, running or done is not added again. */
  idempotencyKey?: string | undefined;
  workspaceId?: string | null | undefined;
}

/** Adds a job; false when its idempotency key already exists. */
export async function enqueueJob(db: Db, job: NewJob, at: number): Promise<boolean> {
  const result = await db
    .insertInto("jobs")
    .values({
      id: newId(),
      workspace_id: job.workspaceId ?? null,
      kind: job.kind,
      payload: toJson(job.payload),
      idempotency_key: job.idempotencyKey ?? null,
      state: "queued",
      run_at: iso(job.runAt),
      locked_until: null,
      attempts: 0,
      last_error: null,
      created_at: iso(at),
    })
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Leases up to `limit` due jobs until now + leaseMs: queued ones whose time has come, and running
 * ones whose lease ran out (their runner died). Each claim is a conditional update, so two
 * runners never hold the same job.
 */
export async function claimDueJobs(
  db: Db,
  now: number,
  leaseMs: number,
  limit: number,
): Promise<Job[]> {
  const at = iso(now);
  const candidates = await db
    .selectFrom("jobs")
    .select(["id", "attempts", "state", "locked_until"])
    .where((eb) =>
      eb.or([
        eb.and([eb("state", "=", "queued"), eb("run_at", "<=", at)]),
        eb.and([eb("state", "=", "running"), eb("locked_until", "<", at)]),
      ]),
    )
    .orderBy("run_at")
    .limit(limit)
    .execute();
  const claimed: Job[] = [];
  for (const c of candidates) {
    let q = db
      .updateTable("jobs")
      .set({ state: "running", locked_until: iso(now + leaseMs), attempts: Number(c.attempts) + 1 })
      .where("id", "=", c.id)
      .where("state", "=", c.state)
      .where("attempts", "=", Number(c.attempts));
    if (c.state === "running") q = q.where("locked_until", "<", at);
    const result = await q.executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) continue;
    const row = await db.selectFrom("jobs").selectAll().where("id", "=", c.id).executeTakeFirst();
    if (row) claimed.push(toJob(row));
  }
  return claimed;
}

export async function completeJob(db: Db, id: string): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ state: "done", locked_until: null, last_error: null })
    .where("id", "=", id)
    .execute();
}

/** Retries at `retryAt`, or gives up (state "failed") when it is null. */
export async function failJob(db: Db, id: string, error: string, retryAt: number | null) {
  await db
    .updateTable("jobs")
    .set({
      state: retryAt === null ? "failed" : "queued",
      locked_until: null,
      last_error: error.slice(0, 2000),
      ...(retryAt === null ? {} : { run_at: iso(retryAt) }),
    })
    .where("id", "=", id)
    .execute();
}

export async function getJob(db: Db, id: string): Promise<Job | null> {
  const row = await db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toJob(row) : null;
}

export async function listJobs(db: Db, kind: string): Promise<Job[]> {
  const rows = await db
    .selectFrom("jobs")
    .selectAll()
    .where("kind", "=", kind)
    .orderBy("created_at")
    .execute();
  return rows.map(toJob);
}

/** Forgets finished jobs created before `before` (their keys may then be reused). */
export async function pruneDoneJobs(db: Db, before: number): Promise<void> {
  await db
    .deleteFrom("jobs")
    .where("state", "=", "done")
    .where("created_at", "<", iso(before))
    .execute();
}

type Row = Database["jobs"] extends infer T ? { [K in keyof T]: unknown } : never;

function toJob(row: Row): Job {
  return {
    id: row.id as string,
    workspaceId: row.workspace_id as string | null,
    kind: row.kind as string,
    payload: fromJson<Record<string, unknown>>(row.payload),
    idempotencyKey: row.idempotency_key as string | null,
    state: row.state as JobState,
    runAt: instant(row.run_at),
    attempts: Number(row.attempts),
    lastError: row.last_error as string | null,
  };
}
