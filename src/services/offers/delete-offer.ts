// Deletes an offer nobody points to; archives one that an engagement or a higher tier uses, so
// no reference breaks (an archived offer leaves the public terms of sale).
import * as offers from "../../store/repositories/offers.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { invalidateCatalog } from "../requests/catalog-cache.ts";

export async function deleteOffer(
  ctx: AppContext,
  workspaceId: string,
  id: string,
): Promise<{ id: string; outcome: "deleted" | "archived" }> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    if (!(await offers.get(trx, workspaceId, id))) throw notFound("offer");
    if (await offers.isReferenced(trx, workspaceId, id)) {
      await offers.setArchived(trx, workspaceId, id, ctx.now());
      return { id, outcome: "archived" as const };
    }
    await offers.remove(trx, workspaceId, id);
    return { id, outcome: "deleted" as const };
  });
  invalidateCatalog(ctx, workspaceId);
  return result;
}
