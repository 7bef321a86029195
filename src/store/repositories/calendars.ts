// Calendars: imported ICS links per member (with the last fetch, its error and the busy times it
// gave), and the private ICS feed of each member (the secret's hash only, revocable).
import type { Kysely, Transaction } from "kysely";
import { toIso as iso } from "../../domain/business-time/iso.ts";
import type { Database } from "../schema.ts";
import { instant, instantOrNull } from "../values.ts";

type Db = Kysely<Database> | Transaction<Database>;

export interface CalendarSource {
  id: string;
  memberId: string;
  url: string;
  label: string;
  createdAt: string;
  lastFetchedAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  eventCount: number;
}

type SourceRow = Database["calendar_sources"] extends infer T ? { [K in keyof T]: unknown } : never;

function toSource(r: SourceRow): CalendarSource {
  return {
    id: r.id as string,
    memberId: r.member_user_id as string,
    url: r.url as string,
    label: r.label as string,
    createdAt: instant(r.created_at),
    lastFetchedAt: instantOrNull(r.last_fetched_at),
    lastSuccessAt: instantOrNull(r.last_success_at),
    lastError: r.last_error as string | null,
    eventCount: Number(r.event_count),
  };
}

export async function insertSource(
  db: Db,
  workspaceId: string,
  s: { id: string; memberId: string; url: string; label: string; createdAt: number },
): Promise<void> {
  await db
    .insertInto("calendar_sources")
    .values({
      workspace_id: workspaceId,
      id: s.id,
      member_user_id: s.memberId,
      url: s.url,
      label: s.label,
      created_at: iso(s.createdAt),
      last_fetched_at: null,
      last_success_at: null,
      last_error: null,
      event_count: 0,
    })
    .execute();
}

export async function getSource(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<CalendarSource | null> {
  const row = await db
    .selectFrom("calendar_sources")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toSource(row) : null;
}

/** A member's sources (all members' when memberId is omitted), oldest first. */
export async function listSources(
  db: Db,
  workspaceId: string,
  memberId?: string,
): Promise<CalendarSource[]> {
  let q = db.selectFrom("calendar_sources").selectAll().where("workspace_id", "=", workspaceId);
  if (memberId) q = q.where("member_user_id", "=", memberId);
  const rows = await q.orderBy("created_at").orderBy("id").execute();
  return rows.map(toSource);
}

export async function deleteSource(db: Db, workspaceId: string, id: string): Promise<boolean> {
  await db
    .deleteFrom("busy_events")
    .where("workspace_id", "=", workspaceId)
    .where("source_id", "=", id)
    .execute();
  const result = await db
    .deleteFrom("calendar_sources")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Sources (every workspace) not attempted since `before`: the refresh job's work list. */
export async function sourcesDue(
  db: Db,
  before: number,
  limit: number,
): Promise<{ workspaceId: string; id: string }[]> {
  const rows = await db
    .selectFrom("calendar_sources")
    .select(["workspace_id", "id"])
    .where((eb) =>
      eb.or([eb("last_fetched_at", "is", null), eb("last_fetched_at", "<", iso(before))]),
    )
    .orderBy("last_fetched_at")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ workspaceId: r.workspace_id, id: r.id }));
}

/** A successful fetch: the source's busy times are replaced by `events`. */
export async function replaceBusy(
  db: Db,
  workspaceId: string,
  source: { id: string; memberId: string },
  events: readonly { start: number; end: number }[],
  at: number,
): Promise<void> {
  await db
    .deleteFrom("busy_events")
    .where("workspace_id", "=", workspaceId)
    .where("source_id", "=", source.id)
    .execute();
  const CHUNK = 500;
  for (let i = 0; i < events.length; i += CHUNK) {
    await db
      .insertInto("busy_events")
      .values(
        events.slice(i, i + CHUNK).map((e) => ({
          workspace_id: workspaceId,
          source_id: source.id,
          member_user_id: source.memberId,
          start_at: iso(e.start),
          end_at: iso(e.end),
        })),
      )
      .execute();
  }
  await db
    .updateTable("calendar_sources")
    .set({
      last_fetched_at: iso(at),
      last_success_at: iso(at),
      last_error: null,
      event_count: events.length,
    })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", source.id)
    .execute();
}

