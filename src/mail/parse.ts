// A raw RFC 5322 message, parsed with mailparser into what the intake needs: identity (Message-ID,
// In-Reply-To, References), sender, subject, text (the text part, else the HTML made text), the
// header fields the loop rules read, and the attachments.
import { createHash } from "node:crypto";
import { type AddressObject, simpleParser } from "mailparser";

export interface ParsedAttachment {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

export interface ParsedMessage {
  /** Without angle brackets; made from a hash of the content when the message has none. */
  messageId: string;
  inReplyTo: string | null;
  /** In-Reply-To first, then References newest first, without duplicates. */
  threadIds: string[];
  references: string[];
  from: { address: string; name: string | null } | null;
  replyTo: string | null;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** The Date header (epoch ms), null when missing or unreadable. */
  date: number | null;
  /** Header fields, names in lower case, values unfolded (first occurrence). */
  headers: Map<string, string>;
  attachments: ParsedAttachment[];
  size: number;
}

const MAX_ID = 900;
const MAX_REFERENCES = 100;
export const MAX_TEXT = 200_000;
const MAX_HTML = 1_000_000;
const MAX_SUBJECT = 500;

/** PostgreSQL cannot store NUL; lone surrogates are not text either. */
function clean(text: string, max: number): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what is removed
  const out = text.replace(/\u0000/g, "").toWellFormed();
  return out.length > max ? out.slice(0, max) : out;
}

function normalizeId(value: string): string {
  return clean(
    value
      .trim()
      .replace(/^<+|>+$/g, "")
      .trim(),
    MAX_ID,
  );
}

function idList(value: string | string[] | undefined): string[] {
  if (!value) return [];
  const parts = (Array.isArray(value) ? value : [value]).flatMap(
    (v) => v.match(/<[^<>]+>/g) ?? v.split(/\s+/),
  );
  return parts.map(normalizeId).filter((id) => id !== "");
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = value ? (Array.isArray(value) ? value : [value]) : [];
  const out: string[] = [];
  for (const group of list) {
    for (const a of group.value) {
      if (a.address) out.push(a.address.toLowerCase());
      for (const member of a.group ?? [])
        if (member.address) out.push(member.address.toLowerCase());
    }
  }
  return out;
}

function headerMap(lines: ReadonlyArray<{ key: string; line: string }>): Map<string, string> {
  const map = new Map<string, string>();
  for (const { key, line } of lines) {
    const name = key.toLowerCase();
    if (map.has(name)) continue;
    const colon = line.indexOf(":");
    map.set(
      name,
      line
        .slice(colon + 1)
        .replace(/\r?\n[ \t]+/g, " ")
        .trim(),
    );
  }
  return map;
}

export async function parseMessage(raw: Buffer): Promise<ParsedMessage> {
  const mail = await simpleParser(raw, {
    skipTextToHtml: true,
    skipImageLinks: true,
    maxHtmlLengthToParse: MAX_HTML,
  });
  const from = mail.from?.value.find((a) => a.address) ?? null;
  const subject = clean(mail.subject ?? "", MAX_SUBJECT);
  const text = clean(mail.text ?? "", MAX_TEXT).trim();
  const html = typeof mail.html === "string" ? clean(mail.html, MAX_HTML) : null;
  const date = mail.date && Number.isFinite(mail.date.getTime()) ? mail.date.getTime() : null;
  const inReplyTo = idList(mail.inReplyTo)[0] ?? null;
  const references = idList(mail.references).slice(-MAX_REFERENCES);
  const threadIds = [...new Set([...(inReplyTo ? [inReplyTo] : []), ...references.toReversed()])];
  let messageId = mail.messageId ? normalizeId(mail.messageId) : "";
  if (!messageId) {
    // Same content, same id: a message without Message-ID delivered twice is still one message.
    const hash = createHash("sha256")
      .update(`${from?.address ?? ""}\n${date ?? ""}\n${subject}\n${text}`)
      .digest("hex");
    messageId = `${hash.slice(0, 40)}@no-message-id.cadre`;
  }
  return {
    messageId,
    inReplyTo,
    threadIds,
    references,
    from: from?.address
      ? { address: from.address.toLowerCase(), name: from.name ? clean(from.name, 200) : null }
      : null,
    replyTo: mail.replyTo?.value.find((a) => a.address)?.address?.toLowerCase() ?? null,
    to: [...new Set([...addresses(mail.to), ...addresses(mail.cc)])],
    subject,
    text,
    html,
    date,
    headers: headerMap(mail.headerLines),
    attachments: mail.attachments.map((a, i) => ({
      filename: clean(a.filename ?? `attachment-${i + 1}`, 255),
      contentType: clean(a.contentType || "application/octet-stream", 255),
      size: a.size ?? a.content.length,
      sha256: createHash("sha256").update(a.content).digest("hex"),
      content: a.content,
    })),
    size: raw.length,
  };
}
