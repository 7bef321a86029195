// API tokens (Bearer) of workspace members. Only the SHA-256 of the token is stored.
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { instant, instantOrNull } from "../values.ts";

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

export async function insertApiToken(
  db: Kysely<Database>,
  t: {
    workspaceId: string;
    id: string;
    userId: string;
    name: string;
    tokenHash: string;
    createdAt: string;
  },
): Promise<void> {
  await db
    .insertInto("api_tokens")
    .values({
      workspace_id: t.workspaceId,
      id: t.id,
      user_id: t.userId,
      name: t.name,
      token_hash: t.tokenHash,
      created_at: t.createdAt,
      revoked_at: null,
    })
    .execute();
}

/** A live token and its owner's current role (a removed member's tokens stop working). */
export async function apiTokenByHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<{ workspaceId: string; userId: string; role: string } | null> {
  const row = await db
    .selectFrom("api_tokens as t")
    .innerJoin("members as m", (j) =>
      j.onRef("m.workspace_id", "=", "t.workspace_id").onRef("m.user_id", "=", "t.user_id"),
    )
    .select(["t.workspace_id", "t.user_id", "m.role"])
    .where("t.token_hash", "=", tokenHash)
    .where("t.revoked_at", "is", null)
    .executeTakeFirst();
  return row ? { workspaceId: row.workspace_id, userId: row.user_id, role: row.role } : null;
}

/** The workspace's tokens, or only one user's when userId is given; never the hashes. */
export async function listApiTokens(
  db: Kysely<Database>,
  workspaceId: string,
  userId?: string,
): Promise<ApiToken[]> {
  let query = db
    .selectFrom("api_tokens")
    .select(["id", "user_id", "name", "created_at", "revoked_at"])
    .where("workspace_id", "=", workspaceId);
  if (userId !== undefined) query = query.where("user_id", "=", userId);
  const rows = await query.orderBy("created_at").orderBy("id").execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    name: r.name,
    createdAt: instant(r.created_at),
    revokedAt: instantOrNull(r.revoked_at),
  }));
}

/** Revokes a live token; returns its hash (to drop cached principals), null when none matched. */
export async function revokeApiToken(
  db: Kysely<Database>,
  w: { workspaceId: string; id: string; userId?: string; at: string },
): Promise<string | null> {
  let query = db
    .updateTable("api_tokens")
    .set({ revoked_at: w.at })
    .where("workspace_id", "=", w.workspaceId)
    .where("id", "=", w.id)
    .where("revoked_at", "is", null);
  if (w.userId !== undefined) query = query.where("user_id", "=", w.userId);
  const row = await query.returning("token_hash").executeTakeFirst();
  return row?.token_hash ?? null;
}
