// Opens an engagement for a client from an offer (its terms are copied: later changes to the
// offer do not change what was agreed), with deliverables and the client's obligations.
// Obligations point to deliverables by their index in this same request.
import type { Offer, QuotaKey } from "../../domain/offers/types.ts";
import * as clients from "../../store/repositories/clients.ts";
import * as engagements from "../../store/repositories/engagements.ts";
import * as offers from "../../store/repositories/offers.ts";
import { newId } from "../../store/values.ts";
import type { AppContext } from "../context.ts";
import { conflict, type ErrorDetail, invalid, notFound } from "../errors.ts";
import { type EngagementView, engagementView } from "./engagement-view.ts";
import "./messages.ts";
import { invalidateCatalog } from "../requests/catalog-cache.ts";

export interface NewEngagementInput {
  clientId: string;
  offerId: string;
  title?: string | undefined;
  startsOn?: string | null | undefined;
  endsOn?: string | null | undefined;
  extraQuota?: Partial<Record<QuotaKey, number>> | undefined;
  extraItems?: string[] | undefined;
  deliverables: { name: string; dueAt: string }[];
  obligations: {
    name: string;
    dueAt: string;
    shiftBusinessDays: number;
    deliverableIds: (number | string)[];
  }[];
}

/** Deliverable references as ids; each unknown one becomes a detail. */
export function resolveDeliverableRefs(
  refs: readonly (number | string)[],
  ids: readonly string[],
  path: string,
  details: ErrorDetail[],
): string[] {
  const resolved: string[] = [];
  refs.forEach((ref, index) => {
    const id = typeof ref === "number" ? ids[ref] : ids.includes(ref) ? ref : undefined;
    if (id === undefined) {
      const known = [...ids.map((_, i) => i), ...ids];
      details.push({
        path: `${path}[${index}]`,
        code: "unknown_reference",
        params: { id: ref, known },
      });
    } else if (!resolved.includes(id)) resolved.push(id);
  });
  return resolved;
}

export async function createEngagement(
  ctx: AppContext,
  workspaceId: string,
  input: NewEngagementInput,
): Promise<EngagementView> {
  const client = await clients.get(ctx.db, workspaceId, input.clientId);
  if (!client) throw notFound("client");
  if (client.archived) throw conflict("client_archived");
  const offer = await offers.get(ctx.db, workspaceId, input.offerId);
  if (!offer) throw notFound("offer");
  if (offer.archived) throw conflict("offer_archived", { id: offer.id });
  const { archived: _a, createdAt: _c, updatedAt: _u, ...terms } = offer;

  const deliverables = input.deliverables.map((d) => ({
    id: newId(),
    name: d.name,
    dueAt: Date.parse(d.dueAt),
  }));
  const ids = deliverables.map((d) => d.id);
  const details: ErrorDetail[] = [];
  const obligations = input.obligations.map((o, index) => ({
    id: newId(),
    name: o.name,
    dueAt: Date.parse(o.dueAt),
    shiftBusinessDays: o.shiftBusinessDays,
    deliverableIds: resolveDeliverableRefs(
      o.deliverableIds,
      ids,
      `obligations[${index}].deliverableIds`,
      details,
    ),
  }));
  if (details.length > 0) throw invalid("invalid_input", {}, details);

  const id = newId();
  await ctx.db.transaction().execute((trx) =>
    engagements.insert(
      trx,
      workspaceId,
      {
        id,
        clientId: client.id,
        offerId: offer.id,
        title: input.title ?? offer.name,
        offer: terms satisfies Offer,
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        extraQuota: input.extraQuota ?? {},
        extraItems: input.extraItems ?? [],
        deliverables,
        obligations,
      },
      ctx.now(),
    ),
  );
  invalidateCatalog(ctx, workspaceId);
  return engagementView((await engagements.get(ctx.db, workspaceId, id))!);
}
