// The signed-in caller (member or client) and its CSRF token, shared through TanStack Query.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, get, setCsrfToken } from "./api.ts";
import type { Session, SignedIn } from "./types.ts";

export const SESSION_KEY = ["session"] as const;

export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await get<Session>("/session");
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });
}

const KNOWN = "cadre.hasAccount";
/** Remembered so "/" sends a returning visitor to sign-in rather than sign-up. */
export function rememberAccount(): void {
  try {
    localStorage.setItem(KNOWN, "1");
  } catch {
    // ignore
  }
}
export function hasKnownAccount(): boolean {
  try {
    return localStorage.getItem(KNOWN) === "1";
  } catch {
    return false;
  }
}

/**
 * After a sign-up, sign-in, accepted invitation or password reset: keeps the new CSRF token,
 * forgets whatever the previous caller had loaded, and makes the new session the current one.
 */
export function useStartSession(): (done: SignedIn) => void {
  const queryClient = useQueryClient();
  return (done) => {
    setCsrfToken(done.csrfToken);
    rememberAccount();
    queryClient.clear();
    queryClient.setQueryData<Session>(SESSION_KEY, {
      kind: "member",
      via: "session",
      user: done.user,
      role: done.role,
      workspace: done.workspace,
      csrfToken: done.csrfToken,
    });
  };
}
