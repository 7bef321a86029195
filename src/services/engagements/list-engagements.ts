import * as engagements from "../../store/repositories/engagements.ts";
import type { AppContext } from "../context.ts";
import { engagementView } from "./engagement-view.ts";

export async function listEngagements(
  ctx: AppContext,
  workspaceId: string,
  filter: { clientId?: string | undefined; status?: engagements.EngagementStatus | undefined },
) {
  return (await engagements.list(ctx.db, workspaceId, filter)).map(engagementView);
}
