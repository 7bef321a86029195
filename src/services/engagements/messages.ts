// Error messages of the offer, client and engagement use cases (fr, en), and the detail codes
// their input checks report (rendered like the charter's, with the field's path).
import { defineIssueMessages } from "../../domain/charter/messages.ts";
import { defineErrors } from "../../i18n/errors.ts";

const NBSP = "\u00a0";
const fr = (s: unknown) => `«${NBSP}${String(s)}${NBSP}»`;
const en = (s: unknown) => `“${String(s)}”`;

defineErrors({
  offer_id_taken: {
    fr: (p) => `Une offre ${fr(p.id)} existe déjà dans cet espace (archivée ou non).`,
    en: (p) => `An offer ${en(p.id)} already exists in this workspace (archived or not).`,
  },
  offer_archived: {
    fr: (p) => `L’offre ${fr(p.id)} est archivée${NBSP}: choisissez une offre en vigueur.`,
    en: (p) => `The offer ${en(p.id)} is archived: choose a current offer.`,
  },
  client_email_taken: {
    fr: (p) => `L’adresse ${String(p.email)} appartient déjà à un autre client de cet espace.`,
    en: (p) =>
      `The address ${String(p.email)} already belongs to another client of this workspace.`,
  },
  client_archived: {
    fr: () => `Ce client est archivé${NBSP}: réactivez-le avant de lui ouvrir un mandat.`,
    en: () => "This client is archived: reactivate them before opening an engagement.",
  },
  obligation_already_received: {
    fr: () => `Cette obligation a déjà été reçue${NBSP}: elle ne peut plus être en retard.`,
    en: () => "This obligation was already received: it can no longer be late.",
  },
  received_in_future: {
    fr: () => "La date de réception ne peut pas être dans le futur.",
    en: () => "The date received cannot be in the future.",
  },
});

// Detail codes, beside the charter's (duplicate ids, references to nothing).
const known = (p: Record<string, unknown>, label: string) =>
  Array.isArray(p.known) && p.known.length > 0
    ? ` (${label}${p.known.map(String).join(", ")})`
    : "";

defineIssueMessages({
  duplicate_id: {
    fr: (p) => `l’identifiant ${fr(p.id)} est déjà utilisé plus haut`,
    en: (p) => `the id ${en(p.id)} is already used above`,
  },
  unknown_reference: {
    fr: (p) => `${fr(p.id)} ne désigne rien de connu${known(p, `possibles${NBSP}: `)}`,
    en: (p) => `${en(p.id)} does not name anything known${known(p, "possible: ")}`,
  },
  instant_range: {
    fr: () => "la date doit être comprise entre l’an 2000 et l’an 2199",
    en: () => "the date must be between the years 2000 and 2199",
  },
  self_reference: {
    fr: () => "une offre ne peut pas mener à elle-même par ses offres inférieures",
    en: () => "an offer cannot lead back to itself through its lower tiers",
  },
});
