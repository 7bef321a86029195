// Readable French and English messages for every charter issue code, written for the
// professional who filled in the charter, not for a developer.

export type Lang = "fr" | "en";
export type IssueParams = Record<string, unknown>;
export type MessageCatalog = Record<string, (params: IssueParams) => string>;

/** One accepted alternative of a union, as reported in `invalid_union` params. */
export type UnionOption = { value: unknown } | { type: string };

const NBSP = "\u00a0";

const DAYS: Record<Lang, Record<string, string>> = {
  fr: {
    mon: "lundi",
    tue: "mardi",
    wed: "mercredi",
    thu: "jeudi",
    fri: "vendredi",
    sat: "samedi",
    sun: "dimanche",
  },
  en: {
    mon: "Monday",
    tue: "Tuesday",
    wed: "Wednesday",
    thu: "Thursday",
    fri: "Friday",
    sat: "Saturday",
    sun: "Sunday",
  },
};

const TYPES: Record<Lang, Record<string, string>> = {
  fr: {
    string: "du texte",
    number: "un nombre",
    int: "un nombre entier",
    decimal: "un nombre à virgule",
    boolean: "true ou false",
    array: "une liste",
    tuple: "une paire [début, fin]",
    object: "un groupe de champs { … }",
    null: "null",
    undefined: "rien",
  },
  en: {
    string: "text",
    number: "a number",
    int: "a whole number",
    decimal: "a decimal number",
    boolean: "true or false",
    array: "a list",
    tuple: "a pair [start, end]",
    object: "a group of fields { … }",
    null: "null",
    undefined: "nothing",
  },
};

const MAX_LISTED = 20;

