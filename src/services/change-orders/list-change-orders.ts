// Reading change orders: by engagement, client or state (member); a client reads their own.

import type { ChangeOrderFilter } from "../../store/repositories/change-orders.ts";
import * as changeOrders from "../../store/repositories/change-orders.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";

export function listChangeOrders(ctx: AppContext, workspaceId: string, filter: ChangeOrderFilter) {
  return changeOrders.list(ctx.db, workspaceId, filter);
}

export async function getChangeOrder(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  clientId?: string,
) {
  const order = await changeOrders.get(ctx.db, workspaceId, id);
  if (!order || (clientId !== undefined && order.clientId !== clientId)) {
    throw notFound("change-order");
  }
  return order;
}
