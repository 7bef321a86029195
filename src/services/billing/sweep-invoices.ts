// The scheduled side of invoices: each issued invoice near or past its due date (charter's zone)
// is looked at in its own transaction. Past the due date it is recorded overdue once (a `money`
// violation); reminders go to the client through the outbox, one per configured day — before the
// due date the nearest one, after it the latest one reached — each keyed so it is queued once,
// however often the sweep runs.
import { addDays, daysBetween, localDateOf } from "../../domain/money/dates.ts";
import { paymentReminder } from "../../domain/money/notices.ts";
import * as clients from "../../store/repositories/clients.ts";
import type { Invoice } from "../../store/repositories/invoices.ts";
import * as invoices from "../../store/repositories/invoices.ts";
import { enqueue } from "../../store/repositories/outbox.ts";
import { workspaceById } from "../../store/repositories/workspaces.ts";
import type { AppContext } from "../context.ts";
import { amountDueOn, feeOf } from "./invoice-view.ts";
import { portalLink } from "./links.ts";
import { recordOverdue } from "./overdue.ts";

/** Reminders are at most this many days before the due date (charter schema's limit). */
const MAX_BEFORE_DAYS = 60;

export interface InvoiceSweepResult {
  overdue: number;
  reminders: number;
}

/** The reminder due on `today`, if any: its key and how many days before/after. */
export function reminderFor(
  invoice: Pick<Invoice, "dueOn" | "terms">,
  today: string,
): { when: "before" | "after"; days: number; step: number } | null {
  if (invoice.dueOn === null) return null;
  const { beforeDays, afterDays } = invoice.terms.reminders;
  const until = daysBetween(today, invoice.dueOn);
  if (until > 0) {
    const steps = beforeDays.filter((d) => until <= d);
    if (steps.length === 0) return null;
    return { when: "before", days: until, step: Math.min(...steps) };
  }
  const late = -until;
  const steps = afterDays.filter((d) => late >= d);
  if (late === 0 || steps.length === 0) return null;
  return { when: "after", days: late, step: Math.max(...steps) };
}

/** Overdue bookkeeping and the reminder of one invoice on `now`. */
export async function sweepInvoice(
  ctx: AppContext,
  ref: { workspaceId: string; id: string },
  now: number,
): Promise<{ overdue: boolean; reminded: boolean }> {
  return ctx.db.transaction().execute(async (trx) => {
    const invoice = await invoices.getInvoice(trx, ref.workspaceId, ref.id);
    if (invoice?.state !== "issued" || invoice.dueOn === null) {
      return { overdue: false, reminded: false };
    }
    const today = localDateOf(invoice.timezone, now);
    const overdue =
      today > invoice.dueOn && (await recordOverdue(trx, ref.workspaceId, invoice, now)) !== null;
    const reminder = reminderFor(invoice, today);
    if (!reminder) return { overdue, reminded: false };
    const client = await clients.get(trx, ref.workspaceId, invoice.clientId);
    const to = client?.emails[0];
    if (!client || !to) return { overdue, reminded: false };
    const workspace = await workspaceById(trx, ref.workspaceId);
    const notice = paymentReminder({
      locale: client.locale,
      clientName: client.name,
      professionalName: workspace?.name,
      number: invoice.number ?? "",
      currency: invoice.currency,
      total: invoice.total,
      dueOn: invoice.dueOn,
      methods: invoice.terms.methods,
      lateFee: invoice.terms.lateFee,
      link: portalLink(ctx, `invoices/${invoice.id}`),
      when: reminder.when,
      days: reminder.days,
      amountDue: amountDueOn(invoice, today),
      feeSoFar: feeOf(invoice, today).amount,
    });
    await enqueue(trx, {
      workspaceId: ref.workspaceId,
      idempotencyKey: `invoice-reminder:${invoice.id}:${reminder.when}:${reminder.step}`,
      to,
      subject: notice.subject,
      text: notice.body,
      headers: {
        "Content-Language": notice.locale,
        "X-Cadre-Notice": `invoice.reminder-${reminder.when}`,
      },
      at: now,
    });
    return { overdue, reminded: true };
  });
}

/** Every issued invoice due within the reminder horizon, each in its own transaction. */
export async function sweepInvoices(ctx: AppContext, now: number): Promise<InvoiceSweepResult> {
  // The latest due date any zone could need a reminder for today (UTC date + 1 covers every zone).
  const horizon = addDays(localDateOf("UTC", now), MAX_BEFORE_DAYS + 1);
  const result: InvoiceSweepResult = { overdue: 0, reminders: 0 };
  for (const ref of await invoices.issuedDueBy(ctx.db, horizon)) {
    const done = await sweepInvoice(ctx, ref, now);
    if (done.overdue) result.overdue++;
    if (done.reminded) result.reminders++;
  }
  return result;
}
