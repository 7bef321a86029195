// Single-use password reset links of professionals. Only the SHA-256 of the secret is stored.
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { count, instant, instantOrNull } from "../values.ts";

export interface PasswordReset {
  workspaceId: string;
  userId: string;
  expiresAt: string;
  usedAt: string | null;
}

export async function insertPasswordReset(
  db: Kysely<Database>,
  r: {
    tokenHash: string;
    workspaceId: string;
    userId: string;
    expiresAt: string;
    createdAt: string;
  },
): Promise<void> {
  await db
    .insertInto("password_resets")
    .values({
      token_hash: r.tokenHash,
      workspace_id: r.workspaceId,
      user_id: r.userId,
      expires_at: r.expiresAt,
      used_at: null,
      created_at: r.createdAt,
    })
    .execute();
}

/** The reset behind a hash, used or not, expired or not (to tell why it no longer works). */
export async function passwordResetByHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<PasswordReset | null> {
  const row = await db
    .selectFrom("password_resets")
    .select(["workspace_id", "user_id", "expires_at", "used_at"])
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  return row
    ? {
        workspaceId: row.workspace_id,
        userId: row.user_id,
        expiresAt: instant(row.expires_at),
        usedAt: instantOrNull(row.used_at),
      }
    : null;
}

/** Marks a live reset used, in one statement so two concurrent uses cannot both succeed. */
export async function consumePasswordReset(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<{ workspaceId: string; userId: string } | null> {
  const row = await db
    .updateTable("password_resets")
    .set({ used_at: now })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning(["workspace_id", "user_id"])
    .executeTakeFirst();
  return row ? { workspaceId: row.workspace_id, userId: row.user_id } : null;
}

/** Marks every other unused reset of the user used: once a reset worked, older links die. */
export async function retirePasswordResets(
  db: Kysely<Database>,
  userId: string,
  now: string,
): Promise<void> {
  await db
    .updateTable("password_resets")
    .set({ used_at: now })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
}

/** How many resets the user asked for since an instant (a brake on mail to one address). */
export async function countPasswordResetsSince(
  db: Kysely<Database>,
  userId: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom("password_resets")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("user_id", "=", userId)
    .where("created_at", ">=", since)
    .executeTakeFirst();
  return count(row?.n);
}
