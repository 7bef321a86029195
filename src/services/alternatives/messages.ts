// Error messages of accepting a smaller package instead of a discount (fr, en).
import { defineErrors } from "../../i18n/errors.ts";

const NBSP = "\u00a0";

defineErrors({
  alternative_not_found: {
    fr: () =>
      `Introuvable${NBSP}: cette demande ne propose pas ce forfait (seules les options de sa décision peuvent être acceptées).`,
    en: () =>
      "Not found: this request does not offer that package (only the options of its decision can be accepted).",
  },
  alternative_already_chosen: {
    fr: () => `Un choix a déjà été fait pour cette demande${NBSP}: il ne peut pas changer.`,
    en: () => "A choice was already made for this request: it cannot change.",
  },
  alternative_unavailable: {
    fr: () =>
      `Ce forfait n’est plus offert${NBSP}: écrivez-moi et je vous proposerai ce qui convient à votre budget.`,
    en: () =>
      "This package is no longer offered: write to me and I will propose what fits your budget.",
  },
  request_without_client: {
    fr: () => `Cette demande n’est liée à aucun client${NBSP}: rattachez-la d’abord à un client.`,
    en: () => "This request belongs to no client: link it to a client first.",
  },
});
