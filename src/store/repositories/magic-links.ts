// Single-use magic links that open the client portal. Only the SHA-256 of the secret is stored.
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

export async function insertMagicLink(
  db: Kysely<Database>,
  m: {
    workspaceId: string;
    clientId: string;
    tokenHash: string;
    expiresAt: string;
    createdAt: string;
  },
): Promise<void> {
  await db
    .insertInto("magic_links")
    .values({
      token_hash: m.tokenHash,
      workspace_id: m.workspaceId,
      client_id: m.clientId,
      expires_at: m.expiresAt,
      used_at: null,
      created_at: m.createdAt,
    })
    .execute();
}

/** Marks a live link used, in one statement so two concurrent uses cannot both succeed. */
export async function consumeMagicLink(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<{ workspaceId: string; clientId: string } | null> {
  const row = await db
    .updateTable("magic_links")
    .set({ used_at: now })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning(["workspace_id", "client_id"])
    .executeTakeFirst();
  return row ? { workspaceId: row.workspace_id, clientId: row.client_id } : null;
}
