// Shapes of the Cadre API as the web app uses them: the answers are derived from the server's
// zod response schemas (type-only imports: nothing of the server reaches the bundle), so they
// cannot drift from what the server sends (see /api/openapi.json).
import type { z } from "zod";
import type { sessionOut, signedInOut, workspaceOut } from "../../../src/http/schemas/accounts.ts";
import type {
  clientSchema,
  consequenceSchema,
  engagementSchema,
  offerRecordSchema,
  offerSchema,
  quotasSchema,
} from "../../../src/http/schemas/catalog.ts";
import type {
  draftSchema,
  versionSchema,
  versionSummarySchema,
} from "../../../src/http/schemas/charter.ts";
import type {
  decisionSchema,
  replySchema,
  ruleHitSchema,
  storedRequestSchema,
} from "../../../src/http/schemas/decision.ts";
import type {
  exceptionSchema,
  ledgerSchema,
  violationSchema,
} from "../../../src/http/schemas/ledger.ts";
import type {
  portalCharterSchema,
  portalOverviewSchema,
  portalRequestSchema,
} from "../../../src/http/schemas/portal.ts";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A charter as written (defaults not applied): what the editor edits and `PUT /charter` saves. */
export type Charter = z.input<typeof versionSchema>["charter"] & { [extra: string]: unknown };
/** `GET /charter`: the draft as saved; the server only promises its `schema` (it may be incomplete). */
export type CharterDraft = Partial<Charter> & z.output<typeof draftSchema>;
/** A published version, its charter with defaults applied. */
export type CharterVersion = z.output<typeof versionSchema>;
export type VersionSummary = z.output<typeof versionSummarySchema>;

export type Interval = NonNullable<Charter["hours"]["mon"]>[number];
export type WeeklyHours = Record<Weekday, Interval[]>;
export type Channel = Charter["channels"][number];
export type BusinessDuration = NonNullable<Channel["responseWithin"]>;
export type MeetingType = NonNullable<Charter["meetings"]>[number];
export type Money = NonNullable<Charter["money"]>;
export type LateFee = NonNullable<Money["lateFee"]>;

export type Workspace = z.output<typeof workspaceOut>;
/** GET /session: who is signed in (a member or a client) and in which workspace. */
export type Session = z.output<typeof sessionOut>;
/** Sign-up, sign-in, accepting an invitation, resetting a password. */
export type SignedIn = z.output<typeof signedInOut>;

export type Decision = z.output<typeof decisionSchema>;
export type Outcome = Decision["outcome"];
export type RuleHit = z.output<typeof ruleHitSchema>;
export type RuleCategory = RuleHit["category"];
export type Reply = z.output<typeof replySchema>;
/** An option of a decision: the API types it as a free-form record, `kind` included. */
export type DecisionOption = Decision["options"][number];

export type RequestKind = "task" | "question" | "meeting" | "change" | "discount" | "urgent";
export const REQUEST_KINDS: RequestKind[] = [
  "task",
  "question",
  "meeting",
  "change",
  "discount",
  "urgent",
];

export type StoredRequest = z.output<typeof storedRequestSchema>;

export type Client = z.output<typeof clientSchema>;

export type Quotas = z.output<typeof quotasSchema>;
export const QUOTA_KEYS = ["meetings", "revisions", "hours"] as const;
export type QuotaKey = (typeof QUOTA_KEYS)[number];

export type Offer = z.output<typeof offerSchema>;
export type OfferItem = Offer["items"][number];
export type OfferRecord = z.output<typeof offerRecordSchema>;

export type Engagement = z.output<typeof engagementSchema>;
export type QuotaLine = NonNullable<Engagement["quota"][QuotaKey]>;
export type Obligation = Engagement["obligations"][number];
export type Deliverable = Engagement["deliverables"][number];

export type Consequence = z.output<typeof consequenceSchema>;

export type Violation = z.output<typeof violationSchema>;
export type ExceptionRecord = z.output<typeof exceptionSchema>;
export type Ledger = z.output<typeof ledgerSchema>;

export type PortalOverview = z.output<typeof portalOverviewSchema>;
export type PortalCharter = z.output<typeof portalCharterSchema>;
export type PortalRequest = z.output<typeof portalRequestSchema>;
