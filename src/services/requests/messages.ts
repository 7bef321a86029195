import { defineErrors } from "../../i18n/errors.ts";

const NBSP = "\u00a0";

defineErrors({
  no_published_charter: {
    fr: () =>
      "Aucune charte n’est encore publiée : publiez votre charte pour que les demandes soient décidées.",
    en: () => "No charter is published yet: publish your charter so that requests can be decided.",
  },
  charter_invalid: {
    fr: (p) => `La charte fournie comporte ${String(p.count)} erreur(s)${NBSP}; voir le détail.`,
    en: (p) => `The charter given has ${String(p.count)} error(s); see the details.`,
  },
  option_not_offered: {
    fr: (p) =>
      `L’option «${NBSP}${String(p.option)}${NBSP}» n’a pas été proposée pour cette demande (proposées${NBSP}: ${String(p.offered) || "aucune"}).`,
    en: (p) =>
      `The option “${String(p.option)}” was not offered for this request (offered: ${String(p.offered) || "none"}).`,
  },
  client_required: {
    fr: () => "Indiquez le client (clientId) de cette demande.",
    en: () => "Say which client (clientId) this request is from.",
  },
});

defineErrors({
  not_latest_version: {
    fr: (p) =>
      `Une version plus récente de la charte est publiée (version ${String(p.latest)}) : relisez-la avant de l’accepter.`,
    en: (p) =>
      `A newer version of the charter is published (version ${String(p.latest)}): read it before accepting it.`,
  },
});
