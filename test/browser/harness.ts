// Browser tier: the system Chromium driven by Playwright (never a downloaded browser) against a
// real `cadre serve` process on a random port with its own temporary data folder. Without
// Chromium the tier is skipped loudly; under CI=true it fails instead.
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "@playwright/test";
import { describe } from "vitest";
import { bootstrapWorkspace, freePort, startServer } from "../helpers/remote.ts";

export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const inCI = process.env.CI === "true";
const root = fileURLToPath(new URL("../..", import.meta.url));
export const resultsDir = join(root, "test-results");

const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Chromium is there, or CI demands it (then a missing one fails at launch). */
export const browserTierRuns = inCI || isExecutable(chromiumPath);

/** A describe block of the browser tier: skipped with a warning when Chromium is absent. */
export function describeBrowser(title: string, suite: () => void): void {
  if (browserTierRuns) {
    describe(title, suite);
    return;
  }
  console.warn(
    `Chromium not available: ${chromiumPath} not found (set CHROMIUM_PATH) — browser tier skipped: ${title}`,
  );
  describe.skip(title, suite);
}

export async function launchBrowser(): Promise<Browser> {
  if (!isExecutable(chromiumPath)) {
    throw new Error(`CI=true requires Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);
  }
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}

export interface CadreServer {
  url: string;
  slug: string;
  /** Bearer token of the workspace owner. */
  token: string;
  api(method: string, path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * Starts `cadre serve` on embedded SQLite in a temporary folder, signs up a workspace, publishes
 * the example charter (test/helpers/remote.ts) and adds the given offers.
 */
export async function startCadre(
  options: { slug?: string; offers?: readonly object[] } = {},
): Promise<CadreServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "cadre-browser-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await startServer(
    { CADRE_DATA_DIR: dataDir, DATABASE_URL: "", PUBLIC_URL: url, CADRE_DEMO: "0" },
    port,
  );
  try {
    const slug = options.slug ?? "studio-browser";
    const { token } = await bootstrapWorkspace(url, slug);
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : null;
    };
    for (const offer of options.offers ?? []) await api("POST", "/api/v1/offers", offer);
    return {
      url,
      slug,
      token,
      api,
      stop: async () => {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Saves a full-page PNG as test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(resultsDir, "screenshots");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core on the current page: the serious and critical violations only. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? "",
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
}
