// Locale-aware formatting of money and numbers, with every Intl object built once per locale
// (and currency) and reused; instants live in time.ts, locales in locale.ts.
import { intlLocaleOf, type Language, remember } from "./locale.ts";

export { intlLocaleOf, isInstant, type Language, languageOf, timeZoneOf } from "./locale.ts";
export { formatDateTime, formatInstant } from "./time.ts";

interface MoneyFormat {
  readonly format: Intl.NumberFormat;
  /** Minor units per major unit, e.g. 100 for CAD, 1 for JPY. */
  readonly scale: number;
  /** Appended when Intl does not know the currency. */
  readonly suffix: string;
  readonly cache: Map<number, string>;
}

const moneyFormats = new Map<string, Map<string, MoneyFormat>>();

/** An amount given in minor units of `currency`, e.g. 123456 CAD → "1 234,56 $" in fr-CA. */
export function formatMoney(minor: number, locale: string, currency: string | undefined): string {
  const m = moneyFormat(intlLocaleOf(locale), currency ?? "");
  let text = m.cache.get(minor);
  if (text === undefined) {
    text = m.format.format(minor / m.scale) + m.suffix;
    remember(m.cache, minor, text);
  }
  return text;
}

function moneyFormat(locale: string, currency: string): MoneyFormat {
  let byCurrency = moneyFormats.get(locale);
  if (!byCurrency) {
    byCurrency = new Map();
    moneyFormats.set(locale, byCurrency);
  }
  let m = byCurrency.get(currency);
  if (!m) {
    m = makeMoneyFormat(locale, currency);
    byCurrency.set(currency, m);
  }
  return m;
}

function makeMoneyFormat(locale: string, currency: string): MoneyFormat {
  try {
    const format = new Intl.NumberFormat(locale, { style: "currency", currency });
    const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits;
    return { format, scale: 10 ** (digits ?? 2), suffix: "", cache: new Map() };
  } catch {
    const format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    return { format, scale: 100, suffix: currency ? ` ${currency}` : "", cache: new Map() };
  }
}

interface NumberFormats {
  readonly count: Intl.NumberFormat;
  readonly percent: Intl.NumberFormat;
  readonly small: (string | undefined)[];
}

const SMALL_COUNTS = 1000;
const numberFormats = new Map<string, NumberFormats>();

function numbers(locale: string): NumberFormats {
  let n = numberFormats.get(locale);
  if (!n) {
    n = {
      count: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
      percent: new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }),
      small: new Array(SMALL_COUNTS),
    };
    numberFormats.set(locale, n);
  }
  return n;
}

/** A count or a quantity, e.g. 4, 1 234 or 1,5. */
export function formatNumber(value: number, locale: string): string {
  const n = numbers(intlLocaleOf(locale));
  if (!Number.isInteger(value) || value < 0 || value >= SMALL_COUNTS) return n.count.format(value);
  let text = n.small[value];
  if (text === undefined) {
    text = n.count.format(value);
    n.small[value] = text;
  }
  return text;
}

/** A percentage given in percent, e.g. 50 → "50 %" (fr) or "50%" (en). */
export function formatPercent(percent: number, locale: string): string {
  return numbers(intlLocaleOf(locale)).percent.format(percent / 100);
}

interface Plurals {
  readonly rules: Intl.PluralRules;
  readonly small: (boolean | undefined)[];
}

const plurals = new Map<Language, Plurals>();

/** Whether a noun after `count` takes its singular form in `language`. */
export function isSingular(count: number, language: Language): boolean {
  let p = plurals.get(language);
  if (!p) {
    p = { rules: new Intl.PluralRules(language), small: new Array(SMALL_COUNTS) };
    plurals.set(language, p);
  }
  const small = Number.isInteger(count) && count >= 0 && count < SMALL_COUNTS;
  let singular = small ? p.small[count] : undefined;
  if (singular === undefined) {
    singular = p.rules.select(count) === "one";
    if (small) p.small[count] = singular;
  }
  return singular;
}
