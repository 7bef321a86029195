// Request and response schemas of offers, clients and engagements (they document the API).
import { z } from "zod";
import { isValidTimeZone } from "../../domain/business-time/zone.ts";
import { localDate } from "../../domain/charter/schema.ts";
import "../../services/engagements/messages.ts";

export const ref = z.string().min(1).max(64);
/** Ids the professional chooses (offers, items, add-ons): letters, digits, ".", "_", "-". */
export const slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
const name = z.string().trim().min(1).max(200);
const money = z.number().int().min(0).max(1e12).describe("Minor units of the currency (cents)");
/** Business time is computed for 1971–2400: dates of this century and the next are plenty. */
const FIRST = Date.parse("2000-01-01T00:00:00Z");
const LAST = Date.parse("2199-12-31T23:59:59Z");
export const instant = z.iso
  .datetime({ offset: true, error: "cadre.instant_format" })
  .refine((text) => Date.parse(text) >= FIRST && Date.parse(text) <= LAST, {
    error: "cadre.instant_range",
  });
const locale = z.string().regex(/^[a-z]{2}(?:-[A-Z]{2})?$/, { error: "cadre.locale_format" });
const timezone = z.string().refine(isValidTimeZone, { error: "cadre.unknown_timezone" });
const count = z.number().min(0).max(100_000);

export const quotasSchema = z
  .object({ meetings: count, revisions: count, hours: count })
  .partial()
  .describe("Included quotas: meetings (calls), revision rounds, hours");

const detail = z.string().trim().max(2000);
const deliveryDays = z
  .number()
  .int()
  .min(0)
  .max(365)
  .describe("Business days it adds to delivery when added by a change order");

export const personalizationSchema = z
  .object({
    customVariants: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .describe("Custom variants a request may ask for (e.g. logo directions)"),
    revisionRounds: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .describe("Revision rounds included; `change` requests beyond them get a paid extra round"),
  })
  .partial();

export const offerSchema = z.object({
  id: slug.describe("Chosen by the professional; the anchor of the offer on the public page"),
  name,
  description: z.string().max(5000).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: "cadre.currency_format" }),
  items: z
    .array(
      z.object({
        id: slug,
        name,
        quantity: z.number().min(0).max(1_000_000),
        unitPrice: money,
        removable: z.boolean().optional(),
        description: detail.optional(),
        deliveryBusinessDays: deliveryDays.optional(),
      }),
    )
    .max(200),
  price: money.optional().describe("The package price; when absent, the sum of the items"),
  quotas: quotasSchema.optional(),
  addOns: z
    .array(
      z.object({
        id: slug,
        name,
        price: money,
        grants: quotasSchema.optional(),
        personalization: personalizationSchema
          .optional()
          .describe("Personalization it adds, e.g. { customVariants: 1 } for one more variant"),
        description: detail.optional(),
        deliveryBusinessDays: deliveryDays.optional(),
      }),
    )
    .max(100)
    .optional()
    .describe("Priced extras: each one a change order can add"),
  lowerTierId: slug.optional().describe("The next-lower tier, proposed when a budget is smaller"),
  personalization: personalizationSchema.optional(),
  excluded: z
    .array(z.string().trim().min(1).max(300))
    .max(50)
    .optional()
    .describe("What is not included, shown on the terms of sale and the contract"),
});

