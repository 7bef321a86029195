// Templates are parsed once per distinct string into literal/placeholder parts.
import { isPlaceholder, type Placeholder } from "./placeholders.ts";

/** `literals` has one more entry than `slots`: literal, slot, literal, …, literal. */
export interface CompiledTemplate {
  readonly literals: readonly string[];
  readonly slots: readonly Placeholder[];
  /** Brace names that are not placeholders; they stay in the text as written. */
  readonly unknown: readonly string[];
}

const MAX_CACHED = 2048;
const cache = new Map<string, CompiledTemplate>();

export function compileTemplate(text: string): CompiledTemplate {
  const hit = cache.get(text);
  if (hit) return hit;
  const compiled = parse(text);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(text, compiled);
  return compiled;
}

function parse(text: string): CompiledTemplate {
  const literals: string[] = [];
  const slots: Placeholder[] = [];
  const unknown: string[] = [];
  let literal = "";
  let from = 0;
  for (;;) {
    const open = text.indexOf("{", from);
    if (open < 0) break;
    const close = text.indexOf("}", open + 1);
    if (close < 0) break;
    const name = text.slice(open + 1, close);
    if (!isName(name)) {
      // Not a placeholder: keep the brace and look again just after it.
      literal += text.slice(from, open + 1);
      from = open + 1;
      continue;
    }
    literal += text.slice(from, open);
    if (isPlaceholder(name)) {
      literals.push(literal);
      slots.push(name);
      literal = "";
    } else {
      literal += `{${name}}`;
      if (!unknown.includes(name)) unknown.push(name);
    }
    from = close + 1;
  }
  literals.push(literal + text.slice(from));
  return { literals, slots, unknown };
}

/** A name looks like an identifier: a letter, then letters, digits or "_". */
function isName(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (letter || (i > 0 && (c === 95 || (c >= 48 && c <= 57)))) continue;
    return false;
  }
  return true;
}
