// The embedded SQLite checkpoints on a helper thread: commits only append to the WAL, and within
// about a second the pages reach the database file without the request thread doing it.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { openStore } from "../../src/store/db.ts";
import { migrate } from "../../src/store/migrate.ts";
import { newId } from "../../src/store/values.ts";

const dir = mkdtempSync(join(tmpdir(), "cadre-checkpoint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("copies committed pages into the database file in the background", async () => {
  const path = join(dir, "cadre.db");
  const store = openStore({ sqlitePath: path });
  await migrate(store);
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  const before = statSync(path).size;
  const ws = newId();
  const at = new Date().toISOString();
  await Promise.all(
    Array.from({ length: 500 }, () =>
      store.write([
        store.db
          .insertInto("audit_log")
          .values({
            workspace_id: ws,
            id: newId(),
            actor: "system",
            action: "test.checkpoint",
            target: null,
            data: JSON.stringify({ padding: "x".repeat(2_000) }),
            at,
          })
          .compile(),
      ]),
    ),
  );
  // Committed, so in the WAL; the file itself grows once a checkpoint has copied the pages back.
  expect(statSync(`${path}-wal`).size).toBeGreaterThan(500 * 2_000);
  const deadline = Date.now() + 5_000;
  while (statSync(path).size <= before + 500 * 2_000 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(statSync(path).size).toBeGreaterThan(before + 500 * 2_000);
  await store.close();
});
