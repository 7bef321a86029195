// Journey 2 of PRODUCT.md in a real Chromium against a fresh server: the professional (signed in
// through the UI) adds a client whose language is English, opens an engagement for them, and
// sends a portal link; in a second browser (French, Vancouver time) the client opens the link,
// reads and acknowledges the charter (recorded: the professional's client page says so), submits
// a request and sees at once the decision and when the answer will come — in English, in their
// zone, named — sees what the engagement includes and what is left, and follows their requests
// until the answer arrives. axe runs on the portal. Screenshots: journey-2-*.png.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { pageOffers } from "./fixtures.ts";
import { type CadreServer, describeBrowser, launchBrowser } from "./harness.ts";
import {
  desktop,
  expectAccessible,
  ownerOf,
  resetScreenshots,
  shooter,
  signIn,
  startJourneyCadre,
  textOf,
  wallParts,
} from "./journey-kit.ts";

const SLUG = "studio-journey-2";
const CLIENT_ZONE = "America/Vancouver";

interface StoredRequest {
  id: string;
  subject: string;
  dueAt: string;
  outcome: string;
  status: string;
}

describeBrowser("journey 2: invite a client, charter acknowledged, portal requests", () => {
  let browser: Browser;
  let server: CadreServer;
  let proContext: BrowserContext;
  let clientContext: BrowserContext;
  let pro: Page;
  let client: Page;
  let clientId = "";
  let portalUrl = "";
  let requestId = "";
  const shot = shooter("journey-2");

  beforeAll(async () => {
    resetScreenshots("journey-2");
    [browser, server] = await Promise.all([
      launchBrowser(),
      startJourneyCadre({ slug: SLUG, offers: pageOffers }),
    ]);
    proContext = await desktop(browser, "en-CA", "America/Toronto");
    // The client's browser speaks French: the portal must still follow the client's language.
    clientContext = await desktop(browser, "fr-CA", CLIENT_ZONE);
    proContext.setDefaultTimeout(10_000);
    clientContext.setDefaultTimeout(10_000);
    pro = await proContext.newPage();
    client = await clientContext.newPage();
  }, 60_000);

  afterEach(async (ctx) => {
    if (!ctx.task.result?.errors?.length) return;
    await shot(pro, "FAILED-pro").catch(() => undefined);
    await shot(client, "FAILED-client").catch(() => undefined);
  });

  afterAll(async () => {
    await proContext?.close();
    await clientContext?.close();
    await browser?.close();
    await server?.stop();
  });

  it("the professional adds an English-speaking client", async () => {
    const owner = ownerOf(SLUG);
    await signIn(pro, server.url, owner.email, owner.password);
    await pro.getByTestId("nav-clients").click();
    await pro.getByTestId("clients-table").waitFor();
    await pro.getByTestId("client-new").click();
    await pro.getByTestId("client-dialog").waitFor();
    await pro.getByTestId("client-name").fill("Morgan Lee");
    await pro.getByTestId("client-email").fill("morgan@lee.example");
    await pro.getByTestId("client-language").selectOption("en");
    await shot(pro, "new-client", { viewport: true });
    await pro.getByTestId("client-save").click();
    await pro.waitForURL(/\/app\/clients\/[^/]+$/);
    clientId = new URL(pro.url()).pathname.split("/").pop() ?? "";
    expect(clientId).not.toBe("");
    await pro.getByRole("heading", { name: "Morgan Lee" }).waitFor();
    expect(await textOf(pro.getByTestId("client-acknowledged"))).toBe("not acknowledged yet");
  });

  it("opens an engagement on the Signature offer and counts a call already held", async () => {
    await pro.getByRole("link", { name: "New engagement" }).click();
    await pro.getByTestId("engagement-form").waitFor();
    expect(await pro.getByTestId("engagement-client").inputValue()).toBe(clientId);
    await pro.getByTestId("engagement-offer").selectOption("signature");
    await pro.getByTestId("deliverable-0-name").fill("Logo");
    await pro.getByTestId("obligation-0-name").fill("Brief and materials");
    await shot(pro, "new-engagement");
    await pro.getByTestId("engagement-save").click();
    await pro.waitForURL(/\/app\/engagements\/[^/]+$/);
    await pro.getByTestId("quota-meetings").waitFor();
    expect(await textOf(pro.getByTestId("quota-meetings"))).toContain("0 used of 4");
    await pro.getByTestId("usage-meetings-plus").click();
    await expect
      .poll(() => textOf(pro.getByTestId("quota-meetings")))
      .toContain("1 used of 4 · 3 left");
    await shot(pro, "engagement");
  });

  it("sends a portal link and copies its URL", async () => {
    await pro.goto(`${server.url}/app/clients/${clientId}`);
    await pro.getByTestId("portal-link-send").click();
    const link = pro.getByTestId("portal-link");
    await link.waitFor();
    expect(await textOf(link)).toContain("Sent to morgan@lee.example.");
    portalUrl = await pro.getByTestId("portal-link-url").inputValue();
    expect(portalUrl).toMatch(new RegExp(`^${server.url}/portal#token=.+`));
    await shot(pro, "portal-link");
  });

  it("the client opens the link in English, reads the charter and acknowledges it", async () => {
    await client.goto(portalUrl);
    const greeting = client.getByTestId("portal-greeting");
    await greeting.waitFor();
    expect(await greeting.innerText()).toBe("Hello Morgan Lee");
    expect(await client.getAttribute("html", "lang")).toBe("en");
    // The token is read once and removed from the address bar.
    expect(new URL(client.url()).hash).toBe("");
    expect(await client.getByTestId("portal-workspace").innerText()).toBe("Studio");
    const panel = client.getByTestId("acknowledge-panel");
    await panel.waitFor();
    expect(await textOf(panel)).toContain("Please read and accept the working rules (version 1)");
    await shot(client, "portal-first-visit");
    await expectAccessible(client, "the portal before acknowledgement");

    // Read them: the link leads to the charter, shown in English.
    await panel.getByRole("link", { name: "Read them" }).click();
    await expect.poll(() => new URL(client.url()).hash).toBe("#charter");
    const charter = client.getByTestId("portal-charter");
    await charter.getByTestId("charter-view").waitFor();
    const charterText = await textOf(charter);
    expect(charterText).toContain("Working rules of Studio");
    expect(charterText).toMatch(/Monday/);
    await shot(client, "portal-charter", { viewport: true });

    await client.getByTestId("acknowledge").click();
    const done = client.getByTestId("acknowledged");
    await done.waitFor();
    expect(await textOf(done)).toMatch(
      /You accepted version 1 of the working rules on .+ P[SD]T\./,
    );
  });

  it("the acknowledgement is recorded on the professional's client page", async () => {
    await pro.reload();
    const ack = pro.getByTestId("client-acknowledged");
    await expect.poll(() => textOf(ack)).toMatch(/^Version 1 acknowledged on .+ E[SD]T$/);
    await shot(pro, "client-acknowledged");
    await pro.getByTestId("nav-clients").click();
    const row = pro.locator(`[data-testid=client-row][data-client-id="${clientId}"]`);
    await expect.poll(() => textOf(row)).toContain("v1 acknowledged");
  });

  it("the client submits a request and sees the decision and the answer time at once", async () => {
    await client.getByTestId("portal-subject").fill("New photos for the website");
    await client
      .getByTestId("portal-body")
      .fill("Hello, could you add the new team photos to the brand guide?");
    await client.getByTestId("portal-kind").selectOption("question");
    await client.getByTestId("portal-submit").click();
    const decision = client.getByTestId("portal-decision");
    await decision.waitFor();
    // What the server decided and stored, to compare with what the client is shown.
    const listed = (await server.api("GET", `/api/v1/requests?clientId=${clientId}`)) as {
      items: StoredRequest[];
    };
    const stored = listed.items.find((r) => r.subject === "New photos for the website");
    expect(stored).toBeDefined();
    requestId = stored?.id ?? "";
    const outcomes = {
      accept: "Accepted",
      defer: "Deferred",
      redirect: "Redirected",
      propose: "Proposal",
      decline: "Declined",
    } as Record<string, string>;
    expect(await decision.getByTestId("outcome-badge").innerText()).toBe(
      outcomes[stored?.outcome ?? ""],
    );
    const due = decision.getByTestId("portal-due-at");
    expect(await due.getAttribute("datetime")).toBe(stored?.dueAt);
    // In the client's language and zone, named: "Answer by Mon, Nov 30, 2026, 6:00 a.m. PST".
    const dueText = await textOf(due);
    const dueWall = wallParts(Date.parse(stored?.dueAt ?? ""), CLIENT_ZONE);
    expect(dueText).toContain(dueWall.weekday);
    expect(dueText).toMatch(/P[SD]T$/);
    expect(await textOf(decision)).toContain("Answer by");
    const reply = await textOf(decision.getByTestId("portal-reply"));
    expect(reply).toContain("Hello Morgan Lee,");
    expect(reply).toMatch(/answer/i);
    await shot(client, "portal-decision");
    await expectAccessible(client, "the portal with a decision shown");
  });

  it("the client sees what the engagement includes and what is left", async () => {
    const engagement = client.getByTestId("portal-engagement");
    const text = await textOf(engagement);
    expect(text).toContain("Your engagement");
    expect(text).toContain("1 × Logo");
    expect(text).toContain("1 × Guide de marque");
    expect(text).toContain("What is left");
    expect(await textOf(engagement.getByTestId("quota-meetings"))).toContain(
      "1 used of 4 · 3 left",
    );
    expect(await textOf(engagement.getByTestId("quota-revisions"))).toContain(
      "0 used of 2 · 2 left",
    );
    expect(await textOf(engagement.getByTestId("quota-hours"))).toContain("0 used of 20");
  });

  it("the client follows their requests until the answer comes", async () => {
    const item = client.getByTestId("portal-request").filter({ hasText: "New photos" });
    await item.waitFor();
    const open = await textOf(item);
    expect(open).toMatch(/New photos for the website(Accepted|Deferred)Open/);
    expect(open).toMatch(/Answer by .+ P[SD]T/);
    await shot(client, "portal-requests");

    // The professional answers from the inbox; the client sees the answer.
    await pro.goto(`${server.url}/app/inbox?status=open&r=${requestId}`);
    const detail = pro.getByTestId("request-detail");
    await detail.waitFor();
    expect(await textOf(detail)).toContain("New photos for the website");
    await pro
      .getByTestId("reply-body")
      .fill(
        "Hello Morgan,\n\nThe new team photos are in the brand guide, page 12.\n\nWarm regards,\nJulie",
      );
    await pro.getByTestId("reply-answer").click();
    await expect.poll(() => pro.getByTestId("inbox-tab-open").innerText()).toContain("(0)");

    await client.reload();
    const answered = client.getByTestId("portal-request").filter({ hasText: "New photos" });
    await expect.poll(() => textOf(answered)).toMatch(/(Accepted|Deferred)Answered/);
    await answered.getByText("Read the answer").click();
    expect(await textOf(answered)).toContain(
      "The new team photos are in the brand guide, page 12.",
    );
    await shot(client, "portal-answered");
    await expectAccessible(client, "the portal with an answered request");
  });
});
