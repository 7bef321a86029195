// Journey 1 of PRODUCT.md in a real Chromium against a fresh server with no workspace: sign up
// through /signup, walk the onboarding wizard (hours with two intervals on Monday copied to the
// weekdays, Quebec holidays, channels and response times with SMS refused → portal, a meeting
// type, money, an offer with items, quotas and an add-on), try "Friday 21:30 e-mail" (deferred,
// due time shown), publish (the differences shown first), then open the public page in French
// and English and an offer's anchor. Screenshots: test-results/screenshots/journey-1-*.png.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { describeBrowser, launchBrowser } from "./harness.ts";
import {
  type BareServer,
  desktop,
  draftSaved,
  resetScreenshots,
  shooter,
  startBareCadre,
  textOf,
  wallParts,
} from "./journey-kit.ts";

const ZONE = "America/Toronto";
const SLUG = "atelier-lumiere";
const OFFER = "identite-signature";

describeBrowser("journey 1: sign up, onboarding wizard, try it, publish, public page", () => {
  let browser: Browser;
  let server: BareServer;
  let context: BrowserContext;
  let page: Page;
  const shot = shooter("journey-1");

  beforeAll(async () => {
    resetScreenshots("journey-1");
    [browser, server] = await Promise.all([launchBrowser(), startBareCadre()]);
    context = await desktop(browser, "en-CA", ZONE);
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
  }, 60_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.errors?.length) await shot(page, "FAILED").catch(() => undefined);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it("signs up through /signup and lands in the wizard", async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/signup$/);
    const form = page.getByTestId("signup-form");
    await form.getByLabel("Your name").fill("Julie Tremblay");
    await form.getByLabel("E-mail address").fill("julie@atelier-lumiere.example");
    await form.getByLabel("Password", { exact: true }).fill("une phrase de passe solide");
    await form.getByLabel("Business name").fill("Atelier Lumière");
    // The public address follows the business name until edited.
    await expect.poll(() => form.getByLabel("Public address").inputValue()).toBe(SLUG);
    await form.getByLabel("Time zone").selectOption(ZONE);
    await form.getByLabel("Main language").selectOption("fr");
    await form.getByLabel("Country").selectOption("CA");
    // The regions arrive with the lazy holiday-regions chunk.
    await form.locator("select[name=region] option[value=QC]").waitFor({ state: "attached" });
    await form.getByLabel("Region").selectOption("QC");
    await form.getByLabel("Currency").selectOption("CAD");
    await shot(page, "signup");
    await page.getByTestId("signup-submit").click();
    await page.waitForURL(/\/app\/charter/);
    await page.getByTestId("step-panel-hours").waitFor();
    expect(await page.getByTestId("workspace-name").innerText()).toBe("Atelier Lumière");
  });

  it("hours: two intervals on Monday, copied to the weekdays; Quebec holidays", async () => {
    const panel = page.getByTestId("step-panel-hours");
    expect(await page.getByTestId("charter-timezone").inputValue()).toBe(ZONE);
    expect(await page.getByTestId("charter-language").inputValue()).toBe("fr");
    if (!(await page.getByTestId("charter-bilingual").isChecked())) {
      await page.getByTestId("charter-bilingual").check();
    }
    // Monday: 09:00–12:00 and 13:00–17:00 (typed loosely: the editor tidies "12" and "13h").
    if ((await panel.getByTestId("hours-mon-0-from").count()) === 0) {
      await page.getByTestId("hours-mon-add").click();
    }
    await page.getByTestId("hours-mon-0-from").fill("9");
    await page.getByTestId("hours-mon-0-to").fill("12");
    await page.getByTestId("hours-mon-0-to").blur();
    if ((await page.getByTestId("hours-mon-1-from").count()) === 0) {
      await page.getByTestId("hours-mon-add").click();
    }
    await page.getByTestId("hours-mon-1-from").fill("13h");
    await page.getByTestId("hours-mon-1-from").blur();
    await page.getByTestId("hours-mon-1-to").fill("17:00");
    await page.getByTestId("hours-mon-1-to").blur();
    expect(await page.getByTestId("hours-mon-0-from").inputValue()).toBe("09:00");
    expect(await page.getByTestId("hours-mon-0-to").inputValue()).toBe("12:00");
    expect(await page.getByTestId("hours-mon-1-from").inputValue()).toBe("13:00");
    await page.getByTestId("copy-monday").click();
    for (const day of ["tue", "wed", "thu", "fri"]) {
      expect(await page.getByTestId(`hours-${day}-0-to`).inputValue(), day).toBe("12:00");
      expect(await page.getByTestId(`hours-${day}-1-from`).inputValue(), day).toBe("13:00");
    }
    // Weekends stay closed.
    expect(await page.getByTestId("hours-sat-0-from").count()).toBe(0);
    // Public holidays of Quebec.
    await page.getByTestId("holidays-country").selectOption("CA");
    await page
      .locator("[data-testid=holidays-region] option[value=QC]")
      .waitFor({ state: "attached" });
    await page.getByTestId("holidays-region").selectOption("QC");
    await draftSaved(page);
    // The live preview already shows the Monday split.
    const preview = page.getByTestId("charter-preview");
    await expect.poll(() => textOf(preview)).toMatch(/12:00|12 h/);
    await shot(page, "hours");
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("step-panel-channels").waitFor();
  });

  it("channels: response times, e-mail check times, SMS refused and sent to the portal", async () => {
    // Portal answered within 4 business hours, any time; e-mail within 1 business day.
    await page.getByTestId("channel-portal-accepted").selectOption("yes");
    await page.getByTestId("channel-portal-contact").selectOption("any");
    await page.getByTestId("channel-portal-response-unit").selectOption("businessHours");
    await page.getByTestId("channel-portal-response-amount").fill("4");
    await page.getByTestId("channel-email-response-unit").selectOption("businessDays");
    await page.getByTestId("channel-email-response-amount").fill("1");
    await page.getByTestId("channel-email-check").fill("10h, 1500");
    await page.getByTestId("channel-email-check").blur();
    expect(await page.getByTestId("channel-email-check").inputValue()).toBe("10:00, 15:00");
    // SMS: refused, redirected to the portal.
    if ((await page.getByTestId("channel-sms").count()) === 0) {
      await page.getByTestId("add-channel-sms").click();
    }
    await page.getByTestId("channel-sms-accepted").selectOption("no");
    await page.getByTestId("channel-sms-redirect").selectOption("portal");
    expect(await page.getByTestId("channel-sms-redirect").inputValue()).toBe("portal");
    // Requests need two business days' notice; one rush a month at +50 %.
    await page.getByTestId("lead-time-unit").selectOption("businessDays");
    await page.getByTestId("lead-time-amount").fill("2");
    if (!(await page.getByTestId("rush-allowed").isChecked())) {
      await page.getByTestId("rush-allowed").check();
    }
    await page.getByTestId("rush-fee").fill("50");
    await page.getByTestId("rush-max").fill("1");
    await draftSaved(page);
    await shot(page, "channels");
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("step-panel-meetings").waitFor();
  });

  it("meetings: a 45-minute discovery call with two business days' notice", async () => {
    const before = await page.locator("[data-testid^=meeting-][data-testid$=-name]").count();
    await page.getByTestId("add-meeting").click();
    const i = before;
    await page.getByTestId(`meeting-${i}-name`).fill("Appel découverte");
    await page.getByTestId(`meeting-${i}-id`).fill("decouverte-45");
    await page.getByTestId(`meeting-${i}-duration`).fill("45");
    await page.getByTestId(`meeting-${i}-notice-unit`).selectOption("businessDays");
    await page.getByTestId(`meeting-${i}-notice-amount`).fill("2");
    await page.getByTestId(`meeting-${i}-per-day`).fill("2");
    await page.getByTestId("energy-weekly-hours").fill("32");
    await draftSaved(page);
    await shot(page, "meetings");
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("step-panel-money").waitFor();
  });

  it("money: terms, deposit, methods, late fee, discount policy", async () => {
    expect(await page.getByTestId("money-currency").inputValue()).toBe("CAD");
    await page.getByTestId("money-terms").fill("30");
    await page.getByTestId("money-deposit").fill("40");
    await page.getByTestId("method-interac").check();
    await page.getByTestId("method-transfer").check();
    await page.getByTestId("late-fee-kind").selectOption("percent");
    await page.getByTestId("late-fee-percent").fill("1.5");
    await page.getByTestId("money-discounts").selectOption("alternatives");
    await draftSaved(page);
    await shot(page, "money");
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("step-panel-offers").waitFor();
  });

  it("offers: a package with items, quotas and an add-on", async () => {
    await page.getByTestId("offer-new").click();
    const dialog = page.getByTestId("offer-dialog");
    await dialog.waitFor();
    await page.getByTestId("offer-name").fill("Identité Signature");
    expect(await page.getByTestId("offer-id").inputValue()).toBe(OFFER);
    await page.getByTestId("offer-item-0-name").fill("Logo");
    await page.getByTestId("offer-item-0-quantity").fill("1");
    await page.getByTestId("offer-item-0-price").fill("600");
    await page.getByTestId("offer-add-item").click();
    await page.getByTestId("offer-item-1-name").fill("Guide de marque");
    await page.getByTestId("offer-item-1-quantity").fill("1");
    await page.getByTestId("offer-item-1-price").fill("900");
    await page.getByTestId("offer-price").fill("1400");
    await page.getByTestId("offer-quota-meetings").fill("3");
    await page.getByTestId("offer-quota-revisions").fill("2");
    const addOns = dialog.getByRole("group", { name: "Add-ons" });
    await addOns.getByRole("button", { name: /add an add-on/i }).click();
    await addOns.getByLabel("Add-on", { exact: true }).fill("Appel supplémentaire");
    await addOns.getByLabel("Price (CAD)").fill("90");
    await addOns.getByLabel("Adds").selectOption("meetings");
    await addOns.getByLabel("How many").fill("1");
    await addOns.scrollIntoViewIfNeeded();
    await shot(page, "offer-dialog", { viewport: true });
    await page.getByTestId("offer-save").click();
    await dialog.waitFor({ state: "detached" });
    const card = page.getByTestId(`offer-${OFFER}`);
    await card.waitFor();
    const text = await textOf(card);
    expect(text).toContain("Identité Signature");
    expect(text).toContain("Logo");
    expect(text).toContain("Guide de marque");
    expect(text).toContain(`/c/${SLUG}#offer-${OFFER}`);
    await shot(page, "offers");
  });

  it('try it: "Friday 21:30 e-mail" is deferred, with the due time shown', async () => {
    await page.getByTestId("tab-try").click();
    await page.getByTestId("try-preset-fridayNight").click();
    const result = page.getByTestId("try-result");
    await result.waitFor();
    const moment = await page.getByTestId("try-moment").inputValue();
    expect(moment).toMatch(/T21:30$/);
    expect(await page.getByTestId("try-channel").inputValue()).toBe("email");
    expect(await result.getByTestId("outcome-badge").innerText()).toBe("Deferred");
    const due = result.getByTestId("due-at");
    const dueAt = Date.parse((await due.getAttribute("datetime")) ?? "");
    const nextOpen = Date.parse(
      (await result.getByTestId("next-open-at").getAttribute("datetime")) ?? "",
    );
    // First read at the e-mail check time of the next working day (10:00), due one business
    // day later, during open hours, in the charter's zone (named).
    const open = wallParts(nextOpen, ZONE);
    expect(open.time).toBe("10:00");
    expect(["Mon", "Tue", "Wed", "Thu", "Fri"]).toContain(open.weekday);
    expect(dueAt).toBeGreaterThan(nextOpen);
    const due1 = wallParts(dueAt, ZONE);
    expect(["Mon", "Tue", "Wed", "Thu", "Fri"]).toContain(due1.weekday);
    expect(due1.date > open.date).toBe(true);
    expect(due1.time >= "09:00" && due1.time <= "17:00").toBe(true);
    expect(await textOf(due)).toMatch(/E[SD]T/);
    expect(await result.getByTestId("rules-hit").locator("[data-rule-id]").count()).toBeGreaterThan(
      0,
    );
    expect((await textOf(result.getByTestId("drafted-reply"))).length).toBeGreaterThan(40);
    await shot(page, "try-it");
  });

  it("publishes: the first version, then a change shown as a difference before publishing", async () => {
    await page.getByTestId("step-publish").click();
    const diff = page.getByTestId("publish-diff");
    await diff.waitFor();
    expect(await textOf(diff)).toContain("Your first version");
    await shot(page, "publish-first");
    await page.getByTestId("publish-button").click();
    const success = page.getByTestId("publish-success");
    await success.waitFor();
    expect(await textOf(success)).toContain("Version 1 is published.");
    expect(await page.getByTestId("public-page-link").getAttribute("href")).toBe(`/c/${SLUG}`);
    await shot(page, "published-v1");

    // A change to the money terms: the publish step lists it before anything is published.
    await page.getByTestId("step-money").click();
    await page.getByTestId("money-terms").fill("15");
    await draftSaved(page);
    await page.getByTestId("step-publish").click();
    await expect.poll(() => textOf(diff)).toMatch(/Changes since version 1/);
    const changed = diff.locator('li[data-kind="changed"]');
    await expect.poll(() => changed.count()).toBe(1);
    expect(await textOf(changed)).toMatch(/Money · payment terms: 30 days → 15 days/);
    await shot(page, "publish-diff");
    await page.getByTestId("publish-button").click();
    await expect.poll(() => textOf(success)).toContain("Version 2 is published.");
  });

  it("shares the public page in French and English, with the offer's anchor", async () => {
    const pub = await context.newPage();
    const base = `${server.url}/c/${SLUG}`;
    const fr = await pub.goto(`${base}?lang=fr`);
    expect(fr?.status()).toBe(200);
    expect(await pub.getAttribute("html", "lang")).toBe("fr");
    expect(await pub.locator("h1").innerText()).toBe("Atelier Lumière");
    const frText = await textOf(pub.locator("main"));
    expect(frText).toContain("Identité Signature");
    expect(frText).toContain("Appel supplémentaire");
    expect(frText).toMatch(/30 jours|15 jours/);
    await shot(pub, "public-fr");

    await pub.goto(`${base}?lang=en`);
    expect(await pub.getAttribute("html", "lang")).toBe("en");
    expect(await pub.locator("#hours h2").innerText()).toBe("Opening hours");
    expect(await pub.locator("script").count()).toBe(0);
    await shot(pub, "public-en");

    await pub.goto(`${base}?lang=en#offer-${OFFER}`);
    expect(await pub.evaluate(() => document.querySelector(":target")?.id)).toBe(`offer-${OFFER}`);
    const offer = pub.locator(`#offer-${OFFER}`);
    expect(await offer.isVisible()).toBe(true);
    const offerText = await textOf(offer);
    expect(offerText).toContain("Logo");
    expect(offerText).toContain("Guide de marque");
    await shot(pub, "public-offer-anchor", { viewport: true });
    await pub.close();
  });
});
