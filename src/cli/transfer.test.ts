// `cadre demo`, `cadre export` and `cadre import` as a user runs them (SQLite files in a
// temporary data folder): round trip to the same bytes, bad files refused with exit 2 before the
// database is even opened, conflicts with exit 1.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCommand } from "./demo.ts";
import type { CliIo } from "./io.ts";
import { exportCommand, importCommand } from "./transfer.ts";

function capture(lang: "fr" | "en" = "en") {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), lang };
  return { io, out, err };
}

describe("cadre demo, export and import", () => {
  let root: string;
  const saved = { dir: process.env.CADRE_DATA_DIR, url: process.env.DATABASE_URL };
  const useDir = (name: string) => {
    process.env.CADRE_DATA_DIR = join(root, name);
    return process.env.CADRE_DATA_DIR;
  };
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "cadre-transfer-"));
    delete process.env.DATABASE_URL;
  });
  afterAll(async () => {
    process.env.CADRE_DATA_DIR = saved.dir;
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
    if (saved.dir === undefined) delete process.env.CADRE_DATA_DIR;
    await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  it("demo → export → import elsewhere → export gives the same file", async () => {
    useDir("a");
    const demo = capture("fr");
    expect(await demoCommand([], demo.io)).toBe(0);
    expect(demo.out[0]).toMatch(/^Démo «\u00a0Studio Boréal\u00a0» chargée/);
    expect(demo.out.join("\n")).toContain("julie@studio-boreal.example / aurore-boreale-demo");
    expect(demo.out.join("\n")).toMatch(/\/c\/studio-boreal$/m);
    expect(demo.out.join("\n")).toMatch(/\/api\/docs$/m);
    const again = capture();
    expect(await demoCommand([], again.io)).toBe(0);
    expect(again.out[0]).toMatch(/already there: nothing was changed/);

    const first = join(root, "first.json");
    const exported = capture();
    expect(await exportCommand(["--out", first], exported.io)).toBe(0);
    expect(exported.err[0]).toMatch(/exported to/);

    useDir("b");
    const imported = capture();
    expect(await importCommand([first], imported.io)).toBe(0);
    expect(imported.out[0]).toMatch(
      /^Workspace “studio-boreal” imported: 1 member\(s\), 3 offers, 5 clients/,
    );
    expect(imported.out[1]).toMatch(/No password/);
    expect(imported.out[2]).toMatch(/Forgot your password\?.*\/app\/forgot-password$/);
    const second = capture();
    expect(await exportCommand(["--workspace", "studio-boreal"], second.io)).toBe(0);
    expect(`${second.out.join("\n")}\n`).toBe(await readFile(first, "utf8"));

    const twice = capture("fr");
    expect(await importCommand([first], twice.io)).toBe(1);
    expect(twice.err[0]).toMatch(/existe déjà.*--slug/);
    const copy = capture();
    expect(await importCommand([first, "--slug", "boreal-2"], copy.io)).toBe(0);
    expect(copy.out[0]).toMatch(/a copy: new id/);
    const several = capture();
    expect(await exportCommand([], several.io)).toBe(2);
    expect(several.err[0]).toMatch(/--workspace.*boreal-2, studio-boreal/);
  }, 60_000);

  it("refuses a bad file with exit 2 and a localised reason, and creates nothing", async () => {
    const dir = useDir("untouched");
    const truncated = join(root, "truncated.json");
    await writeFile(truncated, '{"schema": "cadre.export/1", "workspace": {');
    const a = capture("fr");
    expect(await importCommand([truncated], a.io)).toBe(2);
    expect(a.err[0]).toMatch(/n’est pas du JSON valide/);

    const wrong = join(root, "wrong.json");
    await writeFile(wrong, JSON.stringify({ schema: "cadre.export/2", workspace: {} }));
    const b = capture("fr");
    expect(await importCommand([wrong], b.io)).toBe(2);
    expect(b.err[0]).toMatch(/pas un export Cadre utilisable.*Rien n’a été importé/);
    expect(b.err.slice(1).join("\n")).toMatch(/schema/);

    const c = capture();
    expect(await importCommand([join(root, "missing.json")], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/cannot read the file/);
    expect(await importCommand([], capture().io)).toBe(2);
    expect(await exportCommand(["--bogus"], capture().io)).toBe(2);
    expect(existsSync(dir)).toBe(false);
  });
});
