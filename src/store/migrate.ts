// Runs the Kysely migrations (both engines); called on start and by `cadre migrate`.
import { type Migration, Migrator } from "kysely";
import type { Store } from "./db.ts";
import { init } from "./migrations/0001_init.ts";
import { catalog } from "./migrations/0003_catalog.ts";
import { requestChoices } from "./migrations/0004_request_choices.ts";
import { mail } from "./migrations/0005_mail.ts";
import { money } from "./migrations/0006_money.ts";
import { bookings } from "./migrations/0007_bookings.ts";
import { passwordResets } from "./migrations/0008_password_resets.ts";
import { dropUnusedIndexes } from "./migrations/0009_drop_unused_indexes.ts";

export async function migrate(store: Store): Promise<string[]> {
  const migrations: Record<string, Migration> = {
    "0001_init": init(store.engine),
    "0003_catalog": catalog(),
    "0004_request_choices": requestChoices(),
    "0005_mail": mail(store.engine),
    "0006_money": money(store.engine),
    "0007_bookings": bookings(store.engine),
    "0008_password_resets": passwordResets(store.engine),
    "0009_drop_unused_indexes": dropUnusedIndexes(),
  };
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
