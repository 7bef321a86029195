// Shapes of the Cadre API as the web app uses them (see /api/openapi.json).
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Interval = [string, string];
export type WeeklyHours = Record<Weekday, Interval[]>;

export type BusinessDuration = { businessHours: number } | { businessDays: number };

export interface Channel {
  id: string;
  accepted: boolean | "by-appointment";
  contactHours?: "any" | "business" | Partial<WeeklyHours>;
  responseWithin?: BusinessDuration;
  checkTimes?: string[];
  redirectTo?: string;
}

export interface MeetingType {
  id: string;
  name?: string;
  durationMinutes: number;
  minNotice?: BusinessDuration;
  bufferMinutes?: number;
  maxPerDay?: number;
  maxPerWeek?: number;
  horizonDays?: number;
  slotIntervalMinutes?: number;
  cancelNotice?: { hours: number };
  lateCancel?: "counts-as-used" | "fee" | "free";
  lateCancelFeePercent?: number;
}

export type LateFee =
  | { percentPerMonth: number; graceDays?: number }
  | { fixed: number; graceDays?: number };

export interface Money {
  currency: string;
  paymentTermsDays?: number;
  depositPercent?: number;
  methods?: string[];
  lateFee?: LateFee;
  discounts?: "never" | "alternatives";
  promotions?: { id: string; label?: string; endsAt: string }[];
}

export interface Charter {
  schema: "cadre.charter/1";
  timezone: string;
  locales: string[];
  hours: Partial<WeeklyHours>;
  holidays?: { country: string; region?: string; types?: string[] } | null;
  closures?: { from: string; to: string; label?: string }[];
  overrides?: { date: string; hours: Interval[]; label?: string }[];
  channels: Channel[];
  requests?: {
    leadTime?: BusinessDuration;
    rush?: { allowed: boolean; feePercent?: number; maxPerMonth?: number };
  };
  meetings?: MeetingType[];
  money?: Money;
  energy?: { maxWeeklyHours?: number; maxActiveClients?: number; weekendWork?: boolean };
  escalation?: { after: number; withinDays?: number; action: "remind" | "firm" | "review-fit" }[];
  [extra: string]: unknown;
}

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  locale: string;
  country: string;
  region: string | null;
  currency: string;
}

export interface Session {
  kind: "member" | "client";
  via: "session" | "token";
  user?: { id: string; email: string; name: string };
  role?: "owner" | "member";
  client?: { id: string; name: string; locale: string };
  workspace: Workspace;
  csrfToken: string | null;
}

export interface SignedIn {
  user: { id: string; email: string; name: string };
  workspace: Workspace;
  role: "owner" | "member";
  csrfToken: string;
}

export type Outcome = "accept" | "defer" | "redirect" | "propose" | "decline";
export type RuleCategory =
  | "time"
  | "communication"
  | "scope"
  | "money"
  | "personalization"
  | "energy";

export interface RuleHit {
  id: string;
  category: RuleCategory;
  violation: boolean;
  params: Record<string, unknown>;
}

export interface Reply {
  locale: string;
  subject: string;
  body: string;
}

export type DecisionOption = { kind: string } & Record<string, unknown>;

export interface Decision {
  outcome: Outcome;
  dueAt: string;
  nextOpenAt: string;
  rules: RuleHit[];
  situation: string;
  options: DecisionOption[];
  alternatives?: { offerId: string; removedItems: string[]; price: number }[];
  escalation: "remind" | "firm" | "review-fit" | null;
  reply: Reply;
  charterVersion: number | null;
  chosenOption?: string;
}

export type RequestKind = "task" | "question" | "meeting" | "change" | "discount" | "urgent";
export const REQUEST_KINDS: RequestKind[] = [
  "task",
  "question",
  "meeting",
  "change",
  "discount",
  "urgent",
];

export interface StoredRequest {
  id: string;
  clientId: string | null;
  engagementId: string | null;
  channel: string;
  receivedAt: string;
  subject: string;
  body: string;
  kind: string | null;
  outcome: Outcome;
  dueAt: string;
  decision: Decision;
  charterVersion: number | null;
  status: "open" | "answered" | "closed";
  reply: Reply;
  answeredAt: string | null;
  closedAt: string | null;
  source: string;
  chosenOption: string | null;
  createdAt: string;
}

