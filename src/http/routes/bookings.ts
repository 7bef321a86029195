// Meetings: free slots of a meeting type, bookings that keep the charter's limits, cancel and
// reschedule. The professional acts for any client; a client acts for themselves in the portal.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorMessage } from "../../i18n/errors.ts";
import {
  type BookingOutcome,
  BookingRefused,
  createBooking,
} from "../../services/bookings/book.ts";
import { cancelMeeting, rescheduleMeeting } from "../../services/bookings/cancel.ts";
import { findBooking, findBookings, portalView } from "../../services/bookings/list.ts";
import { meetingSlots } from "../../services/bookings/slots.ts";
import type { CalendarWarning } from "../../services/calendars/warnings.ts";
import { requireClient, requireMember } from "../auth.ts";
import { requestLang } from "../errors.ts";
import { instant, ref } from "../schemas/catalog.ts";
import { errorResponses, errorSchema, pageQuery } from "../schemas/decision.ts";

const tags = ["meetings"];
const portalTags = ["portal"];
const meetingId = z.string().min(1).max(64);
const zone = z.string().min(1).max(64).describe("IANA zone for `days` and messages");

const quotaSchema = z
  .object({ included: z.number(), used: z.number(), left: z.number(), exceeded: z.boolean() })
  .describe("The engagement's meetings: offer + extras bought, used, left");
const extraSchema = z
  .object({
    addOnId: z.string(),
    name: z.string(),
    price: z.number().describe("Minor units"),
    currency: z.string(),
    grants: z.number(),
  })
  .describe("The offer's paid extra meeting");
const warningSchema = z.object({
  sourceId: z.string(),
  label: z.string(),
  state: z.enum(["failing", "stale", "pending"]),
  error: z.string().nullable(),
  lastFetchedAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
});
const portalWarningSchema = warningSchema.pick({
  sourceId: true,
  state: true,
  lastFetchedAt: true,
  lastSuccessAt: true,
});
const ruleSchema = z.object({
  id: z.string().describe("e.g. meetings.min-notice, meetings.max-per-day, quota.exceeded"),
  category: z.string(),
  params: z.record(z.string(), z.unknown()),
  message: z.string().describe("In the caller's language, instants in the booker's zone"),
});
const slotsSchema = z.object({
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
  quota: quotaSchema.nullable(),
  extraPrice: extraSchema.nullable(),
  reasons: z.array(ruleSchema).describe("The limits that cut the range"),
  warnings: z.array(warningSchema).describe("Imported calendars that could not be read lately"),
});
const portalSlotsSchema = slotsSchema.extend({ warnings: z.array(portalWarningSchema) });

const bookingSchema = z.object({
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
const portalBookingSchema = bookingSchema.pick({
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
const outcomeSchema = z.object({
  booking: bookingSchema,
  quota: quotaSchema.nullable(),
  paidExtra: extraSchema.nullable(),
  exceptions: z.array(z.object({ id: z.string(), ruleId: z.string() })),
  warnings: z.array(warningSchema),
  mailId: z.string().nullable(),
});
const portalOutcomeSchema = z.object({
  booking: portalBookingSchema,
  quota: quotaSchema.nullable(),
  paidExtra: extraSchema.nullable(),
});
const cancelledSchema = z.object({
  late: z.boolean(),
  consequence: z.enum(["none", "counts-as-used", "fee", "free", "waived"]),
  fee: z.object({ amount: z.number(), currency: z.string() }).nullable(),
  violation: z.boolean(),
});
const cancelOutcomeSchema = cancelledSchema.extend({
  booking: bookingSchema,
  quota: quotaSchema.nullable(),
  mailId: z.string().nullable(),
});
const portalCancelSchema = cancelledSchema.extend({
  booking: portalBookingSchema,
  quota: quotaSchema.nullable(),
});
const rescheduleSchema = outcomeSchema.extend({
  previous: cancelledSchema.extend({ booking: bookingSchema }),
});
const portalRescheduleSchema = portalOutcomeSchema.extend({
  previous: cancelledSchema.extend({ booking: portalBookingSchema }),
});
export const refusalSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
    rules: z.array(ruleSchema),
    quota: quotaSchema.nullable(),
    extraPrice: extraSchema.nullable(),
  }),
});

