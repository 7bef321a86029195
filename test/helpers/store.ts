// Real databases for store, service and HTTP tests: SQLite always, PostgreSQL when
// TEST_DATABASE_URL is set (each test file gets a fresh database). Under CI=true a missing
// PostgreSQL is a failure, elsewhere a loud skip.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe } from "vitest";
import { openStore, type Store } from "../../src/store/db.ts";
import type { Engine } from "../../src/store/engine.ts";
import { migrate } from "../../src/store/migrate.ts";

const pgUrl = process.env.TEST_DATABASE_URL;
let warned = false;

/** A fresh migrated store on the engine; close() drops a PostgreSQL test database. */
export async function freshStore(engine: Engine): Promise<Store> {
  if (engine === "sqlite") {
    const store = openStore({ sqlitePath: ":memory:" });
    await migrate(store);
    return store;
  }
  if (!pgUrl) throw new Error("TEST_DATABASE_URL is not set: the PostgreSQL tier cannot run");
  const name = `cadre_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const store = openStore({ url: url.toString() });
  await migrate(store);
  const close = store.close;
  store.close = async () => {
    await close();
    const cleanup = new pg.Client({ connectionString: pgUrl });
    await cleanup.connect();
    // pg's pool.end() resolves before its sockets are closed; a forced drop would then terminate
    // them and their "terminating connection" error would surface as an uncaught exception.
    // Give them a moment to go away by themselves first.
    for (let i = 0; i < 50; i++) {
      const { rows } = await cleanup.query(
        "select count(*)::int as n from pg_stat_activity where datname = $1",
        [name],
      );
      if (rows[0]?.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };
  return store;
}

/** The engines this run tests: both under CI, SQLite alone (with a warning) without PostgreSQL. */
export function testEngines(): Engine[] {
  if (pgUrl || process.env.CI === "true") return ["sqlite", "postgres"];
  if (!warned) {
    warned = true;
    console.warn("PostgreSQL not available: TEST_DATABASE_URL unset — PostgreSQL tier skipped");
  }
  return ["sqlite"];
}

/** Runs the same suite once per engine. */
export function describeEngines(title: string, suite: (engine: Engine) => void): void {
  for (const engine of testEngines()) describe(`${title} [${engine}]`, () => suite(engine));
}
