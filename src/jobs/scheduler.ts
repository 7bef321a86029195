// Starts the minute schedule for `cadre serve`: every minute, run the due jobs (a run that is
// still going when the next minute comes is not doubled).
import { Cron } from "croner";
import type { AppContext } from "../services/context.ts";
import { runDueJobs } from "./runner.ts";

export interface Scheduler {
  stop(): void;
}

export function startScheduler(
  ctx: AppContext,
  onError: (error: unknown) => void = (error) => console.error("jobs: run failed", error),
): Scheduler {
  const cron = new Cron("* * * * *", { protect: true }, async () => {
    try {
      await runDueJobs(ctx, ctx.now());
    } catch (error) {
      onError(error);
    }
  });
  return { stop: () => cron.stop() };
}
