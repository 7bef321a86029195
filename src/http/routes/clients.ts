// Clients of the workspace and their e-mail addresses.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createClient } from "../../services/clients/create-client.ts";
import { deleteClient } from "../../services/clients/delete-client.ts";
import { getClient } from "../../services/clients/get-client.ts";
import { listClients } from "../../services/clients/list-clients.ts";
import { updateClient } from "../../services/clients/update-client.ts";
import { requireMember } from "../auth.ts";
import { clientBody, clientPatch, clientSchema, ref, removalSchema } from "../schemas/catalog.ts";
import { errorResponses, errorSchema, pageQuery } from "../schemas/decision.ts";

const tags = ["clients"];
const params = z.object({ id: ref });

export const clientRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/clients",
    {
      schema: {
        tags,
        summary: "Clients by name, a page at a time; ?q= searches names, companies and e-mails",
        querystring: pageQuery.extend({
          q: z.string().max(200).optional(),
          archived: z.enum(["true", "false"]).optional(),
        }),
        response: {
          200: z.object({ items: z.array(clientSchema), total: z.number() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      const { q, archived, limit, offset } = request.query;
      return listClients(app.ctx, member.workspaceId, {
        q,
        includeArchived: archived === "true",
        limit,
        offset,
      });
    },
  );

  app.post(
    "/api/v1/clients",
    {
      schema: {
        tags,
        summary: "Add a client",
        body: clientBody,
        response: { 201: clientSchema, ...errorResponses, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const member = await requireMember(request);
      const b = request.body;
      const client = await createClient(app.ctx, member.workspaceId, {
        name: b.name,
        company: b.company ?? null,
        emails: b.emails,
        locale: b.locale,
        timezone: b.timezone ?? null,
        notes: b.notes ?? null,
      });
      return reply.status(201).send(client);
    },
  );

  app.get(
    "/api/v1/clients/:id",
    {
      schema: {
        tags,
        summary: "One client",
        params,
        response: { 200: clientSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return getClient(app.ctx, member.workspaceId, request.params.id);
    },
  );

  app.patch(
    "/api/v1/clients/:id",
    {
      schema: {
        tags,
        summary: "Change a client",
        params,
        body: clientPatch,
        response: { 200: clientSchema, ...errorResponses, 409: errorSchema },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return updateClient(app.ctx, member.workspaceId, request.params.id, request.body);
    },
  );

  app.delete(
    "/api/v1/clients/:id",
    {
      schema: {
        tags,
        summary: "Delete a client, or archive them when their history must stay",
        params,
        response: { 200: removalSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return deleteClient(app.ctx, member.workspaceId, request.params.id);
    },
  );
};
