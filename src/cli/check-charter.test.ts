import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../domain/charter/index.ts";
import { checkCharterCommand, langFromEnv } from "./check-charter.ts";
import { cliMessages } from "./io.ts";

let dir: string;
let exampleText: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cadre-check-charter-"));
  exampleText = await readFile(new URL("../../examples/charter.json", import.meta.url), "utf8");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function run(args: string[], lang: Lang = "en") {
  const out: string[] = [];
  const err: string[] = [];
  const code = await checkCharterCommand(args, {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    lang,
  });
  return { code, out, err };
}

function withFaults(): string {
  const doc = JSON.parse(exampleText);
  doc.timezone = "Mars/Olympus";
  doc.hours.mon = [
    ["09:00", "12:00"],
    ["11:00", "13:00"],
  ];
  doc.channels[3].redirectTo = "chat";
  return JSON.stringify(doc);
}

describe("check-charter", () => {
  it("prints ok and exits 0 for a valid charter", async () => {
    const path = await file("valid.json", exampleText);
    expect(await run([path])).toEqual({ code: 0, out: ["ok"], err: [] });
  });

  it("prints every problem one per line and exits 2", async () => {
    const path = await file("faulty.json", withFaults());
    const { code, out, err } = await run([path]);
    expect(code).toBe(2);
    expect(err).toEqual([]);
    expect(out).toEqual([
      "timezone: “Mars/Olympus” is not a known time zone; use a name such as Europe/Paris or America/Toronto",
      "hours.mon[1]: the interval 11:00–13:00 overlaps 09:00–12:00",
      "channels[3].redirectTo: redirects to “chat”, which is not one of your channels",
    ]);
  });

  it("speaks the language given by the caller, or by --lang", async () => {
    const path = await file("faulty-fr.json", withFaults());
    const french = await run([path], "fr");
    expect(french.out[1]).toBe(
      "hours.mon[1]\u00a0: l’intervalle 11:00–13:00 chevauche 09:00–12:00",
    );
    expect((await run(["--lang", "fr", path])).out).toEqual(french.out);
    expect((await run([path, "--lang=fr"])).out).toEqual(french.out);
    expect((await run(["--lang", "en", path], "fr")).out[1]).toMatch(
      /^hours\.mon\[1\]: the interval/,
    );
  });

  it("explains an unreadable file", async () => {
    const { code, out, err } = await run([join(dir, "missing.json")], "fr");
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain("impossible de lire le fichier");
    expect(err[0]).toContain("missing.json");
    expect(err[0]).toContain("ENOENT");
  });

  it("explains invalid JSON, with its place when known", async () => {
    const path = await file("broken.json", '{\n  "schema": "cadre.charter/1",\n  oops\n}');
    const { code, err } = await run([path]);
    expect(code).toBe(2);
    expect(err).toEqual([`the file ${path} is not valid JSON (line 3, column 3)`]);
    const french = await run([path], "fr");
    expect(french.err[0]).toBe(`le fichier ${path} n’est pas du JSON valide (ligne 3, colonne 3)`);
  });

  it("accepts a file that starts with a byte order mark", async () => {
    const path = await file("bom.json", `\uFEFF${exampleText}`);
    expect((await run([path])).out).toEqual(["ok"]);
  });

  it("shows usage without a file, and rejects unknown options and languages", async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.err).toEqual(["usage: cadre check-charter <file.json> [--lang fr|en]"]);
    const option = await run(["--strict", "x.json"]);
    expect(option.code).toBe(2);
    expect(option.err[0]).toBe("unknown option “--strict”");
    const lang = await run(["--lang", "de", "x.json"]);
    expect(lang.code).toBe(2);
    expect(lang.err).toEqual(["unknown language “de”: choose fr or en"]);
  });

  it("has the same messages in both languages", () => {
    expect(Object.keys(cliMessages.fr).sort()).toEqual(Object.keys(cliMessages.en).sort());
  });
});

describe("langFromEnv", () => {
  it("picks French from LC_ALL or LANG, English otherwise", () => {
    expect(langFromEnv({ LANG: "fr_CA.UTF-8" })).toBe("fr");
    expect(langFromEnv({ LC_ALL: "fr_FR.UTF-8", LANG: "en_US.UTF-8" })).toBe("fr");
    expect(langFromEnv({ LC_ALL: "en_GB.UTF-8", LANG: "fr_FR.UTF-8" })).toBe("en");
    expect(langFromEnv({ LANG: "C.UTF-8" })).toBe("en");
    expect(langFromEnv({})).toBe("en");
  });
});
