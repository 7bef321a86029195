// Who is calling: a member of a workspace (session cookie or Bearer API token) or a client
// (portal session from a magic link). Implemented by the accounts work; routes only call these.
import type { FastifyRequest } from "fastify";
import { AppError } from "../services/errors.ts";

export interface MemberPrincipal {
  kind: "member";
  workspaceId: string;
  userId: string;
  role: "owner" | "member";
  via: "session" | "token";
}

export interface ClientPrincipal {
  kind: "client";
  workspaceId: string;
  clientId: string;
  via: "session";
}

export type Principal = MemberPrincipal | ClientPrincipal;

/** The caller, or null when anonymous. Placeholder until accounts land. */
export async function principalOf(_request: FastifyRequest): Promise<Principal | null> {
  return null;
}

/** A member of the workspace, or 401/403. Checks CSRF on cookie-authenticated writes. */
export async function requireMember(request: FastifyRequest): Promise<MemberPrincipal> {
  const principal = await principalOf(request);
  if (!principal) throw new AppError("unauthorized", "unauthorized");
  if (principal.kind !== "member") throw new AppError("forbidden", "forbidden");
  return principal;
}

/** A client in the portal, or 401/403. */
export async function requireClient(request: FastifyRequest): Promise<ClientPrincipal> {
  const principal = await principalOf(request);
  if (!principal) throw new AppError("unauthorized", "unauthorized");
  if (principal.kind !== "client") throw new AppError("forbidden", "forbidden");
  return principal;
}
