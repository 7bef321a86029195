// A discount request ends with the client accepting a smaller package, in a real Chromium against
// a real server. The client (English, Vancouver time) has a "Signature" engagement at 2 400 $;
// in the portal they ask for a discount with a budget of 2 000 $, see at once the smaller packages
// (the same package minus items, or the lower tier, each at its usual price and its distance to
// the budget), and accept one. The professional (French) sees the engagement at that package and
// that price, what was removed listed as not included, and the choice on the request in the
// inbox. Screenshots: test-results/screenshots/money-discount-*.png.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { pageOffers } from "./fixtures.ts";
import { type CadreServer, describeBrowser, launchBrowser, startCadre } from "./harness.ts";
import {
  addClient,
  type Client,
  context,
  expectNoSeriousViolations,
  inAMonth,
  openEngagement,
  plain,
  portalLink,
  shots,
  signInOwner,
  useLanguage,
} from "./money-kit.ts";

interface Engagement {
  offerId: string;
  offer: { price: number; items: { id: string }[]; excluded?: string[] };
}

describeBrowser("money: a discount request ends with a smaller package", () => {
  let browser: Browser;
  let server: CadreServer;
  let clientContext: BrowserContext;
  let proContext: BrowserContext;
  let portal: Page;
  let pro: Page;
  let client: Client;
  let engagementId = "";
  let chosen = { name: "", price: "", removed: "" };
  const shot = shots("discount");

  beforeAll(async () => {
    [browser, server] = await Promise.all([
      launchBrowser(),
      startCadre({ slug: "studio-money-discount", offers: pageOffers }),
    ]);
    client = await addClient(server, {
      name: "Alex Morgan",
      email: "alex@morgan.example",
      locale: "en-CA",
      timezone: "America/Vancouver",
    });
    engagementId = await openEngagement(server, client.id, "signature", inAMonth());
    clientContext = await context(browser, "en-CA", "America/Vancouver");
    proContext = await context(browser, "fr-CA", "America/Toronto");
    clientContext.setDefaultTimeout(10_000);
    proContext.setDefaultTimeout(10_000);
    portal = await clientContext.newPage();
    pro = await proContext.newPage();
  }, 60_000);

  afterEach(async (ctx) => {
    if (!ctx.task.result?.errors?.length) return;
    await shot(portal, "FAILED-portal").catch(() => undefined);
    await shot(pro, "FAILED-pro").catch(() => undefined);
  });

  afterAll(async () => {
    await clientContext?.close();
    await proContext?.close();
    await browser?.close();
    await server?.stop();
  });

  it("the client asks for a discount with a budget and sees smaller packages at once", async () => {
    await portal.goto(await portalLink(server, client.id));
    await portal.getByTestId("portal-greeting").waitFor();
    await useLanguage(portal, "en");
    const form = portal.getByTestId("portal-request-form");
    await form.getByTestId("portal-subject").fill("Could the price be lower?");
    await form
      .getByTestId("portal-body")
      .fill("I love the Signature package but my budget is 2,000 dollars.");
    // The budget field appears for a discount request, in the client's currency.
    expect(await portal.getByTestId("portal-budget").count()).toBe(0);
    await form.getByTestId("portal-kind").selectOption("discount");
    const budget = portal.getByTestId("portal-budget");
    await budget.waitFor();
    expect(await portal.getByLabel(/Your budget \(CAD, optional\)/).count()).toBe(1);
    await budget.fill("2,000");
    await shot(portal, "request-with-budget");
    await portal.getByTestId("portal-submit").click();

    const decision = portal.getByTestId("portal-decision");
    await decision.waitFor();
    const alternatives = decision.getByTestId("alternatives");
    await alternatives.waitFor();
    expect(await plain(alternatives)).toMatch(/same prices for every client/);
    expect(await plain(alternatives)).toContain("Your budget: $2,000.00");
    const cards = alternatives.getByTestId("alternative");
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    // The closest to the budget first: Signature without the social media templates, 1 920 $.
    const first = cards.first();
    expect(await plain(first.getByTestId("alternative-name"))).toBe("Signature");
    expect(await plain(first.getByTestId("alternative-removed"))).toContain(
      "Gabarits réseaux sociaux",
    );
    expect(await plain(first.getByTestId("alternative-price"))).toBe("$1,920.00");
    expect(await plain(first.getByTestId("alternative-closeness"))).toBe(
      "$80.00 under your budget",
    );
    // The lower tier is there too, with what it includes.
    const tier = alternatives.locator("[data-testid=alternative][data-offer-id=essentiel]");
    expect(await plain(tier.getByTestId("alternative-name"))).toBe("Essentiel");
    expect(await plain(tier.getByTestId("alternative-price"))).toBe("$800.00");
    expect(await plain(tier)).toContain("Smaller package");
    await shot(portal, "alternatives");
    await expectNoSeriousViolations(portal, "the portal with the alternatives");
  });

  it("the client accepts one package, after confirming its price", async () => {
    const alternatives = portal.getByTestId("portal-decision").getByTestId("alternatives");
    const first = alternatives.getByTestId("alternative").first();
    chosen = {
      name: await plain(first.getByTestId("alternative-name")),
      price: await plain(first.getByTestId("alternative-price")),
      removed: (await first.getAttribute("data-removed")) ?? "",
    };
    await first.getByTestId("alternative-accept").click();
    const confirm = first.getByTestId("alternative-confirm");
    expect(await plain(confirm)).toContain(
      `Switch your engagement to Signature at ${chosen.price}`,
    );
    await shot(portal, "confirm");
    await confirm.getByTestId("alternative-confirm-yes").click();
    const accepted = alternatives.getByTestId("alternative-accepted");
    await accepted.waitFor();
    expect(await plain(accepted)).toContain(`Your engagement is now Signature at ${chosen.price}`);
    // No other package can be accepted any more.
    expect(await alternatives.getByTestId("alternative-accept").count()).toBe(0);
    // The engagement shown in the portal no longer lists what was removed.
    await expect
      .poll(() => plain(portal.getByTestId("portal-engagement")))
      .not.toContain("Gabarits réseaux sociaux");
    await shot(portal, "accepted");
    // The request, in the client's list, says a package was chosen.
    const mine = portal.getByTestId("portal-requests");
    await expect.poll(() => plain(mine)).toContain("See the package you chose");
  });

  it("the professional sees the engagement at that package and that price", async () => {
    // The server agrees: same offer, the price the decision computed, the item taken out.
    const stored = (await server.api("GET", `/api/v1/engagements/${engagementId}`)) as Engagement;
    expect(stored.offerId).toBe("signature");
    expect(stored.offer.price).toBe(192_000);
    expect(stored.offer.items.map((i) => i.id)).not.toContain(chosen.removed);
    expect(stored.offer.excluded).toContain("Gabarits réseaux sociaux");

    await signInOwner(pro, server);
    await useLanguage(pro, "fr");
    await pro.getByTestId("nav-engagements").click();
    await pro.getByTestId("engagements-list").waitFor();
    await pro.getByRole("link", { name: "Signature" }).first().click();
    await pro.getByTestId("engagement-package").waitFor();
    expect(await plain(pro.getByTestId("engagement-price"))).toBe("1 920,00 $");
    await expectNoSeriousViolations(pro, "the engagement page");
    expect(await plain(pro.getByTestId("engagement-excluded"))).toContain(
      "Gabarits réseaux sociaux",
    );
    expect(await pro.getByTestId("contract-pdf-fr").getAttribute("href")).toBe(
      `/api/v1/engagements/${engagementId}/contract.pdf?lang=fr`,
    );
    // The contract PDF of the new package downloads with the session.
    const pdf = await pro.request.get(
      `${server.url}/api/v1/engagements/${engagementId}/contract.pdf?lang=fr`,
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
    await shot(pro, "engagement");
  });

  it("the inbox shows the request with the package the client accepted", async () => {
    await pro.getByTestId("nav-inbox").click();
    await pro.getByTestId("inbox-list").waitFor();
    await pro.getByTestId("inbox-item").filter({ hasText: "Could the price be lower?" }).click();
    const section = pro.getByTestId("request-alternatives");
    await section.waitFor();
    expect(await plain(section.getByTestId("alternative-chosen"))).toMatch(
      /Accepté par le client le .+ : le mandat a été mis à ce forfait et à ce prix/,
    );
    expect(await plain(section)).toContain("Budget indiqué : 2 000,00 $");
    // Nothing left to record: the choice is made.
    expect(await section.getByTestId("alternative-record").count()).toBe(0);
    await section.scrollIntoViewIfNeeded();
    await shot(pro, "inbox");
  });
});
