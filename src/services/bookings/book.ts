// POST /bookings: every rule is checked again inside one transaction that holds the member's
// lock (PostgreSQL: SELECT … FOR UPDATE on the member's row; SQLite: its single writer), so two
// bookings of one slot cannot both pass; a unique index on (member, start) of active bookings is
// the last guard. A booking outside the rules is refused with every rule it breaks (422), unless
// the professional books it anyway as recorded exceptions. Past the included meetings, the paid
// extra is proposed and booked only when accepted.
import type { Transaction } from "kysely";
import { formatSlotLabel } from "../../domain/availability/labels.ts";
import { MS_PER_DAY, MS_PER_MINUTE } from "../../domain/business-time/zone.ts";
import { lineDescription } from "../../domain/money/labels.ts";
import { languageOf } from "../../domain/replies/format.ts";
import type { Lang } from "../../i18n/lang.ts";
import {
  activeBookingsOfMember,
  type Booking,
  engagementQuota,
  getBooking,
  insertBooking,
  lockMember,
} from "../../store/repositories/bookings.ts";
import { busyOfMember } from "../../store/repositories/calendars.ts";
import * as changeOrders from "../../store/repositories/change-orders.ts";
import * as clients from "../../store/repositories/clients.ts";
import * as engagements from "../../store/repositories/engagements.ts";
import { insertException } from "../../store/repositories/ledger.ts";
import { isUniqueViolation } from "../../store/repositories/unique-violation.ts";
import type { Database } from "../../store/schema.ts";
import { newId } from "../../store/values.ts";
import { addToDraftInvoice } from "../billing/draft.ts";
import { type MoneyContext, moneyContext } from "../billing/terms.ts";
import { type CalendarWarning, calendarWarnings } from "../calendars/warnings.ts";
import type { AppContext } from "../context.ts";
import { AppError, conflict } from "../errors.ts";
import {
  type ExtraMeeting,
  extraMeeting,
  type MeetingContext,
  type MeetingQuotaLine,
  meetingContext,
  meetingQuota,
  styleFor,
} from "./context.ts";
import { queueBookingMail } from "./invitation.ts";
import { type MessageStyle, ruleMessage } from "./messages.ts";
import { checkStart, type RuleHit } from "./rules.ts";

export type Actor = { kind: "member"; userId: string } | { kind: "client"; clientId: string };

export function actorId(actor: Actor): string {
  return actor.kind === "member" ? `user:${actor.userId}` : `client:${actor.clientId}`;
}

export interface RenderedRule extends RuleHit {
  message: string;
}

/** 422: the rules the booking breaks, localised, with the quota and the paid extra if any. */
export class BookingRefused extends AppError {
  readonly rules: RenderedRule[];
  readonly quota: MeetingQuotaLine | null;
  readonly extraPrice: ExtraMeeting | null;
  constructor(
    rules: RuleHit[],
    quota: MeetingQuotaLine | null,
    extra: ExtraMeeting | null,
    style: MessageStyle,
  ) {
    super(
      "boundary",
      "booking_refused",
      { count: rules.length },
      rules.map((r) => ({ path: "start", code: r.id, params: r.params })),
    );
    this.rules = rules.map((r) => ({ ...r, message: ruleMessage(r, style) }));
    this.quota = quota;
    this.extraPrice = extra;
  }
}

export interface BookInput {
  workspaceId: string;
  meetingTypeId: string;
  clientId: string;
  memberId?: string | undefined;
  start: number;
  /** Book past the included meetings as the offer's paid extra. */
  acceptPaidExtra?: boolean | undefined;
  /** Members only: book anyway; every rule broken is recorded as an exception with this reason. */
  exception?: { reason: string } | undefined;
  actor: Actor;
  lang: Lang;
}

export interface BookingOutcome {
  booking: Booking;
  quota: MeetingQuotaLine | null;
  /** The paid extra meeting this booking was, when past the quota. */
  paidExtra: ExtraMeeting | null;
  /** Rules the professional waived, each recorded in the exceptions ledger. */
  exceptions: { id: string; ruleId: string }[];
  warnings: CalendarWarning[];
  mailId: string | null;
}

