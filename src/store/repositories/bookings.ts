// Bookings: meetings booked with a member, their cancellation, and the per-member lock that
// serialises booking decisions on PostgreSQL (SQLite has one writer: its transactions are serial).
import type { Kysely, Transaction } from "kysely";
import { toIso as iso } from "../../domain/business-time/iso.ts";
import type { Offer } from "../../domain/offers/types.ts";
import type { Engine } from "../engine.ts";
import type { Database } from "../schema.ts";
import { fromJson, instant, instantOrNull, toJson } from "../values.ts";
import type { Quotas } from "./engagements.ts";

type Db = Kysely<Database> | Transaction<Database>;

export type BookingStatus = "booked" | "cancelled" | "late-cancelled";

export interface Booking {
  id: string;
  meetingTypeId: string;
  clientId: string;
  memberId: string;
  engagementId: string | null;
  start: string;
  end: string;
  bufferMinutes: number;
  status: BookingStatus;
  cancelledAt: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
  countsAsUsed: boolean;
  /** Late-cancellation fee, minor units of `currency`. */
  fee: number | null;
  /** Price of the paid extra meeting (past the included quota), minor units of `currency`. */
  extraPrice: number | null;
  extraAddOnId: string | null;
  /** The accepted change order that bills the paid extra. */
  changeOrderId: string | null;
  currency: string | null;
  /** Rule ids the professional waived (each recorded in the exceptions ledger). */
  waivedRules: string[];
  charterVersion: number | null;
  rescheduledFrom: string | null;
  createdBy: string;
  createdAt: string;
}

export interface NewBooking {
  id: string;
  meetingTypeId: string;
  clientId: string;
  memberId: string;
  engagementId: string | null;
  start: number;
  end: number;
  bufferMinutes: number;
  extraPrice: number | null;
  extraAddOnId: string | null;
  changeOrderId: string | null;
  currency: string | null;
  waivedRules: string[];
  charterVersion: number | null;
  rescheduledFrom: string | null;
  createdBy: string;
  createdAt: number;
}

type Row = Database["bookings"] extends infer T ? { [K in keyof T]: unknown } : never;

function toBooking(r: Row): Booking {
  return {
    id: r.id as string,
    meetingTypeId: r.meeting_type_id as string,
    clientId: r.client_id as string,
    memberId: r.member_user_id as string,
    engagementId: r.engagement_id as string | null,
    start: instant(r.start_at),
    end: instant(r.end_at),
    bufferMinutes: Number(r.buffer_minutes),
    status: r.status as BookingStatus,
    cancelledAt: instantOrNull(r.cancelled_at),
    cancelledBy: r.cancelled_by as string | null,
    cancelReason: r.cancel_reason as string | null,
    countsAsUsed: Number(r.counts_as_used) === 1,
    fee: r.fee === null ? null : Number(r.fee),
    extraPrice: r.extra_price === null ? null : Number(r.extra_price),
    extraAddOnId: r.extra_add_on_id as string | null,
    changeOrderId: (r.change_order_id as string | null) ?? null,
    currency: r.currency as string | null,
    waivedRules: fromJson<string[]>(r.waived_rules),
    charterVersion: r.charter_version === null ? null : Number(r.charter_version),
    rescheduledFrom: r.rescheduled_from as string | null,
    createdBy: r.created_by as string,
    createdAt: instant(r.created_at),
  };
}

export async function insertBooking(db: Db, workspaceId: string, b: NewBooking): Promise<void> {
  await db
    .insertInto("bookings")
    .values({
      workspace_id: workspaceId,
      id: b.id,
      meeting_type_id: b.meetingTypeId,
      client_id: b.clientId,
      member_user_id: b.memberId,
      engagement_id: b.engagementId,
      start_at: iso(b.start),
      end_at: iso(b.end),
      buffer_minutes: b.bufferMinutes,
      status: "booked",
      cancelled_at: null,
      counts_as_used: 0,
      extra_price: b.extraPrice,
      extra_add_on_id: b.extraAddOnId,
      change_order_id: b.changeOrderId,
      currency: b.currency,
      waived_rules: toJson(b.waivedRules),
      charter_version: b.charterVersion,
      rescheduled_from: b.rescheduledFrom,
      created_by: b.createdBy,
      created_at: iso(b.createdAt),
    })
    .execute();
}

/** One booking; `forUpdate` (PostgreSQL) holds its row until the transaction ends. */
export async function getBooking(
  db: Db,
  workspaceId: string,
  id: string,
  forUpdate = false,
): Promise<Booking | null> {
  let q = db
    .selectFrom("bookings")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toBooking(row) : null;
}

/** A member's active bookings that start in [from, to), by start. */
export async function activeBookingsOfMember(
  db: Db,
  workspaceId: string,
  memberId: string,
  from: number,
  to: number,
): Promise<Booking[]> {
  const rows = await db
    .selectFrom("bookings")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("member_user_id", "=", memberId)
    .where("status", "=", "booked")
    .where("start_at", ">=", iso(from))
    .where("start_at", "<", iso(to))
    .orderBy("start_at")
    .execute();
  return rows.map(toBooking);
}

