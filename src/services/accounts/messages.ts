// French and English messages of the accounts errors, and of the field details they report.
import { charterMessages } from "../../domain/charter/messages.ts";
import { defineErrors } from "../../i18n/errors.ts";

const NBSP = "\u00a0";
const q = {
  fr: (v: unknown) => `«${NBSP}${String(v)}${NBSP}»`,
  en: (v: unknown) => `“${String(v)}”`,
};

defineErrors({
  invalid_credentials: {
    fr: () => "Adresse e-mail ou mot de passe incorrect.",
    en: () => "Wrong e-mail address or password.",
  },
  email_taken: {
    fr: () => "Un compte existe déjà avec cette adresse e-mail. Connectez-vous plutôt.",
    en: () => "An account already exists with this e-mail address. Sign in instead.",
  },
  slug_taken: {
    fr: (p) => `L’adresse ${q.fr(p.slug)} est déjà prise. Choisissez-en une autre.`,
    en: (p) => `The address ${q.en(p.slug)} is already taken. Choose another one.`,
  },
  csrf_invalid: {
    fr: () =>
      "Requête refusée : le jeton anti-falsification (en-tête x-csrf-token) manque ou ne correspond pas à votre session. Rechargez la page.",
    en: () =>
      "Request refused: the anti-forgery token (x-csrf-token header) is missing or does not match your session. Reload the page.",
  },
  link_invalid: {
    fr: () => "Ce lien n’est plus valide : il a déjà servi ou il a expiré. Demandez-en un nouveau.",
    en: () => "This link is no longer valid: it was already used or it expired. Ask for a new one.",
  },
  invitation_invalid: {
    fr: () =>
      "Cette invitation n’est plus valide : elle a déjà été acceptée ou elle a expiré. Demandez-en une nouvelle.",
    en: () =>
      "This invitation is no longer valid: it was already accepted or it expired. Ask for a new one.",
  },
  already_member: {
    fr: (p) => `${q.fr(p.email)} fait déjà partie de cet espace.`,
    en: (p) => `${q.en(p.email)} is already a member of this workspace.`,
  },
  reset_link_invalid: {
    fr: () =>
      "Ce lien de réinitialisation n’est pas valide. Vérifiez que vous avez copié le lien entier, ou demandez-en un nouveau.",
    en: () =>
      "This reset link is not valid. Check that you copied the whole link, or ask for a new one.",
  },
  reset_link_used: {
    fr: () =>
      "Ce lien de réinitialisation a déjà servi : chaque lien ne fonctionne qu’une fois. Demandez-en un nouveau si besoin.",
    en: () =>
      "This reset link was already used: each link works only once. Ask for a new one if you need to.",
  },
  reset_link_expired: {
    fr: () =>
      "Ce lien de réinitialisation a expiré : il n’est valable qu’une heure. Demandez-en un nouveau.",
    en: () => "This reset link has expired: it is valid for one hour only. Ask for a new one.",
  },
  owner_only: {
    fr: () => "Seule la personne propriétaire de l’espace peut faire cela.",
    en: () => "Only the owner of the workspace can do this.",
  },
});

// Field details (rendered by formatIssue through the shared issue catalog).
Object.assign(charterMessages.fr, {
  email_format: (p: { value?: unknown }) =>
    `${q.fr(p.value)} n’est pas une adresse e-mail valide (par exemple nom@exemple.com)`,
  slug_format: (p: { value?: unknown }) =>
    `${q.fr(p.value)} ne convient pas : de 3 à 40 caractères, lettres minuscules sans accents, chiffres et tirets, sans tiret au début ni à la fin (par exemple atelier-lune)`,
  slug_reserved: (p: { value?: unknown }) =>
    `${q.fr(p.value)} est réservé par Cadre ; choisissez une autre adresse`,
  control_characters: () =>
    "ne doit pas contenir de caractères de contrôle (retours à la ligne, tabulations, NUL…)",
  reset_link_invalid: () => "lien de réinitialisation inconnu",
  reset_link_used: () => "lien de réinitialisation déjà utilisé",
  reset_link_expired: () => "lien de réinitialisation expiré",
});
Object.assign(charterMessages.en, {
  email_format: (p: { value?: unknown }) =>
    `${q.en(p.value)} is not a valid e-mail address (for example name@example.com)`,
  slug_format: (p: { value?: unknown }) =>
    `${q.en(p.value)} does not fit: 3 to 40 characters, lower-case letters without accents, digits and hyphens, no hyphen at either end (for example moon-studio)`,
  slug_reserved: (p: { value?: unknown }) =>
    `${q.en(p.value)} is reserved by Cadre; choose another address`,
  control_characters: () => "must not contain control characters (line breaks, tabs, NUL…)",
  reset_link_invalid: () => "unknown reset link",
  reset_link_used: () => "reset link already used",
  reset_link_expired: () => "reset link expired",
});
