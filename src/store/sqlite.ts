// Kysely's SQLite dialect over Node's built-in `node:sqlite` (no native build): an adapter from
// node:sqlite's statements (parameters spread) to the shape Kysely's SqliteDialect expects.
import { DatabaseSync, type StatementSync } from "node:sqlite";
import type { SqliteDatabase, SqliteStatement } from "kysely";

type SqlValue = null | number | bigint | string | Uint8Array;

const STATEMENT_CACHE = 500;

function bindable(value: unknown): SqlValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value as SqlValue;
}

class Statement implements SqliteStatement {
  readonly reader: boolean;
  readonly #statement: StatementSync;
  constructor(statement: StatementSync) {
    this.#statement = statement;
    this.reader = statement.columns().length > 0;
  }
  all(parameters: ReadonlyArray<unknown>): unknown[] {
    return this.#statement.all(...parameters.map(bindable));
  }
  run(parameters: ReadonlyArray<unknown>) {
    const result = this.#statement.run(...parameters.map(bindable));
    return { changes: result.changes, lastInsertRowid: result.lastInsertRowid };
  }
  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    return this.#statement.iterate(...parameters.map(bindable)) as IterableIterator<unknown>;
  }
}

/** A node:sqlite database that prepares each SQL text once and reuses the statement. */
export class NodeSqliteDatabase implements SqliteDatabase {
  readonly raw: DatabaseSync;
  readonly #statements = new Map<string, Statement>();
  #checkpoints: ReturnType<typeof setInterval> | undefined;
  constructor(path: string) {
    this.raw = new DatabaseSync(path);
    // WAL keeps readers and the writer apart; NORMAL sync survives a process crash (a committed
    // transaction is in the WAL file); FULL is available for power-loss durability.
    this.raw.exec("PRAGMA journal_mode = WAL");
    this.raw.exec(
      `PRAGMA synchronous = ${process.env.CADRE_SQLITE_SYNC === "full" ? "FULL" : "NORMAL"}`,
    );
    this.raw.exec("PRAGMA foreign_keys = ON");
    this.raw.exec("PRAGMA busy_timeout = 5000");
    this.raw.exec("PRAGMA cache_size = -32000");
    this.raw.exec("PRAGMA temp_store = MEMORY");
    if (path !== ":memory:") {
      // Checkpoint on a timer rather than inside whichever commit crosses 1000 WAL pages: the
      // request path stays short, and pages written many times are copied back once.
      this.raw.exec("PRAGMA wal_autocheckpoint = 0");
      this.#checkpoints = setInterval(() => this.checkpoint(), 1000);
      this.#checkpoints.unref();
    }
  }

  /** Copies the WAL back into the database file without waiting for readers. */
  checkpoint(): void {
    if (this.raw.isOpen) this.raw.exec("PRAGMA wal_checkpoint(PASSIVE)");
  }
  prepare(sql: string): SqliteStatement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = new Statement(this.raw.prepare(sql));
      if (this.#statements.size >= STATEMENT_CACHE) this.#statements.clear();
      this.#statements.set(sql, statement);
    }
    return statement;
  }
  close(): void {
    clearInterval(this.#checkpoints);
    this.#statements.clear();
    if (this.raw.isOpen) this.raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    if (this.raw.isOpen) this.raw.close();
  }
}
