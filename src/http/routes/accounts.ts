// Sign-up, sign-in, sign-out, the current session, and "forgot password" (reset by e-mail link).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { describeSession } from "../../services/accounts/describe-session.ts";
import { logIn } from "../../services/accounts/log-in.ts";
import { requestPasswordReset, resetPassword } from "../../services/accounts/password-reset.ts";
import { endSession } from "../../services/accounts/sessions.ts";
import { signUp } from "../../services/accounts/sign-up.ts";
import {
  authRateLimit,
  checkCsrf,
  clearSessionCookie,
  credentialFor,
  requireAnyone,
  setSessionCookie,
} from "../auth.ts";
import {
  emailField,
  errorOut,
  line,
  passwordField,
  sessionOut,
  showSignedIn,
  showUser,
  showWorkspace,
  signedInOut,
  signInPassword,
} from "./account-schemas.ts";

const signUpBody = z.object({
  email: emailField,
  password: passwordField,
  name: line(1, 120),
  workspace: z.object({
    name: line(1, 120),
    slug: line(1, 60),
    timezone: line(1, 64),
    locale: line(2, 10),
    country: line(2, 2),
    region: line(0, 10).optional(),
    currency: line(3, 3).optional(),
  }),
});

const logInBody = z.object({
  email: emailField,
  password: signInPassword,
  workspace: line(0, 60).optional(),
});

const forgotBody = z.object({ email: emailField });

const resetBody = z.object({
  /** The secret of the link (`/app/reset-password#token=…`). */
  token: line(1, 200),
  password: passwordField,
});

const errors = { 400: errorOut, 401: errorOut, 403: errorOut, 409: errorOut, 429: errorOut };

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/v1/signup",
    {
      config: authRateLimit,
      schema: {
        tags: ["accounts"],
        summary: "Create an account and its workspace (you become its owner), signed in",
        body: signUpBody,
        response: { 201: signedInOut, ...errors },
      },
    },
    async (request, reply) => {
      const done = await signUp(app.ctx, request.body);
      setSessionCookie(request, reply, done.session);
      return reply.status(201).send(showSignedIn(done));
    },
  );

  app.post(
    "/api/v1/login",
    {
      config: authRateLimit,
      schema: {
        tags: ["accounts"],
        summary: "Sign in with e-mail and password (optionally to the workspace with this slug)",
        body: logInBody,
        response: { 200: signedInOut, ...errors },
      },
    },
    async (request, reply) => {
      const done = await logIn(app.ctx, request.body);
      setSessionCookie(request, reply, done.session);
      return showSignedIn(done);
    },
  );

  app.post(
    "/api/v1/password/forgot",
    {
      config: authRateLimit,
      schema: {
        tags: ["accounts"],
        summary:
          "Forgot password: e-mails a single-use reset link (valid 1 hour) when the address has an account; the same 202 either way",
        body: forgotBody,
        response: { 202: z.object({ ok: z.literal(true) }), 400: errorOut, 429: errorOut },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(app.ctx, request.body);
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    "/api/v1/password/reset",
    {
      config: authRateLimit,
      schema: {
        tags: ["accounts"],
        summary:
          "Set a new password with a reset link's token (works once); ends every other session of the account and signs in",
        body: resetBody,
        response: { 200: signedInOut, 400: errorOut, 410: errorOut, 429: errorOut },
      },
    },
    async (request, reply) => {
      const done = await resetPassword(app.ctx, request.body);
      setSessionCookie(request, reply, done.session);
      return showSignedIn(done);
    },
  );

  app.post(
    "/api/v1/logout",
    {
      schema: {
        tags: ["accounts"],
        summary: "Sign out: ends this session and clears its cookie",
        response: { 204: z.null(), 403: errorOut },
      },
    },
    async (request, reply) => {
      const credential = await credentialFor(request);
      if (credential && credential.csrfToken !== null) {
        checkCsrf(request, credential);
        await endSession(app.ctx, credential.hash);
      }
      clearSessionCookie(request, reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/session",
    {
      schema: {
        tags: ["accounts"],
        summary: "Who is signed in: member or client, the workspace, and the CSRF token",
        response: { 200: sessionOut, 401: errorOut },
      },
    },
    async (request) => {
      const credential = await requireAnyone(request);
      const session = await describeSession(app.ctx, credential.principal);
      return {
        kind: credential.principal.kind,
        via: credential.principal.via,
        ...(session.user ? { user: showUser(session.user) } : {}),
        ...(session.role ? { role: session.role } : {}),
        ...(session.client ? { client: session.client } : {}),
        workspace: showWorkspace(session.workspace),
        csrfToken: credential.csrfToken,
      };
    },
  );
};
