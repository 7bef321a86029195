// What a missed client obligation does to the delivery dates, in business days on the charter's
// calendar. Two cases (the choice is explained in docs/engagements.md):
// - missed without an arrival (marked late, or the due date passed): the rule's fixed shift;
// - arrived late at E: the business days the client was late (from the due date to E, a started
//   business day counting as a whole one), so "since it arrived on E, delivery moves to F".
// The consequence only grows: a late arrival after a fixed shift tops it up, never moves a date
// back and never shifts twice for the same days.
import type { BusinessCalendar } from "../business-time/calendar.ts";

/** Looking further than this for "how many business days late" is a data error, not a delay. */
const MAX_LATE_DAYS = 400;

/**
 * `t` moved `days` open days later at the same wall time. A due time on a closing instant (17:00
 * on a 09:00–17:00 day) stays on the closing instant, rather than jumping to the next opening.
 */
export function moveByBusinessDays(calendar: BusinessCalendar, t: number, days: number): number {
  if (days <= 0) return t;
  if (calendar.isOpen(t) || !calendar.isOpen(t - 1)) return calendar.addBusinessDays(t, days);
  const moved = calendar.addBusinessDays(t - 1, days);
  return calendar.isOpen(moved) ? moved + 1 : moved;
}

/** Whole business days from `dueAt` until `arrivedAt` (0 when on time), partial days rounded up. */
export function businessDaysLate(calendar: BusinessCalendar, dueAt: number, arrivedAt: number) {
  if (arrivedAt <= dueAt) return 0;
  for (let days = 1; days <= MAX_LATE_DAYS; days++) {
    if (moveByBusinessDays(calendar, dueAt, days) >= arrivedAt) return days;
  }
  return MAX_LATE_DAYS;
}

export interface ConsequenceInput {
  dueAt: number;
  /** When the client delivered, if they did. */
  receivedAt: number | null;
  /** The rule's fixed shift for a miss without an arrival. */
  shiftBusinessDays: number;
  /** What earlier applications already moved. */
  shiftedBusinessDays: number;
  /** Dependent deliverables still to deliver. */
  deliverables: readonly { id: string; dueAt: number }[];
}

export interface ConsequencePlan {
  /** The total shift once applied. */
  totalBusinessDays: number;
  /** Added by this application (0: nothing to move). */
  addedBusinessDays: number;
  /** Business days the client was late, when they delivered late. */
  lateBusinessDays: number | null;
  moves: { id: string; from: number; to: number }[];
}

export function planConsequence(
  calendar: BusinessCalendar,
  input: ConsequenceInput,
): ConsequencePlan {
  const lateBusinessDays =
    input.receivedAt === null ? null : businessDaysLate(calendar, input.dueAt, input.receivedAt);
  const wanted = lateBusinessDays ?? input.shiftBusinessDays;
  const totalBusinessDays = Math.max(input.shiftedBusinessDays, wanted);
  const addedBusinessDays = totalBusinessDays - input.shiftedBusinessDays;
  const moves =
    addedBusinessDays === 0
      ? []
      : input.deliverables.map((d) => ({
          id: d.id,
          from: d.dueAt,
          to: moveByBusinessDays(calendar, d.dueAt, addedBusinessDays),
        }));
  return { totalBusinessDays, addedBusinessDays, lateBusinessDays, moves };
}
