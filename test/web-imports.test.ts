// The web app takes its API types from the server's zod response schemas, and nothing else of the
// server: every import from `src/` is `import type` (erased, so no server code or zod reaches the
// browser bundle) and comes from `src/http/schemas/`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const WEB_SOURCE = path.join(ROOT, "web", "src");
const SERVER_SOURCE = path.join(ROOT, "src") + path.sep;
const SCHEMAS = path.join(ROOT, "src", "http", "schemas") + path.sep;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

it("imports from the server only types, and only from src/http/schemas", () => {
  const problems: string[] = [];
  let typeImports = 0;
  for (const file of sources(WEB_SOURCE)) {
    const text = readFileSync(file, "utf8");
    const statements = text.matchAll(/^(import|export)\b([^;]*?)\bfrom\s+"([^"]+)"/gms);
    for (const [, , clause = "", specifier = ""] of statements) {
      if (!specifier.startsWith(".")) continue;
      const target = path.resolve(path.dirname(file), specifier);
      if (!target.startsWith(SERVER_SOURCE)) continue;
      const where = `${path.relative(ROOT, file)} → ${specifier}`;
      if (!/^\s*type\s/.test(clause)) problems.push(`${where}: not a type-only import`);
      else if (!target.startsWith(SCHEMAS)) problems.push(`${where}: not under src/http/schemas`);
      else typeImports++;
    }
  }
  expect(problems).toEqual([]);
  expect(typeImports).toBeGreaterThan(0);
});
