// Words for the charter's and the decision's codes: channels, durations, rules hit, options.
import type { TFunction } from "i18next";
import type { BusinessDuration, DecisionOption, RuleHit } from "./types.ts";

type Fmt = {
  dateTime: (value: string | number) => string;
  money: (minor: number | null | undefined, currency: string | null | undefined) => string;
};

export function channelName(t: TFunction, id: string): string {
  return t(`channels.${id}`, { defaultValue: id });
}

export function durationText(t: TFunction, d: BusinessDuration | undefined | null): string {
  if (!d) return t("duration.none");
  if ("businessDays" in d) return t("duration.businessDays", { count: d.businessDays });
  return t("duration.businessHours", { count: d.businessHours });
}

/** "2d" / "8h" as the decision engine writes lead times in rule params. */
function shortDuration(t: TFunction, text: unknown): string {
  const m = /^(\d+(?:\.\d+)?)([dh])$/.exec(String(text));
  if (!m) return String(text ?? "");
  const n = Number(m[1]);
  return m[2] === "d"
    ? t("duration.businessDays", { count: n })
    : t("duration.businessHours", { count: n });
}

function isInstant(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value);
}

export function ruleText(t: TFunction, fmt: Fmt, rule: RuleHit, currency?: string | null): string {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rule.params)) {
    params[key] = isInstant(value) ? fmt.dateTime(value) : value;
  }
  if (typeof rule.params.channel === "string") params.channel = channelName(t, rule.params.channel);
  if (typeof rule.params.redirectTo === "string")
    params.redirectTo = channelName(t, rule.params.redirectTo);
  if (typeof rule.params.quota === "string") params.quota = t(`quota.${rule.params.quota}`);
  if ("leadTime" in rule.params) params.leadTime = shortDuration(t, rule.params.leadTime);
  if (typeof rule.params.fee === "number") params.fee = fmt.money(rule.params.fee, currency);
  if (typeof rule.params.price === "number") params.price = fmt.money(rule.params.price, currency);
  if (typeof rule.params.budget === "number")
    params.budget = fmt.money(rule.params.budget, currency);
  const key =
    rule.id === "money.discount-refused" && rule.params.reason ? `${rule.id}-none` : rule.id;
  return t(`rules.${key}`, {
    ...params,
    defaultValue: rule.id,
    interpolation: { escapeValue: false },
  });
}

/** The kind of a decision's option ("rush", "later-date"…): the API types options as records. */
export function optionKind(option: DecisionOption): string | null {
  return typeof option.kind === "string" ? option.kind : null;
}

export function optionText(t: TFunction, fmt: Fmt, option: DecisionOption): string {
  const p = option;
  const kind = optionKind(option) ?? "";
  const currency = typeof p.currency === "string" ? p.currency : null;
  const values = {
    dueAt: isInstant(p.dueAt) ? fmt.dateTime(p.dueAt) : "",
    fee: typeof p.fee === "number" ? fmt.money(p.fee, currency) : "",
    feePercent: p.feePercent,
    price: typeof p.price === "number" ? fmt.money(p.price, currency) : "",
    quota: typeof p.quota === "string" ? t(`quota.${p.quota}`) : "",
    item: p.item,
    channel: typeof p.channel === "string" ? channelName(t, p.channel) : "",
    meeting: p.meetingTypeId ?? "",
  };
  const priced = typeof p.fee === "number" || typeof p.price === "number" ? "" : "-unpriced";
  const variant = kind === "rush" || kind === "paid-extra" || kind === "change-order" ? priced : "";
  return t(`options.${kind}${variant}`, { ...values, defaultValue: kind });
}

export const OUTCOME_TONE = {
  accept: "green",
  defer: "amber",
  redirect: "blue",
  propose: "violet",
  decline: "red",
} as const;
