// Imported calendars: a member adds ICS links; each is read at once by a job, then every
// 15 minutes (src/jobs/calendars.ts). A read replaces the source's busy times over the booking
// horizon; a failed read keeps the last good busy times and stores the error, which the list and
// every slots answer show (see warnings.ts).
import { MS_PER_DAY } from "../../domain/business-time/zone.ts";
import type { Lang } from "../../i18n/lang.ts";
import {
  type CalendarSource,
  deleteSource,
  getSource,
  insertSource,
  listSources,
  recordFetchError,
  replaceBusy,
} from "../../store/repositories/calendars.ts";
import { enqueueJob } from "../../store/repositories/jobs.ts";
import { workspaceById } from "../../store/repositories/workspaces.ts";
import { newId } from "../../store/values.ts";
import type { AppContext } from "../context.ts";
import { AppError, conflict, invalid } from "../errors.ts";
import { publishedPolicy } from "../requests/policy-cache.ts";
import "../bookings/messages.ts";
import { CalendarFetchError, fetchIcs, normalizeCalendarUrl } from "./fetch-ics.ts";
import { busyFromIcs } from "./parse-busy.ts";
import { type CalendarWarning, warningOf } from "./warnings.ts";

export const CALENDAR_REFRESH = "calendars.refresh";
export const MAX_SOURCES_PER_MEMBER = 20;
/** Busy times are kept from a day ago to the longest booking horizon ahead, plus margins. */
const DEFAULT_HORIZON_DAYS = 60;

export interface SourceView extends Omit<CalendarSource, "url"> {
  /** The link with its secret part hidden (path and query), e.g. https://calendar.example/… */
  url: string;
  warning: CalendarWarning | null;
  /** The last error in the caller's language. */
  errorMessage: string | null;
}

const ERRORS: Record<string, { fr: string; en: string }> = {
  "calendar.url": { fr: "adresse invalide", en: "invalid address" },
  "calendar.address-refused": {
    fr: "adresse interne refusée",
    en: "internal address refused",
  },
  "calendar.http": { fr: "le serveur a répondu une erreur", en: "the server answered an error" },
  "calendar.timeout": { fr: "le serveur n’a pas répondu à temps", en: "the server timed out" },
  "calendar.too-large": {
    fr: "le calendrier est trop volumineux",
    en: "the calendar is too large",
  },
  "calendar.network": { fr: "serveur injoignable", en: "the server could not be reached" },
  "calendar.not-ics": {
    fr: "ce n’est pas un calendrier ICS",
    en: "this is not an ICS calendar",
  },
  "calendar.parse": { fr: "calendrier illisible", en: "unreadable calendar" },
};

export function sourceErrorMessage(error: string | null, lang: Lang): string | null {
  if (error === null) return null;
  const [code = "", ...rest] = error.split(": ");
  const text = ERRORS[code]?.[lang] ?? (lang === "fr" ? "erreur de lecture" : "read error");
  const detail = rest.join(": ");
  const prefix = lang === "fr" ? "Lecture impossible" : "Could not read";
  return `${prefix}${lang === "fr" ? "\u00a0" : ""}: ${text}${detail ? ` (${detail})` : ""}.`;
}

