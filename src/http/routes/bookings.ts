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
import {
  bookingOutcomeSchema,
  bookingSchema,
  cancelOutcomeSchema,
  portalBookingOutcomeSchema,
  portalBookingSchema,
  portalCancelSchema,
  portalRescheduleSchema,
  portalSlotsSchema,
  refusalSchema,
  rescheduleSchema,
  slotsSchema,
} from "../schemas/bookings.ts";
import { instant, ref } from "../schemas/catalog.ts";
import { errorResponses, errorSchema, pageQuery } from "../schemas/decision.ts";

const tags = ["meetings"];
const portalTags = ["portal"];
const meetingId = z.string().min(1).max(64);
const zone = z.string().min(1).max(64).describe("IANA zone for `days` and messages");

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
        response: { 201: bookingOutcomeSchema, ...refusals },
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
        response: { 201: portalBookingOutcomeSchema, ...refusals },
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
