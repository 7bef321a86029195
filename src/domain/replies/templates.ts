// The default reply drafts, in the professional's voice: first person, warm and firm, one rule
// for every client, always naming the next step.
import type { Language } from "./format.ts";
import type { Escalation, ReplyTemplate, Situation } from "./types.ts";

export type DefaultTemplate = Required<ReplyTemplate>;

const SUBJECT = "Re: {subject}";

/** French spacing: no-break space before ":" and inside « », narrow one before ; ! ? */
function frenchSpacing(text: string): string {
  return text
    .replaceAll(" :", "\u00a0:")
    .replaceAll("« ", "«\u00a0")
    .replaceAll(" »", "\u00a0»")
    .replaceAll(" ;", "\u202f;")
    .replaceAll(" !", "\u202f!")
    .replaceAll(" ?", "\u202f?");
}

function fr(...paragraphs: string[]): string {
  return frenchSpacing(["Bonjour {clientName},", ...paragraphs].join("\n\n"));
}

function en(...paragraphs: string[]): string {
  return ["Hello {clientName},", ...paragraphs].join("\n\n");
}

function pair(french: string, english: string): Record<Language, DefaultTemplate> {
  return { fr: { subject: SUBJECT, body: french }, en: { subject: SUBJECT, body: english } };
}

