// The fairness ledger: violations a client committed and exceptions the professional granted.
import { type Kysely, sql, type Transaction } from "kysely";
import { toIso as iso } from "../../domain/business-time/iso.ts";
import type { Database } from "../schema.ts";
import { count, fromJson, instant } from "../values.ts";

type Db = Kysely<Database> | Transaction<Database>;

export interface Violation {
  id: string;
  clientId: string;
  requestId: string | null;
  ruleId: string;
  category: string;
  params: Record<string, unknown>;
  charterVersion: number | null;
  occurredAt: string;
}

export interface Exception {
  id: string;
  clientId: string;
  requestId: string | null;
  ruleId: string;
  reason: string;
  grantedBy: string | null;
  createdAt: string;
}

export async function listViolations(
  db: Db,
  workspaceId: string,
  f: { clientId?: string | undefined; limit: number; offset: number },
): Promise<Violation[]> {
  let q = db.selectFrom("violations").selectAll().where("workspace_id", "=", workspaceId);
  if (f.clientId) q = q.where("client_id", "=", f.clientId);
  const rows = await q
    .orderBy("occurred_at", "desc")
    .orderBy("id")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    requestId: r.request_id,
    ruleId: r.rule_id,
    category: r.category,
    params: fromJson<Record<string, unknown>>(r.params),
    charterVersion: r.charter_version === null ? null : Number(r.charter_version),
    occurredAt: instant(r.occurred_at),
  }));
}

/**
 * Instants (epoch ms, ascending) of a client's latest `limit` violations between `since` and
 * `until`, for escalation. On every intake: written as SQL rather than built, and the limit as a
 * literal (node:sqlite binds a number as a REAL, and a bound LIMIT costs ~10 µs more).
 */
export async function violationTimes(
  db: Db,
  workspaceId: string,
  clientId: string,
  range: { since: number; until: number; limit: number },
): Promise<number[]> {
  if (range.limit <= 0) return [];
  const { rows } = await sql<{ occurred_at: unknown }>`
    select occurred_at from violations
    where workspace_id = ${workspaceId} and client_id = ${clientId}
      and occurred_at >= ${iso(range.since)} and occurred_at <= ${iso(range.until)}
    order by occurred_at desc
    limit ${sql.lit(Math.trunc(range.limit))}`.execute(db);
  return rows.map((r) => Date.parse(instant(r.occurred_at))).reverse();
}

export async function insertException(
  db: Db,
  workspaceId: string,
  e: Omit<Exception, "createdAt"> & { createdAt: number },
): Promise<void> {
  await db
    .insertInto("exceptions")
    .values({
      workspace_id: workspaceId,
      id: e.id,
      client_id: e.clientId,
      request_id: e.requestId,
      rule_id: e.ruleId,
      reason: e.reason,
      granted_by: e.grantedBy,
      created_at: iso(e.createdAt),
    })
    .execute();
}

export async function listExceptions(
  db: Db,
  workspaceId: string,
  f: { clientId?: string | undefined; limit: number; offset: number },
): Promise<Exception[]> {
  let q = db.selectFrom("exceptions").selectAll().where("workspace_id", "=", workspaceId);
  if (f.clientId) q = q.where("client_id", "=", f.clientId);
  const rows = await q
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    requestId: r.request_id,
    ruleId: r.rule_id,
    reason: r.reason,
    grantedBy: r.granted_by,
    createdAt: instant(r.created_at),
  }));
}

/** Per client of the workspace: how many exceptions and violations, side by side. */
export async function ledgerByClient(
  db: Db,
  workspaceId: string,
): Promise<{ clientId: string; name: string; exceptions: number; violations: number }[]> {
  const clients = await db
    .selectFrom("clients")
    .select(["id", "name"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("name")
    .execute();
  const ex = await db
    .selectFrom("exceptions")
    .select(["client_id", (eb) => eb.fn.countAll().as("n")])
    .where("workspace_id", "=", workspaceId)
    .groupBy("client_id")
    .execute();
  const vi = await db
    .selectFrom("violations")
    .select(["client_id", (eb) => eb.fn.countAll().as("n")])
    .where("workspace_id", "=", workspaceId)
    .groupBy("client_id")
    .execute();
  const exBy = new Map(ex.map((r) => [r.client_id, count(r.n)]));
  const viBy = new Map(vi.map((r) => [r.client_id, count(r.n)]));
  return clients.map((c) => ({
    clientId: c.id,
    name: c.name,
    exceptions: exBy.get(c.id) ?? 0,
    violations: viBy.get(c.id) ?? 0,
  }));
}
