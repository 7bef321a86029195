// Imported calendars never block bookings silently: a source that failed, has not been read yet,
// or has not been read successfully for a while is reported beside the slots and bookings it
// may have affected.
import { type CalendarSource, listSources } from "../../store/repositories/calendars.ts";
import type { AppContext } from "../context.ts";

/** Sources are refreshed every 15 minutes; after an hour without a success they are stale. */
export const REFRESH_EVERY_MS = 15 * 60_000;
export const STALE_AFTER_MS = 60 * 60_000;

export interface CalendarWarning {
  sourceId: string;
  label: string;
  /** failing: the last fetch failed; stale: no success for over an hour; pending: never read. */
  state: "failing" | "stale" | "pending";
  error: string | null;
  lastFetchedAt: string | null;
  lastSuccessAt: string | null;
}

export function warningOf(source: CalendarSource, now: number): CalendarWarning | null {
  const base = {
    sourceId: source.id,
    label: source.label,
    error: source.lastError,
    lastFetchedAt: source.lastFetchedAt,
    lastSuccessAt: source.lastSuccessAt,
  };
  if (source.lastError !== null) return { ...base, state: "failing" };
  if (source.lastSuccessAt === null) return { ...base, state: "pending" };
  if (now - Date.parse(source.lastSuccessAt) > STALE_AFTER_MS) return { ...base, state: "stale" };
  return null;
}

export async function calendarWarnings(
  ctx: AppContext,
  workspaceId: string,
  memberId: string,
): Promise<CalendarWarning[]> {
  const now = ctx.now();
  const sources = await listSources(ctx.db, workspaceId, memberId);
  return sources.map((s) => warningOf(s, now)).filter((w) => w !== null);
}
