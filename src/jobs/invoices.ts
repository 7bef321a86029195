// Job definition for invoices: "invoices.sweep" records overdue invoices (once) and queues payment
// reminders through the outbox (once per reminder day, by idempotency key). The runner queues it
// every minute; it works every quarter of an hour, since reminders are counted in days.
import { sweepInvoices } from "../services/billing/sweep-invoices.ts";
import type { AppContext } from "../services/context.ts";
import type { Job } from "../store/repositories/jobs.ts";

export const INVOICE_SWEEP = "invoices.sweep";
const EVERY_MINUTES = 15;

export async function sweepInvoicesJob(ctx: AppContext, _job: Job, now: number): Promise<void> {
  if (Math.floor(now / 60_000) % EVERY_MINUTES !== 0) return;
  await sweepInvoices(ctx, now);
}
