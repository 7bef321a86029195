// Inputs and outputs of the availability engine. Instants are epoch milliseconds; ISO text only at
// the edge (see iso.ts).
import type { BusinessCalendar } from "../business-time/calendar.ts";
import type { BusinessDuration } from "../charter/schema.ts";

/** A half-open stretch of time [start, end), epoch ms. */
export interface TimeRange {
  start: number;
  end: number;
}

/** An existing booking of the member, of any meeting type. */
export interface ExistingBooking extends TimeRange {
  /** Its meeting type: counts toward maxPerDay / maxPerWeek when it is the asked type (or absent). */
  meetingTypeId?: string | undefined;
  /** Its own meeting type's buffer; the larger of it and the asked type's buffer applies. */
  bufferMinutes?: number | undefined;
}

/** The rules of a meeting type that shape its slots (a parsed charter `MeetingType` fits). */
export interface MeetingRules {
  id: string;
  durationMinutes: number;
  minNotice?: BusinessDuration | undefined;
  bufferMinutes?: number | undefined;
  maxPerDay?: number | undefined;
  maxPerWeek?: number | undefined;
  /** Calendar days ahead a slot may start; default 30. */
  horizonDays?: number | undefined;
  slotIntervalMinutes?: number | undefined;
}

/** The engagement's included meetings. */
export interface MeetingQuota {
  included: number;
  used: number;
}

export interface AvailabilityInput {
  meeting: MeetingRules;
  /** The member's open time (default, in the caller: the charter's hours). */
  calendar: BusinessCalendar;
  /** The charter's zone: local days (maxPerDay), ISO weeks (maxPerWeek) and horizon days. */
  timezone?: string | undefined;
  /** Slots starting in [from, to) are returned. */
  from: number;
  to: number;
  now: number;
  /** Existing bookings (active ones: a cancelled booking frees its time). Any order. */
  bookings?: readonly ExistingBooking[] | undefined;
  /** Imported busy times (external calendars). Any order. */
  busy?: readonly TimeRange[] | undefined;
  /** Overrides the meeting type's slot interval. */
  slotIntervalMinutes?: number | undefined;
  quota?: MeetingQuota | null | undefined;
}

export type AvailabilityReasonId =
  | "meetings.min-notice"
  | "meetings.horizon"
  | "meetings.max-per-day"
  | "meetings.max-per-week"
  | "quota.exceeded";

/** A limit that removed part of the asked range, shaped like a decision's rule hit. */
export interface AvailabilityReason {
  id: AvailabilityReasonId;
  category: "time" | "energy" | "scope";
  params: Record<string, string | number | readonly string[]>;
}

export interface AvailabilityResult {
  /** Sorted by start; each exactly the meeting's duration. */
  slots: TimeRange[];
  /** The engagement's included meetings are used up: a booking would be a paid extra. */
  quotaExceeded: boolean;
  /** The limits that cut the asked range (notice, horizon, full days and weeks, quota). */
  reasons: AvailabilityReason[];
}
