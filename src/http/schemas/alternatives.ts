// Response schemas of the smaller packages offered instead of a discount (see
// routes/alternatives.ts). Pure zod: the web app derives its types from them.
import { z } from "zod";

export const chosenAlternativeSchema = z.object({
  index: z.number(),
  offerId: z.string(),
  removedItems: z.array(z.string()),
  price: z.number().describe("Minor units: the price the decision computed"),
  currency: z.string(),
  engagementId: z.string(),
  engagementCreated: z.boolean(),
  at: z.string(),
  by: z.string().describe('"client:<id>" or "user:<id>"'),
  previous: z
    .object({ offerId: z.string(), name: z.string(), price: z.number() })
    .nullable()
    .describe("The engagement's package before (null when one was created)"),
});

export const alternativeSchema = z.object({
  index: z.number(),
  offerId: z.string(),
  offerName: z.string(),
  sameOffer: z.boolean().describe("The same package minus items, rather than another tier"),
  removedItems: z.array(z.object({ id: z.string(), name: z.string() })),
  items: z.array(z.object({ id: z.string(), name: z.string(), quantity: z.number() })),
  price: z.number().describe("Minor units"),
  currency: z.string(),
  budgetDelta: z
    .number()
    .nullable()
    .describe("price − the stated budget (negative: under it); null without a budget"),
  available: z.boolean(),
});

export const alternativesSchema = z.object({
  requestId: z.string(),
  offer: z
    .object({ id: z.string(), name: z.string(), price: z.number(), currency: z.string() })
    .nullable()
    .describe("The package the discount was asked about"),
  budget: z.number().nullable(),
  currency: z.string(),
  alternatives: z.array(alternativeSchema),
  chosen: chosenAlternativeSchema.nullable(),
});

export const alternativeAcceptedSchema = z.object({
  requestId: z.string(),
  chosenOption: z.literal("alternative"),
  chosen: chosenAlternativeSchema,
  alternative: alternativeSchema,
  engagement: z.object({
    id: z.string(),
    title: z.string(),
    offerId: z.string(),
    offerName: z.string(),
    price: z.number(),
    currency: z.string(),
    created: z.boolean(),
  }),
});
