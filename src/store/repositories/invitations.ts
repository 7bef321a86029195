// Invitations to join a workspace. Only the SHA-256 of the invitation secret is stored.
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { instant } from "../values.ts";
import type { Role } from "./members.ts";

export interface Invitation {
  workspaceId: string;
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
  createdAt: string;
}

export async function insertInvitation(
  db: Kysely<Database>,
  i: Invitation & { tokenHash: string; invitedBy: string },
): Promise<void> {
  await db
    .insertInto("invitations")
    .values({
      workspace_id: i.workspaceId,
      id: i.id,
      email: i.email,
      role: i.role,
      token_hash: i.tokenHash,
      invited_by: i.invitedBy,
      expires_at: i.expiresAt,
      accepted_at: null,
      created_at: i.createdAt,
    })
    .execute();
}

/** An open invitation (not accepted, not expired) found by its secret's hash. */
export async function openInvitationByHash(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<Invitation | null> {
  const row = await db
    .selectFrom("invitations")
    .select(["workspace_id", "id", "email", "role", "expires_at", "created_at"])
    .where("token_hash", "=", tokenHash)
    .where("accepted_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  if (!row) return null;
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    email: row.email,
    role: row.role as Role,
    expiresAt: instant(row.expires_at),
    createdAt: instant(row.created_at),
  };
}

/** Marks an open invitation accepted; false when someone else accepted it first. */
export async function markInvitationAccepted(
  db: Kysely<Database>,
  w: { workspaceId: string; id: string; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable("invitations")
    .set({ accepted_at: w.at })
    .where("workspace_id", "=", w.workspaceId)
    .where("id", "=", w.id)
    .where("accepted_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listOpenInvitations(
  db: Kysely<Database>,
  workspaceId: string,
  now: string,
): Promise<Invitation[]> {
  const rows = await db
    .selectFrom("invitations")
    .select(["workspace_id", "id", "email", "role", "expires_at", "created_at"])
    .where("workspace_id", "=", workspaceId)
    .where("accepted_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    workspaceId: row.workspace_id,
    id: row.id,
    email: row.email,
    role: row.role as Role,
    expiresAt: instant(row.expires_at),
    createdAt: instant(row.created_at),
  }));
}
