import * as engagements from "../../store/repositories/engagements.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { engagementView } from "./engagement-view.ts";

export async function getEngagement(ctx: AppContext, workspaceId: string, id: string) {
  const engagement = await engagements.get(ctx.db, workspaceId, id);
  if (!engagement) throw notFound("engagement");
  return engagementView(engagement);
}
