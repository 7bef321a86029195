// Job definitions for consequences: "obligations.sweep" finds obligations whose due date passed
// with nothing received and queues one "obligations.consequence" job for each (keyed by the
// obligation and its due date, so a due date is handled once), which applies it.
import type { AppContext } from "../services/context.ts";
import {
  applyMissedObligation,
  obligationsDue,
} from "../services/engagements/sweep-obligations.ts";
import { enqueueJob, type Job, pruneDoneJobs } from "../store/repositories/jobs.ts";

export const SWEEP = "obligations.sweep";
export const CONSEQUENCE = "obligations.consequence";
const KEEP_DONE_MS = 24 * 3_600_000;

export async function sweepObligations(ctx: AppContext, _job: Job, now: number): Promise<void> {
  for (const due of await obligationsDue(ctx, now)) {
    await enqueueJob(
      ctx.db,
      {
        kind: CONSEQUENCE,
        workspaceId: due.workspaceId,
        payload: { ...due },
        runAt: now,
        idempotencyKey: `${CONSEQUENCE}:${due.workspaceId}:${due.id}:${due.dueAt}`,
      },
      now,
    );
  }
  await pruneDoneJobs(ctx.db, now - KEEP_DONE_MS);
}

export async function applyObligationConsequence(
  ctx: AppContext,
  job: Job,
  now: number,
): Promise<void> {
  const { workspaceId, engagementId, id } = job.payload as Record<string, string>;
  if (!workspaceId || !engagementId || !id) throw new Error("Malformed obligations job payload");
  await applyMissedObligation(ctx, { workspaceId, engagementId, id }, now);
}