function text(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function quote(lang: Lang, value: unknown): string {
  return lang === "fr" ? `«${NBSP}${text(value)}${NBSP}»` : `“${text(value)}”`;
}

function typeName(lang: Lang, type: unknown): string {
  return TYPES[lang][String(type)] ?? String(type);
}

function dayName(lang: Lang, day: unknown): string {
  return DAYS[lang][String(day)] ?? String(day);
}

/** "a, b or c" / "a, b ou c", shortened with "…" past a dozen items. */
function orList(lang: Lang, items: string[]): string {
  const shown = items.length > MAX_LISTED ? [...items.slice(0, MAX_LISTED), "…"] : items;
  if (shown.length <= 1) return shown.join("");
  const word = lang === "fr" ? "ou" : "or";
  return `${shown.slice(0, -1).join(", ")} ${word} ${shown.at(-1)}`;
}

function num(value: unknown): number {
  return typeof value === "number" ? value : Number(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text) : [];
}

function optionText(lang: Lang, option: UnionOption): string {
  return "type" in option ? typeName(lang, option.type) : quote(lang, option.value);
}

/** " (got “x”)" when the offending value was a primitive worth echoing; text is quoted. */
function received(lang: Lang, params: IssueParams): string {
  if (!("value" in params)) return "";
  const value = typeof params.value === "string" ? quote(lang, params.value) : text(params.value);
  return lang === "fr" ? ` (reçu${NBSP}: ${value})` : ` (got ${value})`;
}

const fr: MessageCatalog = {
  // Built-in zod codes.
  required: () => "ce champ est obligatoire",
  invalid_type: (p) =>
    `il faut ${typeName("fr", p.expected)} (et non ${typeName("fr", p.received)})`,
  invalid_value: (p) =>
    `valeur attendue${NBSP}: ${orList(
      "fr",
      strings(p.values).map((v) => quote("fr", v)),
    )}${received("fr", p)}`,
  invalid_union: (p) =>
    `valeur non reconnue${received("fr", p)}${NBSP}; valeurs possibles${NBSP}: ${orList(
      "fr",
      ((p.options as UnionOption[]) ?? []).map((o) => optionText("fr", o)),
    )}`,
  too_small: (p) => {
    const min = num(p.minimum);
    if (p.origin === "string") {
      return min <= 1 ? "ne doit pas être vide" : `doit compter au moins ${min} caractères`;
    }
    if (p.origin === "array") {
      return min <= 1
        ? "doit contenir au moins un élément"
        : `doit contenir au moins ${min} éléments`;
    }
    return p.inclusive === false
      ? `doit être supérieur à ${min}${received("fr", p)}`
      : `doit être au moins ${min}${received("fr", p)}`;
  },
  too_big: (p) => {
    const max = num(p.maximum);
    if (p.origin === "string") return `doit compter au plus ${max} caractères`;
    if (p.origin === "array") {
      return max === 1
        ? "doit contenir au plus un élément"
        : `doit contenir au plus ${max} éléments`;
    }
    return p.inclusive === false
      ? `doit être inférieur à ${max}${received("fr", p)}`
      : `doit être au plus ${max}${received("fr", p)}`;
  },
  unrecognized_keys: (p) =>
    `champ inconnu ${quote("fr", p.key)}${NBSP}: vérifiez l’orthographe ou retirez-le`,
  invalid_format: (p) => `format non valide${received("fr", p)}`,
  not_multiple_of: (p) => `doit être un multiple de ${num(p.divisor)}${received("fr", p)}`,
  invalid_key: () => "clé non valide",
  invalid_element: () => "élément non valide",
  custom: () => "valeur non valide",

  // Formats of the charter schema.
  time_format: (p) =>
    `${quote("fr", p.value)} n’est pas une heure valide${NBSP}: écrivez HH:MM sur 24${NBSP}heures, de 00:00 à 24:00 (par exemple 09:00)`,
  date_format: (p) =>
    `${quote("fr", p.value)} n’est pas une date valide${NBSP}: écrivez AAAA-MM-JJ (par exemple 2026-12-24)`,
  datetime_format: (p) =>
    `${quote("fr", p.value)} n’est pas une date et heure valide${NBSP}: écrivez AAAA-MM-JJTHH:MM (par exemple 2026-11-30T23:59)`,
  instant_format: (p) =>
    `${quote("fr", p.value)} n’est pas un instant valide${NBSP}: écrivez une date ISO 8601 avec son fuseau (par exemple 2026-11-27T21:30:00-05:00)`,
  id_format: (p) =>
    `${quote("fr", p.value)} n’est pas un identifiant valide${NBSP}: lettres minuscules, chiffres, - et _, en commençant par une lettre, 32${NBSP}caractères au plus (par exemple email)`,
  locale_format: (p) =>
    `${quote("fr", p.value)} n’est pas une langue valide${NBSP}: écrivez par exemple fr ou fr-CA`,
  country_format: (p) =>
    `${quote("fr", p.value)} n’est pas un code de pays valide${NBSP}: deux lettres majuscules, par exemple CA ou FR`,
  currency_format: (p) =>
    `${quote("fr", p.value)} n’est pas un code de devise valide${NBSP}: trois lettres majuscules, par exemple CAD ou EUR`,

  // Publish-time checks.
  unknown_timezone: (p) =>
    `${quote("fr", p.value)} n’est pas un fuseau horaire connu${NBSP}; ${
      p.suggestion
        ? `vouliez-vous dire ${quote("fr", p.suggestion)}${NBSP}?`
        : "utilisez un nom comme Europe/Paris ou America/Toronto"
    }`,
  start_at_24: (p) =>
    `l’intervalle ${text(p.interval)} ne peut pas commencer à 24:00, qui n’est qu’une heure de fin${NBSP}; écrivez 00:00`,
  empty_interval: (p) =>
    `l’intervalle ${text(p.interval)} est vide${NBSP}: le début et la fin doivent différer (pour une journée entière, écrivez 00:00–24:00)`,
  overlapping_intervals: (p) =>
    `l’intervalle ${text(p.interval)} chevauche ${text(p.other)}${
      p.otherDay ? ` du ${dayName("fr", p.otherDay)}` : ""
    }`,
  unknown_holiday_country: (p) =>
    `${quote("fr", p.country)} n’est pas un pays dont les jours fériés sont connus`,
  unknown_holiday_region: (p) =>
    `${quote("fr", p.region)} n’est pas une région connue pour ${text(p.country)}${
      strings(p.known).length > 0
        ? `${NBSP}; régions possibles${NBSP}: ${orList("fr", strings(p.known))}`
        : ""
    }`,
  closure_order: (p) =>
    `la fermeture se termine (${text(p.to)}) avant de commencer (${text(p.from)})`,
  duplicate_override: (p) => `le ${text(p.date)} a déjà des horaires particuliers plus haut`,
  duplicate_channel: (p) => `le canal ${quote("fr", p.id)} est déjà décrit plus haut`,
  unknown_redirect_channel: (p) =>
    `renvoie vers ${quote("fr", p.id)}, qui ne fait pas partie de vos canaux`,
  redirect_not_accepted: (p) =>
    `renvoie vers ${quote("fr", p.id)}, un canal que vous n’acceptez pas`,
  duplicate_meeting: (p) => `le type de rendez-vous ${quote("fr", p.id)} est déjà décrit plus haut`,
  duplicate_promotion: (p) => `la promotion ${quote("fr", p.id)} est déjà décrite plus haut`,
  no_open_time: (p) =>
    `votre charte n’a aucune heure d’ouverture dans les ${num(p.days)} prochains jours${NBSP}: ajoutez des horaires ou raccourcissez une fermeture`,
  invalid_calendar: (p) =>
    `ces horaires ne forment pas un calendrier utilisable (${text(p.reason)})`,
};

const en: MessageCatalog = {
  required: () => "this field is required",
  invalid_type: (p) =>
    `expected ${typeName("en", p.expected)} here, not ${typeName("en", p.received)}`,
  invalid_value: (p) =>
    `expected ${orList(
      "en",
      strings(p.values).map((v) => quote("en", v)),
    )}${received("en", p)}`,
  invalid_union: (p) =>
    `value not recognised${received("en", p)}; possible values: ${orList(
      "en",
      ((p.options as UnionOption[]) ?? []).map((o) => optionText("en", o)),
    )}`,
  too_small: (p) => {
    const min = num(p.minimum);
    if (p.origin === "string") {
      return min <= 1 ? "must not be empty" : `must be at least ${min} characters long`;
    }
    if (p.origin === "array") {
      return min <= 1 ? "needs at least one entry" : `needs at least ${min} entries`;
    }
    return p.inclusive === false
      ? `must be greater than ${min}${received("en", p)}`
      : `must be at least ${min}${received("en", p)}`;
  },
  too_big: (p) => {
    const max = num(p.maximum);
    if (p.origin === "string") return `must be at most ${max} characters long`;
    if (p.origin === "array") {
      return max === 1 ? "may hold at most one entry" : `may hold at most ${max} entries`;
    }
    return p.inclusive === false
      ? `must be less than ${max}${received("en", p)}`
      : `must be at most ${max}${received("en", p)}`;
  },
  unrecognized_keys: (p) => `unknown field ${quote("en", p.key)}: check the spelling or remove it`,
  invalid_format: (p) => `invalid format${received("en", p)}`,
  not_multiple_of: (p) => `must be a multiple of ${num(p.divisor)}${received("en", p)}`,
  invalid_key: () => "invalid key",
  invalid_element: () => "invalid entry",
  custom: () => "invalid value",

  time_format: (p) =>
    `${quote("en", p.value)} is not a valid time: write HH:MM on a 24-hour clock, 00:00 to 24:00 (for example 09:00)`,
  date_format: (p) =>
    `${quote("en", p.value)} is not a valid date: write YYYY-MM-DD (for example 2026-12-24)`,
  datetime_format: (p) =>
    `${quote("en", p.value)} is not a valid date and time: write YYYY-MM-DDTHH:MM (for example 2026-11-30T23:59)`,
  instant_format: (p) =>
    `${quote("en", p.value)} is not a valid instant: write an ISO 8601 date with its offset (for example 2026-11-27T21:30:00-05:00)`,
  id_format: (p) =>
    `${quote("en", p.value)} is not a valid identifier: lower-case letters, digits, - and _, starting with a letter, 32 characters at most (for example email)`,
  locale_format: (p) =>
    `${quote("en", p.value)} is not a valid language: write for example en or en-CA`,
  country_format: (p) =>
    `${quote("en", p.value)} is not a valid country code: two capital letters, for example CA or FR`,
  currency_format: (p) =>
    `${quote("en", p.value)} is not a valid currency code: three capital letters, for example CAD or EUR`,

  unknown_timezone: (p) =>
    `${quote("en", p.value)} is not a known time zone; ${
      p.suggestion
        ? `did you mean ${quote("en", p.suggestion)}?`
        : "use a name such as Europe/Paris or America/Toronto"
    }`,
  start_at_24: (p) =>
    `the interval ${text(p.interval)} cannot start at 24:00, which is only an end time; write 00:00`,
  empty_interval: (p) =>
    `the interval ${text(p.interval)} is empty: start and end must differ (for a whole day, write 00:00–24:00)`,
  overlapping_intervals: (p) =>
    `the interval ${text(p.interval)} overlaps ${text(p.other)}${
      p.otherDay ? ` on ${dayName("en", p.otherDay)}` : ""
    }`,
  unknown_holiday_country: (p) =>
    `${quote("en", p.country)} is not a country whose public holidays are known`,
  unknown_holiday_region: (p) =>
    `${quote("en", p.region)} is not a known region of ${text(p.country)}${
      strings(p.known).length > 0 ? `; possible regions: ${orList("en", strings(p.known))}` : ""
    }`,
  closure_order: (p) => `the closure ends (${text(p.to)}) before it starts (${text(p.from)})`,
  duplicate_override: (p) => `${text(p.date)} already has special hours above`,
  duplicate_channel: (p) => `the channel ${quote("en", p.id)} is already described above`,
  unknown_redirect_channel: (p) =>
    `redirects to ${quote("en", p.id)}, which is not one of your channels`,
  redirect_not_accepted: (p) => `redirects to ${quote("en", p.id)}, a channel you do not accept`,
  duplicate_meeting: (p) => `the meeting type ${quote("en", p.id)} is already described above`,
  duplicate_promotion: (p) => `the promotion ${quote("en", p.id)} is already described above`,
  no_open_time: (p) =>
    `your charter has no open hours in the next ${num(p.days)} days: add hours or shorten a closure`,
  invalid_calendar: (p) => `these hours do not make a usable calendar (${text(p.reason)})`,
};

export const charterMessages: Record<Lang, MessageCatalog> = { fr, en };

/** Adds field-issue messages for other documents (request bodies, accounts), both languages. */
export function defineIssueMessages(
  messages: Record<string, { fr: MessageCatalog[string]; en: MessageCatalog[string] }>,
): void {
  for (const [code, m] of Object.entries(messages)) {
    charterMessages.fr[code] = m.fr;
    charterMessages.en[code] = m.en;
  }
}

/** The message of one issue code; unknown codes fall back to a generic "invalid value". */
export function issueMessage(code: string, params: IssueParams, lang: Lang): string {
  const catalog = charterMessages[lang];
  const render = catalog[code] ?? catalog.custom!;
  return render(params);
}

/** "hours.mon[1] : message" in French, "hours.mon[1]: message" in English. */
export function withPath(pathText: string, message: string, lang: Lang): string {
  if (pathText === "") return message.charAt(0).toUpperCase() + message.slice(1);
  return lang === "fr" ? `${pathText}${NBSP}: ${message}` : `${pathText}: ${message}`;
}