export const DEFAULT_TEMPLATES: Readonly<Record<Situation, Record<Language, DefaultTemplate>>> = {
  accept: pair(
    fr(
      "Merci pour votre demande, je l’ai bien reçue. Je m’en occupe et vous aurez ma réponse au plus tard {dueAt}.",
      "Si vous avez des précisions à ajouter d’ici là, ajoutez-les simplement à cette demande.",
    ),
    en(
      "Thank you for your request; I have received it. I am on it, and you will have my answer by {dueAt} at the latest.",
      "If you have details to add in the meantime, simply add them to this request.",
    ),
  ),

  "defer.closed": pair(
    fr(
      "Merci pour votre message. Je l’ai bien reçu en dehors de mes heures de travail ; je le lirai {nextOpenTime} et vous aurez ma réponse au plus tard {dueAt}.",
      "Pour que je puisse bien servir tous mes clients, je réponds pendant mes heures d’ouverture. Votre demande est bien enregistrée : rien ne se perd d’ici là.",
    ),
    en(
      "Thank you for your message. I received it outside my working hours; I will read it on {nextOpenTime}, and you will have my answer by {dueAt} at the latest.",
      "So that I can serve all my clients well, I answer during my working hours. Your request is safely recorded: nothing gets lost in the meantime.",
    ),
  ),

  "defer.contact-hours": pair(
    fr(
      "Merci pour votre message. Il m’est parvenu via {channel} en dehors des heures prévues pour ce moyen de communication ; je le traiterai donc à partir de {nextOpenTime}, et vous aurez ma réponse au plus tard {dueAt}.",
      "Les heures de contact de chaque moyen de communication sont indiquées dans ma charte, et je les applique de la même façon à tous mes clients.",
    ),
    en(
      "Thank you for your message. It reached me by {channel} outside the contact hours for that channel, so it will wait until {nextOpenTime}; you will have my answer by {dueAt} at the latest.",
      "The contact hours of each channel are set out in my charter, and I apply them the same way for every client.",
    ),
  ),

  "redirect.channel": pair(
    fr(
      "Merci pour votre message. Je ne prends pas les demandes via {channel} : pour que rien ne se perde et que chaque client soit servi de la même façon, toutes les demandes passent par {redirectTo}.",
      "Pourriez-vous m’envoyer votre demande via {redirectTo} ? Je vous répondrai au plus tard {dueAt}.",
    ),
    en(
      "Thank you for your message. I don’t take requests by {channel}: so that nothing gets lost and every client is served the same way, all requests go through {redirectTo}.",
      "Could you please send me your request through {redirectTo}? I will answer it by {dueAt} at the latest.",
    ),
  ),

  "redirect.appointment": pair(
    fr(
      "Merci d’avoir pensé à m’appeler. Je prends les appels sur rendez-vous seulement : c’est ce qui me permet de vous accorder toute mon attention au moment convenu.",
      "Je vous invite à réserver un appel dans le portail client, au moment qui vous convient parmi mes disponibilités. Si votre demande peut se faire par écrit, envoyez-la via {redirectTo} ; je vous répondrai au plus tard {dueAt}.",
    ),
    en(
      "Thank you for calling. I take calls by appointment only: that is how I can give you my full attention at the time we set.",
      "Please book a call in the client portal, at a time that suits you among my openings. If your request can be handled in writing, send it through {redirectTo}; I will answer it by {dueAt} at the latest.",
    ),
  ),

  "propose.rush": pair(
    fr(
      "Merci pour votre demande. Vous en avez besoin pour {neededBy}, ce qui est plus court que mon délai habituel. Pour que chaque client soit servi à temps et dans l’ordre, je vous propose deux options :",
      "– En urgence, pour {neededBy} : des frais d’urgence de {fee} s’ajoutent.\n– Au délai habituel, sans frais supplémentaires : pour {laterDate}.",
      "Dites-moi simplement laquelle vous préférez. Sans réponse de votre part, je planifie la demande au délai habituel.",
    ),
    en(
      "Thank you for your request. You need it by {neededBy}, which is shorter than my usual lead time. So that every client is served on time and in turn, here are your two options:",
      "– As a rush, by {neededBy}: a rush fee of {fee} applies.\n– At my usual lead time, at no extra cost: by {laterDate}.",
      "Just let me know which one you prefer. Without an answer from you, I will schedule it at my usual lead time.",
    ),
  ),

  "decline.rush-disabled": pair(
    fr(
      "Merci pour votre demande. Vous en avez besoin pour {neededBy}, ce qui est plus court que mon délai habituel, et je ne fais pas de travail en urgence : c’est ce qui me permet de tenir mes engagements envers tous mes clients.",
      "Je peux la réaliser pour {laterDate}. Si cette date vous convient, confirmez-le-moi et je la planifie.",
    ),
    en(
      "Thank you for your request. You need it by {neededBy}, which is shorter than my usual lead time, and I don’t take rush work: that is how I keep my commitments to all my clients.",
      "I can have it done by {laterDate}. If that date works for you, just confirm and I will schedule it.",
    ),
  ),

  "decline.rush-cap": pair(
    fr(
      "Merci pour votre demande. Vous en avez besoin pour {neededBy}, ce qui en ferait une demande urgente. J’accepte un nombre limité de demandes urgentes chaque mois, et toutes les places de ce mois-ci sont déjà prises.",
      "Je peux la réaliser au délai habituel, pour {laterDate}. Si cette date vous convient, confirmez-le-moi et je la planifie.",
    ),
    en(
      "Thank you for your request. You need it by {neededBy}, which would make it a rush. I take a limited number of rush requests each month, and this month’s slots are already taken.",
      "I can do it at my usual lead time, by {laterDate}. If that date works for you, just confirm and I will schedule it.",
    ),
  ),

  "propose.quota": pair(
    fr(
      "Merci pour votre demande. Votre forfait comprend {included} {quota}, et vous en avez déjà utilisé {used}.",
      "Je peux en ajouter en supplément, au prix de {price} chacune. Dites-moi si vous le souhaitez ; sinon, nous continuons dans le cadre de votre forfait.",
    ),
    en(
      "Thank you for your request. Your package includes {included} {quota}, and you have already used {used}.",
      "I can add more as an extra, at {price} each. Let me know if you would like that; otherwise, we carry on within your package.",
    ),
  ),

  "propose.variants": pair(
    fr(
      "Merci pour votre demande. Votre forfait comprend jusqu’à {included} {quota}, et votre demande en prévoit {used}.",
      "Je peux réaliser les variantes supplémentaires en extra, pour {fee} au total. Dites-moi si vous le souhaitez ; sinon, je vous propose de retenir ensemble les {included} qui comptent le plus pour vous.",
    ),
    en(
      "Thank you for your request. Your package includes up to {included} {quota}, and your request asks for {used}.",
      "I can create the additional variants as an extra, for {fee} in total. Let me know if you would like that; otherwise, let’s choose together the {included} that matter most to you.",
    ),
  ),

  "propose.change-order": pair(
    fr(
      "Merci pour votre demande concernant {item}. Cela ne fait pas partie de notre entente ; je peux toutefois l’ajouter par un avenant. Prix : {price}.",
      "Si vous souhaitez aller de l’avant, dites-le-moi et je vous envoie l’avenant à approuver. Le travail commencera dès qu’il sera accepté.",
    ),
    en(
      "Thank you for your request about {item}. It is not part of our agreement, but I can add it as a change order. Price: {price}.",
      "If you would like to go ahead, let me know and I will send you the change order to approve. The work starts as soon as it is accepted.",
    ),
  ),

  "propose.discount": pair(
    fr(
      "Merci de votre intérêt, et merci de me parler franchement de votre budget. J’applique les mêmes prix à tous mes clients ; c’est une question d’équité envers chacun. Voici ce qui peut convenir à votre budget :",
      "{alternatives}",
      "Dites-moi quelle option vous intéresse et je vous prépare la suite.",
    ),
    en(
      "Thank you for your interest, and for being open about your budget. I keep the same prices for every client; it is a matter of fairness to each of them. Here is what fits your budget:",
      "{alternatives}",
      "Let me know which option interests you, and I will prepare the next steps.",
    ),
  ),

  "decline.discount": pair(
    fr(
      "Merci de votre intérêt, je l’apprécie sincèrement. J’applique les mêmes prix à tous mes clients et je n’offre pas de rabais : c’est une question d’équité envers chacun.",
      "Mes prix reflètent le travail et le soin que je mets dans chaque projet. Si vous souhaitez aller de l’avant, je vous accompagnerai avec plaisir.",
    ),
    en(
      "Thank you for your interest; I truly appreciate it. I keep the same prices for every client, and I don’t offer discounts: it is a matter of fairness to each of them.",
      "My prices reflect the work and care I put into every project. If you would like to go ahead, it will be my pleasure to work with you.",
    ),
  ),

  "decline.promotion-ended": pair(
    fr(
      "Merci de votre intérêt pour la promotion {promotion}. Elle est maintenant terminée et, par équité envers tous mes clients, je ne la prolonge pas.",
      "Si vous souhaitez aller de l’avant aux prix actuels, je vous accompagnerai avec plaisir.",
    ),
    en(
      "Thank you for your interest in the {promotion} promotion. It has now ended and, out of fairness to all my clients, I don’t extend it.",
      "If you would like to go ahead at the current prices, it will be my pleasure to work with you.",
    ),
  ),
};

