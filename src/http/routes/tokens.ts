// API tokens: create (the token is shown once), list (never the secrets), revoke.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createApiToken, listTokens, revokeToken } from "../../services/accounts/api-tokens.ts";
import { requireMember } from "../auth.ts";
import { errorOut, line } from "./account-schemas.ts";

const tokenOut = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

const errors = { 400: errorOut, 401: errorOut, 403: errorOut, 404: errorOut };

export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/v1/tokens",
    {
      schema: {
        tags: ["accounts"],
        summary: "Create an API token for scripts (Authorization: Bearer cad_…); shown only once",
        body: z.object({ name: line(1, 100) }),
        response: {
          201: z.object({
            id: z.string(),
            name: z.string(),
            token: z.string(),
            createdAt: z.string(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const principal = await requireMember(request);
      const created = await createApiToken(app.ctx, principal, request.body.name);
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/v1/tokens",
    {
      schema: {
        tags: ["accounts"],
        summary: "API tokens: all of the workspace for its owner, your own for a member",
        response: { 200: z.object({ tokens: z.array(tokenOut) }), ...errors },
      },
    },
    async (request) => {
      const principal = await requireMember(request);
      return { tokens: await listTokens(app.ctx, principal) };
    },
  );

  app.delete(
    "/api/v1/tokens/:id",
    {
      schema: {
        tags: ["accounts"],
        summary: "Revoke an API token; it stops working at once",
        params: z.object({ id: line(1, 100) }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const principal = await requireMember(request);
      await revokeToken(app.ctx, principal, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
