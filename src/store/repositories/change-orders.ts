// Change orders: paid additions to an engagement proposed to the client (from a request's
// proposal or written by hand), and the client's decision, taken once.
import type { Kysely, Transaction } from "kysely";
import { toIso as iso } from "../../domain/business-time/iso.ts";
import type { ChangeOrderLine } from "../../domain/decide/types.ts";
import type { QuotaKey } from "../../domain/offers/types.ts";
import type { Database } from "../schema.ts";
import { fromJson, instant, instantOrNull, toJson } from "../values.ts";

type Db = Kysely<Database> | Transaction<Database>;

export type ChangeOrderState = "proposed" | "accepted" | "declined";

export interface ChangeOrder {
  id: string;
  engagementId: string;
  clientId: string;
  requestId: string | null;
  title: string;
  items: ChangeOrderLine[];
  grants: Partial<Record<QuotaKey, number>>;
  /** Pre-tax, minor units. */
  price: number;
  currency: string;
  deliveryShiftBusinessDays: number;
  state: ChangeOrderState;
  createdAt: string;
  createdBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  invoiceId: string | null;
}

export type NewChangeOrder = Omit<
  ChangeOrder,
  "state" | "createdAt" | "decidedAt" | "decidedBy" | "invoiceId"
>;

type Row = Database["change_orders"] extends infer T ? { [K in keyof T]: unknown } : never;

function toChangeOrder(row: Row): ChangeOrder {
  return {
    id: row.id as string,
    engagementId: row.engagement_id as string,
    clientId: row.client_id as string,
    requestId: (row.request_id as string | null) ?? null,
    title: row.title as string,
    items: fromJson<ChangeOrderLine[]>(row.items),
    grants: fromJson<Partial<Record<QuotaKey, number>>>(row.grants),
    price: Number(row.price),
    currency: row.currency as string,
    deliveryShiftBusinessDays: Number(row.delivery_shift_business_days),
    state: row.state as ChangeOrderState,
    createdAt: instant(row.created_at),
    createdBy: (row.created_by as string | null) ?? null,
    decidedAt: instantOrNull(row.decided_at),
    decidedBy: (row.decided_by as string | null) ?? null,
    invoiceId: (row.invoice_id as string | null) ?? null,
  };
}

export async function insert(db: Db, workspaceId: string, c: NewChangeOrder, at: number) {
  await db
    .insertInto("change_orders")
    .values({
      workspace_id: workspaceId,
      id: c.id,
      engagement_id: c.engagementId,
      client_id: c.clientId,
      request_id: c.requestId,
      title: c.title,
      items: toJson(c.items),
      grants: toJson(c.grants),
      price: c.price,
      currency: c.currency,
      delivery_shift_business_days: c.deliveryShiftBusinessDays,
      state: "proposed",
      created_at: iso(at),
      created_by: c.createdBy,
    })
    .execute();
}

export async function get(db: Db, workspaceId: string, id: string): Promise<ChangeOrder | null> {
  const row = await db
    .selectFrom("change_orders")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toChangeOrder(row as Row) : null;
}

export interface ChangeOrderFilter {
  engagementId?: string | undefined;
  clientId?: string | undefined;
  requestId?: string | undefined;
  state?: ChangeOrderState | undefined;
}

/** Newest first. */
export async function list(
  db: Db,
  workspaceId: string,
  filter: ChangeOrderFilter = {},
): Promise<ChangeOrder[]> {
  let q = db.selectFrom("change_orders").selectAll().where("workspace_id", "=", workspaceId);
  if (filter.engagementId) q = q.where("engagement_id", "=", filter.engagementId);
  if (filter.clientId) q = q.where("client_id", "=", filter.clientId);
  if (filter.requestId) q = q.where("request_id", "=", filter.requestId);
  if (filter.state) q = q.where("state", "=", filter.state);
  const rows = await q.orderBy("created_at", "desc").orderBy("id", "desc").limit(500).execute();
  return rows.map((r) => toChangeOrder(r as Row));
}

/** Moves a proposed change order to its decision; false when it was already decided. */
export async function decide(
  db: Db,
  workspaceId: string,
  id: string,
  state: "accepted" | "declined",
  by: string,
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable("change_orders")
    .set({ state, decided_at: iso(at), decided_by: by })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("state", "=", "proposed")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function setInvoice(db: Db, workspaceId: string, id: string, invoiceId: string) {
  await db
    .updateTable("change_orders")
    .set({ invoice_id: invoiceId })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .execute();
}
