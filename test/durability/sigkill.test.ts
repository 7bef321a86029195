// Nothing a client sends may be lost: intakes are sent while the server is killed with SIGKILL
// and restarted; every request that got a 2xx must be there after the restart.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  bootstrapWorkspace,
  freePort,
  type ServerProcess,
  startServer,
} from "../helpers/remote.ts";

const dir = mkdtempSync(join(tmpdir(), "cadre-kill-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("durability under SIGKILL (embedded SQLite)", () => {
  it("keeps every acknowledged intake across kills and restarts", async () => {
    const port = await freePort();
    const env = { CADRE_DATA_DIR: dir };
    let server: ServerProcess = await startServer(env, port);
    const { token, clientId } = await bootstrapWorkspace(server.url, "durable");
    const acknowledged: string[] = [];
    let attempted = 0;
    for (let round = 0; round < 3; round++) {
      let stop = false;
      const sender = async (worker: number) => {
        for (let i = 0; !stop; i++) {
          attempted++;
          try {
            const res = await fetch(`${server.url}/api/v1/requests`, {
              method: "POST",
              headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
              body: JSON.stringify({
                clientId,
                channel: "portal",
                subject: `r${round}-${worker}-${i}`,
                body: "…",
              }),
            });
            if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
          } catch {
            // The connection died with the server: this one was not acknowledged.
            return;
          }
        }
      };
      const senders = Array.from({ length: 8 }, (_, w) => sender(w));
      await new Promise((r) => setTimeout(r, 400 + round * 150));
      await server.stop("SIGKILL");
      stop = true;
      await Promise.all(senders);
      server = await startServer(env, port);
    }
    expect(acknowledged.length).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const id of acknowledged) {
      const res = await fetch(`${server.url}/api/v1/requests/${id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.status !== 200) missing.push(id);
    }
    await server.stop();
    expect({ attempted: attempted > acknowledged.length, missing }).toEqual({
      attempted: true,
      missing: [],
    });
  }, 120_000);
});
