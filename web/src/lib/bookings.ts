// Meetings as the web app uses them: the slots and bookings API shapes, a booking refusal read
// from a 422, instants and ranges in a named zone, and the cancellation policy in plain words.
import type { TFunction } from "i18next";
import { ApiError } from "./api.ts";
import type { MeetingType } from "./types.ts";

export interface TimeRange {
  start: string;
  end: string;
}

export interface SlotDay {
  /** Local date in the viewer's zone. */
  date: string;
  label: string;
  slots: (TimeRange & { label: string })[];
}

export interface MeetingQuota {
  included: number;
  used: number;
  left: number;
  exceeded: boolean;
}

export interface ExtraPrice {
  addOnId: string;
  name: string;
  /** Minor units. */
  price: number;
  currency: string;
  grants: number;
}

export interface BookingRule {
  id: string;
  category: string;
  params: Record<string, unknown>;
  message: string;
}

export interface CalendarWarning {
  sourceId: string;
  label?: string;
  state: "failing" | "stale" | "pending";
  error?: string | null;
  lastFetchedAt: string | null;
  lastSuccessAt: string | null;
}

export interface SlotsAnswer {
  meetingTypeId: string;
  memberId: string;
  durationMinutes: number;
  timezone: string;
  zone: string;
  from: string;
  to: string;
  slots: TimeRange[];
  days: SlotDay[];
  quota: MeetingQuota | null;
  extraPrice: ExtraPrice | null;
  reasons: BookingRule[];
  warnings: CalendarWarning[];
}

export type BookingStatus = "booked" | "cancelled" | "late-cancelled";

export interface PortalBooking {
  id: string;
  meetingTypeId: string;
  start: string;
  end: string;
  status: BookingStatus;
  cancelledAt: string | null;
  countsAsUsed: boolean;
  fee: number | null;
  extraPrice: number | null;
  currency: string | null;
  rescheduledFrom: string | null;
}

export interface Booking extends PortalBooking {
  clientId: string;
  memberId: string;
  engagementId: string | null;
  bufferMinutes: number;
  cancelledBy: string | null;
  cancelReason: string | null;
  extraAddOnId: string | null;
  changeOrderId: string | null;
  waivedRules: string[];
  createdAt: string;
}

export interface PortalBookingOutcome {
  booking: PortalBooking;
  quota: MeetingQuota | null;
  paidExtra: ExtraPrice | null;
}

export type CancelConsequence = "none" | "counts-as-used" | "fee" | "free" | "waived";

export interface PortalCancelOutcome {
  booking: PortalBooking;
  late: boolean;
  consequence: CancelConsequence;
  fee: { amount: number; currency: string } | null;
  violation: boolean;
  quota: MeetingQuota | null;
}

export interface CalendarSource {
  id: string;
  memberId: string;
  url: string;
  label: string;
  createdAt: string;
  lastFetchedAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  errorMessage: string | null;
  eventCount: number;
  warning: CalendarWarning | null;
}

export interface Agenda {
  memberId: string;
  timezone: string;
  from: string;
  to: string;
  open: TimeRange[];
  closedDays: { date: string; kind: "holiday" | "closure" | "override"; label: string | null }[];
  busy: (TimeRange & { sourceId: string; label: string })[];
  meetingTypes: { id: string; name: string | null; durationMinutes: number }[];
  warnings: CalendarWarning[];
}

/** A booking refusal (422): the rules hit, the quota and the paid extra; null otherwise. */
export interface Refusal {
  rules: BookingRule[];
  quota: MeetingQuota | null;
  extraPrice: ExtraPrice | null;
}

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
