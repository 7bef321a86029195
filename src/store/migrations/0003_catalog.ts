// Engagement consequences: how many business days an obligation's consequence has moved its
// deliverables so far (a late arrival tops the fixed shift up, never twice), and the index for
// a client's engagements.
import type { Kysely, Migration } from "kysely";

export function catalog(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("obligations")
        .addColumn("shifted_business_days", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex("engagements_client")
        .on("engagements")
        .columns(["workspace_id", "client_id", "status"])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex("engagements_client").ifExists().execute();
      await db.schema.alterTable("obligations").dropColumn("shifted_business_days").execute();
    },
  };
}
