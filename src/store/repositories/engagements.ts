// Engagements: a client's contract with the offer as agreed (a snapshot), quota usage, and the
// deliverables and client obligations that belong to it (obligations.ts handles those rows).
import type { Kysely, Transaction } from "kysely";
import { toIso as iso } from "../../domain/business-time/iso.ts";
import type { Offer, QuotaKey } from "../../domain/offers/types.ts";
import type { Database } from "../schema.ts";
import { fromJson, instant, toJson } from "../values.ts";
import {
  type Deliverable,
  deliverablesOf,
  type NewDeliverable,
  type NewObligation,
  type Obligation,
  obligationsOf,
  writeDeliverables,
  writeObligations,
} from "./obligations.ts";

export type { Deliverable, Obligation } from "./obligations.ts";

type Db = Kysely<Database> | Transaction<Database>;

export type EngagementStatus = "active" | "completed" | "cancelled";
export type Quotas = Partial<Record<QuotaKey, number>>;

export interface Engagement {
  id: string;
  clientId: string;
  offerId: string | null;
  title: string;
  /** The offer as agreed when the engagement was created. */
  offer: Offer;
  status: EngagementStatus;
  startsOn: string | null;
  endsOn: string | null;
  usage: Quotas;
  extraQuota: Quotas;
  extraItems: string[];
  deliverables: Deliverable[];
  obligations: Obligation[];
  createdAt: string;
  updatedAt: string;
}

export interface NewEngagement {
  id: string;
  clientId: string;
  offerId: string | null;
  title: string;
  offer: Offer;
  startsOn: string | null;
  endsOn: string | null;
  extraQuota: Quotas;
  extraItems: string[];
  deliverables: NewDeliverable[];
  obligations: NewObligation[];
}

export interface EngagementPatch {
  title?: string;
  /** The package as agreed, replaced (e.g. a smaller package the client accepted). */
  offerId?: string | null;
  offer?: Offer;
  status?: EngagementStatus;
  startsOn?: string | null;
  endsOn?: string | null;
  usage?: Quotas;
  extraQuota?: Quotas;
  extraItems?: string[];
}

type Row = Database["engagements"] extends infer T ? { [K in keyof T]: unknown } : never;

function toEngagement(row: Row, deliverables: Deliverable[], obligations: Obligation[]) {
  return {
    id: row.id as string,
    clientId: row.client_id as string,
    offerId: row.offer_id as string | null,
    title: row.title as string,
    offer: fromJson<Offer>(row.offer),
    status: row.status as EngagementStatus,
    startsOn: row.starts_on as string | null,
    endsOn: row.ends_on as string | null,
    usage: fromJson<Quotas>(row.usage),
    extraQuota: fromJson<Quotas>(row.extra_quota),
    extraItems: fromJson<string[]>(row.extra_items),
    deliverables,
    obligations,
    createdAt: instant(row.created_at),
    updatedAt: instant(row.updated_at),
  } satisfies Engagement;
}

async function withChildren(db: Db, workspaceId: string, rows: Row[]): Promise<Engagement[]> {
  const ids = rows.map((r) => r.id as string);
  const deliverables = await deliverablesOf(db, workspaceId, ids);
  const obligations = await obligationsOf(db, workspaceId, ids);
  return rows.map((r) =>
    toEngagement(r, deliverables.get(r.id as string) ?? [], obligations.get(r.id as string) ?? []),
  );
}

export async function insert(db: Db, workspaceId: string, e: NewEngagement, at: number) {
  await db
    .insertInto("engagements")
    .values({
      workspace_id: workspaceId,
      id: e.id,
      client_id: e.clientId,
      offer_id: e.offerId,
      title: e.title,
      offer: toJson(e.offer),
      status: "active",
      starts_on: e.startsOn,
      ends_on: e.endsOn,
      usage: toJson({}),
      extra_quota: toJson(e.extraQuota),
      extra_items: toJson(e.extraItems),
      created_at: iso(at),
      updated_at: iso(at),
    })
    .execute();
  await writeDeliverables(db, workspaceId, e.id, e.deliverables);
  await writeObligations(db, workspaceId, e.id, e.obligations);
}

/** One engagement with its offer snapshot, usage, deliverables and obligations. */
export async function get(db: Db, workspaceId: string, id: string): Promise<Engagement | null> {
  const row = await db
    .selectFrom("engagements")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const [engagement] = await withChildren(db, workspaceId, [row]);
  return engagement ?? null;
}

