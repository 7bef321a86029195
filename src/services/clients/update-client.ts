// Changes a client's details; `archived: false` brings an archived client back.
import * as clients from "../../store/repositories/clients.ts";
import { isUniqueViolation } from "../../store/repositories/unique-violation.ts";
import type { AppContext } from "../context.ts";
import { conflict, notFound } from "../errors.ts";
import { invalidateCatalog } from "../requests/catalog-cache.ts";
import { uniqueEmails } from "./create-client.ts";

export async function updateClient(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  patch: Partial<clients.ClientFields> & { archived?: boolean | undefined },
): Promise<clients.Client> {
  const { archived, ...fields } = patch;
  if (fields.emails) fields.emails = uniqueEmails(fields.emails);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await clients.get(trx, workspaceId, id))) throw notFound("client");
      if (fields.emails) {
        const [taken] = await clients.emailsTaken(trx, workspaceId, fields.emails, id);
        if (taken) throw conflict("client_email_taken", { email: taken });
      }
      await clients.update(trx, workspaceId, id, fields, ctx.now());
      if (archived !== undefined)
        await clients.setArchived(trx, workspaceId, id, archived, ctx.now());
    });
    invalidateCatalog(ctx, workspaceId);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict("client_email_taken", { email: fields.emails?.join(", ") ?? "" });
    }
    throw error;
  }
  return (await clients.get(ctx.db, workspaceId, id))!;
}
