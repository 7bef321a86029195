// The published versions of the workspace's charter, newest first.
import * as charters from "../../store/repositories/charters.ts";
import type { AppContext } from "../context.ts";

export function listCharterVersions(ctx: AppContext, workspaceId: string) {
  return charters.listVersions(ctx.db, workspaceId);
}
