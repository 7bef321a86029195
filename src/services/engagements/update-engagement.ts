// Changes an engagement: its own fields, and its deliverables and obligations by id (new due
// dates, names, delivered; an obligation's rule and the deliverables it holds up).
import * as engagements from "../../store/repositories/engagements.ts";
import * as obligations from "../../store/repositories/obligations.ts";
import type { AppContext } from "../context.ts";
import { type ErrorDetail, invalid, notFound } from "../errors.ts";
import { invalidateCatalog } from "../requests/catalog-cache.ts";
import { resolveDeliverableRefs } from "./create-engagement.ts";
import { type EngagementView, engagementView } from "./engagement-view.ts";

export interface EngagementChanges extends engagements.EngagementPatch {
  deliverables?:
    | { id: string; name?: string; dueAt?: string; deliveredAt?: string | null }[]
    | undefined;
  obligations?:
    | {
        id: string;
        name?: string;
        dueAt?: string;
        shiftBusinessDays?: number;
        deliverableIds?: (number | string)[];
      }[]
    | undefined;
}

const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

export async function updateEngagement(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  changes: EngagementChanges,
): Promise<EngagementView> {
  const { deliverables = [], obligations: duties = [], ...patch } = changes;
  await ctx.db.transaction().execute(async (trx) => {
    const current = await engagements.get(trx, workspaceId, id);
    if (!current) throw notFound("engagement");
    const deliverableIds = current.deliverables.map((d) => d.id);
    const obligationIds = current.obligations.map((o) => o.id);
    const details: ErrorDetail[] = [];
    deliverables.forEach((d, i) => {
      if (!deliverableIds.includes(d.id)) {
        const params = { id: d.id, known: deliverableIds };
        details.push({ path: `deliverables[${i}].id`, code: "unknown_reference", params });
      }
    });
    const resolved = duties.map((o, i) => {
      if (!obligationIds.includes(o.id)) {
        const params = { id: o.id, known: obligationIds };
        details.push({ path: `obligations[${i}].id`, code: "unknown_reference", params });
      }
      return o.deliverableIds === undefined
        ? undefined
        : resolveDeliverableRefs(
            o.deliverableIds,
            deliverableIds,
            `obligations[${i}].deliverableIds`,
            details,
          );
    });
    if (details.length > 0) throw invalid("invalid_input", {}, details);

    const at = ctx.now();
    await engagements.update(trx, workspaceId, id, patch, at);
    for (const d of deliverables) {
      await obligations.updateDeliverable(trx, workspaceId, id, d.id, {
        ...(d.name !== undefined ? { name: d.name } : {}),
        ...(d.dueAt !== undefined ? { dueAt: Date.parse(d.dueAt) } : {}),
        ...(d.deliveredAt !== undefined
          ? { deliveredAt: ms(d.deliveredAt ?? undefined) ?? null }
          : {}),
      });
    }
    for (const [i, o] of duties.entries()) {
      await obligations.updateObligation(trx, workspaceId, id, o.id, {
        ...(o.name !== undefined ? { name: o.name } : {}),
        ...(o.dueAt !== undefined ? { dueAt: Date.parse(o.dueAt) } : {}),
        ...(o.shiftBusinessDays !== undefined ? { shiftBusinessDays: o.shiftBusinessDays } : {}),
        ...(resolved[i] !== undefined ? { deliverableIds: resolved[i] } : {}),
      });
    }
  });
  invalidateCatalog(ctx, workspaceId);
  return engagementView((await engagements.get(ctx.db, workspaceId, id))!);
}
