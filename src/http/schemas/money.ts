// Request and response schemas of change orders, invoices, payments and tax settings.
import { z } from "zod";
import { instant, quotasSchema, ref, slug } from "./catalog.ts";

const money = z.number().int().min(0).max(1e12).describe("Minor units of the currency (cents)");
const localDate = z.string().describe("A local date YYYY-MM-DD in the charter's time zone");
const bilingual = z.object({
  fr: z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});

export const changeOrderLineSchema = z.object({
  id: z.string(),
  name: z.string(),
  quantity: z.number(),
  unitPrice: z.number(),
  amount: z.number(),
  source: z.enum(["item", "add-on", "custom"]),
});

export const changeOrderSchema = z.object({
  id: z.string(),
  engagementId: z.string(),
  clientId: z.string(),
  requestId: z.string().nullable(),
  title: z.string(),
  items: z.array(changeOrderLineSchema),
  grants: quotasSchema,
  price: z.number().describe("Pre-tax, minor units"),
  currency: z.string(),
  deliveryShiftBusinessDays: z
    .number()
    .describe("Business days the remaining deliverables move when it is accepted"),
  state: z.enum(["proposed", "accepted", "declined"]),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  invoiceId: z.string().nullable().describe("The invoice its line went to, once accepted"),
});

export const changeOrderBody = z
  .object({
    requestId: ref
      .optional()
      .describe("Take the items, price and delivery impact of this request's proposal"),
    engagementId: ref
      .optional()
      .describe("Required without requestId (or when the request has none)"),
    title: z.string().trim().min(1).max(200).optional(),
    items: z
      .array(
        z.object({
          ref: slug.optional().describe("An item or add-on id of the offer or catalog"),
          name: z.string().trim().min(1).max(200).optional(),
          quantity: z.number().gt(0).max(100_000).optional(),
          unitPrice: money.optional(),
        }),
      )
      .max(100)
      .optional()
      .describe("Written by hand; replaces the request's proposal"),
    grants: quotasSchema.optional().describe("Quota added when accepted"),
    deliveryShiftBusinessDays: z.number().int().min(0).max(365).optional(),
  })
  .describe("From a request's proposal (requestId) or ad hoc (engagementId + items)");

export const decidedSchema = z.object({
  changeOrder: changeOrderSchema,
  moves: z.array(z.object({ id: z.string(), name: z.string(), from: z.string(), to: z.string() })),
  invoiceId: z.string().nullable(),
});

const lineInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("deposit") }).describe("The charter's depositPercent of the package"),
  z.object({ kind: z.literal("balance") }).describe("What is left of the package price"),
  z.object({
    kind: z.literal("milestone"),
    description: z.string().trim().min(1).max(500),
    percent: z.number().gt(0).max(100).optional().describe("Of the package price"),
    amount: money.optional(),
  }),
  z.object({ kind: z.literal("change-order"), changeOrderId: ref }),
  z.object({
    kind: z.literal("item"),
    description: z.string().trim().min(1).max(500),
    quantity: z.number().gt(0).max(100_000),
    unitPrice: money,
  }),
]);

export const invoiceBody = z.object({
  engagementId: ref.optional(),
  clientId: ref.optional().describe("For an invoice outside any engagement (item lines only)"),
  lines: z.array(lineInput).min(1).max(200),
  note: z.string().trim().max(2_000).optional(),
  issue: z.boolean().optional().describe("Issue it at once: number, dates, e-mail to the client"),
});

export const linesBody = z.object({ lines: z.array(lineInput).min(1).max(200) });

export const paymentBody = z.object({
  amount: money.gt(0).optional().describe("Default: everything due on that date"),
  method: z.string().trim().min(1).max(40).describe("Must be one of the charter's money.methods"),
  at: instant.optional().describe("When it was paid; default now"),
});

const taxRate = z.object({
  id: slug,
  label: bilingual,
  ratePercent: z.number().min(0).max(100),
  registration: z.string().trim().max(60).optional(),
});

export const taxSetupSchema = z.object({
  taxes: z.array(taxRate).max(5),
  exemptionNote: bilingual.optional(),
});

export const taxSettingsSchema = taxSetupSchema.extend({
  updatedAt: z.string().nullable(),
  presets: z.record(z.string(), taxSetupSchema).describe("Ready-made setups: CA-QC, CA-ON, FR…"),
});

const lateFee = z.object({
  amount: z.number(),
  daysLate: z.number(),
  chargeableDays: z.number(),
  basis: z.enum(["none", "percent", "fixed"]),
  asOf: localDate,
});

export const invoiceSchema = z.object({
  id: z.string(),
  number: z.string().nullable().describe("Given when issued"),
  clientId: z.string(),
  engagementId: z.string().nullable(),
  state: z.enum(["draft", "issued", "paid", "void"]),
  currency: z.string(),
  timezone: z.string(),
  terms: z.object({
    paymentTermsDays: z.number(),
    depositPercent: z.number(),
    methods: z.array(z.string()).describe("Accepted payment methods (empty: any)"),
    lateFee: z
      .union([
        z.object({ percentPerMonth: z.number(), graceDays: z.number() }),
        z.object({ fixed: z.number(), graceDays: z.number() }),
      ])
      .nullable(),
    reminders: z.object({ beforeDays: z.array(z.number()), afterDays: z.array(z.number()) }),
    charterVersion: z.number().nullable(),
  }),
  taxes: taxSetupSchema,
  taxAmounts: z.array(
    z.object({
      id: z.string(),
      label: z.object({ fr: z.string(), en: z.string() }),
      ratePercent: z.number(),
      registration: z.string().optional(),
      base: z.number(),
      amount: z.number(),
    }),
  ),
  subtotal: z.number(),
  taxTotal: z.number(),
  total: z.number(),
  paidAmount: z.number(),
  balance: z.number().describe("Principal left to pay"),
  lateFee: lateFee.describe("As of today in the invoice's zone; frozen once paid"),
  amountDue: z.number().describe("Total + late fee − payments"),
  overdue: z.boolean(),
  daysUntilDue: z.number().nullable(),
  issuedAt: z.string().nullable(),
  issuedOn: localDate.nullable(),
  dueOn: localDate.nullable(),
  paidAt: z.string().nullable(),
  overdueAt: z.string().nullable(),
  note: z.string().nullable(),
  lines: z.array(
    z.object({
      id: z.string(),
      position: z.number(),
      kind: z.enum(["deposit", "milestone", "balance", "change-order", "item", "late-fee"]),
      description: z.string(),
      quantity: z.number(),
      unitPrice: z.number(),
      amount: z.number(),
      changeOrderId: z.string().nullable(),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.string(),
      amount: z.number(),
      method: z.string(),
      paidAt: z.string(),
      paidOn: localDate,
      recordedBy: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const pdfQuery = z.object({ lang: z.enum(["fr", "en"]).optional() });
