// Adds a client; each e-mail address belongs to one client of the workspace (inbound mail is
// matched on it).
import * as clients from "../../store/repositories/clients.ts";
import { isUniqueViolation } from "../../store/repositories/unique-violation.ts";
import { newId } from "../../store/values.ts";
import type { AppContext } from "../context.ts";
import { conflict } from "../errors.ts";
import "../engagements/messages.ts";
import { invalidateCatalog } from "../requests/catalog-cache.ts";

export function uniqueEmails(emails: readonly string[]): string[] {
  return [...new Set(emails.map(clients.normalizeEmail))];
}

export async function createClient(
  ctx: AppContext,
  workspaceId: string,
  fields: clients.ClientFields,
): Promise<clients.Client> {
  const emails = uniqueEmails(fields.emails);
  const id = newId();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const [taken] = await clients.emailsTaken(trx, workspaceId, emails);
      if (taken) throw conflict("client_email_taken", { email: taken });
      await clients.insert(trx, workspaceId, id, { ...fields, emails }, ctx.now());
    });
    invalidateCatalog(ctx, workspaceId);
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict("client_email_taken", { email: emails.join(", ") });
    throw error;
  }
  return (await clients.get(ctx.db, workspaceId, id))!;
}
