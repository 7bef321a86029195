// Charter drafts (one per workspace, any JSON object) and published versions (immutable,
// numbered 1, 2, 3… per workspace; the primary key (workspace_id, version) refuses a duplicate).
import type { Kysely, Transaction } from "kysely";
import { toIso as iso } from "../../domain/business-time/iso.ts";
import type { Charter } from "../../domain/charter/schema.ts";
import type { Database } from "../schema.ts";
import { fromJson, instant, toJson } from "../values.ts";

type Db = Kysely<Database> | Transaction<Database>;

export interface CharterDraft {
  document: Record<string, unknown>;
  updatedAt: string;
}

export interface VersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
}

export interface CharterVersion extends VersionSummary {
  /** The charter as published, defaults applied (it passed checkCharter). */
  charter: Charter;
}

export async function getDraft(db: Db, workspaceId: string): Promise<CharterDraft | null> {
  const row = await db
    .selectFrom("charter_drafts")
    .select(["document", "updated_at"])
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    document: fromJson<Record<string, unknown>>(row.document),
    updatedAt: instant(row.updated_at),
  };
}

export async function putDraft(
  db: Db,
  workspaceId: string,
  document: Record<string, unknown>,
  at: number,
): Promise<void> {
  const values = { document: toJson(document), updated_at: iso(at) };
  await db
    .insertInto("charter_drafts")
    .values({ workspace_id: workspaceId, ...values })
    .onConflict((oc) => oc.column("workspace_id").doUpdateSet(values))
    .execute();
}

/** The highest published version number, 0 when nothing was published. */
export async function latestVersionNumber(db: Db, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom("charter_versions")
    .select((eb) => eb.fn.max("version").as("latest"))
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return Number(row?.latest ?? 0);
}

export async function insertVersion(
  db: Db,
  workspaceId: string,
  v: { version: number; charter: Charter; publishedAt: number; publishedBy: string | null },
): Promise<void> {
  await db
    .insertInto("charter_versions")
    .values({
      workspace_id: workspaceId,
      version: v.version,
      document: toJson(v.charter),
      published_at: iso(v.publishedAt),
      published_by: v.publishedBy,
    })
    .execute();
}

/** Newest first. */
export async function listVersions(db: Db, workspaceId: string): Promise<VersionSummary[]> {
  const rows = await db
    .selectFrom("charter_versions")
    .select(["version", "published_at", "published_by"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("version", "desc")
    .execute();
  return rows.map((r) => ({
    version: Number(r.version),
    publishedAt: instant(r.published_at),
    publishedBy: r.published_by,
  }));
}

export async function getVersion(
  db: Db,
  workspaceId: string,
  version: number,
): Promise<CharterVersion | null> {
  const row = await db
    .selectFrom("charter_versions")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("version", "=", version)
    .executeTakeFirst();
  return row ? toVersion(row) : null;
}

/** The latest published charter, or null when the workspace has published nothing. */
export async function getPublished(
  db: Db,
  workspaceId: string,
): Promise<{ version: number; charter: Charter; publishedAt: string } | null> {
  const row = await db
    .selectFrom("charter_versions")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const { version, charter, publishedAt } = toVersion(row);
  return { version, charter, publishedAt };
}

function toVersion(row: {
  version: number;
  document: unknown;
  published_at: unknown;
  published_by: string | null;
}): CharterVersion {
  return {
    version: Number(row.version),
    charter: fromJson<Charter>(row.document),
    publishedAt: instant(row.published_at),
    publishedBy: row.published_by,
  };
}
