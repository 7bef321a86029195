// Runs the jobs that are due: periodic ones are queued first (one per minute, by key), then due
// jobs are leased and run until none is left. A failed job is retried with exponential backoff
// and given up after MAX_ATTEMPTS; a runner that dies mid-job loses its lease, not the job.
import type { AppContext } from "../services/context.ts";
import {
  claimDueJobs,
  completeJob,
  enqueueJob,
  failJob,
  type Job,
} from "../store/repositories/jobs.ts";
import { CALENDAR_REFRESH, CALENDAR_SWEEP, refreshCalendar, sweepCalendars } from "./calendars.ts";
import { INVOICE_SWEEP, sweepInvoicesJob } from "./invoices.ts";
import { intakeMailJob, MAIL_INTAKE, MAIL_SEND, sendMailJob } from "./mail.ts";
import { applyObligationConsequence, CONSEQUENCE, SWEEP, sweepObligations } from "./obligations.ts";

export type JobHandler = (ctx: AppContext, job: Job, now: number) => Promise<void>;

const handlers: Record<string, JobHandler> = {
  [INVOICE_SWEEP]: sweepInvoicesJob,
  [SWEEP]: sweepObligations,
  [CONSEQUENCE]: applyObligationConsequence,
  [MAIL_SEND]: sendMailJob,
  [MAIL_INTAKE]: intakeMailJob,
  [CALENDAR_SWEEP]: sweepCalendars,
  [CALENDAR_REFRESH]: refreshCalendar,
};

/** Jobs queued every minute. */
export const PERIODIC: readonly string[] = [
  SWEEP,
  MAIL_SEND,
  MAIL_INTAKE,
  CALENDAR_SWEEP,
  INVOICE_SWEEP,
];

export const LEASE_MS = 2 * 60_000;
export const MAX_ATTEMPTS = 8;
const BATCH = 50;
const MAX_ROUNDS = 20;
const MINUTE = 60_000;

/** 30 s, 1 min, 2 min… capped at an hour. */
export function retryDelay(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export interface RunReport {
  ran: number;
  failed: number;
}

async function runOne(ctx: AppContext, job: Job, now: number): Promise<boolean> {
  const handler = handlers[job.kind];
  try {
    if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
    await handler(ctx, job, now);
    await completeJob(ctx.db, job.id);
    return true;
  } catch (error) {
    const retryAt = job.attempts >= MAX_ATTEMPTS ? null : now + retryDelay(job.attempts);
    await failJob(ctx.db, job.id, error instanceof Error ? error.message : String(error), retryAt);
    return false;
  }
}

/** Queues this minute's periodic jobs, then runs every job due at `now`. */
export async function runDueJobs(ctx: AppContext, now: number = ctx.now()): Promise<RunReport> {
  const minute = new Date(Math.floor(now / MINUTE) * MINUTE).toISOString();
  for (const kind of PERIODIC) {
    await enqueueJob(
      ctx.db,
      { kind, payload: {}, runAt: now, idempotencyKey: `${kind}:${minute}` },
      now,
    );
  }
  const report: RunReport = { ran: 0, failed: 0 };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const jobs = await claimDueJobs(ctx.db, now, LEASE_MS, BATCH);
    if (jobs.length === 0) break;
    for (const job of jobs) {
      if (await runOne(ctx, job, now)) report.ran++;
      else report.failed++;
    }
  }
  return report;
}
