// The member's private ICS feed: a secret address (only its SHA-256 is stored) that calendar apps
// subscribe to, listing the member's bookings (the client's name in the summary, the time in the
// charter's zone, zone named, in the description). Creating a feed again rotates the secret;
// revoking it makes the old address answer 404.
import ical, { ICalEventStatus } from "ical-generator";
import { formatSlotLabel } from "../../domain/availability/labels.ts";
import { MS_PER_DAY } from "../../domain/business-time/zone.ts";
import { clientNames, listBookings } from "../../store/repositories/bookings.ts";
import {
  activeFeed,
  feedByHash,
  insertFeed,
  revokeFeeds,
} from "../../store/repositories/calendars.ts";
import { newId } from "../../store/values.ts";
import { randomSecret, sha256 } from "../accounts/secrets.ts";
import { memberWithCalendar, publishedOrConflict } from "../bookings/context.ts";
import { meetingTitle } from "../bookings/invitation.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import "../bookings/messages.ts";

export const FEED_PREFIX = "calf_";
const PAST_MS = 90 * MS_PER_DAY;
const AHEAD_MS = 400 * MS_PER_DAY;
const MAX_EVENTS = 5_000;

export interface FeedCreated {
  /** Shown once: subscribe to it in a calendar app. */
  url: string;
  webcalUrl: string;
  createdAt: string;
}

export function feedUrl(ctx: AppContext, token: string): string {
  return `${ctx.config.publicUrl.replace(/\/+$/, "")}/api/v1/calendar/${token}.ics`;
}

/** Creates the member's feed, revoking any previous secret (rotation). */
export async function createFeed(
  ctx: AppContext,
  workspaceId: string,
  memberId: string,
): Promise<FeedCreated> {
  const token = `${FEED_PREFIX}${randomSecret()}`;
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await revokeFeeds(trx, workspaceId, memberId, now);
    await insertFeed(trx, workspaceId, {
      id: newId(),
      memberId,
      tokenHash: sha256(token),
      createdAt: now,
    });
  });
  const url = feedUrl(ctx, token);
  return {
    url,
    webcalUrl: url.replace(/^https?:\/\//, "webcal://"),
    createdAt: new Date(now).toISOString(),
  };
}

export async function revokeFeed(
  ctx: AppContext,
  workspaceId: string,
  memberId: string,
): Promise<void> {
  const revoked = await ctx.db
    .transaction()
    .execute((trx) => revokeFeeds(trx, workspaceId, memberId, ctx.now()));
  if (!revoked) throw new AppError("not_found", "calendar_feed_not_found");
}

export async function feedStatus(ctx: AppContext, workspaceId: string, memberId: string) {
  const feed = await activeFeed(ctx.db, workspaceId, memberId);
  return { active: feed !== null, createdAt: feed?.createdAt ?? null };
}

/** The feed's ICS text for a secret, or 404 (unknown, revoked or malformed secret). */
export async function renderFeed(ctx: AppContext, token: string): Promise<string> {
  const missing = () => new AppError("not_found", "calendar_feed_not_found");
  if (!token.startsWith(FEED_PREFIX) || token.length > 100) throw missing();
  const feed = await feedByHash(ctx.db, sha256(token));
  if (!feed) throw missing();
  const { workspaceId, memberId } = feed;
  const policy = await publishedOrConflict(ctx, workspaceId).catch(() => null);
  const zone = policy?.charter.timezone ?? "UTC";
  const locale = policy?.charter.locales[0] ?? "en";
  const member = policy
    ? (await memberWithCalendar(ctx, policy, workspaceId, memberId)).member
    : { id: memberId, name: "Cadre", email: "" };
  const now = ctx.now();
  const bookings = await listBookings(ctx.db, workspaceId, {
    memberId,
    from: now - PAST_MS,
    to: now + AHEAD_MS,
    limit: MAX_EVENTS,
    offset: 0,
  });
  const names = await clientNames(ctx.db, workspaceId, [
    ...new Set(bookings.map((b) => b.clientId)),
  ]);
  const calendar = ical({
    name: `Cadre — ${member.name}`,
    prodId: { company: "Cadre", product: "feed", language: "EN" },
    ttl: 15 * 60,
    x: [{ key: "X-WR-TIMEZONE", value: zone }],
  });
  for (const b of bookings) {
    const start = Date.parse(b.start);
    const end = Date.parse(b.end);
    const meeting = policy?.charter.meetings.find((m) => m.id === b.meetingTypeId);
    const title = meetingTitle(meeting, b.meetingTypeId);
    const when = `${formatSlotLabel({ start, end }, locale, zone)} (${zone})`;
    calendar.createEvent({
      id: `${b.id}@cadre`,
      start: new Date(start),
      end: new Date(end),
      stamp: new Date(Date.parse(b.cancelledAt ?? b.createdAt)),
      summary: `${title} — ${names.get(b.clientId) ?? "—"}`,
      description: when,
      status: b.status === "booked" ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    });
  }
  return calendar.toString();
}
