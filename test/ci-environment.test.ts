// The external tiers' prerequisites: PostgreSQL (store tests on the second engine) and the
// system Chromium (end-to-end tests). Under CI=true their absence fails; elsewhere the tier is
// skipped loudly so a developer knows what did not run.
import { execFileSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";

const inCI = process.env.CI === "true";
const databaseUrl = process.env.TEST_DATABASE_URL;
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends PostgreSQL's SSLRequest and resolves with the one-byte answer ("S" or "N"): proof that a
 * PostgreSQL server, not just any listener, answers on that port. No driver needed.
 */
function postgresAnswer(host: string, port: number, timeoutMs = 5_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`no answer from ${host}:${port}`)));
    socket.once("error", fail);
    socket.once("connect", () => {
      const sslRequest = Buffer.alloc(8);
      sslRequest.writeInt32BE(8, 0);
      sslRequest.writeInt32BE(80877103, 4);
      socket.write(sslRequest);
    });
    socket.once("data", (data) => {
      socket.destroy();
      resolve(String.fromCharCode(data[0] ?? 0));
    });
  });
}

const postgresMissing = !databaseUrl;
const chromiumMissing = !isExecutable(chromiumPath);

if (!inCI && postgresMissing) {
  console.warn("PostgreSQL not available: TEST_DATABASE_URL unset — PostgreSQL tier skipped");
}
if (!inCI && chromiumMissing) {
  console.warn(
    `Chromium not available: ${chromiumPath} not found (set CHROMIUM_PATH) — browser tier skipped`,
  );
}

describe("test environment", () => {
  it.skipIf(!inCI && postgresMissing)(
    "has a PostgreSQL server answering on TEST_DATABASE_URL",
    async () => {
      expect(databaseUrl, "CI=true requires TEST_DATABASE_URL (see .ci/run)").toBeTruthy();
      const url = new URL(databaseUrl!);
      expect(url.protocol).toMatch(/^postgres(ql)?:$/);
      const host = url.hostname.replace(/^\[(.*)\]$/, "$1") || "127.0.0.1";
      const port = Number(url.port || 5432);
      expect(["S", "N"]).toContain(await postgresAnswer(host, port));
    },
  );

  it.skipIf(!inCI && chromiumMissing)("has a Chromium that runs at CHROMIUM_PATH", () => {
    expect(isExecutable(chromiumPath), `CI=true requires Chromium at ${chromiumPath}`).toBe(true);
    const version = execFileSync(chromiumPath, ["--version"], {
      encoding: "utf8",
      timeout: 20_000,
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(version).toMatch(/Chromium \d+/);
  });
});