/** Added before the signature when the client keeps crossing the same boundaries. */
export const ESCALATION_PARAGRAPHS: Readonly<Record<Escalation, Record<Language, string>>> = {
  remind: {
    fr: frenchSpacing(
      "Petit rappel amical : notre façon de travailler ensemble est décrite dans ma charte, que vous avez acceptée au début de notre collaboration. Elle est là pour que tout se passe bien, pour vous comme pour moi.",
    ),
    en: "A friendly reminder: how we work together is described in my charter, which you accepted when we started. It is there so that things go smoothly, for you and for me.",
  },
  firm: {
    fr: frenchSpacing(
      "Je tiens à le dire clairement : cette situation se répète. Les règles de ma charte sont les mêmes pour tous mes clients, et je les applique de la même façon à chaque fois. Je vous remercie de les respecter à l’avenir.",
    ),
    en: "I want to be clear: this keeps happening. The rules in my charter are the same for every client, and I apply them the same way every time. Thank you for following them from now on.",
  },
  "review-fit": {
    fr: frenchSpacing(
      "Ces situations reviennent souvent ces derniers temps. Je vous propose que nous prenions un moment pour en parler : j’aimerais voir avec vous si notre façon de travailler ensemble vous convient toujours, et ce que nous pourrions ajuster de part et d’autre. Vous pouvez réserver une rencontre dans le portail client.",
    ),
    en: "These situations have come up often lately. I suggest we take a moment to talk: I would like to see with you whether our way of working together still fits, and what we could adjust on both sides. You can book a meeting in the client portal.",
  },
};

/** The words placeholders are rendered with, per language. */
export interface Words {
  /** Channel ids as said after "via"/"by"; an unknown id is shown as is. */
  readonly channels: ReadonlyMap<string, string>;
  /** The channel requests should go to when the decision names none. */
  readonly defaultRedirect: string;
  readonly quota: Readonly<Record<"meetings" | "revisions" | "hours" | "variants" | "other", Noun>>;
  /** Shown for a missing date, amount or number. */
  readonly toConfirm: string;
  /** Shown for a missing price. */
  readonly onQuote: string;
  /** Shown for a missing item name. */
  readonly item: string;
  /** "label: price (without: a, b)" pieces of the alternatives list. */
  readonly bullet: string;
  readonly labelSeparator: string;
  readonly without: string;
  readonly noAlternatives: string;
  readonly signOff: string;
}

export interface Noun {
  readonly one: string;
  readonly other: string;
}

export const WORDS: Readonly<Record<Language, Words>> = {
  fr: {
    channels: new Map([
      ["portal", "le portail client"],
      ["email", "le courriel"],
      ["phone", "le téléphone"],
      ["sms", "les textos"],
    ]),
    defaultRedirect: "portal",
    quota: {
      meetings: { one: "rencontre", other: "rencontres" },
      revisions: { one: "ronde de révision", other: "rondes de révision" },
      hours: { one: "heure", other: "heures" },
      variants: { one: "variante personnalisée", other: "variantes personnalisées" },
      other: { one: "prestation", other: "prestations" },
    },
    toConfirm: "à confirmer",
    onQuote: "sur devis",
    item: "cet élément",
    bullet: "– ",
    labelSeparator: "\u00a0: ",
    without: "sans\u00a0: ",
    noAlternatives: "– Je n’ai pas de formule plus légère pour le moment.",
    signOff: "Au plaisir,",
  },
  en: {
    channels: new Map([
      ["portal", "the client portal"],
      ["email", "e-mail"],
      ["phone", "phone"],
      ["sms", "text messages"],
    ]),
    defaultRedirect: "portal",
    quota: {
      meetings: { one: "meeting", other: "meetings" },
      revisions: { one: "revision round", other: "revision rounds" },
      hours: { one: "hour", other: "hours" },
      variants: { one: "custom variant", other: "custom variants" },
      other: { one: "service", other: "services" },
    },
    toConfirm: "to be confirmed",
    onQuote: "on quote",
    item: "this item",
    bullet: "– ",
    labelSeparator: ": ",
    without: "without: ",
    noAlternatives: "– I have no lighter package to offer at the moment.",
    signOff: "Warm regards,",
  },
};