const exception = z
  .object({ reason: z.string().trim().min(1).max(1000) })
  .describe("Book anyway: each rule broken is recorded in the exceptions ledger with this reason");
const slotsQuery = z.object({
  from: instant.optional(),
  to: instant.optional(),
  memberId: ref.optional().describe("Default: the workspace's owner"),
  zone: zone.optional(),
  lang: z.enum(["fr", "en"]).optional(),
});
const params = z.object({ id: ref });
const refusals = { ...errorResponses, 409: errorSchema, 422: refusalSchema };

function sendRefusal(request: FastifyRequest, reply: FastifyReply, error: BookingRefused) {
  return reply.status(422).send({
    error: {
      code: error.code,
      message: errorMessage(error.key, error.params, requestLang(request)),
      details: error.rules.map((r) => ({ path: "start", code: r.id, message: r.message })),
      rules: error.rules,
      quota: error.quota,
      extraPrice: error.extraPrice,
    },
  });
}

/** Runs a booking use case; a refusal becomes the 422 with its rules. */
async function refusing<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  work: () => Promise<T>,
): Promise<T | FastifyReply> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BookingRefused) return sendRefusal(request, reply, error);
    throw error;
  }
}

const forPortal = (warnings: CalendarWarning[]) =>
  warnings.map(({ sourceId, state, lastFetchedAt, lastSuccessAt }) => ({
    sourceId,
    state,
    lastFetchedAt,
    lastSuccessAt,
  }));
const portalOutcome = (o: BookingOutcome) => ({
  booking: portalView(o.booking),
  quota: o.quota,
  paidExtra: o.paidExtra,
});
const at = (text: string | undefined) => (text === undefined ? undefined : Date.parse(text));

