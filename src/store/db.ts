// Opens the database named by a URL: PostgreSQL for postgres:// URLs, else embedded SQLite.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Engine } from "./engine.ts";
import type { Database } from "./schema.ts";
import { NodeSqliteDatabase } from "./sqlite.ts";

export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  /** The SQLite file, or a redacted PostgreSQL URL, for logs. */
  where: string;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

/** `DATABASE_URL` when it is a postgres:// URL, else `<dataDir>/cadre.db` (or ":memory:"). */
export function openStore(options: { url?: string | undefined; sqlitePath?: string }): Store {
  if (isPostgresUrl(options.url)) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine: "postgres",
      where: options.url.replace(/\/\/[^@/]*@/, "//***@"),
      close: () => db.destroy(),
    };
  }
  const path = options.sqlitePath ?? ":memory:";
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const database = new NodeSqliteDatabase(path);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, engine: "sqlite", where: path, close: () => db.destroy() };
}