export const offerRecordSchema = offerSchema.extend({
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const removalSchema = z.object({
  id: z.string(),
  outcome: z
    .enum(["deleted", "archived"])
    .describe("archived when something still points to it: nothing breaks"),
});

const clientFields = {
  name,
  company: z.string().trim().max(200).nullable(),
  emails: z.array(z.email().max(254)).max(20),
  locale,
  timezone: timezone.nullable(),
  notes: z.string().max(20_000).nullable(),
};

export const clientBody = z.object({
  ...clientFields,
  company: clientFields.company.optional(),
  emails: clientFields.emails.default([]),
  timezone: clientFields.timezone.optional(),
  notes: clientFields.notes.optional(),
});

export const clientPatch = z
  .object({ ...clientFields, archived: z.boolean() })
  .partial()
  .describe("Only the fields given change; emails replace the list; archived: false restores");

export const clientSchema = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  emails: z.array(z.string()),
  locale: z.string(),
  timezone: z.string().nullable(),
  notes: z.string().nullable(),
  acknowledged: z
    .object({ version: z.number(), at: z.string(), from: z.string().nullable() })
    .nullable(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const deliverableRef = z
  .union([z.number().int().min(0), ref])
  .describe("A deliverable's id, or its index in this request's deliverables");

export const engagementBody = z.object({
  clientId: ref,
  offerId: ref.describe("The offer is copied into the engagement as agreed"),
  title: name.optional(),
  startsOn: localDate.nullable().optional(),
  endsOn: localDate.nullable().optional(),
  extraQuota: quotasSchema.optional(),
  extraItems: z.array(slug).max(200).optional(),
  deliverables: z
    .array(z.object({ name, dueAt: instant }))
    .max(200)
    .default([]),
  obligations: z
    .array(
      z.object({
        name: name.describe("What the client owes, e.g. the texts of the home page"),
        dueAt: instant,
        shiftBusinessDays: z
          .number()
          .int()
          .min(0)
          .max(365)
          .describe("The rule: business days the deliverables move when this is missed"),
        deliverableIds: z.array(deliverableRef).max(200).default([]),
      }),
    )
    .max(200)
    .default([]),
});

export const engagementPatch = z.object({
  title: name.optional(),
  status: z.enum(["active", "completed", "cancelled"]).optional(),
  startsOn: localDate.nullable().optional(),
  endsOn: localDate.nullable().optional(),
  usage: quotasSchema.optional(),
  extraQuota: quotasSchema.optional(),
  extraItems: z.array(slug).max(200).optional(),
  deliverables: z
    .array(
      z.object({
        id: ref,
        name: name.optional(),
        dueAt: instant.optional(),
        deliveredAt: instant.nullable().optional(),
      }),
    )
    .max(200)
    .optional(),
  obligations: z
    .array(
      z.object({
        id: ref,
        name: name.optional(),
        dueAt: instant.optional(),
        shiftBusinessDays: z.number().int().min(0).max(365).optional(),
        deliverableIds: z.array(deliverableRef).max(200).optional(),
      }),
    )
    .max(200)
    .optional(),
});

const quotaLine = z.object({
  included: z.number(),
  extra: z.number(),
  used: z.number(),
  left: z.number(),
});

export const engagementSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  offerId: z.string().nullable(),
  title: z.string(),
  offer: offerSchema.describe("The offer as agreed"),
  status: z.enum(["active", "completed", "cancelled"]),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  usage: quotasSchema,
  extraQuota: quotasSchema,
  extraItems: z.array(z.string()),
  quota: z.object({ meetings: quotaLine, revisions: quotaLine, hours: quotaLine }).partial(),
  deliverables: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      dueAt: z.string(),
      originalDueAt: z.string(),
      deliveredAt: z.string().nullable(),
      position: z.number(),
    }),
  ),
  obligations: z.array(
    z.object({
      id: z.string(),
      engagementId: z.string(),
      name: z.string(),
      dueAt: z.string(),
      receivedAt: z.string().nullable(),
      status: z.enum(["pending", "received", "late"]),
      shiftBusinessDays: z.number(),
      deliverableIds: z.array(z.string()),
      consequenceAppliedAt: z.string().nullable(),
      shiftedBusinessDays: z.number(),
      position: z.number(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const consequenceSchema = z.object({
  applied: z.boolean(),
  businessDays: z.number().describe("Business days the deliverables moved this time"),
  totalBusinessDays: z.number(),
  moves: z.array(z.object({ id: z.string(), name: z.string(), from: z.string(), to: z.string() })),
  violationId: z.string().nullable(),
  notice: z
    .object({
      locale: z.string(),
      subject: z.string(),
      body: z.string(),
      to: z.string().nullable().describe("null when the client has no e-mail address"),
      outboxId: z.string().nullable(),
    })
    .nullable(),
});
