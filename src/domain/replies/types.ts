// The contract between the decision engine and the reply drafts.

/** Which drafted answer fits the decision. */
export type Situation =
  | "accept"
  | "defer.closed"
  | "defer.contact-hours"
  | "redirect.channel"
  | "redirect.appointment"
  | "propose.rush"
  | "decline.rush-disabled"
  | "decline.rush-cap"
  | "propose.quota"
  | "propose.variants"
  | "propose.change-order"
  | "propose.discount"
  | "decline.discount"
  | "decline.promotion-ended";

export const SITUATIONS: readonly Situation[] = [
  "accept",
  "defer.closed",
  "defer.contact-hours",
  "redirect.channel",
  "redirect.appointment",
  "propose.rush",
  "decline.rush-disabled",
  "decline.rush-cap",
  "propose.quota",
  "propose.variants",
  "propose.change-order",
  "propose.discount",
  "decline.discount",
  "decline.promotion-ended",
];

export type Escalation = "remind" | "firm" | "review-fit";

/** Values a template may use; instants are epoch ms, money in minor units of `currency`. */
export interface ReplyParams {
  subject: string;
  clientName?: string | undefined;
  professionalName?: string | undefined;
  /** The response deadline. */
  dueAt: number;
  /** When the request will first be read (next opening or next check time). */
  nextOpenAt: number;
  channel: string;
  redirectTo?: string | undefined;
  neededBy?: number | undefined;
  /** The earliest date that keeps the lead time. */
  laterDate?: number | undefined;
  currency?: string | undefined;
  fee?: number | undefined;
  feePercent?: number | undefined;
  price?: number | undefined;
  quota?: "meetings" | "revisions" | "hours" | "variants" | undefined;
  included?: number | undefined;
  used?: number | undefined;
  item?: string | undefined;
  alternatives?:
    | readonly { label: string; price: number; removed: readonly string[] }[]
    | undefined;
  promotion?: string | undefined;
  rushMaxPerMonth?: number | undefined;
}

export interface ReplyTemplate {
  subject?: string;
  body?: string;
}

/** A professional's own templates, by situation and language; they override the defaults. */
export type TemplateOverrides = Partial<
  Record<Situation, Partial<Record<"fr" | "en", ReplyTemplate>>>
>;

export interface ReplyInput {
  situation: Situation;
  /** The client's locale, e.g. "fr-CA" or "en"; the language is its first two letters. */
  locale: string;
  /** The zone in which times are shown to the client. */
  timeZone: string;
  params: ReplyParams;
  escalation?: Escalation | undefined;
  overrides?: TemplateOverrides | undefined;
}

export interface Reply {
  locale: string;
  subject: string;
  body: string;
}
