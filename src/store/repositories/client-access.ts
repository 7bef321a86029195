// What the accounts work reads about a client to open their portal: name, locale, e-mails.
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

export interface ClientForAccess {
  id: string;
  name: string;
  locale: string;
  /** In the client's order; the first is where magic links go. */
  emails: string[];
}

/** An active (not archived) client of the workspace, or null. */
export async function clientForAccess(
  db: Kysely<Database>,
  workspaceId: string,
  clientId: string,
): Promise<ClientForAccess | null> {
  const client = await db
    .selectFrom("clients")
    .select(["id", "name", "locale"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", clientId)
    .where("archived", "=", 0)
    .executeTakeFirst();
  if (!client) return null;
  const emails = await db
    .selectFrom("client_emails")
    .select("email")
    .where("workspace_id", "=", workspaceId)
    .where("client_id", "=", clientId)
    .orderBy("position")
    .execute();
  return { ...client, emails: emails.map((e) => e.email) };
}
