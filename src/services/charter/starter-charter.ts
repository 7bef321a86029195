// The draft a new workspace starts from: Monday to Friday 09:00–17:00 in the workspace's zone,
// its public holidays, the portal and e-mail as channels, calm defaults everywhere else.
import { isKnownHolidayRegion } from "../../domain/business-time/holidays.ts";
import type { CharterInput } from "../../domain/charter/schema.ts";

export interface WorkspaceBasics {
  timezone: string;
  locale: string;
  country: string;
  region: string | null;
  currency: string;
}

/** The workspace's locale first, then the same region in the other language (fr ↔ en). */
function starterLocales(locale: string): string[] {
  const match = /^([a-z]{2})(-[A-Z]{2})?$/.exec(locale);
  if (!match) return ["fr", "en"];
  const [, language, region = ""] = match;
  const other = language === "fr" ? "en" : "fr";
  return language === "fr" || language === "en" ? [locale, `${other}${region}`] : [locale, "en"];
}

export function starterCharter(w: WorkspaceBasics): CharterInput {
  const day: [string, string][] = [["09:00", "17:00"]];
  const country = w.country.toUpperCase();
  const region = w.region && isKnownHolidayRegion(country, w.region) ? w.region : undefined;
  return {
    schema: "cadre.charter/1",
    timezone: w.timezone,
    locales: starterLocales(w.locale),
    hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
    holidays: region ? { country, region } : { country },
    closures: [],
    overrides: [],
    channels: [
      {
        id: "portal",
        accepted: true,
        contactHours: "any",
        responseWithin: { businessHours: 8 },
      },
      {
        id: "email",
        accepted: true,
        contactHours: "any",
        responseWithin: { businessHours: 16 },
        checkTimes: ["10:00", "15:00"],
      },
      { id: "phone", accepted: "by-appointment", contactHours: "business" },
      { id: "sms", accepted: false, redirectTo: "portal" },
    ],
    requests: {
      leadTime: { businessDays: 2 },
      rush: { allowed: true, feePercent: 50, maxPerMonth: 1 },
    },
    meetings: [
      {
        id: "call-30",
        durationMinutes: 30,
        minNotice: { businessHours: 24 },
        bufferMinutes: 15,
        maxPerDay: 3,
        horizonDays: 30,
        cancelNotice: { hours: 24 },
        lateCancel: "counts-as-used",
      },
    ],
    money: {
      currency: w.currency,
      paymentTermsDays: 15,
      depositPercent: 30,
      methods: ["transfer", "card"],
      lateFee: { percentPerMonth: 2, graceDays: 5 },
      discounts: "alternatives",
    },
    energy: { maxWeeklyHours: 35, weekendWork: false },
    escalation: [
      { after: 1, action: "remind" },
      { after: 3, withinDays: 30, action: "firm" },
      { after: 5, withinDays: 90, action: "review-fit" },
    ],
  };
}
