// Replaces an offer's terms. Engagements keep the snapshot they were agreed on.
import type { Offer } from "../../domain/offers/types.ts";
import * as offers from "../../store/repositories/offers.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { invalidateCatalog } from "../requests/catalog-cache.ts";
import { checkOffer } from "./check-offer.ts";

export async function updateOffer(ctx: AppContext, workspaceId: string, offer: Offer) {
  const catalog = await offers.list(ctx.db, workspaceId, { includeArchived: true });
  if (!catalog.some((o) => o.id === offer.id)) throw notFound("offer");
  checkOffer(offer, catalog);
  await offers.update(ctx.db, workspaceId, offer, ctx.now());
  invalidateCatalog(ctx, workspaceId);
  return (await offers.get(ctx.db, workspaceId, offer.id))!;
}
