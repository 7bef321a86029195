// Memberships: which users belong to a workspace, with their role.
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { instant } from "../values.ts";

export type Role = "owner" | "member";

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
}

export async function insertMember(
  db: Kysely<Database>,
  m: { workspaceId: string; userId: string; role: Role; createdAt: string },
): Promise<void> {
  await db
    .insertInto("members")
    .values({
      workspace_id: m.workspaceId,
      user_id: m.userId,
      role: m.role,
      hours: null,
      created_at: m.createdAt,
    })
    .execute();
}

export async function memberRole(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
): Promise<Role | null> {
  const row = await db
    .selectFrom("members")
    .select("role")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ? (row.role as Role) : null;
}

export async function listMembers(db: Kysely<Database>, workspaceId: string): Promise<MemberRow[]> {
  const rows = await db
    .selectFrom("members")
    .innerJoin("users", "users.id", "members.user_id")
    .select(["users.id", "users.name", "users.email", "members.role", "members.created_at"])
    .where("members.workspace_id", "=", workspaceId)
    .orderBy("members.created_at")
    .orderBy("users.email")
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    name: r.name,
    email: r.email,
    role: r.role as Role,
    joinedAt: instant(r.created_at),
  }));
}

/** The workspace a user signs in to: the one named by slug, else their oldest membership. */
export async function membershipForLogin(
  db: Kysely<Database>,
  userId: string,
  slug: string | undefined,
): Promise<{ workspaceId: string; role: Role } | null> {
  let query = db
    .selectFrom("members")
    .innerJoin("workspaces", "workspaces.id", "members.workspace_id")
    .select(["members.workspace_id", "members.role"])
    .where("members.user_id", "=", userId);
  if (slug !== undefined) query = query.where("workspaces.slug", "=", slug);
  const row = await query
    .orderBy("members.created_at")
    .orderBy("members.workspace_id")
    .limit(1)
    .executeTakeFirst();
  return row ? { workspaceId: row.workspace_id, role: row.role as Role } : null;
}