export interface Participants {
  client: clients.Client;
  mc: MeetingContext;
  /** For the invoice lines a booking may add (a paid extra meeting, a late-cancellation fee). */
  money: MoneyContext;
}

/** The client (404 outside the workspace, 409 when archived) and the meeting's context. */
export async function participants(
  ctx: AppContext,
  input: Pick<BookInput, "workspaceId" | "meetingTypeId" | "clientId" | "memberId">,
): Promise<Participants> {
  const mc = await meetingContext(ctx, input.workspaceId, input.meetingTypeId, input.memberId);
  const client = await clients.get(ctx.db, input.workspaceId, input.clientId);
  if (!client) throw new AppError("not_found", "booking_client_not_found");
  if (client.archived) throw conflict("booking_client_archived");
  return { client, mc, money: await moneyContext(ctx, input.workspaceId) };
}

/** Runs `work` in a transaction; a race on the (member, start) index becomes 409 slot_taken. */
export async function inBookingTransaction<T>(
  ctx: AppContext,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.db.transaction().execute(work);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("slot_taken");
    throw error;
  }
}

/**
 * Inside the booking transaction, once the member is locked: checks every rule at `start`, the
 * quota, records the waived rules, inserts the booking, counts it in the engagement and queues
 * the invitation. Throws 409 when the time is taken, 422 when a rule is broken.
 */
export async function decideAndInsert(
  trx: Transaction<Database>,
  ctx: AppContext,
  p: Participants,
  input: BookInput,
  now: number,
  rescheduledFrom: string | null,
): Promise<Omit<BookingOutcome, "warnings">> {
  const { workspaceId, start } = input;
  const { meeting, member, calendar, timezone, policy } = p.mc;
  const end = start + meeting.durationMinutes * MS_PER_MINUTE;
  const margin = 9 * MS_PER_DAY;
  const rows = await activeBookingsOfMember(
    trx,
    workspaceId,
    member.id,
    start - margin,
    end + margin,
  );
  const busy = await busyOfMember(
    trx,
    workspaceId,
    member.id,
    start - MS_PER_DAY,
    end + MS_PER_DAY,
  );
  const verdict = checkStart({
    meeting,
    calendar,
    timezone,
    now,
    start,
    bookings: rows.map((b) => ({
      start: Date.parse(b.start),
      end: Date.parse(b.end),
      meetingTypeId: b.meetingTypeId,
      bufferMinutes: b.bufferMinutes,
    })),
    busy,
  });
  if (verdict.clash) throw conflict("slot_taken");

  const engagement = await engagementQuota(trx, workspaceId, p.client.id, {
    forUpdate: ctx.store.engine === "postgres",
  });
  const quota = meetingQuota(engagement);
  const extra = quota ? extraMeeting(engagement?.offer) : null;
  const rules = [...verdict.rules];
  let paid: ExtraMeeting | null = null;
  if (quota?.exceeded) {
    if (input.acceptPaidExtra && extra) paid = extra;
    else {
      rules.push({
        id: "quota.exceeded",
        category: "scope",
        params: {
          quota: "meetings",
          included: quota.included,
          used: quota.used,
          ...(extra
            ? { addOnId: extra.addOnId, price: extra.price, currency: extra.currency }
            : {}),
        },
      });
    }
  }

  const exceptions: { id: string; ruleId: string }[] = [];
  if (rules.length > 0) {
    if (!input.exception || input.actor.kind !== "member") {
      const byClient = input.actor.kind === "client";
      const zone = (byClient ? p.client.timezone : null) ?? timezone;
      const locale = byClient ? p.client.locale : null;
      throw new BookingRefused(rules, quota, extra, styleFor(input.lang, zone, policy, locale));
    }
    for (const rule of rules) {
      const id = newId();
      await insertException(trx, workspaceId, {
        id,
        clientId: p.client.id,
        requestId: null,
        ruleId: rule.id,
        reason: input.exception.reason,
        grantedBy: input.actor.userId,
        createdAt: now,
      });
      exceptions.push({ id, ruleId: rule.id });
    }
  }

  const id = newId();
  const changeOrderId =
    paid && engagement
      ? await recordPaidExtra(trx, p, input, engagement.id, paid, start, now)
      : null;
  await insertBooking(trx, workspaceId, {
    id,
    meetingTypeId: meeting.id,
    clientId: p.client.id,
    memberId: member.id,
    engagementId: engagement?.id ?? null,
    start,
    end,
    bufferMinutes: meeting.bufferMinutes ?? 0,
    extraPrice: paid?.price ?? null,
    extraAddOnId: paid?.addOnId ?? null,
    changeOrderId,
    currency: paid?.currency ?? engagement?.offer.currency ?? null,
    waivedRules: exceptions.map((e) => e.ruleId),
    charterVersion: policy.version,
    rescheduledFrom,
    createdBy: actorId(input.actor),
    createdAt: now,
  });
  let quotaAfter = quota;
  if (engagement) {
    if (paid) {
      const extraQuota = {
        ...engagement.extraQuota,
        meetings: (engagement.extraQuota.meetings ?? 0) + paid.grants,
      };
      await engagements.update(trx, workspaceId, engagement.id, { extraQuota }, now);
      engagement.extraQuota = extraQuota;
    }
    const usage = await engagements.updateUsage(
      trx,
      workspaceId,
      engagement.id,
      { meetings: 1 },
      now,
    );
    if (usage) engagement.usage = usage;
    quotaAfter = meetingQuota(engagement);
  }
  const booking = (await getBooking(trx, workspaceId, id)) as Booking;
  const mailId = await queueBookingMail(trx, {
    workspaceId,
    booking,
    kind: rescheduledFrom ? "moved" : "confirmed",
    meeting,
    member,
    client: {
      name: p.client.name,
      email: p.client.emails[0],
      locale: p.client.locale,
      timezone: p.client.timezone,
    },
    zone: timezone,
    at: now,
  });
  return { booking, quota: quotaAfter, paidExtra: paid, exceptions, mailId };
}