export interface Client {
  id: string;
  name: string;
  company: string | null;
  emails: string[];
  locale: string;
  timezone: string | null;
  notes: string | null;
  acknowledged: { version: number; at: string; from: string | null } | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Quotas {
  meetings?: number;
  revisions?: number;
  hours?: number;
}
export const QUOTA_KEYS = ["meetings", "revisions", "hours"] as const;
export type QuotaKey = (typeof QUOTA_KEYS)[number];

export interface OfferItem {
  id: string;
  name: string;
  quantity: number;
  unitPrice: number;
  removable?: boolean;
}

export interface Offer {
  id: string;
  name: string;
  description?: string;
  currency: string;
  items: OfferItem[];
  price?: number;
  quotas?: Quotas;
  addOns?: { id: string; name: string; price: number; grants?: Quotas }[];
  lowerTierId?: string;
  personalization?: { customVariants?: number; revisionRounds?: number };
}

export interface OfferRecord extends Offer {
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface QuotaLine {
  included: number;
  extra: number;
  used: number;
  left: number;
}

export interface Obligation {
  id: string;
  engagementId: string;
  name: string;
  dueAt: string;
  receivedAt: string | null;
  status: "pending" | "received" | "late";
  shiftBusinessDays: number;
  deliverableIds: string[];
  consequenceAppliedAt: string | null;
  shiftedBusinessDays: number;
  position: number;
}

export interface Deliverable {
  id: string;
  name: string;
  dueAt: string;
  originalDueAt: string;
  deliveredAt: string | null;
  position: number;
}

export interface Engagement {
  id: string;
  clientId: string;
  offerId: string | null;
  title: string;
  offer: Offer;
  status: "active" | "completed" | "cancelled";
  startsOn: string | null;
  endsOn: string | null;
  usage: Quotas;
  extraQuota: Quotas;
  extraItems: string[];
  quota: Partial<Record<QuotaKey, QuotaLine>>;
  deliverables: Deliverable[];
  obligations: Obligation[];
  createdAt: string;
  updatedAt: string;
}

export interface Consequence {
  applied: boolean;
  businessDays: number;
  totalBusinessDays: number;
  moves: { id: string; name: string; from: string; to: string }[];
  violationId: string | null;
  notice: {
    locale: string;
    subject: string;
    body: string;
    to: string | null;
    outboxId: string | null;
  } | null;
}

export interface Violation {
  id: string;
  clientId: string;
  requestId: string | null;
  ruleId: string;
  category: string;
  params: Record<string, unknown>;
  charterVersion: number | null;
  occurredAt: string;
}

export interface ExceptionRecord {
  id: string;
  clientId: string;
  requestId: string | null;
  ruleId: string;
  reason: string;
  grantedBy: string | null;
  createdAt: string;
}

export interface Ledger {
  items: ExceptionRecord[];
  byClient: { clientId: string; name: string; exceptions: number; violations: number }[];
}

export interface VersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
}

export interface PortalOverview {
  client: {
    id: string;
    name: string;
    locale: string;
    timezone: string | null;
    acknowledged: { version: number; at: string; from: string | null } | null;
  };
  charter: { version: number; publishedAt: string; acknowledged: boolean } | null;
  engagement: {
    id: string;
    title: string;
    offer: { id: string; name: string; items: { id: string; name: string; quantity: number }[] };
    quotas: { quota: QuotaKey; included: number; used: number; left: number }[];
    deliverables: { id: string; name: string; dueAt: string; deliveredAt: string | null }[];
  } | null;
}

export interface PortalRequest {
  id: string;
  channel: string;
  receivedAt: string;
  subject: string;
  kind: string | null;
  /** How many smaller packages a discount request was offered. */
  alternatives: number;
  chosenOption: string | null;
  status: string;
  outcome: Outcome;
  dueAt: string;
  nextOpenAt: string;
  reply: Reply | null;
}
