// Two indexes that no query needs, paid for on every insert:
// - `violations_client_recent` (0004) is exactly `violations_client` (0001): workspace, client,
//   occurred_at — every violation row updated the same B-tree twice;
// - `requests_client` (0001: workspace, client, received_at): the queries that filter requests by
//   client use the (workspace, client) prefix of `requests_client_choice`, and the one range on
//   received_at per client (this month's rushes) is that index's own; every intake updated it.
import type { Kysely, Migration } from "kysely";

export function dropUnusedIndexes(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.dropIndex("violations_client_recent").ifExists().execute();
      await db.schema.dropIndex("requests_client").ifExists().execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema
        .createIndex("violations_client_recent")
        .on("violations")
        .columns(["workspace_id", "client_id", "occurred_at"])
        .execute();
      await db.schema
        .createIndex("requests_client")
        .on("requests")
        .columns(["workspace_id", "client_id", "received_at"])
        .execute();
    },
  };
}
