// Store.write: on SQLite, writes queued together share one transaction (group commit) — on the
// write thread for a file, in-process in memory; on PostgreSQL, one transaction each. Either way
// every caller is answered only after its rows are committed, and a failing write takes nothing
// of the others with it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { CompiledQuery, Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takeRequest } from "../../src/services/requests/take-request.ts";
import { openStore, type Store } from "../../src/store/db.ts";
import { migrate } from "../../src/store/migrate.ts";
import { isUniqueViolation } from "../../src/store/repositories/unique-violation.ts";
import type { Database } from "../../src/store/schema.ts";
import { newId } from "../../src/store/values.ts";
import { exampleCharterInput } from "../factories/domain.ts";
import { startApp, type TestApp } from "../helpers/app.ts";
import { signUpPro } from "../helpers/auth.ts";
import { describeEngines, freshStore } from "../helpers/store.ts";

/** One audit row (explicit id, so a test can break the primary key on purpose). */
function addRow(db: Kysely<Database>, workspaceId: string, id: string): CompiledQuery {
  return db
    .insertInto("audit_log")
    .values({
      workspace_id: workspaceId,
      id,
      actor: "system",
      action: "test.write",
      target: null,
      data: "{}",
      at: new Date().toISOString(),
    })
    .compile();
}

async function rowIds(store: Store, workspaceId: string): Promise<string[]> {
  const rows = await store.db
    .selectFrom("audit_log")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}

/** The same scenarios on every kind of store: in-memory SQLite, a SQLite file (group commit for
 * both) and PostgreSQL (one transaction per write). */
function writeScenarios(open: () => Promise<Store>, batched: boolean) {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(() => store.close());

  it("commits many concurrent writes, each answered once its rows are there", async () => {
    const ws = newId();
    const ids = Array.from({ length: 200 }, (_, i) => `r${String(i).padStart(3, "0")}`);
    const before = store.writeStats();
    await Promise.all(ids.map((id) => store.write([addRow(store.db, ws, id)])));
    expect(await rowIds(store, ws)).toEqual(ids);
    const after = store.writeStats();
    expect(after.writes - before.writes).toBe(ids.length);
    const transactions = after.transactions - before.transactions;
    // SQLite: they shared a few transactions; PostgreSQL: one each.
    if (batched) expect(transactions).toBeLessThanOrEqual(ids.length / 20);
    else expect(transactions).toBe(ids.length);
  });

  it("fails only the faulty write of a batch, and keeps none of its rows", async () => {
    const ws = newId();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => {
        const id = `r${String(i).padStart(2, "0")}`;
        const statements = [addRow(store.db, ws, id)];
        // The 15th writes a second row, then breaks the primary key with a third.
        if (i === 14)
          statements.push(addRow(store.db, ws, `${id}-x`), addRow(store.db, ws, `${id}-x`));
        // The 20th collides with the 3rd.
        if (i === 19) statements.push(addRow(store.db, ws, "r02"));
        return store.write(statements);
      }),
    );
    const failed = outcomes.flatMap((o, i) => (o.status === "rejected" ? [i] : []));
    expect(failed).toEqual([14, 19]);
    expect(isUniqueViolation((outcomes[14] as PromiseRejectedResult).reason)).toBe(true);
    const expected = Array.from({ length: 30 }, (_, i) => i)
      .filter((i) => i !== 14 && i !== 19)
      .map((i) => `r${String(i).padStart(2, "0")}`);
    expect(await rowIds(store, ws)).toEqual(expected);
    // The queue is still usable afterwards.
    await store.write([addRow(store.db, ws, "z-after")]);
    expect(await rowIds(store, ws)).toContain("z-after");
  });

  it("answers writes made one after another (batches of one)", async () => {
    const ws = newId();
    for (let i = 0; i < 5; i++) {
      await store.write([addRow(store.db, ws, `seq${i}`)]);
      expect(await rowIds(store, ws)).toHaveLength(i + 1);
    }
    expect(await rowIds(store, ws)).toEqual(["seq0", "seq1", "seq2", "seq3", "seq4"]);
  });

  it("lets other transactions read then write while batches commit", async () => {
    const ws = newId();
    // Read-then-write transactions of other services, racing the group commits: each waits for
    // its turn on the connection, none fails.
    const writes = Array.from({ length: 100 }, (_, i) =>
      store.write([addRow(store.db, ws, `b${String(i).padStart(3, "0")}`)]),
    );
    const counted = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.db.transaction().execute(async (trx) => {
          const rows = await trx
            .selectFrom("audit_log")
            .select("id")
            .where("workspace_id", "=", ws)
            .execute();
          await trx.executeQuery(addRow(store.db, ws, `t${i}`));
          return rows.length;
        }),
      ),
    );
    await Promise.all(writes);
    expect(counted).toHaveLength(10);
    expect(await rowIds(store, ws)).toHaveLength(110);
  });
}

