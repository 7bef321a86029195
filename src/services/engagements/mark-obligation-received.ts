// The client delivered what they owed. When it came after the due date, the consequence follows
// from the arrival: the deliverables move by the business days the client was late.
// Recording the same arrival again changes nothing.
import * as engagements from "../../store/repositories/engagements.ts";
import * as obligations from "../../store/repositories/obligations.ts";
import type { AppContext } from "../context.ts";
import { invalid, notFound } from "../errors.ts";
import { applyConsequence, type ConsequenceResult } from "./apply-consequence.ts";
import { type EngagementView, engagementView } from "./engagement-view.ts";
import { workspaceCalendar } from "./workspace-calendar.ts";

/** 404 naming what is missing: the engagement, or only the obligation. */
export async function missing(db: AppContext["db"], workspaceId: string, engagementId: string) {
  const engagement = await engagements.get(db, workspaceId, engagementId);
  return notFound(engagement ? "obligation" : "engagement");
}

/** A receipt dated a little ahead of the server clock is clock skew, not the future. */
const SKEW_MS = 5 * 60_000;

export async function markObligationReceived(
  ctx: AppContext,
  workspaceId: string,
  engagementId: string,
  obligationId: string,
  receivedAt?: string,
): Promise<{ engagement: EngagementView; consequence: ConsequenceResult | null }> {
  const now = ctx.now();
  const at = receivedAt === undefined ? now : Date.parse(receivedAt);
  if (at > now + SKEW_MS) throw invalid("received_in_future");
  const time = await workspaceCalendar(ctx, workspaceId);
  const consequence = await ctx.db.transaction().execute(async (trx) => {
    const obligation = await obligations.getObligation(
      trx,
      workspaceId,
      engagementId,
      obligationId,
    );
    if (!obligation) throw await missing(trx, workspaceId, engagementId);
    if (obligation.status === "received") return null;
    await obligations.updateObligation(trx, workspaceId, engagementId, obligationId, {
      status: "received",
      receivedAt: at,
    });
    if (at <= Date.parse(obligation.dueAt)) return null;
    return applyConsequence(trx, time, workspaceId, engagementId, obligationId, now);
  });
  const engagement = await engagements.get(ctx.db, workspaceId, engagementId);
  if (!engagement) throw notFound("engagement");
  return { engagement: engagementView(engagement), consequence };
}
