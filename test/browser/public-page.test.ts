// The public charter page in a real Chromium against a real server: it renders in French and
// English, the zone form works with JavaScript disabled (mouse-free), axe finds no serious or
// critical violation, and print emulation makes a clean PDF. Screenshots: test-results/screenshots.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "@playwright/test";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pageOffers } from "./fixtures.ts";
import {
  type CadreServer,
  describeBrowser,
  launchBrowser,
  resultsDir,
  screenshot,
  seriousViolations,
  startCadre,
} from "./harness.ts";

describeBrowser("public charter page in Chromium", () => {
  let browser: Browser;
  let server: CadreServer;
  let page: string;

  beforeAll(async () => {
    [browser, server] = await Promise.all([
      launchBrowser(),
      startCadre({ slug: "studio-browser", offers: pageOffers }),
    ]);
    page = `${server.url}/c/${server.slug}`;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("renders the charter in French with hours in both zones", async () => {
    const context = await browser.newContext({
      locale: "fr-CA",
      viewport: { width: 1200, height: 900 },
    });
    const tab = await context.newPage();
    const res = await tab.goto(`${page}?tz=Europe/Paris`);
    expect(res?.status()).toBe(200);
    expect(await tab.getAttribute("html", "lang")).toBe("fr");
    await expect.poll(() => tab.locator("h1").count()).toBe(1);
    expect(await tab.locator("h1").innerText()).toBe("Studio");
    const header = await tab.locator("table.hours thead").innerText();
    expect(header).toContain("heure de l’Est (Toronto)");
    expect(header).toContain("(Paris)");
    for (const id of ["essentiel", "signature", "accompagnement"]) {
      expect(await tab.locator(`#offer-${id}`).isVisible()).toBe(true);
    }
    await screenshot(tab, "public-page-fr");
    await context.close();
  });

  it("renders in English on a phone, and an offer's anchor leads to it", async () => {
    const context = await browser.newContext({
      locale: "en-CA",
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
    });
    const tab = await context.newPage();
    await tab.goto(page);
    expect(await tab.getAttribute("html", "lang")).toBe("en");
    expect(await tab.locator("#hours h2").innerText()).toBe("Opening hours");
    await screenshot(tab, "public-page-en-mobile");
    await tab.goto(`${page}#offer-signature`);
    const target = await tab.evaluate(() => document.querySelector(":target")?.id);
    expect(target).toBe("offer-signature");
    expect(await tab.locator("#offer-signature").isVisible()).toBe(true);
    await tab.screenshot({ path: join(resultsDir, "screenshots", "public-page-offer-anchor.png") });
    await context.close();
  });

  it("changes the zone without JavaScript, from the keyboard, and remembers it", async () => {
    const context = await browser.newContext({ locale: "en-CA", javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(`${page}?lang=en`);
    expect(await tab.locator("table.hours thead th").count()).toBe(2);
    await tab.focus("select[name=tz]");
    await tab.selectOption("select[name=tz]", "Asia/Tokyo");
    await tab.keyboard.press("Tab");
    expect(await tab.evaluate(() => document.activeElement?.tagName)).toBe("BUTTON");
    await Promise.all([tab.waitForURL(/tz=Asia%2FTokyo/), tab.keyboard.press("Enter")]);
    expect(new URL(tab.url()).searchParams.get("lang")).toBe("en");
    const header = await tab.locator("table.hours thead").innerText();
    expect(header).toContain("Your time");
    expect(header).toContain("(Tokyo)");
    const monday = await tab.locator("table.hours tbody tr").first().innerText();
    // 1:00–5:00 p.m. in Toronto is the next morning in Tokyo.
    expect(monday).toMatch(/Tue\s3:00\sa\.m\./);
    await screenshot(tab, "public-page-zone-no-js");
    await tab.goto(`${page}?lang=en`);
    expect(await tab.locator("select[name=tz]").inputValue()).toBe("Asia/Tokyo");
    await context.close();
  });

  it("has no serious or critical axe violations, in French and English", async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    for (const url of [
      `${page}?lang=fr&tz=Europe/Paris`,
      `${page}?lang=en`,
      `${server.url}/c/nobody-here?lang=fr`,
    ]) {
      await tab.goto(url);
      expect(await seriousViolations(tab), url).toEqual([]);
    }
    await context.close();
  });

  it("prints a clean PDF: no navigation or forms, links written out", async () => {
    const context = await browser.newContext({ locale: "fr-CA" });
    const tab = await context.newPage();
    await tab.goto(`${page}?lang=fr`);
    await tab.emulateMedia({ media: "print" });
    for (const hidden of ["nav.toc", "nav.langs", "form.tz", ".skip"]) {
      expect(await tab.locator(hidden).isVisible(), hidden).toBe(false);
    }
    const breakBefore = await tab
      .locator("#offer-signature")
      .evaluate((el) => getComputedStyle(el).breakBefore);
    expect(breakBefore).toBe("page");
    const after = await tab
      .locator("#offer-signature a.permalink")
      .evaluate((el) => getComputedStyle(el, "::after").content);
    expect(after).toContain("#offer-signature");
    await screenshot(tab, "public-page-print");
    const pdf = await tab.pdf({ format: "A4" });
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, "public-page.pdf"), pdf);
    console.log(`public page PDF: ${pdf.length} bytes → test-results/public-page.pdf`);
    await context.close();
  });

  it("shows a localised 404 with the same look", async () => {
    const context = await browser.newContext({ locale: "fr-CA" });
    const tab = await context.newPage();
    const res = await tab.goto(`${server.url}/c/nobody-here`);
    expect(res?.status()).toBe(404);
    expect(await tab.locator("h1").innerText()).toBe("Page introuvable");
    await screenshot(tab, "public-page-404-fr");
    await context.close();
  });
});
