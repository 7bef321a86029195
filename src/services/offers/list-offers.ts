import * as offers from "../../store/repositories/offers.ts";
import type { AppContext } from "../context.ts";

export function listOffers(ctx: AppContext, workspaceId: string, includeArchived: boolean) {
  return offers.list(ctx.db, workspaceId, { includeArchived });
}
