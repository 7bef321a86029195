// Adds an offer to the workspace's catalog; its id is chosen by the professional (a slug).
import type { Offer } from "../../domain/offers/types.ts";
import * as offers from "../../store/repositories/offers.ts";
import { isUniqueViolation } from "../../store/repositories/unique-violation.ts";
import type { AppContext } from "../context.ts";
import { conflict } from "../errors.ts";
import { invalidateCatalog } from "../requests/catalog-cache.ts";
import { checkOffer } from "./check-offer.ts";

export async function createOffer(ctx: AppContext, workspaceId: string, offer: Offer) {
  const catalog = await offers.list(ctx.db, workspaceId, { includeArchived: true });
  if (catalog.some((o) => o.id === offer.id)) throw conflict("offer_id_taken", { id: offer.id });
  checkOffer(offer, catalog);
  try {
    await offers.insert(ctx.db, workspaceId, offer, ctx.now());
    invalidateCatalog(ctx, workspaceId);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("offer_id_taken", { id: offer.id });
    throw error;
  }
  return (await offers.get(ctx.db, workspaceId, offer.id))!;
}
