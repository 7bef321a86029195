// Drafts the reply for a decision: the template (the professional's own, else the default),
// filled with the client's values, then the escalation paragraph and the signature.
import { type CompiledTemplate, compileTemplate } from "./compile.ts";
import { type Language, languageOf } from "./format.ts";
import { DEFAULT_TEMPLATES, ESCALATION_PARAGRAPHS, WORDS } from "./templates.ts";
import type { Reply, ReplyInput, ReplyTemplate, Situation } from "./types.ts";
import { type RenderContext, VALUES } from "./values.ts";

export { PLACEHOLDERS, type Placeholder } from "./placeholders.ts";

export function renderReply(input: ReplyInput): Reply {
  const language = languageOf(input.locale);
  const defaults = DEFAULT_TEMPLATES[input.situation]?.[language];
  if (!defaults) throw new RangeError(`Unknown reply situation: ${String(input.situation)}`);
  const own = ownTemplate(input, language);
  const ctx: RenderContext = {
    params: input.params,
    language,
    locale: input.locale,
    timeZone: input.timeZone,
    words: WORDS[language],
  };
  const subject = fill(compileTemplate(pick(own?.subject, defaults.subject)), ctx);
  let body = fill(compileTemplate(pick(own?.body, defaults.body)), ctx);
  if (input.escalation) {
    const paragraph = ESCALATION_PARAGRAPHS[input.escalation]?.[language];
    if (paragraph) body += `\n\n${paragraph}`;
  }
  body += `\n\n${ctx.words.signOff}`;
  const signature = VALUES.professionalName(ctx);
  if (signature) body += `\n${signature}`;
  return { locale: input.locale, subject, body };
}

export type TemplateCheck = { ok: true } | { ok: false; unknown: string[] };

/** Lists the brace names in `text` that are not placeholders, e.g. "{nope}". */
export function validateTemplate(text: string): TemplateCheck {
  const { unknown } = compileTemplate(text);
  return unknown.length === 0 ? { ok: true } : { ok: false, unknown: [...unknown] };
}

function ownTemplate(input: ReplyInput, language: Language): ReplyTemplate | undefined {
  const bySituation = input.overrides?.[input.situation as Situation];
  return bySituation?.[language];
}

/** The override when it has text, else the default. */
function pick(own: string | undefined, fallback: string): string {
  return typeof own === "string" && own.trim() !== "" ? own : fallback;
}

function fill(t: CompiledTemplate, ctx: RenderContext): string {
  let out = t.literals[0]!;
  for (let i = 0; i < t.slots.length; i++) {
    const value = VALUES[t.slots[i]!](ctx);
    // An empty value takes its leading space with it: "Bonjour {clientName}," → "Bonjour,".
    if (value === "" && out.endsWith(" ")) out = out.slice(0, -1);
    out += value + t.literals[i + 1]!;
  }
  return out;
}
