// Job definitions for the e-mail channel, run every minute by the jobs runner (and more often by
// `cadre serve`'s mail worker): "mail.send" sends (or, without SMTP, holds) due outbox mail;
// "mail.intake" takes in inbound messages that were stored but not taken in yet.
import type { AppContext } from "../services/context.ts";
import { retryPendingMail } from "../services/mail/retry-pending.ts";
import { sendDueMail } from "../services/mail/send-outbox.ts";
import type { Job } from "../store/repositories/jobs.ts";

export const MAIL_SEND = "mail.send";
export const MAIL_INTAKE = "mail.intake";

export async function sendMailJob(ctx: AppContext, _job: Job, now: number): Promise<void> {
  await sendDueMail(ctx, now);
}

export async function intakeMailJob(ctx: AppContext, _job: Job, now: number): Promise<void> {
  await retryPendingMail(ctx, now);
}
