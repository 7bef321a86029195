// Where the data lives and how to open it, from the environment (shared by serve, migrate, demo,
// export and import).
import { join, resolve } from "node:path";
import { type AppContext, defaultConfig } from "../services/context.ts";
import { isPostgresUrl, openStore, type Store } from "../store/db.ts";
import { migrate } from "../store/migrate.ts";

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.CADRE_DATA_DIR ?? "./data");
}

/** DATABASE_URL when it is a postgres:// URL; else the embedded SQLite file in the data folder. */
export async function openConfiguredStore(env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  const store = isPostgresUrl(env.DATABASE_URL)
    ? openStore({ url: env.DATABASE_URL })
    : openStore({ sqlitePath: join(dataDir(env), "cadre.db") });
  await migrate(store);
  return store;
}

/** What a one-shot command (demo, export, import) gives the use cases: the store, the
 * configuration from the environment and the system clock. */
export function commandContext(store: Store): AppContext {
  return { store, db: store.db, config: defaultConfig(), now: Date.now };
}
