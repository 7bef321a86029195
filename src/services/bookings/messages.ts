// Messages of bookings and calendars (fr, en): the API's error keys, and one sentence per booking
// rule, written in the first person like the drafted replies, with instants in the booker's zone
// (zone named) and money in the booker's locale.
import { formatDayLabel } from "../../domain/availability/labels.ts";
import { parseLocalDate } from "../../domain/business-time/zone.ts";
import { defineIssueMessages } from "../../domain/charter/messages.ts";
import { formatDateTime, formatMoney } from "../../domain/replies/format.ts";
import { defineErrors } from "../../i18n/errors.ts";
import type { Lang } from "../../i18n/lang.ts";
import type { RuleHit } from "./rules.ts";

const NBSP = "\u00a0";
type P = Record<string, unknown>;

defineErrors({
  meeting_type_not_found: {
    fr: (p) =>
      `Introuvable${NBSP}: la charte publiée n’a pas de type de rencontre «${NBSP}${String(p.id)}${NBSP}».`,
    en: (p) => `Not found: the published charter has no meeting type “${String(p.id)}”.`,
  },
  booking_not_found: {
    fr: () => `Introuvable${NBSP}: cette réservation n’existe pas ou ne vous est pas accessible.`,
    en: () => "Not found: this booking does not exist or is not yours to see.",
  },
  member_not_found: {
    fr: () => `Introuvable${NBSP}: cette personne n’est pas membre de l’espace.`,
    en: () => "Not found: this person is not a member of the workspace.",
  },
  booking_client_not_found: {
    fr: () => `Introuvable${NBSP}: ce client n’existe pas ou ne vous est pas accessible.`,
    en: () => "Not found: this client does not exist or is not yours to see.",
  },
  booking_client_archived: {
    fr: () => `Ce client est archivé${NBSP}: réactivez-le avant de lui réserver une rencontre.`,
    en: () => "This client is archived: reactivate them before booking a meeting with them.",
  },
  booking_refused: {
    fr: (p) =>
      `Cette rencontre ne peut pas être réservée à ce moment${NBSP}: ${String(p.count)} règle(s) de la charte s’y opposent (voir le détail).`,
    en: (p) =>
      `This meeting cannot be booked at this time: ${String(p.count)} rule(s) of the charter stand in the way (see the details).`,
  },
  slot_taken: {
    fr: () =>
      `Ce créneau vient d’être réservé${NBSP}: choisissez-en un autre parmi les créneaux proposés.`,
    en: () => "This slot was just booked: please choose another of the slots offered.",
  },
  booking_not_active: {
    fr: () => "Cette réservation est déjà annulée.",
    en: () => "This booking is already cancelled.",
  },
  booking_started: {
    fr: () => `Cette rencontre a déjà commencé${NBSP}: elle ne peut plus être annulée ni déplacée.`,
    en: () => "This meeting has already started: it can no longer be cancelled or moved.",
  },
  slots_range_invalid: {
    fr: () => "La période demandée est invalide (début avant la fin, 400 jours au plus).",
    en: () => "The period asked for is not valid (start before end, at most 400 days).",
  },
  calendar_source_not_found: {
    fr: () =>
      `Introuvable${NBSP}: ce calendrier importé n’existe pas ou ne vous est pas accessible.`,
    en: () => "Not found: this imported calendar does not exist or is not yours to see.",
  },
  calendar_feed_not_found: {
    fr: () => `Introuvable${NBSP}: ce lien de calendrier n’existe pas ou a été révoqué.`,
    en: () => "Not found: this calendar link does not exist or was revoked.",
  },
  calendar_url_invalid: {
    fr: () =>
      "Indiquez l’adresse http(s) ou webcal d’un calendrier ICS (sans identifiants dans l’adresse).",
    en: () =>
      "Give the http(s) or webcal address of an ICS calendar (without credentials in the address).",
  },
  calendar_sources_limit: {
    fr: (p) =>
      `Vous avez déjà ${String(p.max)} calendriers importés${NBSP}: retirez-en un d’abord.`,
    en: (p) => `You already have ${String(p.max)} imported calendars: remove one first.`,
  },
});

// --- Rules hit --------------------------------------------------------------------------------

export interface MessageStyle {
  lang: Lang;
  /** Intl locale for dates and money (e.g. fr-CA). */
  locale: string;
  /** The booker's zone: instants are written there, zone named. */
  zone: string;
}

const instantText = (value: unknown, s: MessageStyle) => {
  const ms = typeof value === "string" ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) ? formatDateTime(ms, s.locale, s.zone) : String(value ?? "");
};
const dayText = (value: unknown, s: MessageStyle) =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? formatDayLabel(parseLocalDate(value), s.locale)
    : String(value ?? "");
const moneyText = (p: P, s: MessageStyle) =>
  typeof p.price === "number" ? formatMoney(p.price, s.locale, String(p.currency ?? "")) : null;
const firstOf = (list: unknown) => (Array.isArray(list) ? list[0] : list);

type Render = (p: P, s: MessageStyle) => string;

