// GET …/meetings/{id}/slots: the free start times of a meeting type for one member over a range,
// from the charter compiled once per version, the member's active bookings, their imported busy
// times and the client's meetings quota; plus the limits that cut the range, the paid extra when
// the quota is used up, and the imported calendars that could not be read.
import {
  computeSlots,
  groupSlotsByDay,
  horizonEnd,
  type SlotDay,
  slotsToIso,
} from "../../domain/availability/index.ts";
import type { ExistingBooking } from "../../domain/availability/types.ts";
import { isValidTimeZone, MS_PER_DAY } from "../../domain/business-time/zone.ts";
import type { Lang } from "../../i18n/lang.ts";
import { activeBookingsOfMember, engagementQuota } from "../../store/repositories/bookings.ts";
import { busyOfMember } from "../../store/repositories/calendars.ts";
import * as clients from "../../store/repositories/clients.ts";
import { type CalendarWarning, calendarWarnings } from "../calendars/warnings.ts";
import type { AppContext } from "../context.ts";
import { AppError, invalid } from "../errors.ts";
import {
  type ExtraMeeting,
  extraMeeting,
  type MeetingQuotaLine,
  meetingContext,
  meetingQuota,
  styleFor,
} from "./context.ts";
import { ruleMessage } from "./messages.ts";

/** How far from a range bookings still matter: a per-week cap looks at the whole ISO week. */
const CAP_MARGIN_MS = 9 * MS_PER_DAY;
const MAX_RANGE_MS = 400 * MS_PER_DAY;

export interface SlotsQuery {
  workspaceId: string;
  meetingTypeId: string;
  clientId?: string | undefined;
  memberId?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  /** The viewer's zone for `days` and messages; default the charter's (a client: their own). */
  zone?: string | undefined;
  /** A client in the portal is reading (their zone and locale by default). */
  byClient?: boolean | undefined;
  lang: Lang;
}

export interface SlotsResult {
  meetingTypeId: string;
  memberId: string;
  durationMinutes: number;
  /** The charter's zone. */
  timezone: string;
  /** The booker's zone, in which `days` are grouped and labelled. */
  zone: string;
  from: string;
  to: string;
  slots: { start: string; end: string }[];
  days: SlotDay[];
  quota: MeetingQuotaLine | null;
  /** The paid extra meeting the offer sells (it applies when `quota.exceeded`). */
  extraPrice: ExtraMeeting | null;
  reasons: { id: string; category: string; params: Record<string, unknown>; message: string }[];
  warnings: CalendarWarning[];
}

export async function meetingSlots(ctx: AppContext, q: SlotsQuery): Promise<SlotsResult> {
  const mc = await meetingContext(ctx, q.workspaceId, q.meetingTypeId, q.memberId);
  const { meeting, member, calendar, timezone, policy } = mc;
  const client = q.clientId ? await clients.get(ctx.db, q.workspaceId, q.clientId) : null;
  if (q.clientId && !client) throw new AppError("not_found", "booking_client_not_found");
  if (q.zone !== undefined && !isValidTimeZone(q.zone)) {
    throw invalid("invalid_input", {}, [
      { path: "zone", code: "unknown_timezone", params: { value: q.zone } },
    ]);
  }
  const now = ctx.now();
  const from = q.from ?? now;
  const latest = horizonEnd(timezone, now, meeting.horizonDays ?? 30);
  const to = q.to ?? Math.max(from + MS_PER_DAY, latest);
  if (!(to > from) || to - from > MAX_RANGE_MS) throw invalid("slots_range_invalid");

  const hi = Math.max(from, Math.min(to, latest));
  const [rows, busy, engagement, warnings] = await Promise.all([
    activeBookingsOfMember(
      ctx.db,
      q.workspaceId,
      member.id,
      from - CAP_MARGIN_MS,
      hi + CAP_MARGIN_MS,
    ),
    busyOfMember(ctx.db, q.workspaceId, member.id, from - MS_PER_DAY, hi + MS_PER_DAY),
    client ? engagementQuota(ctx.db, q.workspaceId, client.id) : Promise.resolve(null),
    calendarWarnings(ctx, q.workspaceId, member.id),
  ]);
  const bookings: ExistingBooking[] = rows.map((b) => ({
    start: Date.parse(b.start),
    end: Date.parse(b.end),
    meetingTypeId: b.meetingTypeId,
    bufferMinutes: b.bufferMinutes,
  }));
  const quota = meetingQuota(engagement);
  const result = computeSlots({
    meeting,
    calendar,
    timezone,
    from,
    to,
    now,
    bookings,
    busy,
    quota: quota ? { included: quota.included, used: quota.used } : null,
  });
  const zone = q.zone ?? (q.byClient ? client?.timezone : null) ?? timezone;
  const style = styleFor(q.lang, zone, policy, q.byClient ? client?.locale : null);
  const extra = quota ? extraMeeting(engagement?.offer) : null;
  return {
    meetingTypeId: meeting.id,
    memberId: member.id,
    durationMinutes: meeting.durationMinutes,
    timezone,
    zone,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    slots: slotsToIso(result.slots),
    days: groupSlotsByDay(result.slots, style.locale, zone),
    quota,
    extraPrice: extra,
    reasons: result.reasons.map((r) => {
      const params: Record<string, unknown> =
        r.id === "quota.exceeded" && extra
          ? { ...r.params, price: extra.price, currency: extra.currency }
          : { ...r.params };
      return {
        id: r.id,
        category: r.category,
        params,
        message: ruleMessage({ id: r.id, params }, style),
      };
    }),
    warnings,
  };
}
