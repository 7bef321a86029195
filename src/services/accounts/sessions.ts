// Starting, resolving and ending sessions and API tokens as principals.
import type { Kysely } from "kysely";
import { apiTokenByHash } from "../../store/repositories/api-tokens.ts";
import {
  deleteSession,
  insertSession,
  type SessionKind,
  sessionByHash,
} from "../../store/repositories/sessions.ts";
import type { Database } from "../../store/schema.ts";
import type { AppContext } from "../context.ts";
import type { Principal, ResolvedCredential } from "./principal.ts";
import { cacheCredential, cachedCredential, forgetCredential } from "./principal-cache.ts";
import { randomSecret, sha256 } from "./secrets.ts";

const MS_PER_DAY = 86_400_000;
/** How long a resolved API token stays valid in the cache (tokens themselves do not expire). */
const TOKEN_CHECK_MS = 30_000;

export interface StartedSession {
  /** The cookie value; only its hash is stored. */
  secret: string;
  csrfToken: string;
  expiresAt: string;
}

export async function startSession(
  ctx: AppContext,
  db: Kysely<Database>,
  who: { workspaceId: string; kind: SessionKind; userId?: string; clientId?: string },
): Promise<StartedSession> {
  const secret = randomSecret();
  const csrfToken = randomSecret();
  const now = ctx.now();
  const expiresAt = new Date(now + ctx.config.sessionDays * MS_PER_DAY).toISOString();
  await insertSession(db, {
    idHash: sha256(secret),
    workspaceId: who.workspaceId,
    kind: who.kind,
    userId: who.userId ?? null,
    clientId: who.clientId ?? null,
    csrfToken,
    expiresAt,
    createdAt: new Date(now).toISOString(),
  });
  return { secret, csrfToken, expiresAt };
}

async function lookUpSession(ctx: AppContext, hash: string): Promise<ResolvedCredential | null> {
  const s = await sessionByHash(ctx.db, hash);
  if (!s) return null;
  const expiresAt = Date.parse(s.expiresAt);
  if (expiresAt <= ctx.now()) return null;
  let principal: Principal;
  if (s.kind === "pro") {
    if (!s.userId || (s.role !== "owner" && s.role !== "member")) return null;
    principal = {
      kind: "member",
      workspaceId: s.workspaceId,
      userId: s.userId,
      role: s.role,
      via: "session",
    };
  } else {
    if (!s.clientId || !s.clientActive) return null;
    principal = {
      kind: "client",
      workspaceId: s.workspaceId,
      clientId: s.clientId,
      via: "session",
    };
  }
  return { principal, hash, csrfToken: s.csrfToken, expiresAt };
}

async function lookUpToken(ctx: AppContext, hash: string): Promise<ResolvedCredential | null> {
  const t = await apiTokenByHash(ctx.db, hash);
  if (!t || (t.role !== "owner" && t.role !== "member")) return null;
  return {
    principal: {
      kind: "member",
      workspaceId: t.workspaceId,
      userId: t.userId,
      role: t.role,
      via: "token",
    },
    hash,
    csrfToken: null,
    expiresAt: ctx.now() + TOKEN_CHECK_MS,
  };
}

/** The principal behind a session secret or an API token, or null. Cached briefly. */
export async function resolveCredential(
  ctx: AppContext,
  credential: { kind: "session" | "token"; secret: string },
): Promise<ResolvedCredential | null> {
  const hash = sha256(credential.secret);
  const cached = cachedCredential(ctx, hash);
  if (cached) return cached;
  const resolved =
    credential.kind === "session" ? await lookUpSession(ctx, hash) : await lookUpToken(ctx, hash);
  if (resolved) cacheCredential(ctx, resolved);
  return resolved;
}

export async function endSession(ctx: AppContext, hash: string): Promise<void> {
  forgetCredential(ctx, hash);
  await deleteSession(ctx.db, hash);
}
