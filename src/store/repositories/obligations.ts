// An engagement's deliverables and client obligations (materials, approvals, payments the client
// owes by a date), and the bookkeeping that makes a missed obligation's consequence apply once.
import type { Kysely, Transaction } from "kysely";
import { toIso as iso } from "../../domain/business-time/iso.ts";
import type { Database } from "../schema.ts";
import { fromJson, instant, instantOrNull, toJson } from "../values.ts";

type Db = Kysely<Database> | Transaction<Database>;

export type ObligationStatus = "pending" | "received" | "late";

export interface Deliverable {
  id: string;
  name: string;
  dueAt: string;
  /** The due date first agreed, before any consequence moved it. */
  originalDueAt: string;
  deliveredAt: string | null;
  position: number;
}

export interface Obligation {
  id: string;
  engagementId: string;
  name: string;
  dueAt: string;
  receivedAt: string | null;
  status: ObligationStatus;
  /** The rule: business days the dependent deliverables move when this is missed. */
  shiftBusinessDays: number;
  deliverableIds: string[];
  consequenceAppliedAt: string | null;
  /** Business days the consequence has moved the deliverables so far. */
  shiftedBusinessDays: number;
  position: number;
}

export interface NewDeliverable {
  id: string;
  name: string;
  dueAt: number;
}

export interface NewObligation {
  id: string;
  name: string;
  dueAt: number;
  shiftBusinessDays: number;
  deliverableIds: string[];
}

type DeliverableRow = Database["deliverables"] extends infer T
  ? { [K in keyof T]: unknown }
  : never;
type ObligationRow = Database["obligations"] extends infer T ? { [K in keyof T]: unknown } : never;

function toDeliverable(r: DeliverableRow): Deliverable {
  return {
    id: r.id as string,
    name: r.name as string,
    dueAt: instant(r.due_at),
    originalDueAt: instant(r.original_due_at),
    deliveredAt: instantOrNull(r.delivered_at),
    position: Number(r.position),
  };
}

function toObligation(r: ObligationRow): Obligation {
  return {
    id: r.id as string,
    engagementId: r.engagement_id as string,
    name: r.name as string,
    dueAt: instant(r.due_at),
    receivedAt: instantOrNull(r.received_at),
    status: r.status as ObligationStatus,
    shiftBusinessDays: Number(r.shift_business_days),
    deliverableIds: fromJson<string[]>(r.deliverable_ids),
    consequenceAppliedAt: instantOrNull(r.consequence_applied_at),
    shiftedBusinessDays: Number(r.shifted_business_days ?? 0),
    position: Number(r.position),
  };
}

export async function writeDeliverables(
  db: Db,
  workspaceId: string,
  engagementId: string,
  items: NewDeliverable[],
  firstPosition = 0,
): Promise<void> {
  if (items.length === 0) return;
  await db
    .insertInto("deliverables")
    .values(
      items.map((d, i) => ({
        workspace_id: workspaceId,
        id: d.id,
        engagement_id: engagementId,
        name: d.name,
        due_at: iso(d.dueAt),
        original_due_at: iso(d.dueAt),
        position: firstPosition + i,
      })),
    )
    .execute();
}

export async function writeObligations(
  db: Db,
  workspaceId: string,
  engagementId: string,
  items: NewObligation[],
  firstPosition = 0,
): Promise<void> {
  if (items.length === 0) return;
  await db
    .insertInto("obligations")
    .values(
      items.map((o, i) => ({
        workspace_id: workspaceId,
        id: o.id,
        engagement_id: engagementId,
        name: o.name,
        due_at: iso(o.dueAt),
        status: "pending",
        shift_business_days: o.shiftBusinessDays,
        deliverable_ids: toJson(o.deliverableIds),
        position: firstPosition + i,
      })),
    )
    .execute();
}

function group<T extends { position: number }>(ids: string[], rows: [string, T][]) {
  const byEngagement = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const [id, item] of rows) byEngagement.get(id)?.push(item);
  for (const list of byEngagement.values()) list.sort((a, b) => a.position - b.position);
  return byEngagement;
}