const fr: Record<string, Render> = {
  "meetings.past": () => "Ce moment est déjà passé.",
  "meetings.min-notice": (p, s) =>
    p.businessDays !== undefined
      ? `Je demande ${String(p.businessDays)}${NBSP}jour(s) ouvrable(s) de préavis pour une rencontre${NBSP}: le premier départ possible est ${instantText(p.earliest, s)}.`
      : `Je demande ${String(p.businessHours)}${NBSP}heure(s) ouvrable(s) de préavis pour une rencontre${NBSP}: le premier départ possible est ${instantText(p.earliest, s)}.`,
  "meetings.horizon": (p, s) =>
    `Les rencontres se réservent au plus ${String(p.horizonDays)}${NBSP}jours à l’avance${NBSP}: choisissez un départ avant ${instantText(p.latest, s)}.`,
  "meetings.max-per-day": (p, s) =>
    `Je tiens au plus ${String(p.maxPerDay)}${NBSP}rencontre(s) de ce type par jour, et le ${dayText(firstOf(p.dates), s)} est complet.`,
  "meetings.max-per-week": (p, s) =>
    `Je tiens au plus ${String(p.maxPerWeek)}${NBSP}rencontre(s) de ce type par semaine, et la semaine du ${dayText(firstOf(p.weeks), s)} est complète.`,
  "meetings.outside-hours": () => "Ce moment est en dehors de mes heures de rencontre.",
  "meetings.off-grid": (p) =>
    `Les rencontres commencent aux créneaux proposés (toutes les ${String(p.intervalMinutes)}${NBSP}minutes)${NBSP}: choisissez l’un d’eux.`,
  "meetings.buffer": (p) =>
    `Ce moment est trop proche d’une autre rencontre${NBSP}: je garde ${String(p.bufferMinutes)}${NBSP}minutes entre deux rencontres.`,
  "meetings.overlap": () => "Je ne suis pas disponible à ce moment.",
  "quota.exceeded": (p, s) => {
    const price = moneyText(p, s);
    const head = `Votre mandat comprend ${String(p.included)}${NBSP}rencontre(s) et ${String(p.used)} ont été utilisées`;
    return price
      ? `${head}${NBSP}: celle-ci serait une rencontre supplémentaire payante (${price}). Acceptez-la pour la réserver.`
      : `${head}${NBSP}: votre offre ne prévoit pas de rencontre supplémentaire payante.`;
  },
  "meetings.late-cancel": (p) =>
    `Annulation moins de ${String(p.cancelNoticeHours)}${NBSP}heure(s) avant la rencontre.`,
};

const en: Record<string, Render> = {
  "meetings.past": () => "This time has already passed.",
  "meetings.min-notice": (p, s) =>
    p.businessDays !== undefined
      ? `I ask for ${String(p.businessDays)} business day(s) of notice for a meeting: the earliest start is ${instantText(p.earliest, s)}.`
      : `I ask for ${String(p.businessHours)} business hour(s) of notice for a meeting: the earliest start is ${instantText(p.earliest, s)}.`,
  "meetings.horizon": (p, s) =>
    `Meetings are booked at most ${String(p.horizonDays)} days ahead: please choose a start before ${instantText(p.latest, s)}.`,
  "meetings.max-per-day": (p, s) =>
    `I hold at most ${String(p.maxPerDay)} meeting(s) of this type a day, and ${dayText(firstOf(p.dates), s)} is full.`,
  "meetings.max-per-week": (p, s) =>
    `I hold at most ${String(p.maxPerWeek)} meeting(s) of this type a week, and the week of ${dayText(firstOf(p.weeks), s)} is full.`,
  "meetings.outside-hours": () => "This time is outside my meeting hours.",
  "meetings.off-grid": (p) =>
    `Meetings start at the slots offered (every ${String(p.intervalMinutes)} minutes): please pick one of them.`,
  "meetings.buffer": (p) =>
    `This time is too close to another meeting: I keep ${String(p.bufferMinutes)} minutes between meetings.`,
  "meetings.overlap": () => "I am not available at this time.",
  "quota.exceeded": (p, s) => {
    const price = moneyText(p, s);
    const head = `Your engagement includes ${String(p.included)} meeting(s) and ${String(p.used)} are used`;
    return price
      ? `${head}: this one would be a paid extra meeting (${price}). Accept it to book.`
      : `${head}: your offer has no paid extra meeting.`;
  },
  "meetings.late-cancel": (p) =>
    `Cancelled less than ${String(p.cancelNoticeHours)} hour(s) before the meeting.`,
};

const catalogs: Record<Lang, Record<string, Render>> = { fr, en };

/** The sentence for one rule hit, in the booker's language, zone and locale. */
export function ruleMessage(rule: Pick<RuleHit, "id" | "params">, style: MessageStyle): string {
  const render = catalogs[style.lang][rule.id];
  return render ? render(rule.params, style) : rule.id;
}

// The same rules as detail codes of a 422 (path "start"), for clients that read `details` only.
// Rendered without a zone there (UTC); `rules[].message` carries the booker's zone.
defineIssueMessages(
  Object.fromEntries(
    Object.keys(en).map((id) => [
      id,
      {
        fr: (p: P) => (fr[id] as Render)(p, { lang: "fr", locale: "fr", zone: "UTC" }),
        en: (p: P) => (en[id] as Render)(p, { lang: "en", locale: "en", zone: "UTC" }),
      },
    ]),
  ),
);
