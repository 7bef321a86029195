// Response schemas of meetings: free slots, bookings, cancelling and moving, a booking refusal
// (see routes/bookings.ts). Pure zod: the web app derives its types from them.
import { z } from "zod";
import { calendarWarningSchema } from "./calendars.ts";

export const meetingQuotaSchema = z
  .object({ included: z.number(), used: z.number(), left: z.number(), exceeded: z.boolean() })
  .describe("The engagement's meetings: offer + extras bought, used, left");

export const extraPriceSchema = z
  .object({
    addOnId: z.string(),
    name: z.string(),
    price: z.number().describe("Minor units"),
    currency: z.string(),
    grants: z.number(),
  })
  .describe("The offer's paid extra meeting");

export const portalWarningSchema = calendarWarningSchema.pick({
  sourceId: true,
  state: true,
  lastFetchedAt: true,
  lastSuccessAt: true,
});

export const bookingRuleSchema = z.object({
  id: z.string().describe("e.g. meetings.min-notice, meetings.max-per-day, quota.exceeded"),
  category: z.string(),
  params: z.record(z.string(), z.unknown()),
  message: z.string().describe("In the caller's language, instants in the booker's zone"),
});

export const slotsSchema = z.object({
  meetingTypeId: z.string(),
  memberId: z.string(),
  durationMinutes: z.number(),
  timezone: z.string().describe("The charter's zone"),
  zone: z.string().describe("The booker's zone (days and labels)"),
  from: z.string(),
  to: z.string(),
  slots: z.array(z.object({ start: z.string(), end: z.string() })),
  days: z.array(
    z.object({
      date: z.string(),
      label: z.string(),
      slots: z.array(z.object({ start: z.string(), end: z.string(), label: z.string() })),
    }),
  ),
  quota: meetingQuotaSchema.nullable(),
  extraPrice: extraPriceSchema.nullable(),
  reasons: z.array(bookingRuleSchema).describe("The limits that cut the range"),
  warnings: z
    .array(calendarWarningSchema)
    .describe("Imported calendars that could not be read lately"),
});

export const portalSlotsSchema = slotsSchema.extend({ warnings: z.array(portalWarningSchema) });

export const bookingSchema = z.object({
  id: z.string(),
  meetingTypeId: z.string(),
  clientId: z.string(),
  memberId: z.string(),
  engagementId: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  bufferMinutes: z.number(),
  status: z.enum(["booked", "cancelled", "late-cancelled"]),
  cancelledAt: z.string().nullable(),
  cancelledBy: z.string().nullable(),
  cancelReason: z.string().nullable(),
  countsAsUsed: z.boolean(),
  fee: z.number().nullable(),
  extraPrice: z.number().nullable(),
  extraAddOnId: z.string().nullable(),
  changeOrderId: z.string().nullable().describe("The accepted change order billing the extra"),
  currency: z.string().nullable(),
  waivedRules: z.array(z.string()),
  charterVersion: z.number().nullable(),
  rescheduledFrom: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const portalBookingSchema = bookingSchema.pick({
  id: true,
  meetingTypeId: true,
  start: true,
  end: true,
  status: true,
  cancelledAt: true,
  countsAsUsed: true,
  fee: true,
  extraPrice: true,
  currency: true,
  rescheduledFrom: true,
});

export const bookingOutcomeSchema = z.object({
  booking: bookingSchema,
  quota: meetingQuotaSchema.nullable(),
  paidExtra: extraPriceSchema.nullable(),
  exceptions: z.array(z.object({ id: z.string(), ruleId: z.string() })),
  warnings: z.array(calendarWarningSchema),
  mailId: z.string().nullable(),
});

export const portalBookingOutcomeSchema = z.object({
  booking: portalBookingSchema,
  quota: meetingQuotaSchema.nullable(),
  paidExtra: extraPriceSchema.nullable(),
});

export const cancelledSchema = z.object({
  late: z.boolean(),
  consequence: z.enum(["none", "counts-as-used", "fee", "free", "waived"]),
  fee: z.object({ amount: z.number(), currency: z.string() }).nullable(),
  violation: z.boolean(),
});

export const cancelOutcomeSchema = cancelledSchema.extend({
  booking: bookingSchema,
  quota: meetingQuotaSchema.nullable(),
  mailId: z.string().nullable(),
});

export const portalCancelSchema = cancelledSchema.extend({
  booking: portalBookingSchema,
  quota: meetingQuotaSchema.nullable(),
});

export const rescheduleSchema = bookingOutcomeSchema.extend({
  previous: cancelledSchema.extend({ booking: bookingSchema }),
});

export const portalRescheduleSchema = portalBookingOutcomeSchema.extend({
  previous: cancelledSchema.extend({ booking: portalBookingSchema }),
});

export const refusalSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
    rules: z.array(bookingRuleSchema),
    quota: meetingQuotaSchema.nullable(),
    extraPrice: extraPriceSchema.nullable(),
  }),
});
