// GET /api/v1/calendar/agenda: what the professional's week view draws besides the bookings —
// the member's open time (their hours, else the charter's, with holidays, closures and
// overrides), the days closed by a holiday, a closure or an override (named), the busy times
// imported from their calendars (with the calendar's label) and the published meeting types.
import { holidayDays } from "../../domain/business-time/holidays.ts";
import { toIso as iso } from "../../domain/business-time/iso.ts";
import {
  formatLocalDate,
  localParts,
  MS_PER_DAY,
  parseLocalDate,
} from "../../domain/business-time/zone.ts";
import { defineErrors } from "../../i18n/errors.ts";
import type { Lang } from "../../i18n/lang.ts";
import { busyBlocksOfMember } from "../../store/repositories/calendars.ts";
import { memberWithCalendar, publishedOrConflict } from "../bookings/context.ts";
import type { AppContext } from "../context.ts";
import { invalid } from "../errors.ts";
import { type CalendarWarning, calendarWarnings } from "./warnings.ts";

/** A week view needs a week; a month view six weeks. */
export const MAX_AGENDA_DAYS = 62;

export interface AgendaQuery {
  workspaceId: string;
  memberId?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  lang: Lang;
}

export interface ClosedDay {
  /** Local date in the charter's zone. */
  date: string;
  kind: "holiday" | "closure" | "override";
  label: string | null;
}

export interface Agenda {
  memberId: string;
  /** The charter's zone (closed days are its dates). */
  timezone: string;
  from: string;
  to: string;
  open: { start: string; end: string }[];
  closedDays: ClosedDay[];
  busy: { start: string; end: string; sourceId: string; label: string }[];
  meetingTypes: { id: string; name: string | null; durationMinutes: number }[];
  warnings: CalendarWarning[];
}

defineErrors({
  agenda_range_invalid: {
    fr: (p) =>
      `La période demandée est invalide (début avant la fin, ${String(p.max)}\u00a0jours au plus).`,
    en: (p) =>
      `The period asked for is not valid (start before end, at most ${String(p.max)} days).`,
  },
});

export async function memberAgenda(ctx: AppContext, q: AgendaQuery): Promise<Agenda> {
  const policy = await publishedOrConflict(ctx, q.workspaceId);
  const { member, calendar } = await memberWithCalendar(ctx, policy, q.workspaceId, q.memberId);
  const charter = policy.charter;
  const timezone = charter.timezone;
  const from = q.from ?? ctx.now();
  const to = q.to ?? from + 7 * MS_PER_DAY;
  if (!(to > from) || to - from > MAX_AGENDA_DAYS * MS_PER_DAY) {
    throw invalid("agenda_range_invalid", { max: MAX_AGENDA_DAYS });
  }

  const [busy, warnings] = await Promise.all([
    busyBlocksOfMember(ctx.db, q.workspaceId, member.id, from, to),
    calendarWarnings(ctx, q.workspaceId, member.id),
  ]);

  const firstDay = localParts(timezone, from).day;
  const lastDay = localParts(timezone, to - 1).day;
  const holidays = new Map<number, string>();
  if (charter.holidays) {
    const firstYear = new Date(firstDay * MS_PER_DAY).getUTCFullYear();
    const lastYear = new Date(lastDay * MS_PER_DAY).getUTCFullYear();
    for (let year = firstYear; year <= lastYear; year++) {
      for (const h of holidayDays(charter.holidays, year, q.lang)) {
        if (h.day >= firstDay && h.day <= lastDay && !holidays.has(h.day)) {
          holidays.set(h.day, h.name);
        }
      }
    }
  }
  const closedDays: ClosedDay[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const closure = charter.closures.find(
      (c) => parseLocalDate(c.from) <= day && day <= parseLocalDate(c.to),
    );
    const override = charter.overrides.find((o) => parseLocalDate(o.date) === day);
    const date = formatLocalDate(day);
    if (closure) closedDays.push({ date, kind: "closure", label: closure.label ?? null });
    else if (holidays.has(day)) {
      closedDays.push({ date, kind: "holiday", label: holidays.get(day) ?? null });
    } else if (override && override.hours.length === 0) {
      closedDays.push({ date, kind: "override", label: override.label ?? null });
    }
  }

  return {
    memberId: member.id,
    timezone,
    from: iso(from),
    to: iso(to),
    open: calendar.openIntervals(from, to).map(([s, e]) => ({ start: iso(s), end: iso(e) })),
    closedDays,
    busy: busy.map((b) => ({
      start: iso(b.start),
      end: iso(b.end),
      sourceId: b.sourceId,
      label: b.label,
    })),
    meetingTypes: charter.meetings.map((m) => ({
      id: m.id,
      name: m.name ?? null,
      durationMinutes: m.durationMinutes,
    })),
    warnings,
  };
}
