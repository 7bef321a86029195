// Kysely's SQLite dialect over Node's built-in `node:sqlite` (no native build): an adapter from
// node:sqlite's statements (parameters spread) to the shape Kysely's SqliteDialect expects.
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { Worker } from "node:worker_threads";
import type { SqliteDatabase, SqliteStatement } from "kysely";

type SqlValue = null | number | bigint | string | Uint8Array;

const STATEMENT_CACHE = 500;
const CHECKPOINT_EVERY_MS = 1000;

/**
 * A helper thread with its own connection that copies the WAL back into the database file every
 * second (PASSIVE: it never waits for, nor blocks, readers and the writer). A checkpoint writes
 * and syncs the database file, which takes milliseconds: on the request thread that was a pause
 * of the event loop every second.
 */
const CHECKPOINTER = `
const { parentPort, workerData } = require("node:worker_threads");
const { DatabaseSync } = require("node:sqlite");
const db = new DatabaseSync(workerData.path);
const checkpoint = () => {
  try {
    db.exec("PRAGMA wal_checkpoint(PASSIVE)");
  } catch {
    // Busy or closing: the next tick tries again, and close() checkpoints in full.
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.once("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

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
  #checkpointer: Worker | undefined;
  #exited = false;
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
      // Checkpoint on a helper thread rather than inside whichever commit crosses 1000 WAL
      // pages: the request thread never copies pages back, and pages written many times within
      // a second are copied once.
      this.raw.exec("PRAGMA wal_autocheckpoint = 0");
      this.#checkpointer = new Worker(CHECKPOINTER, {
        eval: true,
        workerData: { path, everyMs: CHECKPOINT_EVERY_MS },
      });
      // Should the thread die, commits checkpoint by themselves again.
      this.#checkpointer.once("error", () => {
        if (this.raw.isOpen) this.raw.exec("PRAGMA wal_autocheckpoint = 1000");
      });
      this.#checkpointer.once("exit", () => {
        this.#exited = true;
      });
      this.#checkpointer.unref();
    }
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
  /** Resolves once the checkpoint thread has closed its connection (after close()). */
  closed(): Promise<void> {
    const worker = this.#checkpointer;
    if (!worker || this.#exited) return Promise.resolve();
    return new Promise((resolve) => worker.once("exit", () => resolve()));
  }

  close(): void {
    // Kept referenced until it has closed its connection: closed() is awaited on it.
    this.#checkpointer?.ref();
    this.#checkpointer?.postMessage("stop");
    this.#statements.clear();
    if (this.raw.isOpen) this.raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    if (this.raw.isOpen) this.raw.close();
  }
}
