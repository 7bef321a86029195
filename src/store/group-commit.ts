// Group commit for the embedded SQLite: writes that arrive while the event loop is busy share one
// BEGIN…COMMIT, so a burst of intakes pays for one commit (and one set of WAL pages) instead of
// one each. Every caller still gets its own result, and only once its rows are committed.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema.ts";

/** Work done inside a write transaction. It may run twice (see GroupCommit), so it must only
 * read and write through `trx` and have no other effect. */
export type WriteWork<T> = (trx: Transaction<Database>) => Promise<T>;

interface Pending {
  work: WriteWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Bounds the time one transaction holds the (single) connection. */
const MAX_BATCH = 64;

export class GroupCommit {
  readonly #db: Kysely<Database>;
  #queue: Pending[] = [];
  #draining: Promise<void> | null = null;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /**
   * Runs `work` in a transaction shared with the other writes queued in the same turn of the event
   * loop, and resolves with its result once that transaction is committed. When the shared
   * transaction fails (one write breaks a constraint, or the commit itself fails) nothing of it is
   * kept, and each of its writes runs again alone: only the faulty one fails.
   */
  run<T>(work: WriteWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
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
    let results: unknown[];
    try {
      results = await this.#db.transaction().execute(async (trx) => {
        const out: unknown[] = [];
        for (const item of batch) out.push(await item.work(trx));
        return out;
      });
    } catch {
      // Rolled back as a whole: again one by one, in order, so that only the faulty write fails
      // (and, of two writes racing on one unique key, the first one wins).
      for (const item of batch) await this.#alone(item);
      return;
    }
    batch.forEach((item, i) => {
      item.resolve(results[i]);
    });
  }

  async #alone(item: Pending): Promise<void> {
    try {
      item.resolve(await this.#db.transaction().execute(item.work));
    } catch (error) {
      item.reject(error);
    }
  }
}
