// Opens the database named by a URL: PostgreSQL for postgres:// URLs, else embedded SQLite.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Engine } from "./engine.ts";
import { GroupCommit, type WriteWork } from "./group-commit.ts";
import type { Database } from "./schema.ts";
import { NodeSqliteDatabase } from "./sqlite.ts";

export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  /** The SQLite file, or a redacted PostgreSQL URL, for logs. */
  where: string;
  /**
   * Runs `work` in a transaction and resolves once it is committed. PostgreSQL: one transaction
   * per call (the pool runs them side by side). SQLite: writes queued in the same turn of the
   * event loop share one transaction (group commit); `work` may then run a second time, alone, if
   * a neighbour failed, so it must only read and write through its `trx`.
   */
  write<T>(work: WriteWork<T>): Promise<T>;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

/** `DATABASE_URL` when it is a postgres:// URL, else `<dataDir>/cadre.db` (or ":memory:"). */
export function openStore(options: { url?: string | undefined; sqlitePath?: string }): Store {
  if (isPostgresUrl(options.url)) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle connection the server closed (restart, failover, admin) must not crash the process:
    // the pool drops it and opens a new one on the next query.
    pool.on("error", (error) => {
      if (process.env.LOG_LEVEL !== "silent")
        console.warn(`PostgreSQL: idle connection lost (${error.message})`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine: "postgres",
      where: options.url.replace(/\/\/[^@/]*@/, "//***@"),
      write: (work) => db.transaction().execute(work),
      close: () => db.destroy(),
    };
  }
  const path = options.sqlitePath ?? ":memory:";
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const database = new NodeSqliteDatabase(path);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  const writes = new GroupCommit(db);
  return {
    db,
    engine: "sqlite",
    where: path,
    write: (work) => writes.run(work),
    close: async () => {
      await writes.idle();
      const stopped = database.closed();
      await db.destroy();
      // The checkpoint thread's connection is closed too before the files may be moved or removed.
      await stopped;
    },
  };
}
