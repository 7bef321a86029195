// One published version of the charter, exactly as it was published.
import * as charters from "../../store/repositories/charters.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";

export async function getCharterVersion(ctx: AppContext, workspaceId: string, version: number) {
  const found = await charters.getVersion(ctx.db, workspaceId, version);
  if (!found) throw notFound("version");
  return found;
}
