// Meetings as the web app uses them: the slots and bookings API shapes (derived from the server's
// zod response schemas, type-only imports), a booking refusal read from a 422, instants and ranges
// in a named zone, and the cancellation policy in plain words.
import type { TFunction } from "i18next";
import type { z } from "zod";
import type {
  bookingRuleSchema,
  bookingSchema,
  extraPriceSchema,
  meetingQuotaSchema,
  portalBookingOutcomeSchema,
  portalBookingSchema,
  portalCancelSchema,
  portalSlotsSchema,
  refusalSchema,
} from "../../../src/http/schemas/bookings.ts";
import type {
  agendaSchema,
  calendarSourceSchema,
  calendarWarningSchema,
} from "../../../src/http/schemas/calendars.ts";
import { ApiError } from "./api.ts";
import type { MeetingType } from "./types.ts";

/** The free slots of a meeting type in the portal (`GET /portal/meetings/{id}/slots`). */
export type SlotsAnswer = z.output<typeof portalSlotsSchema>;
export type TimeRange = SlotsAnswer["slots"][number];
export type SlotDay = SlotsAnswer["days"][number];
export type MeetingQuota = z.output<typeof meetingQuotaSchema>;
export type ExtraPrice = z.output<typeof extraPriceSchema>;
export type BookingRule = z.output<typeof bookingRuleSchema>;
export type CalendarWarning = z.output<typeof calendarWarningSchema>;

export type Booking = z.output<typeof bookingSchema>;
export type BookingStatus = Booking["status"];
export type PortalBooking = z.output<typeof portalBookingSchema>;
export type PortalBookingOutcome = z.output<typeof portalBookingOutcomeSchema>;
export type PortalCancelOutcome = z.output<typeof portalCancelSchema>;
export type CancelConsequence = PortalCancelOutcome["consequence"];

export type CalendarSource = z.output<typeof calendarSourceSchema>;
export type Agenda = z.output<typeof agendaSchema>;

/** A booking refusal (422): the rules hit, the quota and the paid extra; null otherwise. */
export type Refusal = Pick<
  z.output<typeof refusalSchema>["error"],
  "rules" | "quota" | "extraPrice"
>;

export function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const body = error.body as Partial<Refusal>;
  if (!Array.isArray(body.rules)) return null;
  return { rules: body.rules, quota: body.quota ?? null, extraPrice: body.extraPrice ?? null };
}

export const isSlotTaken = (error: unknown) =>
  error instanceof ApiError && error.status === 409 && error.code === "slot_taken";

// --- Instants in a named zone -------------------------------------------------------------

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, zone: string, kind: string, o: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${zone}|${kind}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...o, timeZone: zone });
    cache.set(key, f);
  }
  return f;
}

const WHEN: Intl.DateTimeFormatOptions = {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
};

/** "Thursday, November 26, 2026, 10:00 – 10:30 a.m. EST": a meeting, its zone named. */
export function rangeText(range: TimeRange, locale: string, zone: string): string {
  const f = formatter(locale, zone, "range", WHEN);
  return f.formatRange(new Date(range.start), new Date(range.end));
}

/** "10:00 a.m." / "10 h 00": the start time alone (the zone is named around it). */
export function timeText(value: string | number, locale: string, zone: string): string {
  return formatter(locale, zone, "time", { hour: "numeric", minute: "2-digit" }).format(
    new Date(value),
  );
}

/** "10:00 – 10:30 a.m." without the date. */
export function timeRangeText(range: TimeRange, locale: string, zone: string): string {
  return formatter(locale, zone, "timeRange", { hour: "numeric", minute: "2-digit" }).formatRange(
    new Date(range.start),
    new Date(range.end),
  );
}

/** "Thu, Nov 26": a short day. */
export function shortDayText(value: string | number, locale: string, zone: string): string {
  return formatter(locale, zone, "shortDay", {
    weekday: "short",
    day: "numeric",
    month: "short",
  }).format(new Date(value));
}

/** "Vancouver" from "America/Vancouver". */
export function cityOf(zone: string): string {
  return (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}

// --- The cancellation policy in words ---------------------------------------------------------

type Money = (minor: number | null | undefined, currency: string | null | undefined) => string;

const HOUR_MS = 3_600_000;

/** Late: less than the meeting type's cancellation notice before the start (wall-clock time). */
export function isLate(meeting: MeetingType | undefined, start: string, now = Date.now()): boolean {
  const hours = meeting?.cancelNotice?.hours;
  if (hours === undefined) return false;
  return Date.parse(start) - now < hours * HOUR_MS;
}

function feeOf(meeting: MeetingType, extra: ExtraPrice | null) {
  const percent = meeting.lateCancelFeePercent ?? 100;
  return extra ? { percent, amount: Math.round((extra.price * percent) / 100) } : null;
}

/** The policy before booking: free up to N hours before; later, what happens. */
export function cancelPolicy(
  t: TFunction,
  money: Money,
  meeting: MeetingType | undefined,
  extra: ExtraPrice | null,
  /** The charter editor: the price depends on each offer, say the percentage only. */
  anyOffer = false,
): string[] {
  const hours = meeting?.cancelNotice?.hours;
  if (!meeting || hours === undefined || hours === 0) return [t("booking.policy.none")];
  const policy = meeting.lateCancel ?? "counts-as-used";
  const fee = feeOf(meeting, extra);
  const later =
    policy === "fee"
      ? fee
        ? t("booking.policy.later.fee", {
            percent: fee.percent,
            amount: money(fee.amount, extra?.currency),
          })
        : anyOffer
          ? t("booking.policy.later.feePercent", { percent: meeting.lateCancelFeePercent ?? 100 })
          : t("booking.policy.later.feeNoPrice")
      : t(`booking.policy.later.${policy}`);
  return [t("booking.policy.inTime", { count: hours }), later];
}

/** What cancelling (or moving) this meeting now means, in plain words. */
export function cancelNow(
  t: TFunction,
  money: Money,
  meeting: MeetingType | undefined,
  extra: ExtraPrice | null,
  start: string,
  options: { move?: boolean; counted?: boolean; now?: number } = {},
): { late: boolean; lines: string[] } {
  const hours = meeting?.cancelNotice?.hours;
  const counted = options.counted ?? true;
  if (!meeting || hours === undefined || !isLate(meeting, start, options.now)) {
    if (options.move) return { late: false, lines: [] };
    return {
      late: false,
      lines: [
        hours === undefined || !counted
          ? t("booking.now.inTimeNoQuota")
          : t("booking.now.inTime", { count: hours }),
      ],
    };
  }
  const policy = meeting.lateCancel ?? "counts-as-used";
  const fee = feeOf(meeting, extra);
  const consequence =
    policy === "fee"
      ? fee
        ? t("booking.now.consequence.fee", {
            percent: fee.percent,
            amount: money(fee.amount, extra?.currency),
          })
        : t("booking.now.consequence.feeNoPrice")
      : t(`booking.now.consequence.${policy}`);
  return {
    late: true,
    lines: [
      t(options.move ? "booking.now.moveLate" : "booking.now.late", { count: hours }),
      consequence,
    ],
  };
}

// --- Local dates ("YYYY-MM-DD") -----------------------------------------------------------------

const DAY_MS = 86_400_000;
const utcOf = (date: string) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};

/** The local date n days after `date`. */
export function addDays(date: string, n: number): string {
  return new Date(utcOf(date) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Monday of the ISO week holding `date`. */
export function mondayOf(date: string): string {
  const weekday = (new Date(utcOf(date)).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}
