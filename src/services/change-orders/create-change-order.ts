// A change order for an engagement: from a request's proposal (the decision's `changeOrder`:
// items, price, delivery impact) or written by hand (catalog items and add-ons by id, or free
// lines). It waits, "proposed", for the client to accept or decline it in the portal; the client
// is told by e-mail.
import type { ChangeOrderLine } from "../../domain/decide/types.ts";
import { changeOrderNotice } from "../../domain/money/notices.ts";
import { lineAmount } from "../../domain/money/rounding.ts";
import type { Offer, QuotaKey } from "../../domain/offers/types.ts";
import * as changeOrders from "../../store/repositories/change-orders.ts";
import * as clients from "../../store/repositories/clients.ts";
import * as engagements from "../../store/repositories/engagements.ts";
import * as offers from "../../store/repositories/offers.ts";
import { enqueue } from "../../store/repositories/outbox.ts";
import { getRequest } from "../../store/repositories/requests.ts";
import { workspaceById } from "../../store/repositories/workspaces.ts";
import { newId } from "../../store/values.ts";
import { portalLink } from "../billing/links.ts";
import "../billing/messages.ts";
import type { AppContext } from "../context.ts";
import { conflict, type ErrorDetail, invalid, notFound } from "../errors.ts";

type Quotas = Partial<Record<QuotaKey, number>>;

export interface ChangeOrderItemInput {
  /** An item or add-on of the engagement's offer or the catalog: name, price and grants from it. */
  ref?: string | undefined;
  name?: string | undefined;
  quantity?: number | undefined;
  unitPrice?: number | undefined;
}

export interface NewChangeOrderInput {
  requestId?: string | undefined;
  engagementId?: string | undefined;
  title?: string | undefined;
  items?: ChangeOrderItemInput[] | undefined;
  grants?: Quotas | undefined;
  deliveryShiftBusinessDays?: number | undefined;
}

interface Drafted {
  items: ChangeOrderLine[];
  grants: Quotas;
  shift: number;
}

function addGrants(into: Quotas, from: Quotas | undefined, times: number) {
  for (const [key, n] of Object.entries(from ?? {}) as [QuotaKey, number][]) {
    into[key] = (into[key] ?? 0) + n * times;
  }
}

/** Lines written by hand, completed from the catalog; every problem becomes a detail. */
function draftItems(inputs: ChangeOrderItemInput[], catalog: readonly Offer[]): Drafted {
  const details: ErrorDetail[] = [];
  const drafted: Drafted = { items: [], grants: {}, shift: 0 };
  inputs.forEach((input, index) => {
    const quantity = input.quantity ?? 1;
    let found: { name: string; unitPrice: number; source: "item" | "add-on" } | undefined;
    if (input.ref !== undefined) {
      for (const offer of catalog) {
        const item = offer.items.find((i) => i.id === input.ref);
        const addOn = offer.addOns?.find((a) => a.id === input.ref);
        if (item) {
          found = { name: item.name, unitPrice: item.unitPrice, source: "item" };
          drafted.shift += item.deliveryBusinessDays ?? 0;
        } else if (addOn) {
          found = { name: addOn.name, unitPrice: addOn.price, source: "add-on" };
          addGrants(drafted.grants, addOn.grants, quantity);
          drafted.shift += (addOn.deliveryBusinessDays ?? 0) * quantity;
        }
        if (found) break;
      }
      if (!found) {
        const known = catalog.flatMap((o) => [...o.items, ...(o.addOns ?? [])].map((x) => x.id));
        details.push({
          path: `items[${index}].ref`,
          code: "unknown_reference",
          params: { id: input.ref, known: [...new Set(known)] },
        });
        return;
      }
    }
    const name = input.name ?? found?.name;
    const unitPrice = input.unitPrice ?? found?.unitPrice;
    if (name === undefined || unitPrice === undefined) {
      const path = `items[${index}].${name === undefined ? "name" : "unitPrice"}`;
      details.push({ path, code: "required", params: {} });
      return;
    }
    drafted.items.push({
      id: input.ref ?? `custom-${index + 1}`,
      name,
      quantity,
      unitPrice,
      amount: lineAmount(quantity, unitPrice),
      source: found?.source ?? "custom",
    });
  });
  if (details.length > 0) throw invalid("invalid_input", {}, details);
  return drafted;
}

export async function createChangeOrder(
  ctx: AppContext,
  workspaceId: string,
  input: NewChangeOrderInput,
  actor: string | null = null,
) {
  const request = input.requestId ? await getRequest(ctx.db, workspaceId, input.requestId) : null;
  if (input.requestId && !request) throw notFound("request");
  const engagementId = input.engagementId ?? request?.engagementId ?? undefined;
  if (!engagementId) throw invalid(request ? "request_without_engagement" : "engagement_required");
  const engagement = await engagements.get(ctx.db, workspaceId, engagementId);
  if (!engagement) throw notFound("engagement");
  if (request?.clientId && request.clientId !== engagement.clientId)
    throw invalid("client_mismatch");

  let drafted: Drafted;
  if (input.items && input.items.length > 0) {
    const catalog = [engagement.offer, ...(await offers.list(ctx.db, workspaceId))];
    drafted = draftItems(input.items, catalog);
  } else {
    const proposal = request?.decision.changeOrder;
    if (!proposal) throw invalid(request ? "no_change_order_proposal" : "invalid_input");
    drafted = {
      items: proposal.items,
      grants: proposal.grants,
      shift: proposal.deliveryShiftBusinessDays,
    };
  }
  if (input.grants) addGrants(drafted.grants, input.grants, 1);
  const shift = input.deliveryShiftBusinessDays ?? drafted.shift;
  const title =
    input.title ?? (request?.subject.trim() || drafted.items.map((i) => i.name).join(", "));
  const id = newId();
  const at = ctx.now();

  await ctx.db.transaction().execute(async (trx) => {
    if (request) {
      const existing = await changeOrders.list(trx, workspaceId, { requestId: request.id });
      if (existing.some((c) => c.state !== "declined")) throw conflict("change_order_exists");
    }
    await changeOrders.insert(
      trx,
      workspaceId,
      {
        id,
        engagementId: engagement.id,
        clientId: engagement.clientId,
        requestId: request?.id ?? null,
        title: title.slice(0, 200),
        items: drafted.items,
        grants: drafted.grants,
        price: drafted.items.reduce((sum, i) => sum + i.amount, 0),
        currency: engagement.offer.currency,
        deliveryShiftBusinessDays: shift,
        createdBy: actor,
      },
      at,
    );
    const client = await clients.get(trx, workspaceId, engagement.clientId);
    const to = client?.emails[0];
    if (client && to) {
      const workspace = await workspaceById(trx, workspaceId);
      const notice = changeOrderNotice({
        locale: client.locale,
        clientName: client.name,
        professionalName: workspace?.name,
        title: title.slice(0, 200),
        items: drafted.items,
        price: drafted.items.reduce((sum, i) => sum + i.amount, 0),
        currency: engagement.offer.currency,
        deliveryShiftBusinessDays: shift,
        link: portalLink(ctx, `change-orders/${id}`),
      });
      await enqueue(trx, {
        workspaceId,
        idempotencyKey: `change-order:${id}`,
        to,
        subject: notice.subject,
        text: notice.body,
        headers: { "Content-Language": notice.locale, "X-Cadre-Notice": "change-order.proposed" },
        at,
      });
    }
  });
  return (await changeOrders.get(ctx.db, workspaceId, id))!;
}
