// The professional declares an obligation missed (nothing arrived): the dependent deliverables
// move by the rule's fixed shift. Declaring it again changes nothing.
import * as engagements from "../../store/repositories/engagements.ts";
import * as obligations from "../../store/repositories/obligations.ts";
import type { AppContext } from "../context.ts";
import { conflict, notFound } from "../errors.ts";
import { applyConsequence, type ConsequenceResult } from "./apply-consequence.ts";
import { type EngagementView, engagementView } from "./engagement-view.ts";
import { missing } from "./mark-obligation-received.ts";
import { workspaceCalendar } from "./workspace-calendar.ts";

export async function markObligationLate(
  ctx: AppContext,
  workspaceId: string,
  engagementId: string,
  obligationId: string,
): Promise<{ engagement: EngagementView; consequence: ConsequenceResult | null }> {
  const now = ctx.now();
  const time = await workspaceCalendar(ctx, workspaceId);
  const consequence = await ctx.db.transaction().execute(async (trx) => {
    const obligation = await obligations.getObligation(
      trx,
      workspaceId,
      engagementId,
      obligationId,
    );
    if (!obligation) throw await missing(trx, workspaceId, engagementId);
    if (obligation.status === "received") throw conflict("obligation_already_received");
    if (obligation.status !== "late") {
      await obligations.updateObligation(trx, workspaceId, engagementId, obligationId, {
        status: "late",
      });
    }
    return applyConsequence(trx, time, workspaceId, engagementId, obligationId, now);
  });
  const engagement = await engagements.get(ctx.db, workspaceId, engagementId);
  if (!engagement) throw notFound("engagement");
  return { engagement: engagementView(engagement), consequence };
}
