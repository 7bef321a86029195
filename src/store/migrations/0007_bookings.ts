// Meetings: bookings (one row per booked meeting; a reschedule cancels the row and adds a new one
// that points back to it), imported calendars (ICS links per member, their expanded busy times,
// the last fetch and its error) and one private ICS feed secret per member (hash only).
// Columns are start_at / end_at: "end" is a reserved word in PostgreSQL.
import { type Kysely, type Migration, sql } from "kysely";
import type { Engine } from "../engine.ts";

export function bookings(engine: Engine): Migration {
  const instant = engine === "postgres" ? sql`timestamptz` : sql`text`;
  const json = engine === "postgres" ? sql`jsonb` : sql`text`;
  return {
    async up(db: Kysely<unknown>) {
      const s = db.schema;
      await s
        .createTable("bookings")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("meeting_type_id", "text", (c) => c.notNull())
        .addColumn("client_id", "text", (c) => c.notNull())
        .addColumn("member_user_id", "text", (c) => c.notNull())
        .addColumn("engagement_id", "text")
        .addColumn("start_at", instant, (c) => c.notNull())
        .addColumn("end_at", instant, (c) => c.notNull())
        // The meeting type's buffer when booked: other types' slots keep clear of it.
        .addColumn("buffer_minutes", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("status", "text", (c) => c.notNull()) // booked | cancelled | late-cancelled
        .addColumn("cancelled_at", instant)
        .addColumn("cancelled_by", "text") // user:<id> | client:<id>
        .addColumn("cancel_reason", "text")
        // A late cancellation under "counts-as-used": the meeting stays counted in the quota.
        .addColumn("counts_as_used", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("fee", "integer") // late-cancellation fee, minor units
        .addColumn("extra_price", "integer") // paid extra meeting (past the quota), minor units
        .addColumn("extra_add_on_id", "text")
        .addColumn("change_order_id", "text") // the accepted change order of the paid extra
        .addColumn("currency", "text")
        .addColumn("waived_rules", json, (c) => c.notNull()) // rule ids waived as exceptions
        .addColumn("charter_version", "integer")
        .addColumn("rescheduled_from", "text")
        .addColumn("created_by", "text", (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addPrimaryKeyConstraint("bookings_pk", ["workspace_id", "id"])
        .execute();
      await s
        .createIndex("bookings_member_start")
        .on("bookings")
        .columns(["workspace_id", "member_user_id", "start_at"])
        .execute();
      await s
        .createIndex("bookings_client_start")
        .on("bookings")
        .columns(["workspace_id", "client_id", "start_at"])
        .execute();
      // Two active bookings of one member never start at the same instant, whatever the engine
      // and however the transactions interleave (the per-member lock is the first guard).
      await s
        .createIndex("bookings_member_slot")
        .on("bookings")
        .columns(["workspace_id", "member_user_id", "start_at"])
        .unique()
        .where(sql.ref("status"), "=", sql.lit("booked"))
        .execute();

      await s
        .createTable("calendar_sources")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("member_user_id", "text", (c) => c.notNull())
        .addColumn("url", "text", (c) => c.notNull())
        .addColumn("label", "text", (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("last_fetched_at", instant) // last attempt
        .addColumn("last_success_at", instant)
        .addColumn("last_error", "text") // null after a successful fetch
        .addColumn("event_count", "integer", (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint("calendar_sources_pk", ["workspace_id", "id"])
        .execute();
      await s
        .createIndex("calendar_sources_member")
        .on("calendar_sources")
        .columns(["workspace_id", "member_user_id"])
        .execute();
      await s
        .createIndex("calendar_sources_fetched")
        .on("calendar_sources")
        .columns(["last_fetched_at"])
        .execute();

      await s
        .createTable("busy_events")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("source_id", "text", (c) => c.notNull())
        .addColumn("member_user_id", "text", (c) => c.notNull())
        .addColumn("start_at", instant, (c) => c.notNull())
        .addColumn("end_at", instant, (c) => c.notNull())
        .addForeignKeyConstraint(
          "busy_events_source",
          ["workspace_id", "source_id"],
          "calendar_sources",
          ["workspace_id", "id"],
          (c) => c.onDelete("cascade"),
        )
        .execute();
      await s
        .createIndex("busy_events_member_start")
        .on("busy_events")
        .columns(["workspace_id", "member_user_id", "start_at"])
        .execute();
      await s
        .createIndex("busy_events_source")
        .on("busy_events")
        .columns(["workspace_id", "source_id"])
        .execute();

      await s
        .createTable("calendar_feeds")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("member_user_id", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("revoked_at", instant)
        .addPrimaryKeyConstraint("calendar_feeds_pk", ["workspace_id", "id"])
        .execute();
      await s
        .createIndex("calendar_feeds_member")
        .on("calendar_feeds")
        .columns(["workspace_id", "member_user_id"])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ["calendar_feeds", "busy_events", "calendar_sources", "bookings"]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
