// Response schemas for decisions and stored requests (they document the API in OpenAPI).
import { z } from "zod";

export const ruleHitSchema = z.object({
  id: z.string().describe("Stable rule id, e.g. channel.not-accepted"),
  category: z.enum(["time", "communication", "scope", "money", "personalization", "energy"]),
  violation: z.boolean().describe("True when the client crossed a boundary of the charter"),
  params: z.record(z.string(), z.unknown()),
});

export const replySchema = z.object({ locale: z.string(), subject: z.string(), body: z.string() });

export const decisionSchema = z.object({
  outcome: z.enum(["accept", "defer", "redirect", "propose", "decline"]),
  dueAt: z.string().describe("Response deadline, ISO 8601 instant"),
  nextOpenAt: z.string().describe("When the request will first be read"),
  rules: z.array(ruleHitSchema),
  situation: z.string(),
  options: z.array(z.record(z.string(), z.unknown())),
  alternatives: z
    .array(z.object({ offerId: z.string(), removedItems: z.array(z.string()), price: z.number() }))
    .optional(),
  changeOrder: z
    .object({
      items: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          quantity: z.number(),
          unitPrice: z.number(),
          amount: z.number(),
          source: z.enum(["item", "add-on", "custom"]),
        }),
      ),
      price: z.number().describe("Pre-tax, minor units"),
      currency: z.string(),
      deliveryShiftBusinessDays: z
        .number()
        .describe("Business days the remaining deliveries move if it is accepted"),
      grants: z.record(z.string(), z.number()),
    })
    .optional()
    .describe("Out of scope, over quota or beyond a personalization limit: the paid addition"),
  escalation: z.enum(["remind", "firm", "review-fit"]).nullable(),
  reply: replySchema,
  charterVersion: z.number().nullable(),
  chosenOption: z.string().optional(),
  chosenAlternative: z
    .object({
      index: z.number(),
      offerId: z.string(),
      removedItems: z.array(z.string()),
      price: z.number(),
      currency: z.string(),
      engagementId: z.string(),
      engagementCreated: z.boolean(),
      at: z.string(),
      by: z.string(),
      previous: z.object({ offerId: z.string(), name: z.string(), price: z.number() }).nullable(),
    })
    .optional()
    .describe('With chosenOption "alternative": the smaller package accepted'),
});

export const storedRequestSchema = z.object({
  id: z.string(),
  clientId: z.string().nullable(),
  engagementId: z.string().nullable(),
  channel: z.string(),
  receivedAt: z.string(),
  subject: z.string(),
  body: z.string(),
  kind: z.string().nullable(),
  outcome: z.string(),
  dueAt: z.string(),
  decision: decisionSchema,
  charterVersion: z.number().nullable(),
  status: z.enum(["open", "answered", "closed"]),
  reply: replySchema,
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  source: z.string(),
  chosenOption: z.string().nullable(),
  createdAt: z.string(),
});

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
      .optional(),
  }),
});

/** Error responses every authenticated route may give. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
} as const;

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
