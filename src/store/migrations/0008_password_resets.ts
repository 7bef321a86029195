// Password resets ("forgot password"): single-use links (1 hour) that let a professional set a
// new password. Like magic_links, only the SHA-256 of the secret is stored. The row belongs to a
// user; workspace_id names the workspace whose outbox and audit log the reset goes through (the
// user's oldest membership when it was asked for). Sessions get an index on user_id: a reset
// ends every session of the user.
import { type Kysely, type Migration, sql } from "kysely";
import type { Engine } from "../engine.ts";

export function passwordResets(engine: Engine): Migration {
  const instant = engine === "postgres" ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<unknown>) {
      const s = db.schema;
      await s
        .createTable("password_resets")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) =>
          c.notNull().references("workspaces.id").onDelete("cascade"),
        )
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("expires_at", instant, (c) => c.notNull())
        .addColumn("used_at", instant)
        .addColumn("created_at", instant, (c) => c.notNull())
        .execute();
      await s
        .createIndex("password_resets_user")
        .on("password_resets")
        .columns(["user_id", "created_at"])
        .execute();
      await s.createIndex("sessions_user").on("sessions").columns(["user_id"]).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex("sessions_user").ifExists().execute();
      await db.schema.dropTable("password_resets").ifExists().execute();
    },
  };
}
