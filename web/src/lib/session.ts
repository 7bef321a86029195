// The signed-in caller (member or client) and its CSRF token, shared through TanStack Query.
import { useQuery } from "@tanstack/react-query";
import { ApiError, get, setCsrfToken } from "./api.ts";
import type { Session } from "./types.ts";

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
