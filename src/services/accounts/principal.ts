// Who is calling: a member of a workspace (session cookie or Bearer API token) or a client
// (portal session opened by a magic link).

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

/** A principal with what the HTTP layer needs: the session's CSRF token and credential hash. */
export interface ResolvedCredential {
  principal: Principal;
  /** The SHA-256 of the session secret or API token (the cache and logout key). */
  hash: string;
  /** Null for Bearer tokens, which need no CSRF token. */
  csrfToken: string | null;
  /** Epoch ms after which the credential is no longer valid. */
  expiresAt: number;
}

export function actorOf(principal: Principal): string {
  return principal.kind === "member" ? `user:${principal.userId}` : `client:${principal.clientId}`;
}
