// Builds the web app (web/ → dist/web/) with Vite's JS API when it is missing or older than its
// sources, and reports the bundle against its budget (pro app initial JS ≤ 250 KB gzip).
// `node src/cli/build-web.ts` always builds; `ensureWebBuild()` builds only when needed.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const WEB_SOURCE = path.join(ROOT, "web");
export const WEB_DIST = path.join(ROOT, "dist", "web");
const MANIFEST = path.join(WEB_DIST, ".vite", "manifest.json");
/** Initial JavaScript of the professional workspace, gzip. */
export const INITIAL_JS_BUDGET = 250 * 1024;

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when dist/web is missing or older than anything under web/. */
export function webBuildIsStale(): boolean {
  if (!existsSync(path.join(WEB_DIST, "index.html")) || !existsSync(MANIFEST)) return true;
  if (!existsSync(WEB_SOURCE)) return false;
  return newestChange(WEB_SOURCE) > statSync(MANIFEST).mtimeMs;
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  src?: string;
}

export interface BundleReport {
  /** Entry chunk + its static imports, gzip bytes. */
  initialJsGzip: number;
  initialCssGzip: number;
  /** What a client opening a portal link downloads: the initial JS + the portal chunk(s). */
  portalJsGzip: number;
  chunks: { file: string; gzip: number }[];
  withinBudget: boolean;
}

function gzipSize(file: string): number {
  return gzipSync(readFileSync(path.join(WEB_DIST, file)), { level: 9 }).length;
}

function staticClosure(manifest: Record<string, ManifestChunk>, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
  };
  for (const key of keys) visit(key);
  return seen;
}

/** Measures dist/web from Vite's manifest. */
export function measureWebBundle(): BundleReport {
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error("dist/web/.vite/manifest.json has no entry");
  const initial = staticClosure(manifest, [entryKey]);
  const portalKey = Object.keys(manifest).find((key) => /portal\/Portal\.tsx$/.test(key));
  const portal = staticClosure(manifest, [entryKey, ...(portalKey ? [portalKey] : [])]);
  const sum = (keys: Set<string>) =>
    [...keys].reduce((total, key) => total + gzipSize((manifest[key] as ManifestChunk).file), 0);
  const css = [...initial].flatMap((key) => manifest[key]?.css ?? []);
  const initialJsGzip = sum(initial);
  return {
    initialJsGzip,
    initialCssGzip: css.reduce((total, file) => total + gzipSize(file), 0),
    portalJsGzip: sum(portal),
    chunks: Object.values(manifest)
      .filter((chunk) => chunk.file.endsWith(".js"))
      .map((chunk) => ({ file: chunk.file, gzip: gzipSize(chunk.file) }))
      .sort((a, b) => b.gzip - a.gzip),
    withinBudget: initialJsGzip <= INITIAL_JS_BUDGET,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatReport(report: BundleReport): string {
  return [
    `web: pro app initial JS ${kb(report.initialJsGzip)} gzip (budget ${kb(INITIAL_JS_BUDGET)}) — ${report.withinBudget ? "within budget" : "OVER BUDGET"}`,
    `web: initial CSS ${kb(report.initialCssGzip)} gzip; client portal JS ${kb(report.portalJsGzip)} gzip`,
    ...report.chunks.map((c) => `  ${c.file.padEnd(44)} ${kb(c.gzip).padStart(9)}`),
  ].join("\n");
}

export interface EnsureOptions {
  force?: boolean;
  log?: (line: string) => void;
}

/**
 * Builds dist/web when it is missing or stale (or when forced). Without Vite installed (a
 * production install without devDependencies) an existing build is served as it is.
 */
export async function ensureWebBuild(
  options: EnsureOptions = {},
): Promise<{ built: boolean; report: BundleReport | null }> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (!options.force && !webBuildIsStale()) return { built: false, report: null };
  let vite: typeof import("vite");
  try {
    vite = await import("vite");
  } catch {
    log(
      existsSync(MANIFEST)
        ? "web: Vite is not installed; serving the existing dist/web build"
        : "web: Vite is not installed and dist/web is missing; the web app will answer 503",
    );
    return { built: false, report: null };
  }
  // Build beside the live folder, then swap it in: a server already running never sees a
  // half-written (or emptied) dist/web.
  const next = `${WEB_DIST}.next-${process.pid}`;
  const previous = `${WEB_DIST}.previous-${process.pid}`;
  await vite.build({
    configFile: path.join(WEB_SOURCE, "vite.config.ts"),
    logLevel: "warn",
    mode: "production",
    build: { outDir: next, emptyOutDir: true },
  });
  if (existsSync(WEB_DIST)) renameSync(WEB_DIST, previous);
  renameSync(next, WEB_DIST);
  rmSync(previous, { recursive: true, force: true });
  const report = measureWebBundle();
  log(formatReport(report));
  return { built: true, report };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { report } = await ensureWebBuild({ force: !process.argv.includes("--if-stale") });
  if (report && !report.withinBudget) process.exitCode = 1;
}