/** A failed fetch: the error is kept and shown; the busy times of the last success stay. */
export async function recordFetchError(
  db: Db,
  workspaceId: string,
  id: string,
  error: string,
  at: number,
): Promise<void> {
  await db
    .updateTable("calendar_sources")
    .set({ last_fetched_at: iso(at), last_error: error.slice(0, 500) })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .execute();
}

/** A member's imported busy times that overlap [from, to). */
export async function busyOfMember(
  db: Db,
  workspaceId: string,
  memberId: string,
  from: number,
  to: number,
): Promise<{ start: number; end: number }[]> {
  const rows = await db
    .selectFrom("busy_events")
    .select(["start_at", "end_at"])
    .where("workspace_id", "=", workspaceId)
    .where("member_user_id", "=", memberId)
    .where("start_at", "<", iso(to))
    .where("end_at", ">", iso(from))
    .execute();
  return rows.map((r) => ({
    start: Date.parse(instant(r.start_at)),
    end: Date.parse(instant(r.end_at)),
  }));
}

// --- The private feed -------------------------------------------------------------------------

/** Revokes the member's active feed secrets; true when there was one. */
export async function revokeFeeds(
  db: Db,
  workspaceId: string,
  memberId: string,
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable("calendar_feeds")
    .set({ revoked_at: iso(at) })
    .where("workspace_id", "=", workspaceId)
    .where("member_user_id", "=", memberId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertFeed(
  db: Db,
  workspaceId: string,
  f: { id: string; memberId: string; tokenHash: string; createdAt: number },
): Promise<void> {
  await db
    .insertInto("calendar_feeds")
    .values({
      workspace_id: workspaceId,
      id: f.id,
      member_user_id: f.memberId,
      token_hash: f.tokenHash,
      created_at: iso(f.createdAt),
      revoked_at: null,
    })
    .execute();
}

/** The member's active feed, if any (its secret is not stored). */
export async function activeFeed(
  db: Db,
  workspaceId: string,
  memberId: string,
): Promise<{ id: string; createdAt: string } | null> {
  const row = await db
    .selectFrom("calendar_feeds")
    .select(["id", "created_at"])
    .where("workspace_id", "=", workspaceId)
    .where("member_user_id", "=", memberId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, createdAt: instant(row.created_at) } : null;
}

/** Whose feed a secret opens (by its hash), if it is not revoked. */
export async function feedByHash(
  db: Db,
  tokenHash: string,
): Promise<{ workspaceId: string; memberId: string } | null> {
  const row = await db
    .selectFrom("calendar_feeds")
    .select(["workspace_id", "member_user_id"])
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return row ? { workspaceId: row.workspace_id, memberId: row.member_user_id } : null;
}

/** A member's imported busy times that overlap [from, to), with the calendar each came from. */
export async function busyBlocksOfMember(
  db: Db,
  workspaceId: string,
  memberId: string,
  from: number,
  to: number,
): Promise<{ start: number; end: number; sourceId: string; label: string }[]> {
  const rows = await db
    .selectFrom("busy_events as b")
    .innerJoin("calendar_sources as s", (j) =>
      j.onRef("s.workspace_id", "=", "b.workspace_id").onRef("s.id", "=", "b.source_id"),
    )
    .select(["b.start_at", "b.end_at", "b.source_id", "s.label"])
    .where("b.workspace_id", "=", workspaceId)
    .where("b.member_user_id", "=", memberId)
    .where("b.start_at", "<", iso(to))
    .where("b.end_at", ">", iso(from))
    .orderBy("b.start_at")
    .execute();
  return rows.map((r) => ({
    start: Date.parse(instant(r.start_at)),
    end: Date.parse(instant(r.end_at)),
    sourceId: r.source_id as string,
    label: r.label as string,
  }));
}
