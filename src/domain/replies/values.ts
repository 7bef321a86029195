// What each placeholder is replaced with, in the client's language, locale and zone.
import {
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  isInstant,
  isSingular,
  type Language,
} from "./format.ts";
import type { Placeholder } from "./placeholders.ts";
import type { Words } from "./templates.ts";
import type { ReplyParams } from "./types.ts";

export interface RenderContext {
  readonly params: ReplyParams;
  readonly language: Language;
  /** The client's locale, as given. */
  readonly locale: string;
  readonly timeZone: string;
  readonly words: Words;
}

type Resolver = (ctx: RenderContext) => string;

// "Re:", "RE :", "re: re:" at the start of a subject, so replies don't pile prefixes up.
const REPLY_PREFIX = /^(?:\s*re\s*:\s*)+/i;

export const VALUES: Readonly<Record<Placeholder, Resolver>> = {
  subject: (c) => withoutReplyPrefix(c.params.subject ?? ""),
  clientName: (c) => c.params.clientName?.trim() ?? "",
  professionalName: (c) => c.params.professionalName?.trim() ?? "",
  dueAt: (c) => instant(c, c.params.dueAt),
  nextOpenAt: (c) => instant(c, c.params.nextOpenAt),
  nextOpenTime: (c) => instant(c, c.params.nextOpenAt),
  neededBy: (c) => instant(c, c.params.neededBy),
  laterDate: (c) => instant(c, c.params.laterDate),
  channel: (c) => channelName(c.words, c.params.channel),
  redirectTo: (c) => channelName(c.words, c.params.redirectTo || c.words.defaultRedirect),
  currency: (c) => c.params.currency ?? "",
  fee: (c) => money(c, c.params.fee) ?? c.words.toConfirm,
  price: (c) => money(c, c.params.price) ?? c.words.onQuote,
  feePercent: (c) => {
    const p = c.params.feePercent;
    return isNumber(p) ? formatPercent(p, c.locale) : c.words.toConfirm;
  },
  quota: (c) => {
    const kind = c.params.quota;
    const noun =
      kind && Object.hasOwn(c.words.quota, kind) ? c.words.quota[kind] : c.words.quota.other;
    const count = c.params.included;
    return isNumber(count) && isSingular(count, c.language) ? noun.one : noun.other;
  },
  included: (c) => count(c, c.params.included),
  used: (c) => count(c, c.params.used),
  rushMaxPerMonth: (c) => count(c, c.params.rushMaxPerMonth),
  item: (c) => c.params.item?.trim() || c.words.item,
  alternatives: alternatives,
  promotion: (c) => c.params.promotion?.trim() ?? "",
};

function withoutReplyPrefix(subject: string): string {
  const first = subject.charCodeAt(0);
  if (first > 32 && (first | 32) !== 114) return subject.trim(); // cannot start with "re:"
  return subject.replace(REPLY_PREFIX, "").trim();
}

function isNumber(n: number | undefined): n is number {
  return typeof n === "number" && Number.isFinite(n);
}

function instant(c: RenderContext, ms: number | undefined): string {
  if (!isInstant(ms)) return c.words.toConfirm;
  const reference = isInstant(c.params.nextOpenAt) ? c.params.nextOpenAt : ms;
  return formatDateTime(ms, c.locale, c.timeZone, reference);
}

function money(c: RenderContext, minor: number | undefined): string | undefined {
  return isNumber(minor) ? formatMoney(minor, c.locale, c.params.currency) : undefined;
}

function count(c: RenderContext, n: number | undefined): string {
  return isNumber(n) ? formatNumber(n, c.locale) : c.words.toConfirm;
}

function channelName(words: Words, id: string | undefined): string {
  if (!id) return words.toConfirm;
  return words.channels.get(id) ?? words.channels.get(id.toLowerCase()) ?? id;
}

/** One line per smaller package: "– Essentiel : 800,00 $ (sans : x, y)". */
function alternatives(c: RenderContext): string {
  const list = c.params.alternatives;
  if (!list || list.length === 0) return c.words.noAlternatives;
  const w = c.words;
  let text = "";
  for (const a of list) {
    if (text) text += "\n";
    text += w.bullet + a.label + w.labelSeparator + (money(c, a.price) ?? w.onQuote);
    if (a.removed?.length > 0) text += ` (${w.without}${a.removed.join(", ")})`;
  }
  return text;
}
