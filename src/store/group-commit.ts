// Group commit in-process, for an in-memory SQLite database (which a helper thread cannot open)
// and should the write thread die (see SqliteWriter): writes that arrive while the event loop is
// busy share one BEGIN…COMMIT, so a burst of intakes pays for one commit instead of one each.
// Every caller is answered only once its rows are committed.
import type { CompiledQuery, Kysely, Transaction } from "kysely";
import type { Database } from "./schema.ts";

/** Runs statements in order inside a transaction. */
export async function runStatements(
  trx: Transaction<Database>,
  statements: readonly CompiledQuery[],
): Promise<void> {
  for (const statement of statements) await trx.executeQuery(statement);
}

interface Pending {
  statements: readonly CompiledQuery[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Bounds the time one transaction holds the (single) connection. */
const MAX_BATCH = 64;

export class GroupCommit {
  readonly #db: Kysely<Database>;
  #queue: Pending[] = [];
  #draining: Promise<void> | null = null;
  /** Writes answered, and transactions run for them (a batch, or a write alone). */
  readonly stats = { writes: 0, transactions: 0 };

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /**
   * Runs `statements` in a transaction shared with the other writes queued in the same turn of
   * the event loop, and resolves once that transaction is committed. When the shared transaction
   * fails (one write breaks a constraint, or the commit itself fails) nothing of it is kept, and
   * each of its writes runs again alone: only the faulty one fails.
   */
  run(statements: readonly CompiledQuery[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ statements, resolve, reject });
      // setImmediate, not a microtask: let the other requests read in this turn reach the queue.
      this.#draining ??= new Promise<void>((done) =>
        setImmediate(() => void this.#drain().finally(done)),
      );
    });
  }

  /** Resolves once every write queued so far has settled. */
  async idle(): Promise<void> {
    while (this.#draining) await this.#draining;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, MAX_BATCH);
        if (batch.length === 1) await this.#alone(batch[0] as Pending);
        else await this.#together(batch);
      }
    } finally {
      this.#draining = null;
    }
  }

  async #together(batch: Pending[]): Promise<void> {
    try {
      this.stats.transactions++;
      await this.#db.transaction().execute(async (trx) => {
        for (const item of batch) await runStatements(trx, item.statements);
      });
    } catch {
      // Rolled back as a whole: again one by one, in order, so that only the faulty write fails
      // (and, of two writes racing on one unique key, the first one wins).
      for (const item of batch) await this.#alone(item);
      return;
    }
    this.stats.writes += batch.length;
    for (const item of batch) item.resolve();
  }

  async #alone(item: Pending): Promise<void> {
    this.stats.transactions++;
    this.stats.writes++;
    try {
      await this.#db.transaction().execute((trx) => runStatements(trx, item.statements));
      item.resolve();
    } catch (error) {
      item.reject(error);
    }
  }
}
