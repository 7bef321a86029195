// Busy times from an iCalendar text (node-ical): events over a range, recurring events expanded
// (RRULE in their own zone, so 10:00 stays 10:00 across DST; EXDATE removed; instances moved or
// changed by RECURRENCE-ID overrides taken from the override). Free (TRANSP:TRANSPARENT) and
// cancelled events, and cancelled instances, block nothing. All-day events block their dates in
// the charter's zone; floating times (no zone, no Z) are read in the charter's zone too.
import ical, { type DateWithTimeZone, type EventInstance, type VEvent } from "node-ical";
import { dayNumber, MS_PER_DAY, wallToEpoch } from "../../domain/business-time/zone.ts";

export interface BusyRange {
  start: number;
  end: number;
}

export interface ParsedBusy {
  events: BusyRange[];
  /** More than MAX_BUSY_EVENTS instances: the earliest are kept. */
  truncated: boolean;
}

export const MAX_BUSY_EVENTS = 20_000;

/** node-ical writes date-only and floating values in the process's zone: read back the fields. */
function localFields(d: Date): number {
  return Date.UTC(
    d.getFullYear(),
    d.getMonth(),
    d.getDate(),
    d.getHours(),
    d.getMinutes(),
    d.getSeconds(),
  );
}

function dateOnlyStart(d: Date, zone: string): number {
  return wallToEpoch(zone, dayNumber(d.getFullYear(), d.getMonth() + 1, d.getDate()) * MS_PER_DAY);
}

function isFloating(event: VEvent): boolean {
  const start = event.start as DateWithTimeZone | undefined;
  return event.datetype === "date-time" && !!start && !start.tz;
}

function blocks(event: Pick<VEvent, "status" | "transparency">): boolean {
  return event.status !== "CANCELLED" && event.transparency !== "TRANSPARENT";
}

function instant(d: Date, fullDay: boolean, floating: boolean, zone: string): number {
  if (fullDay) return dateOnlyStart(d, zone);
  if (floating) return wallToEpoch(zone, localFields(d));
  return d.getTime();
}

export function busyFromIcs(
  text: string,
  range: { from: number; to: number },
  zone: string,
): ParsedBusy {
  const data = ical.sync.parseICS(text);
  const out: BusyRange[] = [];
  const push = (start: number, end: number) => {
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) {
      if (start < range.to && end > range.from) out.push({ start, end });
    }
  };
  for (const component of Object.values(data)) {
    if (!component || (component as { type?: string }).type !== "VEVENT") continue;
    const event = component as VEvent;
    if (!event.start) continue;
    const floating = isFloating(event);
    const fullDay = event.datetype === "date";
    if (event.rrule) {
      let instances: EventInstance[];
      try {
        instances = ical.expandRecurringEvent(event, {
          from: new Date(range.from - 2 * MS_PER_DAY),
          to: new Date(range.to + 2 * MS_PER_DAY),
          expandOngoing: true,
        });
      } catch {
        continue; // an unreadable rule: the other events still count
      }
      for (const i of instances) {
        if (!blocks(i.event) || (!i.isOverride && !blocks(event))) continue;
        const instanceFloating = i.isOverride ? isFloating(i.event as VEvent) : floating;
        const start = instant(i.start, i.isFullDay, instanceFloating, zone);
        const end = i.isFullDay
          ? dateOnlyStart(i.end, zone) > start
            ? dateOnlyStart(i.end, zone)
            : start + MS_PER_DAY
          : instant(i.end, false, instanceFloating, zone);
        push(start, end);
        if (out.length > MAX_BUSY_EVENTS) break;
      }
      continue;
    }
    if (!blocks(event)) continue;
    const start = instant(event.start, fullDay, floating, zone);
    let end: number;
    if (event.end) end = instant(event.end, fullDay, floating, zone);
    else end = fullDay ? start + MS_PER_DAY : start;
    if (fullDay && end <= start) end = start + MS_PER_DAY;
    push(start, end);
    if (out.length > MAX_BUSY_EVENTS) break;
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  const truncated = out.length > MAX_BUSY_EVENTS;
  return { events: truncated ? out.slice(0, MAX_BUSY_EVENTS) : out, truncated };
}
