// Shared pieces of the money browser tests: browser contexts in a language and zone, signing the
// professional in through /signin, a client with a portal link (set up through the API, as the
// professional would have done earlier), numbered screenshots, and axe with a readable failure.
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { expect } from "vitest";
import { type CadreServer, screenshot, seriousViolations } from "./harness.ts";

export function context(
  browser: Browser,
  locale: string,
  timezoneId: string,
): Promise<BrowserContext> {
  return browser.newContext({ locale, timezoneId, viewport: { width: 1280, height: 900 } });
}

/** Screenshots `money-<story>-<nn>-<step>.png`, numbered in the order they are taken. */
export function shots(story: string) {
  let n = 0;
  return (page: Page, step: string) =>
    screenshot(page, `money-${story}-${String(++n).padStart(2, "0")}-${step}`);
}

/** The owner startCadre() signs up (test/helpers/remote.ts). */
export async function signInOwner(page: Page, server: CadreServer): Promise<void> {
  await page.goto(`${server.url}/signin`);
  const form = page.getByTestId("signin-form");
  await form.getByLabel(/e-mail|courriel/i).fill(`owner@${server.slug}.example`);
  await form.getByLabel(/^(password|mot de passe)$/i).fill("correct horse battery");
  await page.getByTestId("signin-submit").click();
  await page.getByTestId("workspace-name").waitFor();
}

/** The UI language of an area, chosen through the language switch. */
export async function useLanguage(page: Page, lang: "fr" | "en"): Promise<void> {
  const button = page.getByTestId(`lang-${lang}`);
  if ((await button.count()) > 0 && (await button.getAttribute("aria-pressed")) !== "true") {
    await button.click();
  }
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

export interface Client {
  id: string;
  name: string;
}

export async function addClient(
  server: CadreServer,
  client: { name: string; email: string; locale: string; timezone?: string },
): Promise<Client> {
  const made = (await server.api("POST", "/api/v1/clients", {
    name: client.name,
    emails: [client.email],
    locale: client.locale,
    ...(client.timezone ? { timezone: client.timezone } : {}),
  })) as { id: string; name: string };
  return { id: made.id, name: made.name };
}

export async function openEngagement(
  server: CadreServer,
  clientId: string,
  offerId: string,
  deliverableDueAt: string,
): Promise<string> {
  const made = (await server.api("POST", "/api/v1/engagements", {
    clientId,
    offerId,
    deliverables: [{ name: "Livraison finale", dueAt: deliverableDueAt }],
    obligations: [],
  })) as { id: string };
  return made.id;
}

/** A single-use portal link for the client (what the professional e-mails). */
export async function portalLink(server: CadreServer, clientId: string): Promise<string> {
  const link = (await server.api("POST", `/api/v1/clients/${clientId}/magic-link`)) as {
    url: string;
  };
  return link.url;
}

/** Text with the odd spaces Intl writes (narrow no-break, no-break) made plain. */
export async function plain(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").replace(/[\u00a0\u202f]/g, " ");
}

export async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  const list = violations
    .map((v) => `- [${v.impact}] ${v.id}: ${v.help}\n    ${v.targets.slice(0, 5).join("\n    ")}`)
    .join("\n");
  expect(violations.length, `axe on ${where}:\n${list}`).toBe(0);
}

/** A weekday at noon in Toronto, about a month ahead (an ordinary delivery date). */
export function inAMonth(): string {
  const at = new Date(Date.now() + 30 * 86_400_000);
  while (at.getUTCDay() === 0 || at.getUTCDay() === 6) at.setUTCDate(at.getUTCDate() + 1);
  return `${at.toISOString().slice(0, 10)}T12:00:00-04:00`;
}
