// The HTML part of an e-mail, from its text: paragraphs, line breaks and links, everything else
// escaped, so the text and HTML parts always say the same thing.

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const URL = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;

function line(text: string): string {
  let out = "";
  let from = 0;
  for (const match of text.matchAll(URL)) {
    const at = match.index ?? 0;
    out += escapeHtml(text.slice(from, at));
    const url = escapeHtml(match[0]);
    out += `<a href="${url}">${url}</a>`;
    from = at + match[0].length;
  }
  return out + escapeHtml(text.slice(from));
}

/** A complete HTML document for a text e-mail in `locale`. */
export function textToHtml(text: string, locale: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((p) => p.replace(/^\n+|\s+$/g, ""))
    .filter((p) => p.trim() !== "")
    .map((p) => `<p>${p.split("\n").map(line).join("<br>\n")}</p>`);
  const lang = escapeHtml(locale || "en");
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"></head><body style="font-family: system-ui, sans-serif; line-height: 1.5">\n${paragraphs.join("\n")}\n</body></html>\n`;
}