describeEngines("Store.write", (engine) => {
  writeScenarios(() => freshStore(engine), engine === "sqlite");
});

describe("Store.write on a SQLite file", () => {
  const dir = mkdtempSync(join(tmpdir(), "cadre-write-file-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeScenarios(async () => {
    const store = openStore({ sqlitePath: join(dir, "scenarios.db") });
    await migrate(store);
    return store;
  }, true);
});

describe("Store.write on a SQLite file", () => {
  const dir = mkdtempSync(join(tmpdir(), "cadre-group-commit-"));
  const path = join(dir, "cadre.db");
  let store: Store;
  beforeAll(async () => {
    store = openStore({ sqlitePath: path });
    await migrate(store);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("resolves only once the rows are committed: another connection sees them", async () => {
    const ws = newId();
    const other = new DatabaseSync(path, { readOnly: true });
    try {
      const seen = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store
            .write([addRow(store.db, ws, `c${i}`)])
            .then(
              () =>
                other
                  .prepare("select count(*) as n from audit_log where workspace_id = ? and id = ?")
                  .get(ws, `c${i}`) as { n: number },
            ),
        ),
      );
      expect(seen.map((r) => r.n)).toEqual(Array(20).fill(1));
    } finally {
      other.close();
    }
  });

  it("finishes the queued writes before closing", async () => {
    const second = openStore({ sqlitePath: join(dir, "second.db") });
    await migrate(second);
    const ws = newId();
    const writes = Array.from({ length: 10 }, (_, i) =>
      second.write([addRow(second.db, ws, `w${i}`)]),
    );
    await second.close();
    await Promise.all(writes);
    const reopened = openStore({ sqlitePath: join(dir, "second.db") });
    try {
      expect(await rowIds(reopened, ws)).toHaveLength(10);
    } finally {
      await reopened.close();
    }
  });
});

describeEngines("intakes racing on one Idempotency-Key", (engine) => {
  let t: TestApp;
  let workspaceId: string;
  let clientId: string;
  beforeAll(async () => {
    t = await startApp(engine);
    const pro = await signUpPro(t.app);
    workspaceId = pro.workspace.id;
    const h = pro.asToken();
    await t.app.inject({
      method: "PUT",
      url: "/api/v1/charter",
      headers: h,
      payload: exampleCharterInput(),
    });
    await t.app.inject({ method: "POST", url: "/api/v1/charter/publish", headers: h });
    const client = await t.app.inject({
      method: "POST",
      url: "/api/v1/clients",
      headers: h,
      payload: { name: "Camille Roy", emails: ["camille@race.example"], locale: "fr-CA" },
    });
    clientId = client.json().id;
  });
  afterAll(() => t.close());

  it("stores one request per key, even when the deliveries share a transaction", async () => {
    const intake = (i: number, key: string) =>
      takeRequest(t.app.ctx, {
        workspaceId,
        clientId,
        request: { channel: "email", subject: `Demande ${i}`, body: "Bonjour" },
        source: "api",
        idempotencyKey: key,
      });
    // Started together: on SQLite they reach the write queue in the same turn, so the duplicates
    // are in the same batch as the first delivery.
    const results = await Promise.all([
      intake(0, "race-a"),
      intake(1, "race-b"),
      intake(2, "race-a"),
      intake(3, "race-c"),
      intake(4, "race-a"),
      intake(5, "race-b"),
    ]);
    for (const [key, indexes] of [
      ["race-a", [0, 2, 4]],
      ["race-b", [1, 5]],
      ["race-c", [3]],
    ] as const) {
      const group = indexes.map((i) => results[i]!);
      expect(new Set(group.map((r) => r.id)).size, key).toBe(1);
      expect(
        group.filter((r) => r.created),
        key,
      ).toHaveLength(1);
    }
    const stored = await t.app.ctx.db
      .selectFrom("requests")
      .select(["idempotency_key", "subject"])
      .where("workspace_id", "=", workspaceId)
      .where("idempotency_key", "in", ["race-a", "race-b", "race-c"])
      .execute();
    expect(stored.map((r) => r.idempotency_key).sort()).toEqual(["race-a", "race-b", "race-c"]);
  });
});
