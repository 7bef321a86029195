// Who is calling: a member of a workspace (session cookie or Bearer API token) or a client
// (portal session from a magic link). Routes call requireMember / requireClient / principalOf.
import type { FastifyReply, FastifyRequest } from "fastify";
import "../services/accounts/messages.ts";
import type {
  ClientPrincipal,
  MemberPrincipal,
  Principal,
  ResolvedCredential,
} from "../services/accounts/principal.ts";
import { API_TOKEN_PREFIX, sameSecret } from "../services/accounts/secrets.ts";
import { resolveCredential, type StartedSession } from "../services/accounts/sessions.ts";
import { AppError } from "../services/errors.ts";

export type { ClientPrincipal, MemberPrincipal, Principal };

export const SESSION_COOKIE = "cadre_session";
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const resolved = new WeakMap<FastifyRequest, Promise<ResolvedCredential | null>>();

function credentialOf(
  request: FastifyRequest,
): { kind: "session" | "token"; secret: string } | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const secret = match?.[1];
    return secret?.startsWith(API_TOKEN_PREFIX) ? { kind: "token", secret } : null;
  }
  const secret = request.cookies[SESSION_COOKIE];
  return secret ? { kind: "session", secret } : null;
}

/** The caller's credential, resolved once per request. */
export function credentialFor(request: FastifyRequest): Promise<ResolvedCredential | null> {
  let found = resolved.get(request);
  if (!found) {
    const credential = credentialOf(request);
    found = credential ? resolveCredential(request.server.ctx, credential) : Promise.resolve(null);
    resolved.set(request, found);
  }
  return found;
}

/** The caller, or null when anonymous. Does not check CSRF (reads only). */
export async function principalOf(request: FastifyRequest): Promise<Principal | null> {
  return (await credentialFor(request))?.principal ?? null;
}

/** Cookie-authenticated writes must carry the session's CSRF token in x-csrf-token. */
export function checkCsrf(request: FastifyRequest, credential: ResolvedCredential): void {
  if (credential.csrfToken === null || !UNSAFE_METHODS.has(request.method)) return;
  const sent = request.headers["x-csrf-token"];
  if (typeof sent !== "string" || !sameSecret(sent, credential.csrfToken)) {
    throw new AppError("forbidden", "csrf_invalid");
  }
}

async function authenticated(request: FastifyRequest): Promise<ResolvedCredential> {
  const credential = await credentialFor(request);
  if (!credential) throw new AppError("unauthorized", "unauthorized");
  checkCsrf(request, credential);
  return credential;
}

/** A member of the workspace, or 401/403. Checks CSRF on cookie-authenticated writes. */
export async function requireMember(request: FastifyRequest): Promise<MemberPrincipal> {
  const { principal } = await authenticated(request);
  if (principal.kind !== "member") throw new AppError("forbidden", "forbidden");
  return principal;
}

/** The owner of the workspace, or 401/403. */
export async function requireOwner(request: FastifyRequest): Promise<MemberPrincipal> {
  const principal = await requireMember(request);
  if (principal.role !== "owner") throw new AppError("forbidden", "owner_only");
  return principal;
}

/** A client in the portal, or 401/403. Checks CSRF on writes. */
export async function requireClient(request: FastifyRequest): Promise<ClientPrincipal> {
  const { principal } = await authenticated(request);
  if (principal.kind !== "client") throw new AppError("forbidden", "forbidden");
  return principal;
}

/** Any signed-in caller (member or client), CSRF checked on writes. */
export function requireAnyone(request: FastifyRequest): Promise<ResolvedCredential> {
  return authenticated(request);
}

function secureCookie(request: FastifyRequest): boolean {
  const setting = request.server.ctx.config.cookieSecure;
  if (setting !== "auto") return setting;
  const host = request.hostname.replace(/^\[|\]$/g, "");
  return request.protocol === "https" || ["localhost", "127.0.0.1", "::1"].includes(host);
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  session: StartedSession,
): void {
  reply.setCookie(SESSION_COOKIE, session.secret, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookie(request),
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookie(request),
  });
}

/** Route config for auth routes: N attempts per minute per IP (N from ctx.config). */
export const authRateLimit = {
  rateLimit: {
    max: (request: FastifyRequest) => request.server.ctx.config.authRateLimit,
    timeWindow: 60_000,
  },
};
