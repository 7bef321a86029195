// Workspace members: invitations (owner only), accepting one, the list.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { acceptInvitation, inviteMember, membersOf } from "../../services/accounts/members.ts";
import { authRateLimit, requireMember, requireOwner, setSessionCookie } from "../auth.ts";
import {
  emailField,
  errorOut,
  line,
  passwordField,
  roleField,
  showSignedIn,
  signedInOut,
} from "./account-schemas.ts";

const errors = {
  400: errorOut,
  401: errorOut,
  403: errorOut,
  404: errorOut,
  409: errorOut,
  429: errorOut,
};

const memberOut = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleField,
  joinedAt: z.string(),
});

const invitationOut = z.object({
  id: z.string(),
  email: z.string(),
  role: roleField,
  expiresAt: z.string(),
  createdAt: z.string(),
});

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/v1/members/invitations",
    {
      schema: {
        tags: ["accounts"],
        summary: "Invite someone to the workspace by e-mail (owner only); valid 7 days",
        body: z.object({ email: emailField, role: roleField.default("member") }),
        response: {
          201: z.object({ id: z.string(), url: z.string(), expiresAt: z.string() }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const principal = await requireOwner(request);
      const invitation = await inviteMember(app.ctx, principal, request.body);
      return reply.status(201).send(invitation);
    },
  );

  app.post(
    "/api/v1/invitations/accept",
    {
      config: authRateLimit,
      schema: {
        tags: ["accounts"],
        summary:
          "Accept an invitation: creates the account (name + password), or joins with an existing account's password; signed in",
        body: z.object({
          token: line(1, 200),
          name: line(0, 120).optional(),
          password: passwordField,
        }),
        response: { 200: signedInOut, ...errors },
      },
    },
    async (request, reply) => {
      const done = await acceptInvitation(app.ctx, request.body);
      setSessionCookie(request, reply, done.session);
      return showSignedIn(done);
    },
  );

  app.get(
    "/api/v1/members",
    {
      schema: {
        tags: ["accounts"],
        summary: "The workspace's members, and its pending invitations (for the owner)",
        response: {
          200: z.object({ members: z.array(memberOut), invitations: z.array(invitationOut) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const principal = await requireMember(request);
      const { members, invitations } = await membersOf(app.ctx, principal);
      return {
        members,
        invitations: invitations.map(({ id, email, role, expiresAt, createdAt }) => ({
          id,
          email,
          role,
          expiresAt,
          createdAt,
        })),
      };
    },
  );
};
