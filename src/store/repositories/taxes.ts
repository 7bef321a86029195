// The workspace's sales-tax setup (one document per workspace; none means no tax).
import type { Kysely, Transaction } from "kysely";
import type { TaxSetup } from "../../domain/money/taxes.ts";
import type { Database } from "../schema.ts";
import { fromJson, instant, toJson } from "../values.ts";

type Db = Kysely<Database> | Transaction<Database>;

export async function getTaxSetup(
  db: Db,
  workspaceId: string,
): Promise<{ setup: TaxSetup; updatedAt: string } | null> {
  const row = await db
    .selectFrom("workspace_taxes")
    .select(["document", "updated_at"])
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return row
    ? { setup: fromJson<TaxSetup>(row.document), updatedAt: instant(row.updated_at) }
    : null;
}

export async function putTaxSetup(db: Db, workspaceId: string, setup: TaxSetup, at: number) {
  const values = { document: toJson(setup), updated_at: new Date(at).toISOString() };
  await db
    .insertInto("workspace_taxes")
    .values({ workspace_id: workspaceId, ...values })
    .onConflict((c) => c.column("workspace_id").doUpdateSet(values))
    .execute();
}
