// Calendars: the member's private ICS feed (secret address, rotate, revoke) and the ICS links
// whose busy times block slots (add, list with the last error, refresh now, remove).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { memberAgenda } from "../../services/calendars/agenda.ts";
import { createFeed, feedStatus, renderFeed, revokeFeed } from "../../services/calendars/feed.ts";
import {
  addSource,
  memberSources,
  refreshMemberSource,
  removeSource,
} from "../../services/calendars/sources.ts";
import { AppError } from "../../services/errors.ts";
import { requireMember } from "../auth.ts";
import { requestLang } from "../errors.ts";
import { agendaSchema, calendarSourceSchema } from "../schemas/calendars.ts";
import { instant, ref } from "../schemas/catalog.ts";
import { errorResponses, errorSchema } from "../schemas/decision.ts";

const tags = ["calendars"];

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/v1/calendar/feed",
    {
      schema: {
        tags,
        summary: "Create (or rotate) my private ICS feed of bookings; the address is shown once",
        response: {
          201: z.object({ url: z.string(), webcalUrl: z.string(), createdAt: z.string() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const member = await requireMember(request);
      return reply.status(201).send(await createFeed(app.ctx, member.workspaceId, member.userId));
    },
  );

  app.get(
    "/api/v1/calendar/feed",
    {
      schema: {
        tags,
        summary: "Whether I have an active feed (its secret is never shown again)",
        response: {
          200: z.object({ active: z.boolean(), createdAt: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return feedStatus(app.ctx, member.workspaceId, member.userId);
    },
  );

  app.delete(
    "/api/v1/calendar/feed",
    {
      schema: {
        tags,
        summary: "Revoke my feed: its address answers 404 from now on",
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const member = await requireMember(request);
      await revokeFeed(app.ctx, member.workspaceId, member.userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/calendar/sources",
    {
      schema: {
        tags,
        summary: "My imported calendars, with the last read and its error",
        response: { 200: z.object({ items: z.array(calendarSourceSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      const items = await memberSources(
        app.ctx,
        member.workspaceId,
        member.userId,
        requestLang(request),
      );
      return { items };
    },
  );

  app.post(
    "/api/v1/calendar/sources",
    {
      schema: {
        tags,
        summary: "Import busy times from an ICS link (read at once, then every 15 minutes)",
        body: z.object({
          url: z.string().trim().min(1).max(2000),
          label: z.string().trim().min(1).max(120),
        }),
        response: { 201: calendarSourceSchema, ...errorResponses, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const member = await requireMember(request);
      const created = await addSource(
        app.ctx,
        member.workspaceId,
        member.userId,
        request.body,
        requestLang(request),
      );
      return reply.status(201).send(created);
    },
  );

  app.post(
    "/api/v1/calendar/sources/:id/refresh",
    {
      schema: {
        tags,
        summary: "Read an imported calendar now and show the outcome",
        params: z.object({ id: ref }),
        response: { 200: calendarSourceSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return refreshMemberSource(
        app.ctx,
        member.workspaceId,
        member.userId,
        request.params.id,
        requestLang(request),
      );
    },
  );

  app.delete(
    "/api/v1/calendar/sources/:id",
    {
      schema: {
        tags,
        summary: "Stop importing a calendar (its busy times are removed)",
        params: z.object({ id: ref }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const member = await requireMember(request);
      await removeSource(app.ctx, member.workspaceId, member.userId, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/calendar/agenda",
    {
      schema: {
        tags,
        summary: "My open time, closed days, imported busy times and meeting types over a range",
        description:
          "For the week view (bookings come from GET /api/v1/bookings). `open` is the member's open time (their hours, else the charter's, with holidays, closures and overrides); `closedDays` are dates in the charter's zone closed by a holiday, a closure or an override, named in the caller's language; `busy` are the imported busy times with their calendar's label. At most 62 days; default: 7 days from now.",
        querystring: z.object({
          from: instant.optional(),
          to: instant.optional(),
          memberId: ref.optional().describe("Default: the workspace's owner"),
        }),
        response: {
          200: agendaSchema,
          ...errorResponses,
          409: errorSchema,
        },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      const q = request.query;
      return memberAgenda(app.ctx, {
        workspaceId: member.workspaceId,
        memberId: q.memberId ?? member.userId,
        from: q.from === undefined ? undefined : Date.parse(q.from),
        to: q.to === undefined ? undefined : Date.parse(q.to),
        lang: requestLang(request),
      });
    },
  );

  // The feed itself: no session, the secret in the address is the credential.
  app.get(
    "/api/v1/calendar/:file",
    {
      schema: {
        tags,
        summary: "A member's private ICS feed: GET /api/v1/calendar/{secret}.ics",
        params: z.object({ file: z.string().min(1).max(120) }),
        response: { 200: z.string(), 404: errorSchema },
      },
    },
    async (request, reply) => {
      const { file } = request.params;
      if (!file.endsWith(".ics")) throw new AppError("not_found", "calendar_feed_not_found");
      const text = await renderFeed(app.ctx, file.slice(0, -4));
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("cache-control", "private, max-age=300")
        .header("content-disposition", 'inline; filename="cadre.ics"')
        .header("x-robots-tag", "noindex")
        .send(text);
    },
  );
};