export const bookingRoutes: FastifyPluginAsyncZod = async (app) => {
  // --- The professional -----------------------------------------------------------------------

  app.get(
    "/api/v1/meetings/:meetingTypeId/slots",
    {
      schema: {
        tags,
        summary: "Free start times of a meeting type, with the client's quota and the paid extra",
        description:
          "Slots start in [from, to) (default: now to the horizon). With clientId, the client's meetings quota applies (quota.exceeded: a booking would be the paid extra). `warnings` lists imported calendars that failed or are stale: their busy times may be missing.",
        params: z.object({ meetingTypeId: meetingId }),
        querystring: slotsQuery.extend({ clientId: ref.optional() }),
        response: { 200: slotsSchema, ...errorResponses, 409: errorSchema },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      const q = request.query;
      return meetingSlots(app.ctx, {
        workspaceId: member.workspaceId,
        meetingTypeId: request.params.meetingTypeId,
        clientId: q.clientId,
        memberId: q.memberId,
        from: at(q.from),
        to: at(q.to),
        zone: q.zone,
        lang: requestLang(request),
      });
    },
  );

  app.post(
    "/api/v1/bookings",
    {
      schema: {
        tags,
        summary: "Book a meeting for a client (every rule checked again, in one transaction)",
        description:
          "409 when the slot was just taken; 422 with every rule broken (localised), the quota and the paid extra. `acceptPaidExtra` books past the included meetings as the offer's paid extra; `exception` books anyway and records each rule broken in the exceptions ledger.",
        body: z.object({
          meetingTypeId: meetingId,
          clientId: ref,
          start: instant,
          memberId: ref.optional(),
          acceptPaidExtra: z.boolean().optional(),
          exception: exception.optional(),
        }),
        response: { 201: outcomeSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const member = await requireMember(request);
      const b = request.body;
      return refusing(request, reply, async () => {
        const outcome = await createBooking(app.ctx, {
          workspaceId: member.workspaceId,
          meetingTypeId: b.meetingTypeId,
          clientId: b.clientId,
          memberId: b.memberId,
          start: Date.parse(b.start),
          acceptPaidExtra: b.acceptPaidExtra,
          exception: b.exception,
          actor: { kind: "member", userId: member.userId },
          lang: requestLang(request),
        });
        return reply.status(201).send(outcome);
      });
    },
  );

  app.get(
    "/api/v1/bookings",
    {
      schema: {
        tags,
        summary: "Bookings by start time, optionally for one client, member, status or period",
        querystring: pageQuery.extend({
          clientId: ref.optional(),
          memberId: ref.optional(),
          status: z.enum(["booked", "cancelled", "late-cancelled"]).optional(),
          from: instant.optional(),
          to: instant.optional(),
        }),
        response: { 200: z.object({ items: z.array(bookingSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      const q = request.query;
      const items = await findBookings(app.ctx, member.workspaceId, {
        clientId: q.clientId,
        memberId: q.memberId,
        status: q.status,
        from: at(q.from),
        to: at(q.to),
        limit: q.limit,
        offset: q.offset,
      });
      return { items };
    },
  );

  app.get(
    "/api/v1/bookings/:id",
    {
      schema: {
        tags,
        summary: "One booking",
        params,
        response: { 200: bookingSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return findBooking(app.ctx, member.workspaceId, request.params.id);
    },
  );

  app.post(
    "/api/v1/bookings/:id/cancel",
    {
      schema: {
        tags,
        summary: "Cancel a booking (by the professional, or on the client's behalf)",
        description:
          "By the professional: the meeting is freed. With onBehalfOfClient, the meeting type's cancelNotice and lateCancel apply as if the client cancelled (violation meetings.late-cancel when late); `exception` waives the consequence and records it.",
        params,
        body: z
          .object({
            reason: z.string().trim().max(1000).optional(),
            onBehalfOfClient: z.boolean().optional(),
            exception: exception.optional(),
          })
          .nullish(),
        response: { 200: cancelOutcomeSchema, ...errorResponses, 409: errorSchema },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      const b = request.body ?? {};
      return cancelMeeting(app.ctx, {
        workspaceId: member.workspaceId,
        bookingId: request.params.id,
        actor: { kind: "member", userId: member.userId },
        reason: b.reason,
        onBehalfOfClient: b.onBehalfOfClient,
        exception: b.exception,
        lang: requestLang(request),
      });
    },
  );

  app.post(
    "/api/v1/bookings/:id/reschedule",
    {
      schema: {
        tags,
        summary: "Move a booking to another start (the old one is cancelled, the new one checked)",
        params,
        body: z.object({
          start: instant,
          acceptPaidExtra: z.boolean().optional(),
          onBehalfOfClient: z.boolean().optional(),
          exception: exception.optional(),
        }),
        response: { 200: rescheduleSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const member = await requireMember(request);
      const b = request.body;
      return refusing(request, reply, () =>
        rescheduleMeeting(app.ctx, {
          workspaceId: member.workspaceId,
          bookingId: request.params.id,
          start: Date.parse(b.start),
          acceptPaidExtra: b.acceptPaidExtra,
          onBehalfOfClient: b.onBehalfOfClient,
          exception: b.exception,
          actor: { kind: "member", userId: member.userId },
          lang: requestLang(request),
        }),
      );
    },
  );

  // --- The client, in the portal ----------------------------------------------------------------

  app.get(
    "/api/v1/portal/meetings/:meetingTypeId/slots",
    {
      schema: {
        tags: portalTags,
        summary: "Free start times for me, in my zone, with what my engagement includes",
        params: z.object({ meetingTypeId: meetingId }),
        querystring: slotsQuery,
        response: { 200: portalSlotsSchema, ...errorResponses, 409: errorSchema },
      },
    },
    async (request) => {
      const client = await requireClient(request);
      const q = request.query;
      const result = await meetingSlots(app.ctx, {
        workspaceId: client.workspaceId,
        meetingTypeId: request.params.meetingTypeId,
        clientId: client.clientId,
        memberId: q.memberId,
        from: at(q.from),
        to: at(q.to),
        zone: q.zone,
        byClient: true,
        lang: requestLang(request),
      });
      return { ...result, warnings: forPortal(result.warnings) };
    },
  );

  app.post(
    "/api/v1/portal/bookings",
    {
      schema: {
        tags: portalTags,
        summary: "Book a meeting (a paid extra when my included meetings are used up)",
        body: z.object({
          meetingTypeId: meetingId,
          start: instant,
          memberId: ref.optional(),
          acceptPaidExtra: z.boolean().optional(),
        }),
        response: { 201: portalOutcomeSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const client = await requireClient(request);
      const b = request.body;
      return refusing(request, reply, async () => {
        const outcome = await createBooking(app.ctx, {
          workspaceId: client.workspaceId,
          meetingTypeId: b.meetingTypeId,
          clientId: client.clientId,
          memberId: b.memberId,
          start: Date.parse(b.start),
          acceptPaidExtra: b.acceptPaidExtra,
          actor: { kind: "client", clientId: client.clientId },
          lang: requestLang(request),
        });
        return reply.status(201).send(portalOutcome(outcome));
      });
    },
  );

  app.get(
    "/api/v1/portal/bookings",
    {
      schema: {
        tags: portalTags,
        summary: "My bookings, by start time",
        querystring: pageQuery.extend({
          status: z.enum(["booked", "cancelled", "late-cancelled"]).optional(),
          from: instant.optional(),
          to: instant.optional(),
        }),
        response: { 200: z.object({ items: z.array(portalBookingSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const client = await requireClient(request);
      const q = request.query;
      const items = await findBookings(app.ctx, client.workspaceId, {
        clientId: client.clientId,
        status: q.status,
        from: at(q.from),
        to: at(q.to),
        limit: q.limit,
        offset: q.offset,
      });
      return { items: items.map(portalView) };
    },
  );

  app.post(
    "/api/v1/portal/bookings/:id/cancel",
    {
      schema: {
        tags: portalTags,
        summary: "Cancel my meeting (late: the charter's late-cancellation policy applies)",
        params,
        body: z.object({ reason: z.string().trim().max(1000).optional() }).nullish(),
        response: { 200: portalCancelSchema, ...errorResponses, 409: errorSchema },
      },
    },
    async (request) => {
      const client = await requireClient(request);
      const done = await cancelMeeting(app.ctx, {
        workspaceId: client.workspaceId,
        bookingId: request.params.id,
        actor: { kind: "client", clientId: client.clientId },
        reason: request.body?.reason,
        lang: requestLang(request),
      });
      return {
        booking: portalView(done.booking),
        late: done.late,
        consequence: done.consequence,
        fee: done.fee,
        violation: done.violation,
        quota: done.quota,
      };
    },
  );

  app.post(
    "/api/v1/portal/bookings/:id/reschedule",
    {
      schema: {
        tags: portalTags,
        summary: "Move my meeting (late: counts as a late cancellation)",
        params,
        body: z.object({ start: instant, acceptPaidExtra: z.boolean().optional() }),
        response: { 200: portalRescheduleSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const client = await requireClient(request);
      const b = request.body;
      return refusing(request, reply, async () => {
        const done = await rescheduleMeeting(app.ctx, {
          workspaceId: client.workspaceId,
          bookingId: request.params.id,
          start: Date.parse(b.start),
          acceptPaidExtra: b.acceptPaidExtra,
          actor: { kind: "client", clientId: client.clientId },
          lang: requestLang(request),
        });
        return {
          ...portalOutcome(done),
          previous: {
            booking: portalView(done.previous.booking),
            late: done.previous.late,
            consequence: done.previous.consequence,
            fee: done.previous.fee,
            violation: done.previous.violation,
          },
        };
      });
    },
  );
};
