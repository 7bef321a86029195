// API error messages in French and English, by key. Keys are AppError keys.
import type { Lang } from "./lang.ts";

type Params = Record<string, unknown>;
type Catalog = Record<string, (p: Params) => string>;
const NBSP = "\u00a0";

const WHAT_FR: Record<string, string> = {
  route: "cette adresse",
  workspace: "cet espace",
  client: "ce client",
  offer: "cette offre",
  engagement: "ce mandat",
  request: "cette demande",
  charter: "la charte",
  version: "cette version",
  token: "ce jeton",
  invitation: "cette invitation",
  link: "ce lien",
  obligation: "cette obligation",
  deliverable: "ce livrable",
  exception: "cette exception",
  user: "ce compte",
  mail: "ce courriel",
  attachment: "cette pièce jointe",
  invoice: "cette facture",
  "change-order": "cet avenant",
};
const WHAT_EN: Record<string, string> = {
  route: "this address",
  workspace: "this workspace",
  client: "this client",
  offer: "this offer",
  engagement: "this engagement",
  request: "this request",
  charter: "the charter",
  version: "this version",
  token: "this token",
  invitation: "this invitation",
  link: "this link",
  obligation: "this obligation",
  deliverable: "this deliverable",
  exception: "this exception",
  user: "this account",
  mail: "this e-mail",
  attachment: "this attachment",
  invoice: "this invoice",
  "change-order": "this change order",
};

const fr: Catalog = {
  not_found: (p) =>
    `Introuvable${NBSP}: ${WHAT_FR[String(p.what)] ?? String(p.what ?? "la ressource")} n’existe pas ou ne vous est pas accessible.`,
  forbidden: () => "Vous n’avez pas accès à cette action.",
  unauthorized: () => "Connectez-vous pour continuer.",
  invalid_input: () => "Certaines informations sont incorrectes.",
  invalid_json: () => "Le corps de la requête n’est pas du JSON valide.",
  payload_too_large: (p) =>
    `Le contenu envoyé est trop volumineux (maximum ${String(p.limit ?? "")} octets).`,
  unsupported_media_type: () => "Envoyez le contenu en JSON (Content-Type: application/json).",
  rate_limited: (p) =>
    `Trop de tentatives. Réessayez dans ${String(p.seconds ?? "quelques")} secondes.`,
  internal: () =>
    "Une erreur inattendue s’est produite. Rien n’a été enregistré partiellement ; réessayez.",
  conflict: () => "Cette action entre en conflit avec l’état actuel.",
};

const en: Catalog = {
  not_found: (p) =>
    `Not found: ${WHAT_EN[String(p.what)] ?? String(p.what ?? "the resource")} does not exist or is not yours to see.`,
  forbidden: () => "You are not allowed to do this.",
  unauthorized: () => "Please sign in to continue.",
  invalid_input: () => "Some of the information is not valid.",
  invalid_json: () => "The request body is not valid JSON.",
  payload_too_large: (p) => `What you sent is too large (at most ${String(p.limit ?? "")} bytes).`,
  unsupported_media_type: () => "Send the content as JSON (Content-Type: application/json).",
  rate_limited: (p) => `Too many attempts. Try again in ${String(p.seconds ?? "a few")} seconds.`,
  internal: () => "Something unexpected went wrong. Nothing was partially saved; please try again.",
  conflict: () => "This conflicts with the current state.",
};

const catalogs: Record<Lang, Catalog> = { fr, en };

/** Adds messages for a feature's own error keys (both languages at once). */
export function defineErrors(
  messages: Record<string, { fr: (p: Params) => string; en: (p: Params) => string }>,
): void {
  for (const [key, m] of Object.entries(messages)) {
    fr[key] = m.fr;
    en[key] = m.en;
  }
}

export function errorMessage(key: string, params: Params, lang: Lang): string {
  const message = catalogs[lang][key] ?? catalogs[lang].invalid_input!;
  return message(params);
}

export function errorKeys(lang: Lang): string[] {
  return Object.keys(catalogs[lang]);
}
