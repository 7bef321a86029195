// Error messages of the charter use cases (fr, en).
import { defineErrors } from "../../i18n/errors.ts";

const NBSP = "\u00a0";

defineErrors({
  charter_not_publishable: {
    fr: (p) =>
      `La charte ne peut pas encore être publiée${NBSP}: ${String(p.count)} point(s) à corriger (voir le détail). Rien n’a été publié.`,
    en: (p) =>
      `The charter cannot be published yet: ${String(p.count)} thing(s) to fix (see the details). Nothing was published.`,
  },
  charter_draft_schema: {
    fr: () =>
      `Le brouillon doit être un objet JSON dont le champ «${NBSP}schema${NBSP}» vaut «${NBSP}cadre.charter/1${NBSP}».`,
    en: () => `The draft must be a JSON object whose "schema" field is "cadre.charter/1".`,
  },
});
