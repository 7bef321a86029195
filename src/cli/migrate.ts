// `cadre migrate`: brings the configured database to the latest schema.

import { join } from "node:path";
import { isPostgresUrl, openStore } from "../store/db.ts";
import { migrate } from "../store/migrate.ts";
import { type CliIo, EXIT_OK } from "./io.ts";
import { dataDir } from "./runtime.ts";

export async function migrateCommand(_args: string[], io: CliIo): Promise<number> {
  const store = isPostgresUrl(process.env.DATABASE_URL)
    ? openStore({ url: process.env.DATABASE_URL })
    : openStore({ sqlitePath: join(dataDir(), "cadre.db") });
  try {
    const applied = await migrate(store);
    io.stdout(
      io.lang === "fr"
        ? `${store.where} : ${applied.length === 0 ? "déjà à jour" : `migrations appliquées : ${applied.join(", ")}`}`
        : `${store.where}: ${applied.length === 0 ? "already up to date" : `applied ${applied.join(", ")}`}`,
    );
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
