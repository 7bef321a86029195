// Client access: a member sends a magic link; the client opens it into a portal session.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { openPortalSession, sendMagicLink } from "../../services/accounts/client-access.ts";
import { authRateLimit, requireMember, setSessionCookie } from "../auth.ts";
import { clientOut, errorOut, line, showWorkspace, workspaceOut } from "./account-schemas.ts";

const errors = { 400: errorOut, 401: errorOut, 403: errorOut, 404: errorOut, 429: errorOut };

export const clientAccessRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/v1/clients/:clientId/magic-link",
    {
      config: authRateLimit,
      schema: {
        tags: ["accounts"],
        summary:
          "Send a client a single-use link to the portal (valid 7 days), e-mailed to their first address",
        params: z.object({ clientId: line(1, 100) }),
        response: {
          201: z.object({ url: z.string(), expiresAt: z.string(), sentTo: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const principal = await requireMember(request);
      const link = await sendMagicLink(app.ctx, principal, request.params.clientId);
      return reply.status(201).send(link);
    },
  );

  app.post(
    "/api/v1/portal/session",
    {
      config: authRateLimit,
      schema: {
        tags: ["accounts"],
        summary: "Open the client portal with a magic link's token (works once)",
        body: z.object({ token: line(1, 200) }),
        response: {
          200: z.object({ client: clientOut, workspace: workspaceOut, csrfToken: z.string() }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const opened = await openPortalSession(app.ctx, request.body.token);
      setSessionCookie(request, reply, opened.session);
      return {
        client: opened.client,
        workspace: showWorkspace(opened.workspace),
        csrfToken: opened.session.csrfToken,
      };
    },
  );
};
