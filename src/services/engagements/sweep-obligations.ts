// The scheduled side of consequences: an obligation whose due date passed with nothing received
// is missed. Each one is applied in its own transaction (a failure leaves the others alone);
// the obligation becomes "late" and its consequence applies once.
import * as obligations from "../../store/repositories/obligations.ts";
import type { AppContext } from "../context.ts";
import { applyConsequence } from "./apply-consequence.ts";
import { workspaceCalendar } from "./workspace-calendar.ts";

/** Obligations due by `now` that still wait for their consequence (every workspace). */
export function obligationsDue(ctx: AppContext, now: number, limit = 200) {
  return obligations.dueForSweep(ctx.db, now, limit);
}

/** Applies one missed obligation; true when this call applied it. */
export async function applyMissedObligation(
  ctx: AppContext,
  ref: { workspaceId: string; engagementId: string; id: string },
  now: number,
): Promise<boolean> {
  const time = await workspaceCalendar(ctx, ref.workspaceId);
  return ctx.db.transaction().execute(async (trx) => {
    const obligation = await obligations.getObligation(
      trx,
      ref.workspaceId,
      ref.engagementId,
      ref.id,
    );
    if (obligation?.status !== "pending") return false;
    if (Date.parse(obligation.dueAt) > now || obligation.consequenceAppliedAt !== null)
      return false;
    await obligations.updateObligation(trx, ref.workspaceId, ref.engagementId, ref.id, {
      status: "late",
    });
    const result = await applyConsequence(
      trx,
      time,
      ref.workspaceId,
      ref.engagementId,
      ref.id,
      now,
    );
    return result.applied;
  });
}
