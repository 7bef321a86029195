// The option a client chose on a proposal, as its own indexed column: the monthly rush cap is a
// count, not a scan of every decision.
import type { Kysely, Migration } from "kysely";

export function requestChoices(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("requests").addColumn("chosen_option", "text").execute();
      await db.schema
        .createIndex("requests_client_choice")
        .on("requests")
        .columns(["workspace_id", "client_id", "chosen_option", "received_at"])
        .execute();
      await db.schema
        .createIndex("violations_client_recent")
        .on("violations")
        .columns(["workspace_id", "client_id", "occurred_at"])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex("violations_client_recent").execute();
      await db.schema.dropIndex("requests_client_choice").execute();
      await db.schema.alterTable("requests").dropColumn("chosen_option").execute();
    },
  };
}