export async function deliverablesOf(db: Db, workspaceId: string, engagementIds: string[]) {
  if (engagementIds.length === 0) return new Map<string, Deliverable[]>();
  const rows = await db
    .selectFrom("deliverables")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("engagement_id", "in", engagementIds)
    .execute();
  return group(
    engagementIds,
    rows.map((r) => [r.engagement_id, toDeliverable(r)]),
  );
}

export async function obligationsOf(db: Db, workspaceId: string, engagementIds: string[]) {
  if (engagementIds.length === 0) return new Map<string, Obligation[]>();
  const rows = await db
    .selectFrom("obligations")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("engagement_id", "in", engagementIds)
    .execute();
  return group(
    engagementIds,
    rows.map((r) => [r.engagement_id, toObligation(r)]),
  );
}

export async function getObligation(
  db: Db,
  workspaceId: string,
  engagementId: string,
  id: string,
): Promise<Obligation | null> {
  const row = await db
    .selectFrom("obligations")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("engagement_id", "=", engagementId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toObligation(row) : null;
}

export async function updateDeliverable(
  db: Db,
  workspaceId: string,
  engagementId: string,
  id: string,
  patch: { name?: string; dueAt?: number; deliveredAt?: number | null },
): Promise<boolean> {
  const result = await db
    .updateTable("deliverables")
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.dueAt !== undefined ? { due_at: iso(patch.dueAt) } : {}),
      ...(patch.deliveredAt !== undefined
        ? { delivered_at: patch.deliveredAt === null ? null : iso(patch.deliveredAt) }
        : {}),
    })
    .where("workspace_id", "=", workspaceId)
    .where("engagement_id", "=", engagementId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function updateObligation(
  db: Db,
  workspaceId: string,
  engagementId: string,
  id: string,
  patch: {
    name?: string;
    dueAt?: number;
    shiftBusinessDays?: number;
    deliverableIds?: string[];
    status?: ObligationStatus;
    receivedAt?: number | null;
  },
): Promise<boolean> {
  const result = await db
    .updateTable("obligations")
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.dueAt !== undefined ? { due_at: iso(patch.dueAt) } : {}),
      ...(patch.shiftBusinessDays !== undefined
        ? { shift_business_days: patch.shiftBusinessDays }
        : {}),
      ...(patch.deliverableIds !== undefined
        ? { deliverable_ids: toJson(patch.deliverableIds) }
        : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.receivedAt !== undefined
        ? { received_at: patch.receivedAt === null ? null : iso(patch.receivedAt) }
        : {}),
    })
    .where("workspace_id", "=", workspaceId)
    .where("engagement_id", "=", engagementId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Records that the consequence now totals `shiftedBusinessDays`, only if nobody changed it since
 * it was read as `previous` (an optimistic lock): false means another run applied it first.
 */
export async function claimConsequence(
  db: Db,
  workspaceId: string,
  id: string,
  previous: { applied: boolean; shiftedBusinessDays: number },
  shiftedBusinessDays: number,
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable("obligations")
    .set({ consequence_applied_at: iso(at), shifted_business_days: shiftedBusinessDays })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("shifted_business_days", "=", previous.shiftedBusinessDays)
    .where("consequence_applied_at", previous.applied ? "is not" : "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Pending obligations whose due date has passed and whose consequence was never applied, across
 * every workspace (for the scheduled sweep only), oldest first.
 */
export async function dueForSweep(
  db: Db,
  now: number,
  limit: number,
): Promise<{ workspaceId: string; engagementId: string; id: string; dueAt: string }[]> {
  const rows = await db
    .selectFrom("obligations")
    .select(["workspace_id", "engagement_id", "id", "due_at"])
    .where("status", "=", "pending")
    .where("due_at", "<=", iso(now))
    .where("consequence_applied_at", "is", null)
    .orderBy("due_at")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    workspaceId: r.workspace_id,
    engagementId: r.engagement_id,
    id: r.id,
    dueAt: instant(r.due_at),
  }));
}
