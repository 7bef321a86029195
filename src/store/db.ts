// Opens the database named by a URL: PostgreSQL for postgres:// URLs, else embedded SQLite.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { type CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Engine } from "./engine.ts";
import { GroupCommit, runStatements } from "./group-commit.ts";
import type { Database } from "./schema.ts";
import { NodeSqliteDatabase } from "./sqlite.ts";

export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  /** The SQLite file, or a redacted PostgreSQL URL, for logs. */
  where: string;
  /**
   * Runs `statements` (compiled against `db`; no results) in order, all or nothing, and resolves
   * once they are committed. PostgreSQL: one transaction per call (the pool runs them side by
   * side). SQLite: the writes queued in the same turn of the event loop share one transaction
   * (group commit); if it fails, each runs again alone, so a failing write takes nothing else
   * with it.
   */
  write(statements: readonly CompiledQuery[]): Promise<void>;
  /** Writes answered so far through `write`, and the transactions they took. */
  writeStats(): { writes: number; transactions: number };
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
    const stats = { writes: 0, transactions: 0 };
    return {
      db,
      engine: "postgres",
      where: options.url.replace(/\/\/[^@/]*@/, "//***@"),
      write: async (statements) => {
        stats.transactions++;
        await db.transaction().execute((trx) => runStatements(trx, statements));
        stats.writes++;
      },
      writeStats: () => ({ ...stats }),
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
    write: (statements) => writes.run(statements),
    writeStats: () => ({ ...writes.stats }),
    close: async () => {
      await writes.idle();
      const stopped = database.closed();
      await db.destroy();
      // The checkpoint thread's connection is closed too before the files may be moved or removed.
      await stopped;
    },
  };
}
