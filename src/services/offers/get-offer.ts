import * as offers from "../../store/repositories/offers.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";

export async function getOffer(ctx: AppContext, workspaceId: string, id: string) {
  const offer = await offers.get(ctx.db, workspaceId, id);
  if (!offer) throw notFound("offer");
  return offer;
}