export interface BookingFilter {
  clientId?: string | undefined;
  memberId?: string | undefined;
  status?: BookingStatus | undefined;
  from?: number | undefined;
  to?: number | undefined;
  limit: number;
  offset: number;
}

/** Bookings by start, optionally for one client or member, one status, starting in [from, to). */
export async function listBookings(
  db: Db,
  workspaceId: string,
  f: BookingFilter,
): Promise<Booking[]> {
  let q = db.selectFrom("bookings").selectAll().where("workspace_id", "=", workspaceId);
  if (f.clientId) q = q.where("client_id", "=", f.clientId);
  if (f.memberId) q = q.where("member_user_id", "=", f.memberId);
  if (f.status) q = q.where("status", "=", f.status);
  if (f.from !== undefined) q = q.where("start_at", ">=", iso(f.from));
  if (f.to !== undefined) q = q.where("start_at", "<", iso(f.to));
  const rows = await q.orderBy("start_at").orderBy("id").limit(f.limit).offset(f.offset).execute();
  return rows.map(toBooking);
}

export interface Cancellation {
  status: "cancelled" | "late-cancelled";
  at: number;
  by: string;
  reason: string | null;
  countsAsUsed: boolean;
  fee: number | null;
  currency: string | null;
}

/** Cancels an active booking; false when it was no longer active. */
export async function cancelBooking(
  db: Db,
  workspaceId: string,
  id: string,
  c: Cancellation,
): Promise<boolean> {
  const result = await db
    .updateTable("bookings")
    .set({
      status: c.status,
      cancelled_at: iso(c.at),
      cancelled_by: c.by,
      cancel_reason: c.reason,
      counts_as_used: c.countsAsUsed ? 1 : 0,
      fee: c.fee,
      ...(c.currency ? { currency: c.currency } : {}),
    })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("status", "=", "booked")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Holds the member's row until the transaction ends (PostgreSQL `SELECT … FOR UPDATE`), so two
 * booking decisions for one member never interleave. False when there is no such member. On
 * SQLite it only checks the member exists: its single connection already serialises writers.
 */
export async function lockMember(
  db: Db,
  engine: Engine,
  workspaceId: string,
  memberId: string,
): Promise<boolean> {
  let q = db
    .selectFrom("members")
    .select("user_id")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", memberId);
  if (engine === "postgres") q = q.forUpdate();
  return (await q.executeTakeFirst()) !== undefined;
}

/** What a booking needs of an engagement: its offer snapshot and quota figures. */
export interface EngagementQuota {
  id: string;
  offer: Offer;
  usage: Quotas;
  extraQuota: Quotas;
}

/**
 * The client's active engagement (the most recently created, as intake applies it), or the one
 * named. `forUpdate` (PostgreSQL) holds its row: a booking reads the quota, then writes it.
 */
export async function engagementQuota(
  db: Db,
  workspaceId: string,
  clientId: string,
  opts: { engagementId?: string | null; forUpdate?: boolean } = {},
): Promise<EngagementQuota | null> {
  const { engagementId, forUpdate = false } = opts;
  let q = db
    .selectFrom("engagements")
    .select(["id", "offer", "usage", "extra_quota"])
    .where("workspace_id", "=", workspaceId)
    .where("client_id", "=", clientId);
  q = engagementId
    ? q.where("id", "=", engagementId)
    : q.where("status", "=", "active").orderBy("created_at", "desc").orderBy("id", "desc").limit(1);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    offer: fromJson<Offer>(row.offer),
    usage: fromJson<Quotas>(row.usage),
    extraQuota: fromJson<Quotas>(row.extra_quota),
  };
}

/** The member a meeting is with when none is named: the workspace's first owner. */
export async function defaultMember(db: Db, workspaceId: string): Promise<string | null> {
  const row = await db
    .selectFrom("members")
    .select("user_id")
    .where("workspace_id", "=", workspaceId)
    .orderBy((eb) => eb.case().when("role", "=", "owner").then(0).else(1).end())
    .orderBy("created_at")
    .orderBy("user_id")
    .limit(1)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** A member of the workspace: name, e-mail and own weekly hours (null: the charter's). */
export async function memberProfile(
  db: Db,
  workspaceId: string,
  memberId: string,
): Promise<{ id: string; name: string; email: string; hours: unknown } | null> {
  const row = await db
    .selectFrom("members")
    .innerJoin("users", "users.id", "members.user_id")
    .select(["users.id", "users.name", "users.email", "members.hours"])
    .where("members.workspace_id", "=", workspaceId)
    .where("members.user_id", "=", memberId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    hours: row.hours === null ? null : fromJson<unknown>(row.hours),
  };
}

/** Names of clients of the workspace, by id (for feeds and lists). */
export async function clientNames(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom("clients")
      .select(["id", "name"])
      .where("workspace_id", "=", workspaceId)
      .where("id", "in", ids.slice(i, i + 500))
      .execute();
    for (const r of rows) names.set(r.id, r.name);
  }
  return names;
}
