// Shared pieces of the journey tests (PRODUCT.md journeys 1–3 in a real Chromium): a server with
// no workspace yet (journey 1 signs up through the UI), sign-in through the UI, axe with a
// readable failure, wall times in a named zone, and numbered screenshots per journey.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { expect } from "vitest";
import { WEB_DIST } from "../../src/cli/build-web.ts";
import { bootstrapWorkspace, freePort, startServer } from "../helpers/remote.ts";
import { type CadreServer, resultsDir, screenshot, seriousViolations } from "./harness.ts";

/** The owner that startCadre() signs up (test/helpers/remote.ts bootstrapWorkspace). */
export const ownerOf = (slug: string) => ({
  email: `owner@${slug}.example`,
  password: "correct horse battery",
});

export interface BareServer {
  url: string;
  /** The server's data folder (its SQLite database is `cadre.db` there). */
  dataDir: string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True when the copy of the web app in `dir` is whole: index.html, the manifest and every file
 * they name are there (a copy taken while Vite rewrites dist/web is not). */
function wholeWebApp(dir: string): boolean {
  try {
    const html = readFileSync(join(dir, "index.html"), "utf8");
    const manifest = JSON.parse(
      readFileSync(join(dir, ".vite", "manifest.json"), "utf8"),
    ) as Record<string, { file: string; css?: string[] }>;
    const files = [
      ...[...html.matchAll(/\/app\/(assets\/[^"'?#]+)/g)].map((m) => m[1] as string),
      ...Object.values(manifest).flatMap((chunk) => [chunk.file, ...(chunk.css ?? [])]),
    ];
    return files.length > 0 && files.every((file) => existsSync(join(dir, file)));
  } catch {
    return false;
  }
}

/**
 * A private copy of dist/web for one server (served through CADRE_WEB_DIST). Other test files,
 * or anyone editing web/ meanwhile, may rebuild dist/web while a journey runs; the hashed chunks
 * a page has not loaded yet would then be gone and the page would go blank.
 */
async function snapshotWebApp(into: string): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    if (wholeWebApp(WEB_DIST)) {
      rmSync(into, { recursive: true, force: true });
      try {
        cpSync(WEB_DIST, into, { recursive: true });
      } catch {
        // swapped for a new build while copying: take the new one
      }
      if (wholeWebApp(into)) return;
    }
    await sleep(1_000); // a build is under way
  }
  throw new Error(`no complete web build in ${WEB_DIST}`);
}

/** `cadre serve` on embedded SQLite in a temporary folder, with its own copy of the web app. */
async function startIsolatedServer(): Promise<BareServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "cadre-journey-"));
  const web = join(dataDir, "web");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  try {
    await snapshotWebApp(web);
    const server = await startServer(
      {
        CADRE_DATA_DIR: dataDir,
        CADRE_WEB_DIST: web,
        DATABASE_URL: "",
        PUBLIC_URL: url,
        CADRE_DEMO: "0",
      },
      port,
    );
    return {
      url,
      dataDir,
      stop: async () => {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** A server with no workspace at all (journey 1 signs up through the UI). */
export function startBareCadre(): Promise<BareServer> {
  return startIsolatedServer();
}

/**
 * Like harness.ts startCadre (a workspace signed up, the example charter published, a client
 * "Camille Roy", the given offers) but on a server with its own copy of the web app.
 */
export async function startJourneyCadre(options: {
  slug: string;
  offers?: readonly object[];
}): Promise<CadreServer> {
  const server = await startIsolatedServer();
  try {
    const { token } = await bootstrapWorkspace(server.url, options.slug);
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
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
    return { url: server.url, slug: options.slug, token, api, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** A desktop browser context in a language and a zone (both matter to what is shown). */
export function desktop(
  browser: Browser,
  locale: string,
  timezoneId = "America/Toronto",
): Promise<BrowserContext> {
  return browser.newContext({ locale, timezoneId, viewport: { width: 1280, height: 900 } });
}

/** Removes the screenshots a previous run of this journey left (`<journey>-*.png`). */
export function resetScreenshots(journey: string): void {
  const dir = join(resultsDir, "screenshots");
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    if (name.startsWith(`${journey}-`) && name.endsWith(".png")) rmSync(join(dir, name));
  }
}

/** Screenshots named `<journey>-<nn>-<step>.png`, numbered in the order they are taken; full
 * page unless `viewport` (to show what a visitor sees first, e.g. at an anchor). */
export function shooter(journey: string) {
  let n = 0;
  return async (page: Page, step: string, options: { viewport?: boolean } = {}) => {
    const name = `${journey}-${String(++n).padStart(2, "0")}-${step}`;
    if (!options.viewport) {
      // A full-page capture leaves Chromium's scroll offset out of step with what the page
      // reports: the next mouse press snaps it back and the click lands elsewhere. Capturing
      // from the top, with nothing focused, and going back to the top afterwards avoids it.
      const top = () =>
        page.evaluate(() => {
          (document.activeElement as HTMLElement | null)?.blur?.();
          window.scrollTo(0, 0);
        });
      await top();
      const path = await screenshot(page, name);
      await top();
      return path;
    }
    const dir = join(resultsDir, "screenshots");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${name}.png`);
    await page.screenshot({ path });
    return path;
  };
}

/** Signs in through /signin and waits for the workspace frame. */
export async function signIn(page: Page, url: string, email: string, password: string) {
  await page.goto(`${url}/signin`);
  const form = page.getByTestId("signin-form");
  await form.getByLabel(/e-mail|courriel/i).fill(email);
  await form.getByLabel(/^(password|mot de passe)$/i).fill(password);
  await page.getByTestId("signin-submit").click();
  await page.getByTestId("workspace-name").waitFor();
}

/** axe on the page as it is: fails with the list of serious and critical violations, if any. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  const list = violations
    .map((v) => `- [${v.impact}] ${v.id}: ${v.help}\n    ${v.targets.slice(0, 5).join("\n    ")}`)
    .join("\n");
  expect(violations.length, `axe on ${where}:\n${list}`).toBe(0);
}

/** Waits until the charter editor has saved the draft (autosave settles). */
export async function draftSaved(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId("save-status").getAttribute("data-status"), { timeout: 10_000 })
    .toMatch(/^(saved|idle)$/);
}

/** Text content with the odd spaces Intl writes (narrow no-break, no-break) made plain. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").replace(/[\u00a0\u202f]/g, " ");
}

const partsCache = new Map<string, Intl.DateTimeFormat>();
/** Wall clock parts of an instant in a zone. */
export function wallParts(epoch: number, zone: string) {
  let f = partsCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    partsCache.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(epoch)).map((x) => [x.type, x.value]));
  return {
    weekday: p.weekday as string,
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${p.hour === "24" ? "00" : p.hour}:${p.minute}`,
  };
}

/** The instant of a wall time "YYYY-MM-DDTHH:MM" in a zone. */
export function wallToEpoch(wall: string, zone: string): number {
  const [d, t] = wall.split("T") as [string, string];
  const [y, mo, da] = d.split("-").map(Number) as [number, number, number];
  const [h, mi] = t.split(":").map(Number) as [number, number];
  const guess = Date.UTC(y, mo - 1, da, h, mi);
  // Two passes settle the zone offset (never on a DST gap for the times these tests use).
  let epoch = guess;
  for (let i = 0; i < 2; i++) {
    const w = wallParts(epoch, zone);
    const [wy, wmo, wda] = w.date.split("-").map(Number) as [number, number, number];
    const [wh, wmi] = w.time.split(":").map(Number) as [number, number];
    epoch += guess - Date.UTC(wy, wmo - 1, wda, wh, wmi);
  }
  return epoch;
}

/**
 * A Friday at 21:30 in the zone, at least `minDaysAhead` days from now, whose following Monday
 * to Wednesday are ordinary working days of the example charter (no closure at year end, no
 * Quebec holiday on a Monday), so the due time lands in the future and is easy to reason about.
 */
export function upcomingFridayNight(zone: string, minDaysAhead = 3): string {
  // Weeks with no Quebec holiday and no year-end closure anywhere near them.
  const blocked = (date: string) => {
    const md = date.slice(5);
    const calm =
      (md >= "01-10" && md <= "03-14") ||
      (md >= "08-01" && md <= "08-25") ||
      (md >= "11-01" && md <= "12-17");
    return !calm;
  };
  for (let days = minDaysAhead; days < 400; days++) {
    const at = Date.now() + days * 86_400_000;
    const w = wallParts(at, zone);
    if (w.weekday !== "Fri") continue;
    const monday = wallParts(at + 3 * 86_400_000, zone).date;
    if (blocked(w.date) || blocked(monday)) continue;
    return `${w.date}T21:30`;
  }
  throw new Error("no suitable Friday within a year");
}
