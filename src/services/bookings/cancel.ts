// Cancel and reschedule, by the meeting type's cancelNotice ({ hours } of wall-clock time before
// the start) and lateCancel policy. A cancellation in time frees the meeting (quota given back).
// A late one by the client (or by the professional on the client's behalf) keeps the meeting
// counted ("counts-as-used"), charges a fee (lateCancelFeePercent of the paid extra's price,
// default 100 %, as a line of the engagement's draft invoice) and frees it ("fee"), or frees it
// ("free"); in every case a `time` violation
// `meetings.late-cancel` is recorded, unless the professional waives it as an exception. A
// cancellation by the professional is never the client's fault. A reschedule is a cancellation
// of the old booking and a new booking, in one transaction: a late move counts as a late
// cancellation, and the new time must pass every rule (else nothing changes).
import type { Transaction } from "kysely";
import { formatSlotLabel } from "../../domain/availability/labels.ts";
import { MS_PER_HOUR } from "../../domain/business-time/zone.ts";
import type { MeetingType } from "../../domain/charter/schema.ts";
import { lineDescription } from "../../domain/money/labels.ts";
import { languageOf } from "../../domain/replies/format.ts";
import type { Lang } from "../../i18n/lang.ts";
import {
  type Booking,
  cancelBooking,
  engagementQuota,
  getBooking,
  lockMember,
} from "../../store/repositories/bookings.ts";
import * as clients from "../../store/repositories/clients.ts";
import * as engagements from "../../store/repositories/engagements.ts";
import { insertException } from "../../store/repositories/ledger.ts";
import { insertViolations } from "../../store/repositories/requests.ts";
import type { Database } from "../../store/schema.ts";
import { newId } from "../../store/values.ts";
import { addToDraftInvoice } from "../billing/draft.ts";
import { type MoneyContext, moneyContext } from "../billing/terms.ts";
import { calendarWarnings } from "../calendars/warnings.ts";
import type { AppContext } from "../context.ts";
import { AppError, conflict } from "../errors.ts";
import {
  type Actor,
  actorId,
  type BookingOutcome,
  decideAndInsert,
  inBookingTransaction,
  participants,
} from "./book.ts";
import {
  extraMeeting,
  type MeetingQuotaLine,
  meetingQuota,
  memberWithCalendar,
  publishedOrConflict,
} from "./context.ts";
import { queueBookingMail } from "./invitation.ts";

export type CancelConsequence = "none" | "counts-as-used" | "fee" | "free" | "waived";

export interface CancelInput {
  workspaceId: string;
  bookingId: string;
  actor: Actor;
  reason?: string | undefined;
  /** Members only: the client asked for it (the late-cancellation policy applies). */
  onBehalfOfClient?: boolean | undefined;
  /** Members only: waive the late-cancellation consequence, recorded as an exception. */
  exception?: { reason: string } | undefined;
  lang: Lang;
}

export interface CancelOutcome {
  booking: Booking;
  /** Less than cancelNotice hours before the start. */
  late: boolean;
  consequence: CancelConsequence;
  fee: { amount: number; currency: string } | null;
  violation: boolean;
  quota: MeetingQuotaLine | null;
  mailId: string | null;
}

/** The booking as its caller may see it: a client sees only their own (else 404). */
async function visibleBooking(ctx: AppContext, workspaceId: string, id: string, actor: Actor) {
  const booking = await getBooking(ctx.db, workspaceId, id);
  if (!booking || (actor.kind === "client" && booking.clientId !== actor.clientId)) {
    throw new AppError("not_found", "booking_not_found");
  }
  return booking;
}

interface Cancelled {
  booking: Booking;
  late: boolean;
  consequence: CancelConsequence;
  fee: { amount: number; currency: string } | null;
  violation: boolean;
}

