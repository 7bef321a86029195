// What every booking use case starts from: the published charter (compiled once per version by
// the policy cache), the meeting type, the member the meeting is with and that member's
// calendar (their own weekly hours when they set some, else the charter's), the engagement's
// meetings quota and the paid extra that sells one more meeting. Loaded before any transaction
// (SQLite has one connection).
import { type BusinessCalendar, compileCalendar } from "../../domain/business-time/calendar.ts";
import { type MeetingType, weeklyHours } from "../../domain/charter/schema.ts";
import type { CompiledPolicy } from "../../domain/decide/policy.ts";
import { extraFor } from "../../domain/offers/pricing.ts";
import type { Offer } from "../../domain/offers/types.ts";
import type { Lang } from "../../i18n/lang.ts";
import {
  defaultMember,
  type EngagementQuota,
  memberProfile,
} from "../../store/repositories/bookings.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import { publishedPolicy } from "../requests/policy-cache.ts";
import "../requests/messages.ts";
import "./messages.ts";
import type { MessageStyle } from "./messages.ts";

export interface Member {
  id: string;
  name: string;
  email: string;
}

export interface MeetingContext {
  policy: CompiledPolicy;
  meeting: MeetingType;
  member: Member;
  /** The member's open time. */
  calendar: BusinessCalendar;
  /** The charter's zone. */
  timezone: string;
}

const memberCalendars = new Map<string, BusinessCalendar>();
const MAX_CALENDARS = 500;

function calendarOf(policy: CompiledPolicy, workspaceId: string, memberId: string, hours: unknown) {
  if (hours === null || hours === undefined) return policy.calendar;
  const parsed = weeklyHours.safeParse(hours);
  if (!parsed.success) return policy.calendar;
  const key = `${workspaceId}|${policy.version}|${memberId}|${JSON.stringify(parsed.data)}`;
  let calendar = memberCalendars.get(key);
  if (!calendar) {
    calendar = compileCalendar({ ...policy.charter, hours: parsed.data });
    if (memberCalendars.size >= MAX_CALENDARS) memberCalendars.clear();
    memberCalendars.set(key, calendar);
  }
  return calendar;
}

export async function publishedOrConflict(
  ctx: AppContext,
  workspaceId: string,
): Promise<CompiledPolicy> {
  const policy = await publishedPolicy(ctx, workspaceId);
  if (!policy) throw new AppError("conflict", "no_published_charter");
  return policy;
}

export function meetingOf(policy: CompiledPolicy, meetingTypeId: string): MeetingType {
  const meeting = policy.charter.meetings.find((m) => m.id === meetingTypeId);
  if (!meeting) throw new AppError("not_found", "meeting_type_not_found", { id: meetingTypeId });
  return meeting;
}

/** The member (the workspace's first owner when none is named) with their calendar. */
export async function memberWithCalendar(
  ctx: AppContext,
  policy: CompiledPolicy,
  workspaceId: string,
  memberId: string | undefined,
): Promise<{ member: Member; calendar: BusinessCalendar }> {
  const id = memberId ?? (await defaultMember(ctx.db, workspaceId));
  const profile = id ? await memberProfile(ctx.db, workspaceId, id) : null;
  if (!profile) throw new AppError("not_found", "member_not_found");
  return {
    member: { id: profile.id, name: profile.name, email: profile.email },
    calendar: calendarOf(policy, workspaceId, profile.id, profile.hours),
  };
}

export async function meetingContext(
  ctx: AppContext,
  workspaceId: string,
  meetingTypeId: string,
  memberId: string | undefined,
): Promise<MeetingContext> {
  const policy = await publishedOrConflict(ctx, workspaceId);
  const meeting = meetingOf(policy, meetingTypeId);
  const { member, calendar } = await memberWithCalendar(ctx, policy, workspaceId, memberId);
  return { policy, meeting, member, calendar, timezone: policy.charter.timezone };
}

// --- Quota ------------------------------------------------------------------------------------

export interface MeetingQuotaLine {
  included: number;
  used: number;
  left: number;
  /** Every included meeting is used: the next one is a paid extra. */
  exceeded: boolean;
}

/** The engagement's meetings: offer + extras bought − used; null when the offer sets no quota. */
export function meetingQuota(e: EngagementQuota | null): MeetingQuotaLine | null {
  const base = e?.offer.quotas?.meetings;
  if (!e || base === undefined) return null;
  const included = base + (e.extraQuota.meetings ?? 0);
  const used = e.usage.meetings ?? 0;
  return { included, used, left: Math.max(0, included - used), exceeded: used >= included };
}

export interface ExtraMeeting {
  addOnId: string;
  name: string;
  price: number;
  currency: string;
  /** Meetings one purchase adds (usually 1). */
  grants: number;
}

/** The offer's add-on that sells more meetings, with its price. */
export function extraMeeting(offer: Offer | undefined): ExtraMeeting | null {
  const addOn = offer ? extraFor(offer, "meetings") : undefined;
  if (!offer || !addOn) return null;
  return {
    addOnId: addOn.id,
    name: addOn.name,
    price: addOn.price,
    currency: offer.currency,
    grants: addOn.grants?.meetings ?? 1,
  };
}

// --- Who reads the messages -------------------------------------------------------------------

/** The locale among `candidates` that speaks `lang`, else `lang` itself. */
export function localeFor(lang: Lang, candidates: readonly (string | null | undefined)[]): string {
  for (const c of candidates) if (c && c.slice(0, 2).toLowerCase() === lang) return c;
  return lang;
}

export function styleFor(
  lang: Lang,
  zone: string,
  policy: CompiledPolicy,
  clientLocale?: string | null,
): MessageStyle {
  return { lang, zone, locale: localeFor(lang, [clientLocale, ...policy.charter.locales]) };
}
