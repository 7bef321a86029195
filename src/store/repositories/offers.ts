// Offers (packages / tiers) of a workspace, stored as their documents. Referenced offers are
// archived rather than deleted, so engagements keep a valid link.
import type { Kysely, Transaction } from "kysely";
import { toIso as iso } from "../../domain/business-time/iso.ts";
import type { Offer } from "../../domain/offers/types.ts";
import type { Database } from "../schema.ts";
import { count, fromJson, instant, toJson } from "../values.ts";

type Db = Kysely<Database> | Transaction<Database>;

export interface OfferRecord extends Offer {
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

type Row = {
  document: unknown;
  archived: number;
  created_at: unknown;
  updated_at: unknown;
};

function toRecord(row: Row): OfferRecord {
  return {
    ...fromJson<Offer>(row.document),
    archived: Number(row.archived) === 1,
    createdAt: instant(row.created_at),
    updatedAt: instant(row.updated_at),
  };
}

export async function insert(db: Db, workspaceId: string, offer: Offer, at: number) {
  await db
    .insertInto("offers")
    .values({
      workspace_id: workspaceId,
      id: offer.id,
      document: toJson(offer),
      archived: 0,
      created_at: iso(at),
      updated_at: iso(at),
    })
    .execute();
}

/** Replaces the offer's document; false when there is no such offer. */
export async function update(
  db: Db,
  workspaceId: string,
  offer: Offer,
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable("offers")
    .set({ document: toJson(offer), updated_at: iso(at) })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", offer.id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** One offer, archived or not. */
export async function get(db: Db, workspaceId: string, id: string): Promise<OfferRecord | null> {
  const row = await db
    .selectFrom("offers")
    .select(["document", "archived", "created_at", "updated_at"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The workspace's offers, oldest first; archived ones only when asked. */
export async function list(
  db: Db,
  workspaceId: string,
  options: { includeArchived?: boolean } = {},
): Promise<OfferRecord[]> {
  let q = db
    .selectFrom("offers")
    .select(["document", "archived", "created_at", "updated_at"])
    .where("workspace_id", "=", workspaceId);
  if (!options.includeArchived) q = q.where("archived", "=", 0);
  const rows = await q.orderBy("created_at").orderBy("id").execute();
  return rows.map(toRecord);
}

export async function setArchived(db: Db, workspaceId: string, id: string, at: number) {
  await db
    .updateTable("offers")
    .set({ archived: 1, updated_at: iso(at) })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .execute();
}

export async function remove(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom("offers")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .execute();
}

/** Whether an engagement, or another offer as its lower tier, points to this offer. */
export async function isReferenced(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const engagements = await db
    .selectFrom("engagements")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("workspace_id", "=", workspaceId)
    .where("offer_id", "=", id)
    .executeTakeFirst();
  if (count(engagements?.n) > 0) return true;
  const others = await list(db, workspaceId, { includeArchived: true });
  return others.some((o) => o.id !== id && o.lowerTierId === id);
}