function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/…`;
  } catch {
    return "…";
  }
}

export function sourceView(source: CalendarSource, now: number, lang: Lang): SourceView {
  return {
    ...source,
    url: maskUrl(source.url),
    warning: warningOf(source, now),
    errorMessage: sourceErrorMessage(source.lastError, lang),
  };
}

async function visibleSource(ctx: AppContext, workspaceId: string, memberId: string, id: string) {
  const source = await getSource(ctx.db, workspaceId, id);
  if (!source || source.memberId !== memberId) {
    throw new AppError("not_found", "calendar_source_not_found");
  }
  return source;
}

export async function addSource(
  ctx: AppContext,
  workspaceId: string,
  memberId: string,
  input: { url: string; label: string },
  lang: Lang,
): Promise<SourceView> {
  const url = normalizeCalendarUrl(input.url);
  if (!url) throw invalid("calendar_url_invalid", {}, []);
  const existing = await listSources(ctx.db, workspaceId, memberId);
  if (existing.length >= MAX_SOURCES_PER_MEMBER) {
    throw conflict("calendar_sources_limit", { max: MAX_SOURCES_PER_MEMBER });
  }
  const now = ctx.now();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await insertSource(trx, workspaceId, {
      id,
      memberId,
      url: url.href,
      label: input.label,
      createdAt: now,
    });
    await enqueueJob(
      trx,
      {
        kind: CALENDAR_REFRESH,
        workspaceId,
        payload: { workspaceId, sourceId: id },
        runAt: now,
        idempotencyKey: `${CALENDAR_REFRESH}:${workspaceId}:${id}:added`,
      },
      now,
    );
  });
  const created = await visibleSource(ctx, workspaceId, memberId, id);
  return sourceView(created, now, lang);
}

export async function memberSources(
  ctx: AppContext,
  workspaceId: string,
  memberId: string,
  lang: Lang,
): Promise<SourceView[]> {
  const now = ctx.now();
  return (await listSources(ctx.db, workspaceId, memberId)).map((s) => sourceView(s, now, lang));
}

export async function removeSource(
  ctx: AppContext,
  workspaceId: string,
  memberId: string,
  id: string,
): Promise<void> {
  await visibleSource(ctx, workspaceId, memberId, id);
  await ctx.db.transaction().execute((trx) => deleteSource(trx, workspaceId, id));
}

/** The range busy times are kept for: a day back to the longest meeting horizon ahead. */
async function keptRange(ctx: AppContext, workspaceId: string, now: number) {
  const policy = await publishedPolicy(ctx, workspaceId);
  const horizon = Math.max(
    DEFAULT_HORIZON_DAYS,
    ...(policy?.charter.meetings.map((m) => m.horizonDays ?? 30) ?? []),
  );
  const zone =
    policy?.charter.timezone ?? (await workspaceById(ctx.db, workspaceId))?.timezone ?? "UTC";
  return { from: now - MS_PER_DAY, to: now + (horizon + 2) * MS_PER_DAY, zone };
}

/**
 * Reads the source now. Network and format failures are stored on the source (never thrown):
 * the job that runs this succeeds, and the error is shown until a read succeeds.
 */
export async function refreshSource(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  now: number = ctx.now(),
): Promise<CalendarSource | null> {
  const source = await getSource(ctx.db, workspaceId, id);
  if (!source) return null;
  const range = await keptRange(ctx, workspaceId, now);
  let events: { start: number; end: number }[];
  try {
    const text = await fetchIcs(source.url);
    try {
      events = busyFromIcs(text, range, range.zone).events;
    } catch (error) {
      throw new CalendarFetchError(
        "calendar.not-ics",
        error instanceof Error ? error.message.slice(0, 120) : "",
      );
    }
  } catch (error) {
    const message =
      error instanceof CalendarFetchError ? error.message : `calendar.network: ${String(error)}`;
    await recordFetchError(ctx.db, workspaceId, id, message, now);
    return getSource(ctx.db, workspaceId, id);
  }
  await ctx.db
    .transaction()
    .execute((trx) =>
      replaceBusy(trx, workspaceId, { id, memberId: source.memberId }, events, now),
    );
  return getSource(ctx.db, workspaceId, id);
}

/** POST …/sources/{id}/refresh: read it now and show the outcome. */
export async function refreshMemberSource(
  ctx: AppContext,
  workspaceId: string,
  memberId: string,
  id: string,
  lang: Lang,
): Promise<SourceView> {
  await visibleSource(ctx, workspaceId, memberId, id);
  const now = ctx.now();
  const refreshed = await refreshSource(ctx, workspaceId, id, now);
  if (!refreshed) throw new AppError("not_found", "calendar_source_not_found");
  return sourceView(refreshed, now, lang);
}
