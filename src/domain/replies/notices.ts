// The notice a client receives when a missed obligation moves delivery dates: first person, in the
// client's language, every time in the client's zone with the zone named.
// "I needed X by D; since it arrived on E, delivery moves to F."
import { formatDateTime, isSingular, type Language, languageOf } from "./format.ts";
import { WORDS } from "./templates.ts";

export interface ObligationNoticeInput {
  /** The client's locale, e.g. "fr-CA". */
  locale: string;
  /** The zone times are shown in. */
  timeZone: string;
  clientName?: string | undefined;
  professionalName?: string | undefined;
  /** What the client owed, e.g. "the photos for the home page". */
  obligation: string;
  dueAt: number;
  /** When it arrived; absent when it has not arrived. */
  receivedAt?: number | undefined;
  /** Business days the dates moved by this notice. */
  businessDays: number;
  deliverables: readonly { name: string; from: number; to: number }[];
  /** The present, so that far-off dates show their year. */
  now: number;
}

export interface Notice {
  locale: string;
  subject: string;
  body: string;
}

const NBSP = "\u00a0";
const NNBSP = "\u202f";

const quote: Record<Language, (s: string) => string> = {
  fr: (s) => `«${NBSP}${s}${NBSP}»`,
  en: (s) => `“${s}”`,
};

function days(n: number, language: Language): string {
  const singular = isSingular(n, language);
  if (language === "fr") return `${n}${NBSP}${singular ? "jour ouvrable" : "jours ouvrables"}`;
  return `${n} ${singular ? "business day" : "business days"}`;
}

export function obligationNotice(input: ObligationNoticeInput): Notice {
  const language = languageOf(input.locale);
  const at = (t: number) => formatDateTime(t, input.locale, input.timeZone, input.now);
  const q = quote[language];
  const what = q(input.obligation);
  const n = days(input.businessDays, language);
  const moves = input.deliverables;
  const paragraphs: string[] = [];

  if (language === "fr") {
    paragraphs.push(`Bonjour ${input.clientName ?? ""},`.replace(" ,", ","));
    const arrival =
      input.receivedAt === undefined
        ? `J’avais besoin de ${what} au plus tard le ${at(input.dueAt)}, et rien ne m’est encore parvenu.`
        : `J’avais besoin de ${what} au plus tard le ${at(input.dueAt)}. Comme cela m’est parvenu le ${at(input.receivedAt)}, mon calendrier de livraison se décale de ${n}.`;
    paragraphs.push(arrival);
    if (moves.length === 1) {
      const [m] = moves as [(typeof moves)[number]];
      paragraphs.push(
        input.receivedAt === undefined
          ? `Comme le prévoit ma charte, la livraison de ${q(m.name)} est reportée de ${n}, au ${at(m.to)}.`
          : `La livraison de ${q(m.name)} est donc reportée au ${at(m.to)}.`,
      );
    } else if (moves.length > 1) {
      const lines = moves.map((m) => `– ${m.name}${NBSP}: ${at(m.from)} → ${at(m.to)}`);
      const lead =
        input.receivedAt === undefined
          ? `Comme le prévoit ma charte, ces livraisons sont reportées de ${n}${NBSP}:`
          : `Ces livraisons sont donc reportées${NBSP}:`;
      paragraphs.push([lead, ...lines].join("\n"));
    }
    if (input.receivedAt === undefined) {
      paragraphs.push(
        `Pour tenir cette nouvelle date, j’ai besoin de ${what} dès que possible${NNBSP}; je m’y mets dès sa réception.`,
      );
    }
    paragraphs.push("Merci de votre compréhension.");
  } else {
    paragraphs.push(`Hello ${input.clientName ?? ""},`.replace(" ,", ","));
    const arrival =
      input.receivedAt === undefined
        ? `I needed ${what} by ${at(input.dueAt)}, and nothing has reached me yet.`
        : `I needed ${what} by ${at(input.dueAt)}. Since it arrived on ${at(input.receivedAt)}, my delivery schedule moves by ${n}.`;
    paragraphs.push(arrival);
    if (moves.length === 1) {
      const [m] = moves as [(typeof moves)[number]];
      paragraphs.push(
        input.receivedAt === undefined
          ? `As my charter provides, delivery of ${q(m.name)} moves by ${n}, to ${at(m.to)}.`
          : `Delivery of ${q(m.name)} therefore moves to ${at(m.to)}.`,
      );
    } else if (moves.length > 1) {
      const lines = moves.map((m) => `– ${m.name}: ${at(m.from)} → ${at(m.to)}`);
      const lead =
        input.receivedAt === undefined
          ? `As my charter provides, these deliveries move by ${n}:`
          : "These deliveries therefore move:";
      paragraphs.push([lead, ...lines].join("\n"));
    }
    if (input.receivedAt === undefined) {
      paragraphs.push(
        `To keep this new date, I need ${what} as soon as possible; I will get to work as soon as it arrives.`,
      );
    }
    paragraphs.push("Thank you for your understanding.");
  }

  const signOff = WORDS[language].signOff;
  paragraphs.push(input.professionalName ? `${signOff}\n${input.professionalName}` : signOff);
  const subject =
    language === "fr"
      ? moves.length > 0
        ? `Report de livraison${NBSP}: ${input.obligation}`
        : `Au sujet de ${what}`
      : moves.length > 0
        ? `Delivery date moved: ${input.obligation}`
        : `About ${what}`;
  return { locale: input.locale, subject, body: paragraphs.join("\n\n") };
}
