// Browser sessions (professionals and portal clients). Only the SHA-256 of the secret is stored.
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { instant } from "../values.ts";

export type SessionKind = "pro" | "client";

export interface NewSession {
  idHash: string;
  workspaceId: string;
  kind: SessionKind;
  userId: string | null;
  clientId: string | null;
  csrfToken: string;
  expiresAt: string;
  createdAt: string;
}

/** A session with what it needs to become a principal: the member's role, the client's state. */
export interface SessionLookup {
  workspaceId: string;
  kind: SessionKind;
  userId: string | null;
  clientId: string | null;
  csrfToken: string;
  expiresAt: string;
  role: string | null;
  clientActive: boolean;
}

export async function insertSession(db: Kysely<Database>, s: NewSession): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id_hash: s.idHash,
      workspace_id: s.workspaceId,
      kind: s.kind,
      user_id: s.userId,
      client_id: s.clientId,
      csrf_token: s.csrfToken,
      expires_at: s.expiresAt,
      created_at: s.createdAt,
    })
    .execute();
}

export async function sessionByHash(
  db: Kysely<Database>,
  idHash: string,
): Promise<SessionLookup | null> {
  const row = await db
    .selectFrom("sessions as s")
    .leftJoin("members as m", (j) =>
      j.onRef("m.workspace_id", "=", "s.workspace_id").onRef("m.user_id", "=", "s.user_id"),
    )
    .leftJoin("clients as c", (j) =>
      j.onRef("c.workspace_id", "=", "s.workspace_id").onRef("c.id", "=", "s.client_id"),
    )
    .select([
      "s.workspace_id",
      "s.kind",
      "s.user_id",
      "s.client_id",
      "s.csrf_token",
      "s.expires_at",
      "m.role",
      "c.id as found_client",
      "c.archived",
    ])
    .where("s.id_hash", "=", idHash)
    .executeTakeFirst();
  if (!row) return null;
  return {
    workspaceId: row.workspace_id,
    kind: row.kind as SessionKind,
    userId: row.user_id,
    clientId: row.client_id,
    csrfToken: row.csrf_token,
    expiresAt: instant(row.expires_at),
    role: row.role,
    clientActive: row.found_client !== null && Number(row.archived) === 0,
  };
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ends every browser session of a professional (all workspaces); returns their hashes. */
export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .where("kind", "=", "pro")
    .returning("id_hash")
    .execute();
  return rows.map((r) => r.id_hash);
}
