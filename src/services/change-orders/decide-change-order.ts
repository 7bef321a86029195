// The client's answer to a change order, in the portal (their own only; another's is 404).
// Accepting it, in one transaction: the engagement gains the items and quota, its remaining
// deliverables move by the delivery impact in business days on the charter's calendar, and the
// change order becomes a line of the engagement's draft invoice (created if there is none).
import { moveByBusinessDays } from "../../domain/engagements/consequence.ts";
import { lineDescription } from "../../domain/money/labels.ts";
import type { QuotaKey } from "../../domain/offers/types.ts";
import { languageOf } from "../../domain/replies/format.ts";
import type { ChangeOrder } from "../../store/repositories/change-orders.ts";
import * as changeOrders from "../../store/repositories/change-orders.ts";
import * as clients from "../../store/repositories/clients.ts";
import * as engagements from "../../store/repositories/engagements.ts";
import * as obligations from "../../store/repositories/obligations.ts";
import { addToDraftInvoice } from "../billing/draft.ts";
import { moneyContext } from "../billing/terms.ts";
import type { AppContext } from "../context.ts";
import { workspaceCalendar } from "../engagements/workspace-calendar.ts";
import { conflict, notFound } from "../errors.ts";
import { invalidateCatalog } from "../requests/catalog-cache.ts";
import "../billing/messages.ts";
import { toIso as iso } from "../../domain/business-time/iso.ts";

export interface Decided {
  changeOrder: ChangeOrder;
  /** Deliverables moved by the acceptance. */
  moves: { id: string; name: string; from: string; to: string }[];
  /** The invoice the change order's line went to (a draft until issued). */
  invoiceId: string | null;
}

export async function decideChangeOrder(
  ctx: AppContext,
  workspaceId: string,
  clientId: string,
  id: string,
  decision: "accept" | "decline",
): Promise<Decided> {
  const current = await changeOrders.get(ctx.db, workspaceId, id);
  if (!current || current.clientId !== clientId) throw notFound("change-order");
  if (current.state !== "proposed")
    throw conflict("change_order_decided", { state: current.state });
  // Loaded before the transaction (SQLite has one connection).
  const time = decision === "accept" ? await workspaceCalendar(ctx, workspaceId) : null;
  const money = decision === "accept" ? await moneyContext(ctx, workspaceId) : null;
  const by = `client:${clientId}`;
  const result = await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.now();
    const state = decision === "accept" ? "accepted" : "declined";
    if (!(await changeOrders.decide(trx, workspaceId, id, state, by, at))) {
      const now = await changeOrders.get(trx, workspaceId, id);
      throw conflict("change_order_decided", { state: now?.state });
    }
    if (decision === "decline" || !time || !money) {
      return { moves: [], invoiceId: null };
    }
    const engagement = await engagements.get(trx, workspaceId, current.engagementId);
    if (!engagement) throw notFound("engagement");

    const extraItems = [...engagement.extraItems];
    for (const item of current.items) if (!extraItems.includes(item.id)) extraItems.push(item.id);
    const extraQuota = { ...engagement.extraQuota };
    for (const [key, n] of Object.entries(current.grants) as [QuotaKey, number][]) {
      extraQuota[key] = (extraQuota[key] ?? 0) + n;
    }
    await engagements.update(trx, workspaceId, engagement.id, { extraItems, extraQuota }, at);

    const moves: Decided["moves"] = [];
    const shift = current.deliveryShiftBusinessDays;
    if (shift > 0) {
      for (const d of engagement.deliverables) {
        if (d.deliveredAt !== null) continue;
        const from = Date.parse(d.dueAt);
        const to = moveByBusinessDays(time.calendar, from, shift);
        await obligations.updateDeliverable(trx, workspaceId, engagement.id, d.id, { dueAt: to });
        moves.push({ id: d.id, name: d.name, from: iso(from), to: iso(to) });
      }
    }

    const client = await clients.get(trx, workspaceId, engagement.clientId);
    const invoiceId = await addToDraftInvoice(
      trx,
      workspaceId,
      { id: engagement.id, clientId: engagement.clientId, currency: engagement.offer.currency },
      money,
      [
        {
          kind: "change-order",
          description: lineDescription(
            "change-order",
            languageOf(client?.locale ?? money.workspace.locale),
            { title: current.title },
          ),
          amount: current.price,
          changeOrderId: current.id,
        },
      ],
      at,
    );
    await changeOrders.setInvoice(trx, workspaceId, id, invoiceId);
    return { moves, invoiceId };
  });
  if (decision === "accept") invalidateCatalog(ctx, workspaceId);
  return { changeOrder: (await changeOrders.get(ctx.db, workspaceId, id))!, ...result };
}
