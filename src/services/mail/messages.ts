// The e-mail channel's words in the API: outbox states, the "held" reason, its own errors.
import { defineErrors } from "../../i18n/errors.ts";
import type { Lang } from "../../i18n/lang.ts";
import type { OutboxState } from "../../store/repositories/outbox.ts";

const NBSP = "\u00a0";

export const STATE_LABELS: Readonly<Record<OutboxState, Record<Lang, string>>> = {
  queued: { fr: "En attente d’envoi", en: "Waiting to be sent" },
  sending: { fr: "En cours d’envoi", en: "Being sent" },
  sent: { fr: "Envoyé", en: "Sent" },
  failed: { fr: "Non remis : l’envoi a échoué", en: "Not delivered: sending failed" },
  held: {
    fr: `Non envoyé${NBSP}: aucun serveur SMTP n’est configuré`,
    en: "Not sent: no SMTP configured",
  },
};

export const NO_SMTP_TEXT: Readonly<Record<Lang, string>> = {
  fr: `non envoyé${NBSP}: aucun serveur SMTP n’est configuré (SMTP_URL)`,
  en: "not sent: no SMTP configured (SMTP_URL)",
};

defineErrors({
  outbox_not_retryable: {
    fr: (p) =>
      `Ce courriel ne peut pas être renvoyé${NBSP}: il est ${p.state === "sent" ? "déjà envoyé" : "en cours d’envoi"}.`,
    en: (p) =>
      `This e-mail cannot be sent again: it is ${p.state === "sent" ? "already sent" : "being sent"}.`,
  },
  attachment_not_kept: {
    fr: (p) =>
      `Cette pièce jointe dépassait la taille maximale (${String(p.limit)} octets)${NBSP}: elle est listée mais n’a pas été conservée.`,
    en: (p) =>
      `This attachment was over the size limit (${String(p.limit)} bytes): it is listed but was not kept.`,
  },
});