/** Newest first, optionally for one client or one status. */
export async function list(
  db: Db,
  workspaceId: string,
  filter: { clientId?: string | undefined; status?: EngagementStatus | undefined } = {},
): Promise<Engagement[]> {
  let q = db.selectFrom("engagements").selectAll().where("workspace_id", "=", workspaceId);
  if (filter.clientId) q = q.where("client_id", "=", filter.clientId);
  if (filter.status) q = q.where("status", "=", filter.status);
  const rows = await q.orderBy("created_at", "desc").orderBy("id").execute();
  return withChildren(db, workspaceId, rows);
}

/** The client's most recently created active engagement, or null (what intake applies). */
export async function activeForClient(
  db: Db,
  workspaceId: string,
  clientId: string,
): Promise<Engagement | null> {
  const row = await db
    .selectFrom("engagements")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("client_id", "=", clientId)
    .where("status", "=", "active")
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const [engagement] = await withChildren(db, workspaceId, [row]);
  return engagement ?? null;
}

/** What an intake needs of a client and of the engagement that applies. */
export interface IntakeSubject {
  client: { id: string; name: string; locale: string; timezone: string | null };
  /** Without deliverables and obligations, which a decision does not use. */
  engagement: Pick<
    Engagement,
    "id" | "clientId" | "offer" | "usage" | "extraQuota" | "extraItems"
  > | null;
}

/**
 * The client, with the engagement `engagementId` (whoever's it is: the caller checks) or, without
 * one, the client's most recently created active engagement — in one query. Null when there is
 * no such client.
 */
export async function intakeSubject(
  db: Db,
  workspaceId: string,
  clientId: string,
  engagementId?: string,
): Promise<IntakeSubject | null> {
  const row = await db
    .selectFrom("clients as c")
    .leftJoin("engagements as e", (join) =>
      join
        .onRef("e.workspace_id", "=", "c.workspace_id")
        .on((eb) =>
          engagementId !== undefined
            ? eb("e.id", "=", engagementId)
            : eb(
                "e.id",
                "=",
                eb
                  .selectFrom("engagements as a")
                  .select("a.id")
                  .whereRef("a.workspace_id", "=", "c.workspace_id")
                  .whereRef("a.client_id", "=", "c.id")
                  .where("a.status", "=", "active")
                  .orderBy("a.created_at", "desc")
                  .orderBy("a.id", "desc")
                  .limit(1),
              ),
        ),
    )
    .select([
      "c.id",
      "c.name",
      "c.locale",
      "c.timezone",
      "e.id as engagement_id",
      "e.client_id as engagement_client_id",
      "e.offer",
      "e.usage",
      "e.extra_quota",
      "e.extra_items",
    ])
    .where("c.workspace_id", "=", workspaceId)
    .where("c.id", "=", clientId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    client: { id: row.id, name: row.name, locale: row.locale, timezone: row.timezone },
    engagement:
      row.engagement_id === null || row.engagement_id === undefined
        ? null
        : {
            id: row.engagement_id,
            clientId: row.engagement_client_id as string,
            offer: fromJson<Offer>(row.offer),
            usage: fromJson<Quotas>(row.usage),
            extraQuota: fromJson<Quotas>(row.extra_quota),
            extraItems: fromJson<string[]>(row.extra_items),
          },
  };
}

/** False when there is no such engagement in the workspace. */
export async function update(
  db: Db,
  workspaceId: string,
  id: string,
  patch: EngagementPatch,
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable("engagements")
    .set({
      updated_at: iso(at),
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.offerId !== undefined ? { offer_id: patch.offerId } : {}),
      ...(patch.offer !== undefined ? { offer: toJson(patch.offer) } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.startsOn !== undefined ? { starts_on: patch.startsOn } : {}),
      ...(patch.endsOn !== undefined ? { ends_on: patch.endsOn } : {}),
      ...(patch.usage !== undefined ? { usage: toJson(patch.usage) } : {}),
      ...(patch.extraQuota !== undefined ? { extra_quota: toJson(patch.extraQuota) } : {}),
      ...(patch.extraItems !== undefined ? { extra_items: toJson(patch.extraItems) } : {}),
    })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Adds `delta` to the quota used (e.g. { meetings: 1 } for a call); returns the new usage, or
 * null when there is no such engagement. Run it inside the caller's transaction.
 */
export async function updateUsage(
  db: Db,
  workspaceId: string,
  id: string,
  delta: Quotas,
  at: number,
): Promise<Quotas | null> {
  const row = await db
    .selectFrom("engagements")
    .select("usage")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const usage = fromJson<Quotas>(row.usage);
  for (const [key, amount] of Object.entries(delta) as [QuotaKey, number][]) {
    usage[key] = Math.max(0, (usage[key] ?? 0) + amount);
  }
  await update(db, workspaceId, id, { usage }, at);
  return usage;
}