/**
 * The paid extra meeting as an accepted change order of the engagement (the client accepted it by
 * booking it), billed like any accepted change order: a line of the engagement's draft invoice.
 * Its quota is granted here, by the booking, not again by the change order.
 */
async function recordPaidExtra(
  trx: Transaction<Database>,
  p: Participants,
  input: BookInput,
  engagementId: string,
  paid: ExtraMeeting,
  start: number,
  now: number,
): Promise<string> {
  const id = newId();
  const when = formatSlotLabel(
    { start, end: start + p.mc.meeting.durationMinutes * MS_PER_MINUTE },
    p.client.locale,
    p.client.timezone ?? p.mc.timezone,
  );
  const title = `${paid.name} — ${when}`;
  await changeOrders.insert(
    trx,
    input.workspaceId,
    {
      id,
      engagementId,
      clientId: p.client.id,
      requestId: null,
      title,
      items: [
        {
          id: paid.addOnId,
          name: paid.name,
          quantity: 1,
          unitPrice: paid.price,
          amount: paid.price,
          source: "add-on",
        },
      ],
      grants: { meetings: paid.grants },
      price: paid.price,
      currency: paid.currency,
      deliveryShiftBusinessDays: 0,
      createdBy: actorId(input.actor),
    },
    now,
  );
  await changeOrders.decide(trx, input.workspaceId, id, "accepted", actorId(input.actor), now);
  const invoiceId = await addToDraftInvoice(
    trx,
    input.workspaceId,
    { id: engagementId, clientId: p.client.id, currency: paid.currency },
    p.money,
    [
      {
        kind: "change-order",
        description: lineDescription("change-order", languageOf(p.client.locale), { title }),
        amount: paid.price,
        changeOrderId: id,
      },
    ],
    now,
  );
  await changeOrders.setInvoice(trx, input.workspaceId, id, invoiceId);
  return id;
}

export async function createBooking(ctx: AppContext, input: BookInput): Promise<BookingOutcome> {
  const p = await participants(ctx, input);
  const now = ctx.now();
  const outcome = await inBookingTransaction(ctx, async (trx) => {
    if (!(await lockMember(trx, ctx.store.engine, input.workspaceId, p.mc.member.id))) {
      throw new AppError("not_found", "member_not_found");
    }
    return decideAndInsert(trx, ctx, p, input, now, null);
  });
  const warnings = await calendarWarnings(ctx, input.workspaceId, p.mc.member.id);
  return { ...outcome, warnings };
}
