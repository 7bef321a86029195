// Workspaces (tenants): created at sign-up, read by id or public slug.
import type { Kysely, Selectable } from "kysely";
import type { Database, WorkspacesTable } from "../schema.ts";
import { instant } from "../values.ts";

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  locale: string;
  country: string;
  region: string | null;
  currency: string;
  createdAt: string;
}

function toWorkspace(row: Selectable<WorkspacesTable>): Workspace {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    timezone: row.timezone,
    locale: row.locale,
    country: row.country,
    region: row.region,
    currency: row.currency,
    createdAt: instant(row.created_at),
  };
}

export async function insertWorkspace(db: Kysely<Database>, w: Workspace): Promise<void> {
  await db
    .insertInto("workspaces")
    .values({
      id: w.id,
      slug: w.slug,
      name: w.name,
      timezone: w.timezone,
      locale: w.locale,
      country: w.country,
      region: w.region,
      currency: w.currency,
      created_at: w.createdAt,
    })
    .execute();
}

export async function workspaceById(db: Kysely<Database>, id: string): Promise<Workspace | null> {
  const row = await db.selectFrom("workspaces").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toWorkspace(row) : null;
}

export async function workspaceBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<Workspace | null> {
  const row = await db
    .selectFrom("workspaces")
    .selectAll()
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row ? toWorkspace(row) : null;
}
