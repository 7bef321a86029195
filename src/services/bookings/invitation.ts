// Calendar invitations for bookings: an iCalendar (RFC 5545 / iMIP) REQUEST when a meeting is
// booked or moved, a CANCEL when it is cancelled, queued to the outbox in the booking's
// transaction. A rescheduled meeting keeps the UID of the booking it was first made as (the
// rescheduled_from chain) with a higher SEQUENCE, so the client's calendar moves the event.
//
// The outbox row has no attachment column, so the invitation travels at the end of the text body,
// after the line CALENDAR_MARKER, and the row carries the header X-Cadre-Calendar: <METHOD>.
// The mail sender lifts it out with `splitCalendarPart` and sends it as the text/calendar
// alternative (nodemailer's `icalEvent`); a sender that does not is still readable.
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { Kysely, Transaction } from "kysely";
import { formatSlotLabel } from "../../domain/availability/labels.ts";
import type { MeetingType } from "../../domain/charter/schema.ts";
import { type Booking, getBooking } from "../../store/repositories/bookings.ts";
import * as outbox from "../../store/repositories/outbox.ts";
import type { Database } from "../../store/schema.ts";

export const CALENDAR_MARKER = "-- invitation.ics --";
const PRODUCT = { company: "Cadre", product: "bookings", language: "EN" } as const;

type Db = Kysely<Database> | Transaction<Database>;

export function meetingTitle(meeting: Pick<MeetingType, "id" | "name"> | undefined, id: string) {
  return meeting?.name ?? id;
}

/** The first booking of a reschedule chain (its id is the UID) and how many moves followed. */
export async function seriesOf(
  db: Db,
  workspaceId: string,
  booking: Booking,
): Promise<{ uid: string; sequence: number }> {
  let current = booking;
  let sequence = 0;
  while (current.rescheduledFrom && sequence < 50) {
    const previous = await getBooking(db, workspaceId, current.rescheduledFrom);
    if (!previous) break;
    current = previous;
    sequence++;
  }
  return { uid: `${current.id}@cadre`, sequence };
}

export interface InvitationParts {
  method: "REQUEST" | "CANCEL";
  uid: string;
  sequence: number;
  start: number;
  end: number;
  summary: string;
  description: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string } | null;
  /** The charter's zone, named for calendar apps (times are written in UTC). */
  zone: string;
  stamp: number;
}

export function invitationIcs(p: InvitationParts): string {
  const calendar = ical({
    prodId: PRODUCT,
    method: p.method === "REQUEST" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
    x: [{ key: "X-WR-TIMEZONE", value: p.zone }],
  });
  calendar.createEvent({
    id: p.uid,
    sequence: p.sequence,
    stamp: new Date(p.stamp),
    start: new Date(p.start),
    end: new Date(p.end),
    summary: p.summary,
    description: p.description,
    organizer: p.organizer,
    attendees: p.attendee ? [{ ...p.attendee, rsvp: true }] : [],
    status: p.method === "REQUEST" ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
  });
  return calendar.toString();
}

/** Splits a queued text body into the message and the invitation it carries (if any). */
export function splitCalendarPart(text: string): { text: string; ics: string | null } {
  const at = text.lastIndexOf(`\n${CALENDAR_MARKER}\n`);
  if (at < 0) return { text, ics: null };
  return {
    text: text.slice(0, at).trimEnd(),
    ics: text.slice(at + CALENDAR_MARKER.length + 2),
  };
}

export interface BookingMail {
  workspaceId: string;
  booking: Booking;
  kind: "confirmed" | "moved" | "cancelled";
  meeting: Pick<MeetingType, "id" | "name"> | undefined;
  member: { name: string; email: string };
  client: { name: string; email: string | undefined; locale: string; timezone: string | null };
  /** The charter's zone (the client's own zone, when they set one, is used for the text). */
  zone: string;
  at: number;
}

const SUBJECT = {
  fr: {
    confirmed: "Rencontre confirmée",
    moved: "Rencontre déplacée",
    cancelled: "Rencontre annulée",
  },
  en: { confirmed: "Meeting confirmed", moved: "Meeting moved", cancelled: "Meeting cancelled" },
} as const;

function body(m: BookingMail, lang: "fr" | "en", when: string, title: string): string {
  const hello = lang === "fr" ? `Bonjour ${m.client.name},` : `Hello ${m.client.name},`;
  const line =
    lang === "fr"
      ? {
          confirmed: `Notre rencontre « ${title} » est confirmée : ${when}.`,
          moved: `Notre rencontre « ${title} » est déplacée : ${when}.`,
          cancelled: `Notre rencontre « ${title} » du ${when} est annulée.`,
        }[m.kind]
      : {
          confirmed: `Our meeting “${title}” is confirmed: ${when}.`,
          moved: `Our meeting “${title}” has moved: ${when}.`,
          cancelled: `Our meeting “${title}” on ${when} is cancelled.`,
        }[m.kind];
  const after =
    m.kind === "cancelled"
      ? ""
      : lang === "fr"
        ? "\n\nL’invitation jointe l’ajoute à votre calendrier. Pour l’annuler ou la déplacer, passez par votre portail."
        : "\n\nThe attached invitation adds it to your calendar. To cancel or move it, use your portal.";
  return `${hello}\n\n${line}${after}\n\n${m.member.name}`;
}

/**
 * Queues the client's invitation (REQUEST) or cancellation (CANCEL) in the caller's transaction.
 * Null when the client has no e-mail address.
 */
export async function queueBookingMail(db: Db, m: BookingMail): Promise<string | null> {
  const to = m.client.email;
  if (!to) return null;
  const lang = m.client.locale.slice(0, 2).toLowerCase() === "fr" ? "fr" : "en";
  const zone = m.client.timezone ?? m.zone;
  const start = Date.parse(m.booking.start);
  const end = Date.parse(m.booking.end);
  const when = formatSlotLabel({ start, end }, m.client.locale, zone);
  const title = meetingTitle(m.meeting, m.booking.meetingTypeId);
  const { uid, sequence } = await seriesOf(db, m.workspaceId, m.booking);
  const method = m.kind === "cancelled" ? "CANCEL" : "REQUEST";
  const ics = invitationIcs({
    method,
    uid,
    sequence: m.kind === "cancelled" ? sequence + 1 : sequence,
    start,
    end,
    summary: `${title} — ${m.member.name}`,
    description: when,
    organizer: m.member,
    attendee: { name: m.client.name, email: to },
    zone: m.zone,
    stamp: m.at,
  });
  const subject = `${SUBJECT[lang][m.kind]} — ${when}`;
  return outbox.enqueue(db as Kysely<Database>, {
    workspaceId: m.workspaceId,
    idempotencyKey: `booking:${m.booking.id}:${m.kind}`,
    to,
    subject,
    text: `${body(m, lang, when, title)}\n\n${CALENDAR_MARKER}\n${ics}`,
    headers: { "X-Cadre-Calendar": method },
    at: m.at,
  });
}