/** In the transaction, the member locked: cancels `id` by the policy; returns what happened. */
async function cancelInside(
  trx: Transaction<Database>,
  ctx: AppContext,
  input: CancelInput & { rescheduled?: boolean },
  meeting: MeetingType | undefined,
  charterVersion: number | null,
  now: number,
  billing: { money: MoneyContext; locale: string; zone: string },
): Promise<Cancelled> {
  const { workspaceId } = input;
  const booking = await getBooking(
    trx,
    workspaceId,
    input.bookingId,
    ctx.store.engine === "postgres",
  );
  if (!booking) throw new AppError("not_found", "booking_not_found");
  if (booking.status !== "booked") throw conflict("booking_not_active");
  const start = Date.parse(booking.start);
  if (start <= now) throw conflict("booking_started");

  const noticeHours = meeting?.cancelNotice?.hours;
  const late = noticeHours !== undefined && start - now < noticeHours * MS_PER_HOUR;
  const clientSide = input.actor.kind === "client" || input.onBehalfOfClient === true;
  const lateByClient = late && clientSide;
  let consequence: CancelConsequence = "none";
  if (lateByClient) {
    consequence =
      input.exception && input.actor.kind === "member"
        ? "waived"
        : (meeting?.lateCancel ?? "counts-as-used");
  }

  const engagement = booking.engagementId
    ? await engagementQuota(trx, workspaceId, booking.clientId, {
        engagementId: booking.engagementId,
        forUpdate: ctx.store.engine === "postgres",
      })
    : null;
  let fee: { amount: number; currency: string } | null = null;
  if (consequence === "fee") {
    const extra = extraMeeting(engagement?.offer);
    if (extra) {
      const percent = meeting?.lateCancelFeePercent ?? 100;
      fee = { amount: Math.round((extra.price * percent) / 100), currency: extra.currency };
    }
  }
  const countsAsUsed = consequence === "counts-as-used";
  const done = await cancelBooking(trx, workspaceId, booking.id, {
    status: lateByClient ? "late-cancelled" : "cancelled",
    at: now,
    by: actorId(input.actor),
    reason: input.reason ?? (input.rescheduled ? "rescheduled" : null),
    countsAsUsed,
    fee: fee?.amount ?? null,
    currency: fee?.currency ?? null,
  });
  if (!done) throw conflict("booking_not_active");
  if (fee && engagement) {
    const when = formatSlotLabel(
      { start, end: Date.parse(booking.end) },
      billing.locale,
      billing.zone,
    );
    const title = `${meeting?.name ?? booking.meetingTypeId} — ${when}`;
    await addToDraftInvoice(
      trx,
      workspaceId,
      { id: engagement.id, clientId: booking.clientId, currency: fee.currency },
      billing.money,
      [
        {
          kind: "item",
          description: lineDescription("late-cancel", languageOf(billing.locale), { title }),
          amount: fee.amount,
        },
      ],
      now,
    );
  }
  if (engagement && !countsAsUsed) {
    await engagements.updateUsage(trx, workspaceId, engagement.id, { meetings: -1 }, now);
  }
  const hoursBefore = Math.round(((start - now) / MS_PER_HOUR) * 10) / 10;
  if (consequence === "waived" && input.actor.kind === "member") {
    await insertException(trx, workspaceId, {
      id: newId(),
      clientId: booking.clientId,
      requestId: null,
      ruleId: "meetings.late-cancel",
      reason: input.exception?.reason ?? "",
      grantedBy: input.actor.userId,
      createdAt: now,
    });
  }
  const violation = lateByClient && consequence !== "waived";
  if (violation) {
    await insertViolations(trx, [
      {
        workspaceId,
        id: newId(),
        clientId: booking.clientId,
        requestId: null,
        ruleId: "meetings.late-cancel",
        category: "time",
        params: {
          bookingId: booking.id,
          meetingTypeId: booking.meetingTypeId,
          start: booking.start,
          cancelNoticeHours: noticeHours,
          hoursBefore,
          consequence,
          ...(input.rescheduled ? { rescheduled: true } : {}),
          ...(fee ? { fee: fee.amount, currency: fee.currency } : {}),
        },
        charterVersion,
        occurredAt: now,
      },
    ]);
  }
  const updated = (await getBooking(trx, workspaceId, booking.id)) as Booking;
  return { booking: updated, late, consequence, fee, violation };
}

export async function cancelMeeting(ctx: AppContext, input: CancelInput): Promise<CancelOutcome> {
  const { workspaceId } = input;
  const existing = await visibleBooking(ctx, workspaceId, input.bookingId, input.actor);
  const policy = await publishedOrConflict(ctx, workspaceId);
  const meeting = policy.charter.meetings.find((m) => m.id === existing.meetingTypeId);
  const { member } = await memberWithCalendar(ctx, policy, workspaceId, existing.memberId);
  const client = await clients.get(ctx.db, workspaceId, existing.clientId);
  const money = await moneyContext(ctx, workspaceId);
  const billing = {
    money,
    locale: client?.locale ?? money.workspace.locale,
    zone: client?.timezone ?? policy.charter.timezone,
  };
  const now = ctx.now();
  return inBookingTransaction(ctx, async (trx) => {
    await lockMember(trx, ctx.store.engine, workspaceId, existing.memberId);
    const done = await cancelInside(trx, ctx, input, meeting, policy.version, now, billing);
    const engagement = done.booking.engagementId
      ? await engagementQuota(trx, workspaceId, done.booking.clientId, {
          engagementId: done.booking.engagementId,
        })
      : null;
    const mailId = client
      ? await queueBookingMail(trx, {
          workspaceId,
          booking: done.booking,
          kind: "cancelled",
          meeting,
          member,
          client: {
            name: client.name,
            email: client.emails[0],
            locale: client.locale,
            timezone: client.timezone,
          },
          zone: policy.charter.timezone,
          at: now,
        })
      : null;
    return { ...done, quota: meetingQuota(engagement), mailId };
  });
}

export interface RescheduleInput extends Omit<CancelInput, "reason"> {
  start: number;
  acceptPaidExtra?: boolean | undefined;
}

export interface RescheduleOutcome extends BookingOutcome {
  previous: Cancelled;
}

export async function rescheduleMeeting(
  ctx: AppContext,
  input: RescheduleInput,
): Promise<RescheduleOutcome> {
  const { workspaceId } = input;
  const existing = await visibleBooking(ctx, workspaceId, input.bookingId, input.actor);
  const p = await participants(ctx, {
    workspaceId,
    meetingTypeId: existing.meetingTypeId,
    clientId: existing.clientId,
    memberId: existing.memberId,
  });
  const now = ctx.now();
  const outcome = await inBookingTransaction(ctx, async (trx) => {
    await lockMember(trx, ctx.store.engine, workspaceId, existing.memberId);
    const previous = await cancelInside(
      trx,
      ctx,
      { ...input, rescheduled: true },
      p.mc.meeting,
      p.mc.policy.version,
      now,
      { money: p.money, locale: p.client.locale, zone: p.client.timezone ?? p.mc.timezone },
    );
    const made = await decideAndInsert(
      trx,
      ctx,
      p,
      {
        workspaceId,
        meetingTypeId: existing.meetingTypeId,
        clientId: existing.clientId,
        memberId: existing.memberId,
        start: input.start,
        acceptPaidExtra: input.acceptPaidExtra,
        exception: input.exception,
        actor: input.actor,
        lang: input.lang,
      },
      now,
      existing.id,
    );
    return { ...made, previous };
  });
  const warnings = await calendarWarnings(ctx, workspaceId, existing.memberId);
  return { ...outcome, warnings };
}
