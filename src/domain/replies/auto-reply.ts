// The automatic answer to a client e-mail that will not be read at once: in the client's language
// and zone, it says when the message will be read and answered (zone named), or which channel
// requests go through. Placeholders are the reply drafts' own ({nextOpenTime}, {dueAt}, …).
import { compileTemplate } from "./compile.ts";
import { languageOf } from "./format.ts";
import { WORDS } from "./templates.ts";
import type { ReplyParams } from "./types.ts";
import { type RenderContext, VALUES } from "./values.ts";

export type AutoReplySituation = "auto.defer" | "auto.redirect";

export interface AutoReplyInput {
  situation: AutoReplySituation;
  /** The client's locale, e.g. "fr-CA"; the language is its first two letters. */
  locale: string;
  /** The zone the client reads times in (named in the text). */
  timeZone: string;
  params: ReplyParams;
  /** A link to where requests go (the client portal), added when redirecting. */
  link?: string | undefined;
}

export interface AutoReply {
  locale: string;
  subject: string;
  text: string;
}

/** French spacing: no-break space before ":" and inside « », narrow one before ; ! ? */
function frenchSpacing(text: string): string {
  return text
    .replaceAll(" :", "\u00a0:")
    .replaceAll(" ;", "\u202f;")
    .replaceAll(" ?", "\u202f?")
    .replaceAll(" !", "\u202f!");
}

const TEMPLATES: Readonly<
  Record<AutoReplySituation, Record<"fr" | "en", { subject: string; body: string[] }>>
> = {
  "auto.defer": {
    fr: {
      subject: "Réponse automatique : {subject}",
      body: [
        "Bonjour {clientName},",
        "Ceci est une réponse automatique : votre message m’est bien parvenu et il est enregistré.",
        "Je lis mes courriels à des heures fixes, pendant mes heures de travail. Je lirai votre message {nextOpenTime}, et vous aurez ma réponse au plus tard {dueAt}.",
        "Inutile de le renvoyer ; si vous avez des précisions à ajouter, répondez simplement à ce courriel.",
      ],
    },
    en: {
      subject: "Automatic reply: {subject}",
      body: [
        "Hello {clientName},",
        "This is an automatic reply: your message has reached me and is safely recorded.",
        "I read my e-mail at set times, during my working hours. I will read your message on {nextOpenTime}, and you will have my answer by {dueAt} at the latest.",
        "There is no need to send it again; if you have details to add, simply reply to this e-mail.",
      ],
    },
  },
  "auto.redirect": {
    fr: {
      subject: "Réponse automatique : {subject}",
      body: [
        "Bonjour {clientName},",
        "Ceci est une réponse automatique : votre message m’est bien parvenu et il est enregistré.",
        "Je ne prends pas les demandes via {channel} : pour que rien ne se perde et que chaque client soit servi de la même façon, toutes les demandes passent par {redirectTo}. Pourriez-vous m’y envoyer votre demande ? Je vous répondrai au plus tard {dueAt}.",
      ],
    },
    en: {
      subject: "Automatic reply: {subject}",
      body: [
        "Hello {clientName},",
        "This is an automatic reply: your message has reached me and is recorded.",
        "I don’t take requests by {channel}: so that nothing gets lost and every client is served the same way, all requests go through {redirectTo}. Could you please send your request there? I will answer it by {dueAt} at the latest.",
      ],
    },
  },
};

function fill(text: string, ctx: RenderContext): string {
  const t = compileTemplate(text);
  let out = t.literals[0]!;
  for (let i = 0; i < t.slots.length; i++) {
    const value = VALUES[t.slots[i]!](ctx);
    if (value === "" && out.endsWith(" ")) out = out.slice(0, -1);
    out += value + t.literals[i + 1]!;
  }
  return out;
}

export function renderAutoReply(input: AutoReplyInput): AutoReply {
  const language = languageOf(input.locale);
  const template = TEMPLATES[input.situation][language];
  const words = WORDS[language];
  const ctx: RenderContext = {
    params: input.params,
    language,
    locale: input.locale,
    timeZone: input.timeZone,
    words,
  };
  const spaced = (s: string) => (language === "fr" ? frenchSpacing(s) : s);
  const paragraphs = template.body.map((p) => fill(spaced(p), ctx));
  if (input.situation === "auto.redirect" && input.link) paragraphs.push(input.link);
  let text = `${paragraphs.join("\n\n")}\n\n${words.signOff}`;
  const signature = VALUES.professionalName(ctx);
  if (signature) text += `\n${signature}`;
  return { locale: input.locale, subject: fill(spaced(template.subject), ctx), text };
}
