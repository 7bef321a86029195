export { type CompiledTemplate, compileTemplate } from "./compile.ts";
export {
  formatDateTime,
  formatInstant,
  formatMoney,
  formatNumber,
  formatPercent,
  type Language,
  languageOf,
} from "./format.ts";
export { PLACEHOLDERS, type Placeholder } from "./placeholders.ts";
export { renderReply, type TemplateCheck, validateTemplate } from "./render.ts";
export {
  DEFAULT_TEMPLATES,
  type DefaultTemplate,
  ESCALATION_PARAGRAPHS,
  WORDS,
  type Words,
} from "./templates.ts";
export * from "./types.ts";
