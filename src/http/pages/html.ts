// A tiny `html` tagged template for server-rendered pages: every interpolated value is escaped
// unless it is already Html; arrays are joined; null, undefined and false render nothing.
// Newlines and the indentation after them are dropped from the template's own text (never from
// values), so templates stay readable and pages stay small.

export class Html {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

export type Renderable = Html | string | number | null | undefined | false | Renderable[];

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe inside an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const compacted = new WeakMap<TemplateStringsArray, string[]>();

function parts(strings: TemplateStringsArray): string[] {
  let found = compacted.get(strings);
  if (!found) {
    found = strings.map((s) => s.replace(/\n\s*/g, ""));
    compacted.set(strings, found);
  }
  return found;
}

function render(value: Renderable): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Renderable[]): Html {
  const text = parts(strings);
  let out = text[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + text[i + 1]!;
  return new Html(out);
}

/** Trusted markup (our own constants only, never user text). */
export function raw(text: string): Html {
  return new Html(text);
}

/** Joins pieces with a separator, escaping each as `html` would. */
export function join(items: readonly Renderable[], separator: Renderable = ""): Html {
  const sep = render(separator);
  return new Html(items.map(render).join(sep));
}
