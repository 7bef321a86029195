// Deletes a client nothing points to; archives one with engagements, requests or ledger entries,
// so their history stays whole.
import * as clients from "../../store/repositories/clients.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { invalidateCatalog } from "../requests/catalog-cache.ts";

export async function deleteClient(
  ctx: AppContext,
  workspaceId: string,
  id: string,
): Promise<{ id: string; outcome: "deleted" | "archived" }> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    if (!(await clients.get(trx, workspaceId, id))) throw notFound("client");
    if (await clients.isReferenced(trx, workspaceId, id)) {
      await clients.setArchived(trx, workspaceId, id, true, ctx.now());
      return { id, outcome: "archived" as const };
    }
    await clients.remove(trx, workspaceId, id);
    return { id, outcome: "deleted" as const };
  });
  invalidateCatalog(ctx, workspaceId);
  return result;
}
