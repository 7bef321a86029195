// The canonical charter document, `cadre.charter/1` (see shared PRODUCT.md).
// Fields of the published format are never renamed; new ones are optional extensions.
import { z } from "zod";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Wall-clock time "HH:MM", 00:00–24:00 ("24:00" is the end of the day). */
export const wallTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, {
  error: "cadre.time_format",
});
const LOCAL_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

/** True when "YYYY-MM-DD" names a day that exists (no 31 April, 29 February only in leap years). */
export function isExistingDate(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A local calendar date "YYYY-MM-DD". */
export const localDate = z
  .string()
  .regex(LOCAL_DATE, { error: "cadre.date_format" })
  // Only judged once the shape is right, so a malformed date yields one issue, not two.
  .refine((text) => !LOCAL_DATE.test(text) || isExistingDate(text), { error: "cadre.date_format" });

const LOCAL_DATE_TIME =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d$/;

/** A local date and time "YYYY-MM-DDTHH:MM" in the charter's zone. */
export const localDateTime = z
  .string()
  .regex(LOCAL_DATE_TIME, { error: "cadre.datetime_format" })
  .refine((text) => !LOCAL_DATE_TIME.test(text) || isExistingDate(text), {
    error: "cadre.datetime_format",
  });

export const interval = z.tuple([wallTime, wallTime]);
export const dayHours = z.array(interval);
export const weeklyHours = z.object({
  mon: dayHours.default([]),
  tue: dayHours.default([]),
  wed: dayHours.default([]),
  thu: dayHours.default([]),
  fri: dayHours.default([]),
  sat: dayHours.default([]),
  sun: dayHours.default([]),
});

export const businessDuration = z.union([
  z.object({ businessHours: z.number().min(0).max(10_000) }).strict(),
  z.object({ businessDays: z.number().int().min(0).max(1_000) }).strict(),
]);
export const wallDuration = z.object({ hours: z.number().min(0).max(10_000) }).strict();

export const channelId = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, { error: "cadre.id_format" });

export const channel = z.object({
  id: channelId,
  accepted: z.union([z.boolean(), z.literal("by-appointment")]),
  /** "any": contact at any time is fine; "business": only in open hours; or its own weekly hours. */
  contactHours: z.union([z.literal("any"), z.literal("business"), weeklyHours]).default("any"),
  responseWithin: businessDuration.optional(),
  /** Times of day (charter zone) when this channel is read, e.g. e-mail at 10:00 and 15:00. */
  checkTimes: z.array(wallTime).optional(),
  redirectTo: channelId.optional(),
});

export const meetingType = z.object({
  id: channelId,
  name: z.string().min(1).max(120).optional(),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  minNotice: businessDuration.optional(),
  bufferMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(0),
  maxPerDay: z.number().int().min(1).optional(),
  maxPerWeek: z.number().int().min(1).optional(),
  horizonDays: z.number().int().min(1).max(366).default(30),
  /** Minutes between two offered start times; default min(durationMinutes, 30). */
  slotIntervalMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .optional(),
  cancelNotice: wallDuration.optional(),
  lateCancel: z.enum(["counts-as-used", "fee", "free"]).default("counts-as-used"),
  lateCancelFeePercent: z.number().min(0).max(100).optional(),
});

export const charterSchema = z.object({
  schema: z.literal("cadre.charter/1"),
  timezone: z.string().min(1),
  locales: z
    .array(z.string().regex(/^[a-z]{2}(?:-[A-Z]{2})?$/, { error: "cadre.locale_format" }))
    .min(1),
  hours: weeklyHours,
  holidays: z
    .object({
      country: z.string().regex(/^[A-Z]{2}$/, { error: "cadre.country_format" }),
      region: z.string().min(1).max(10).optional(),
      /** date-holidays types that close the day; default ["public"]. */
      types: z.array(z.enum(["public", "bank", "school", "optional", "observance"])).optional(),
    })
    .nullable()
    .optional(),
  closures: z
    .array(z.object({ from: localDate, to: localDate, label: z.string().max(200).optional() }))
    .default([]),
  overrides: z
    .array(z.object({ date: localDate, hours: dayHours, label: z.string().max(200).optional() }))
    .default([]),
  channels: z.array(channel).min(1),
  requests: z
    .object({
      leadTime: businessDuration.optional(),
      rush: z
        .object({
          allowed: z.boolean(),
          feePercent: z.number().min(0).max(1000).default(0),
          maxPerMonth: z.number().int().min(0).optional(),
        })
        .optional(),
    })
    .default({}),
  meetings: z.array(meetingType).default([]),
  money: z
    .object({
      currency: z.string().regex(/^[A-Z]{3}$/, { error: "cadre.currency_format" }),
      paymentTermsDays: z.number().int().min(0).max(365).default(30),
      depositPercent: z.number().min(0).max(100).default(0),
      methods: z.array(z.string().min(1).max(40)).default([]),
      lateFee: z
        .union([
          z.object({
            percentPerMonth: z.number().min(0).max(100),
            graceDays: z.number().int().min(0).max(365).default(0),
          }),
          z.object({
            fixed: z.number().int().min(0),
            graceDays: z.number().int().min(0).max(365).default(0),
          }),
        ])
        .optional(),
      discounts: z.enum(["never", "alternatives"]).default("alternatives"),
      /** Payment reminders: days before the due date, and days after it (while unpaid). */
      reminders: z
        .object({
          beforeDays: z.array(z.number().int().min(1).max(60)).max(5).default([3]),
          afterDays: z.array(z.number().int().min(1).max(365)).max(10).default([1, 7]),
        })
        .optional(),
      /** Promotions end at an exact local time in the charter's zone. */
      promotions: z
        .array(
          z.object({
            id: channelId,
            label: z.string().max(200).optional(),
            endsAt: localDateTime,
          }),
        )
        .optional(),
    })
    .optional(),
  energy: z
    .object({
      maxWeeklyHours: z.number().min(0).max(168).optional(),
      maxActiveClients: z.number().int().min(0).optional(),
      weekendWork: z.boolean().optional(),
    })
    .optional(),
  escalation: z
    .array(
      z.object({
        after: z.number().int().min(1),
        withinDays: z.number().int().min(1).optional(),
        action: z.enum(["remind", "firm", "review-fit"]),
      }),
    )
    .default([]),
});

/** A charter as written (defaults not yet applied). */
export type CharterInput = z.input<typeof charterSchema>;
/** A charter after parsing, with defaults applied. */
export type Charter = z.output<typeof charterSchema>;
export type Channel = z.output<typeof channel>;
export type MeetingType = z.output<typeof meetingType>;
export type WeeklyHours = z.output<typeof weeklyHours>;
export type BusinessDuration = z.output<typeof businessDuration>;
export type Interval = [string, string];
