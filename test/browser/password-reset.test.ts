// "Forgot password" in a real Chromium (French): from the sign-in page to the request form, the
// neutral confirmation, the link read from the server's outbox table, a new password (with a
// mismatch caught first), and the workspace, signed in. axe runs on both pages.

import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { afterAll, beforeAll, expect, it } from "vitest";
import { bootstrapWorkspace } from "../helpers/remote.ts";
import { describeBrowser, launchBrowser } from "./harness.ts";
import {
  type BareServer,
  desktop,
  expectAccessible,
  ownerOf,
  startBareCadre,
  textOf,
} from "./journey-kit.ts";

const SLUG = "studio-reset";

/** The reset link in the newest reset mail, read straight from the server's database. */
function resetLinkFromOutbox(dataDir: string): string | null {
  const db = new DatabaseSync(join(dataDir, "cadre.db"), { readOnly: true });
  try {
    const row = db
      .prepare(
        "select text_body from outbox where idempotency_key like 'password-reset:%' order by created_at desc limit 1",
      )
      .get() as { text_body: string } | undefined;
    return /https?:\/\/\S+\/app\/reset-password#token=\S+/.exec(row?.text_body ?? "")?.[0] ?? null;
  } finally {
    db.close();
  }
}

describeBrowser("forgot password: ask for a link, set a new password, land in the app", () => {
  let browser: Browser;
  let server: BareServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startBareCadre()]);
    await bootstrapWorkspace(server.url, SLUG);
    context = await desktop(browser, "fr-CA");
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it("resets the password through the e-mailed link and signs in", async () => {
    const owner = ownerOf(SLUG);
    await page.goto(`${server.url}/signin`);
    await page
      .getByTestId("signin-form")
      .getByLabel(/courriel/i)
      .fill(owner.email);
    await page.getByTestId("forgot-password-link").click();
    await page.waitForURL(/\/app\/forgot-password$/);
    // What was typed on the sign-in page comes along.
    const email = page.getByTestId("forgot-form").getByLabel(/courriel/i);
    expect(await email.inputValue()).toBe(owner.email);
    await expectAccessible(page, "forgot password");
    await page.getByTestId("forgot-submit").click();
    const sent = page.getByTestId("forgot-sent");
    await sent.waitFor();
    expect(await textOf(sent)).toMatch(/Si un compte existe pour owner@studio-reset\.example/);

    await expect.poll(() => resetLinkFromOutbox(server.dataDir), { timeout: 5_000 }).toBeTruthy();
    const link = resetLinkFromOutbox(server.dataDir) as string;
    expect(link.startsWith(`${server.url}/app/reset-password#token=`)).toBe(true);

    await page.goto(link);
    const form = page.getByTestId("reset-form");
    await form.waitFor();
    // The secret leaves the address bar at once.
    expect(page.url()).toBe(`${server.url}/app/reset-password`);
    await expectAccessible(page, "reset password");
    const password = form.getByLabel(/^Nouveau mot de passe$/);
    const confirm = form.getByLabel(/encore une fois/);
    await password.fill("un tout nouveau mot de passe");
    await confirm.fill("un autre mot de passe");
    await page.getByTestId("reset-submit").click();
    await form.getByText(/ne sont pas identiques/).waitFor();
    await confirm.fill("un tout nouveau mot de passe");
    await page.getByTestId("reset-submit").click();
    await page.getByTestId("workspace-name").waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/app/);

    // The new password is the one that works now.
    const login = (pw: string) =>
      fetch(`${server.url}/api/v1/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: owner.email, password: pw }),
      }).then((r) => r.status);
    expect(await login(owner.password)).toBe(401);
    expect(await login("un tout nouveau mot de passe")).toBe(200);
  }, 60_000);
});
