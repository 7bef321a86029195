// Is this message automatic mail (an auto-reply, a bounce, a list or bulk mailing, a no-reply
// sender)? Cadre never auto-replies to one: that is how mail loops are avoided (RFC 3834 and the
// de-facto headers of Exchange and mailing-list software).

export interface AutomaticInput {
  /** Header fields, names in lower case, values unfolded (first occurrence). */
  headers: ReadonlyMap<string, string>;
  /** The From address. */
  from: string | null;
  /** The SMTP envelope sender: "" for the null sender (MAIL FROM:<>), undefined when unknown. */
  envelopeFrom?: string | null | undefined;
}

const NO_REPLY_LOCAL =
  /^(mailer-daemon|postmaster|no[-_.]?reply|do[-_.]?not[-_.]?reply|bounces?|listserv|majordomo|owner-.+|.+-request|.+-bounces?|.+\+bounces?)$/i;

/** The reason the message counts as automatic, or null when a person wrote it. */
export function automaticReason(input: AutomaticInput): string | null {
  const h = input.headers;
  const autoSubmitted = h.get("auto-submitted")?.trim().toLowerCase();
  if (autoSubmitted !== undefined && autoSubmitted !== "" && !autoSubmitted.startsWith("no"))
    return "auto-submitted";
  const precedence = h.get("precedence")?.trim().toLowerCase();
  if (precedence && /^(bulk|list|junk|auto[-_]reply)\b/.test(precedence)) return "precedence";
  if (h.has("list-id")) return "list-id";
  if (h.has("list-unsubscribe")) return "list-unsubscribe";
  const suppress = h.get("x-auto-response-suppress")?.toLowerCase();
  if (suppress && /\b(all|oof|autoreply)\b/.test(suppress)) return "x-auto-response-suppress";
  if (h.has("x-autoreply") || h.has("x-autorespond") || h.has("x-autoresponse"))
    return "x-autoreply";
  if (/^multipart\/report\b/i.test(h.get("content-type") ?? "")) return "report";
  const returnPath = h.get("return-path")?.trim();
  if (input.envelopeFrom === "" || returnPath === "<>" || returnPath === "") return "null-sender";
  const from = input.from?.trim() ?? "";
  if (from === "") return "no-sender";
  const at = from.lastIndexOf("@");
  const local = at > 0 ? from.slice(0, at) : from;
  if (NO_REPLY_LOCAL.test(local)) return "sender";
  return null;
}
