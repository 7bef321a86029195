// Job definitions for imported calendars: "calendars.sweep" (every minute) queues one
// "calendars.refresh" per source not read for 15 minutes (keyed by source and quarter hour, so a
// source is queued once per round), which reads it. A read that fails stores its error on the
// source and completes: the failure is shown, not retried in a loop.

import { CALENDAR_REFRESH, refreshSource } from "../services/calendars/sources.ts";
import { REFRESH_EVERY_MS } from "../services/calendars/warnings.ts";
import type { AppContext } from "../services/context.ts";
import { sourcesDue } from "../store/repositories/calendars.ts";
import { enqueueJob, type Job } from "../store/repositories/jobs.ts";

export { CALENDAR_REFRESH };
export const CALENDAR_SWEEP = "calendars.sweep";
const PER_SWEEP = 50;

export async function sweepCalendars(ctx: AppContext, _job: Job, now: number): Promise<void> {
  const round = Math.floor(now / REFRESH_EVERY_MS);
  for (const due of await sourcesDue(ctx.db, now - REFRESH_EVERY_MS, PER_SWEEP)) {
    await enqueueJob(
      ctx.db,
      {
        kind: CALENDAR_REFRESH,
        workspaceId: due.workspaceId,
        payload: { workspaceId: due.workspaceId, sourceId: due.id },
        runAt: now,
        idempotencyKey: `${CALENDAR_REFRESH}:${due.workspaceId}:${due.id}:${round}`,
      },
      now,
    );
  }
}

export async function refreshCalendar(ctx: AppContext, job: Job, now: number): Promise<void> {
  const { workspaceId, sourceId } = job.payload as Record<string, string>;
  if (!workspaceId || !sourceId) throw new Error("Malformed calendars job payload");
  await refreshSource(ctx, workspaceId, sourceId, now);
}
