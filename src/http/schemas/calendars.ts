// Response schemas of imported calendars and the member's agenda (see routes/calendars.ts). Pure
// zod: the web app derives its types from them.
import { z } from "zod";

/** An imported calendar that could not be read lately: its busy times may be missing. */
export const calendarWarningSchema = z.object({
  sourceId: z.string(),
  label: z.string(),
  state: z.enum(["failing", "stale", "pending"]),
  error: z.string().nullable(),
  lastFetchedAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
});

export const calendarSourceSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  url: z.string().describe("The link with its secret part hidden"),
  label: z.string(),
  createdAt: z.string(),
  lastFetchedAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable().describe("Stable code and detail, e.g. calendar.http: 404"),
  errorMessage: z.string().nullable().describe("The last error in the caller's language"),
  eventCount: z.number(),
  warning: calendarWarningSchema.nullable(),
});

export const agendaSchema = z.object({
  memberId: z.string(),
  timezone: z.string().describe("The charter's zone"),
  from: z.string(),
  to: z.string(),
  open: z.array(z.object({ start: z.string(), end: z.string() })),
  closedDays: z.array(
    z.object({
      date: z.string(),
      kind: z.enum(["holiday", "closure", "override"]),
      label: z.string().nullable(),
    }),
  ),
  busy: z.array(
    z.object({
      start: z.string(),
      end: z.string(),
      sourceId: z.string(),
      label: z.string(),
    }),
  ),
  meetingTypes: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      durationMinutes: z.number(),
    }),
  ),
  warnings: z.array(calendarWarningSchema),
});
