// Inputs and outputs of the decision engine.
import { z } from "zod";
import type { Offer, QuotaKey } from "../offers/types.ts";
import type { Escalation, Reply, Situation, TemplateOverrides } from "../replies/types.ts";
import type { CompiledPolicy } from "./policy.ts";

export const REQUEST_KINDS = [
  "task",
  "question",
  "meeting",
  "change",
  "discount",
  "urgent",
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

const instant = z.iso.datetime({ offset: true, error: "cadre.instant_format" });

/** A client request as it arrives (API, CLI, e-mail intake). */
export const requestSchema = z.object({
  channel: z.string().min(1).max(32),
  receivedAt: instant.optional(),
  subject: z.string().max(500).default(""),
  body: z.string().max(200_000).default(""),
  kind: z.enum(REQUEST_KINDS).optional(),
  neededBy: instant.optional(),
  /** The offer item the request is about (scope check). */
  offerItem: z.string().min(1).max(64).optional(),
  /** The offer a discount request is about (default: the engagement's). */
  offerId: z.string().min(1).max(64).optional(),
  /** The client's stated budget, in minor units. */
  budget: z.number().int().min(0).max(1e12).optional(),
  promotionId: z.string().min(1).max(64).optional(),
  /** A call or message that was booked beforehand (for by-appointment channels). */
  byAppointment: z.boolean().optional(),
  /** Hours of work the request needs, when known (hours quota). */
  estimatedHours: z.number().min(0).max(10_000).optional(),
  /** Custom variants the request asks for (personalization limit of the offer). */
  customVariants: z.number().int().min(0).max(1_000).optional(),
});
export type RequestInput = z.input<typeof requestSchema>;
export type ClientRequest = z.output<typeof requestSchema>;

export type Outcome = "accept" | "defer" | "redirect" | "propose" | "decline";
export type RuleCategory =
  | "time"
  | "communication"
  | "scope"
  | "money"
  | "personalization"
  | "energy";

export type ParamValue = string | number | boolean | null | readonly string[];

export interface RuleHit {
  /** Stable rule id, e.g. "channel.not-accepted". */
  id: string;
  category: RuleCategory;
  /** True when the client crossed a boundary of the charter (recorded as a violation). */
  violation: boolean;
  params: Record<string, ParamValue>;
}

export type DecisionOption =
  | { kind: "rush"; dueAt: string; feePercent: number; fee: number | null; currency: string | null }
  | { kind: "later-date"; dueAt: string }
  | {
      kind: "paid-extra";
      quota: QuotaKey;
      addOnId: string | null;
      price: number | null;
      currency: string | null;
    }
  | { kind: "change-order"; item: string; price: number | null; currency: string | null }
  | {
      kind: "extra-variants";
      /** Variants beyond what the offer includes. */
      count: number;
      addOnId: string | null;
      /** For all of them. */
      price: number | null;
      currency: string | null;
    }
  | { kind: "book-meeting"; meetingTypeId: string | null }
  | { kind: "use-channel"; channel: string };

export interface DecisionAlternative {
  offerId: string;
  removedItems: string[];
  price: number;
}

/** One line of a change order: an item or add-on of the catalog, or one written by hand. */
export interface ChangeOrderLine {
  id: string;
  name: string;
  quantity: number;
  /** Minor units. */
  unitPrice: number;
  /** quantity × unitPrice, half up. */
  amount: number;
  source: "item" | "add-on" | "custom";
}

/** What a change order would add to the engagement, for the client to accept or decline. */
export interface ChangeOrderProposal {
  items: ChangeOrderLine[];
  /** Pre-tax, minor units. */
  price: number;
  currency: string;
  /** Business days the remaining deliveries move if it is accepted. */
  deliveryShiftBusinessDays: number;
  /** Quota added on acceptance, e.g. { revisions: 1 }. */
  grants: Partial<Record<QuotaKey, number>>;
}

export interface Decision {
  outcome: Outcome;
  /** The response deadline, ISO 8601 instant. */
  dueAt: string;
  /** When the request will first be read: the next opening or next check time. */
  nextOpenAt: string;
  rules: RuleHit[];
  situation: Situation;
  options: DecisionOption[];
  alternatives?: DecisionAlternative[];
  /** Out of scope, over quota or beyond a personalization limit: the paid addition proposed. */
  changeOrder?: ChangeOrderProposal;
  escalation: Escalation | null;
  reply: Reply;
  charterVersion: number | null;
}

export interface ClientContext {
  id?: string;
  name?: string;
  /** The client's locale, e.g. "en-CA"; default: the charter's first locale. */
  locale?: string;
  /** The zone the client reads times in; default: the charter's zone. */
  timezone?: string;
  /** Instants (epoch ms, ascending) of the client's earlier violations, for escalation. */
  violationTimes?: readonly number[];
}

export interface EngagementContext {
  offer: Offer;
  /** Quota used so far. */
  usage?: Partial<Record<QuotaKey, number>>;
  /** Quota added on top of the offer (bought extras, exceptions). */
  extraQuota?: Partial<Record<QuotaKey, number>>;
  /** Item ids agreed on top of the offer (accepted change orders). */
  extraItems?: readonly string[];
}

export interface EvaluationContext {
  /** The present instant (epoch ms or ISO); a request without receivedAt arrives now. */
  now: number | string;
  policy: CompiledPolicy;
  client?: ClientContext;
  engagement?: EngagementContext;
  /** Every offer of the workspace, for lower tiers and change-order prices. */
  offers?: readonly Offer[];
  counters?: { rushThisMonth?: number };
  professionalName?: string;
  templates?: TemplateOverrides;
}
