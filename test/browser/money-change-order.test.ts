// An out-of-scope request ends with an accepted change order and its invoice line, in a real
// Chromium against a real server. The professional (English) sets Quebec's taxes, logs a client's
// e-mail asking for business cards (outside her "Essentiel" package) and proposes the change
// order the decision drafted; the client (French) opens it in the portal — also at the address
// the e-mail links to — and accepts it. The professional finds the line on the engagement's
// invoice with GST and QST, issues it; the client sees it with the accepted payment methods and
// downloads the PDF (axe: no serious violation); a payment by cheque is refused with the
// charter's reason, then the invoice is marked paid by Interac.
// Screenshots: test-results/screenshots/money-change-order-*.png.
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

const SUBJECT = "Cartes professionnelles en plus";

describeBrowser(
  "money: an out-of-scope request ends with a change order and an invoice line",
  () => {
    let browser: Browser;
    let server: CadreServer;
    let proContext: BrowserContext;
    let clientContext: BrowserContext;
    let pro: Page;
    let portal: Page;
    let client: Client;
    let changeOrderId = "";
    let invoiceId = "";
    const shot = shots("change-order");

    beforeAll(async () => {
      [browser, server] = await Promise.all([
        launchBrowser(),
        startCadre({ slug: "studio-money-change", offers: pageOffers }),
      ]);
      client = await addClient(server, {
        name: "Julie Gagnon",
        email: "julie@boulangerie.example",
        locale: "fr-CA",
        timezone: "America/Toronto",
      });
      await openEngagement(server, client.id, "essentiel", inAMonth());
      proContext = await context(browser, "en-CA", "America/Toronto");
      clientContext = await context(browser, "fr-CA", "America/Toronto");
      proContext.setDefaultTimeout(10_000);
      clientContext.setDefaultTimeout(10_000);
      pro = await proContext.newPage();
      portal = await clientContext.newPage();
    }, 60_000);

    afterEach(async (ctx) => {
      if (!ctx.task.result?.errors?.length) return;
      await shot(pro, "FAILED-pro").catch(() => undefined);
      await shot(portal, "FAILED-portal").catch(() => undefined);
    });

    afterAll(async () => {
      await proContext?.close();
      await clientContext?.close();
      await browser?.close();
      await server?.stop();
    });

    it("the professional sets Quebec's GST and QST from the ready-made setup", async () => {
      await signInOwner(pro, server);
      await useLanguage(pro, "en");
      await pro.getByTestId("nav-invoices").click();
      await pro.getByTestId("taxes-link").click();
      await pro.getByTestId("taxes-form").waitFor();
      await pro.getByTestId("taxes-preset-CA-QC").click();
      expect(await pro.getByTestId("tax-0-en").inputValue()).toMatch(/GST/);
      expect(await pro.getByTestId("tax-1-rate").inputValue()).toBe("9.975");
      await pro.getByTestId("tax-0-registration").fill("123456789 RT0001");
      // Each tax on the amount before taxes: 5% and 9.975% of $1,000.00.
      const example = await plain(pro.getByTestId("taxes-example"));
      expect(example).toContain("$50.00");
      expect(example).toContain("$99.75");
      expect(example).toContain("$1,149.75");
      await pro.getByTestId("taxes-save").click();
      await pro.getByTestId("taxes-saved").waitFor();
      await expectNoSeriousViolations(pro, "the taxes settings");
      await shot(pro, "taxes");
    });

    it("logs the client's e-mail about an item outside her package and proposes the change order", async () => {
      await pro.getByTestId("nav-inbox").click();
      await pro.getByTestId("log-request-open").click();
      const dialog = pro.getByTestId("log-dialog");
      await dialog.waitFor();
      await dialog.getByTestId("log-client").selectOption({ label: "Julie Gagnon" });
      await dialog.getByTestId("log-channel").selectOption("email");
      await dialog.getByTestId("log-kind").selectOption("task");
      await dialog
        .locator("[data-testid=log-offer-item] option[value=cards]")
        .waitFor({ state: "attached" });
      await dialog.getByTestId("log-offer-item").selectOption("cards");
      await dialog.getByTestId("log-subject").fill(SUBJECT);
      await dialog
        .getByTestId("log-body")
        .fill("Pourriez-vous aussi faire nos cartes professionnelles ?");
      await dialog.getByTestId("log-submit").click();
      await dialog.getByTestId("log-result").waitFor();
      expect(await plain(dialog.getByTestId("outcome-badge").first())).toMatch(/Propos/);
      await dialog.getByTestId("log-done").click();

      const detail = pro.getByTestId("request-detail");
      await expect.poll(() => plain(detail.locator("h2").first())).toBe(SUBJECT);
      const section = detail.getByTestId("request-change-order");
      await section.waitFor();
      expect(await plain(section.getByTestId("change-order-price"))).toBe("$300.00");
      expect(await plain(section)).toContain("Cartes professionnelles");
      await section.getByTestId("change-order-propose").click();
      const status = section.getByTestId("change-order-status");
      await status.waitFor();
      expect(await plain(status)).toContain("waiting for the client's answer");
      expect(await plain(section.getByTestId("change-order-state"))).toBe("Waiting for the client");
      await section.scrollIntoViewIfNeeded();
      await shot(pro, "proposed");

      const list = (await server.api("GET", `/api/v1/change-orders?clientId=${client.id}`)) as {
        items: { id: string; state: string; price: number }[];
      };
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toMatchObject({ state: "proposed", price: 30_000 });
      changeOrderId = list.items[0]!.id;
    });

    it("the client accepts it in the portal", async () => {
      await portal.goto(await portalLink(server, client.id));
      await portal.getByTestId("portal-greeting").waitFor();
      await useLanguage(portal, "fr");
      const section = portal.getByTestId("portal-change-orders");
      await section.waitFor();
      expect(await plain(section)).toContain("1 avenant attend votre réponse.");
      await shot(portal, "portal-home");
      await section.getByRole("link", { name: SUBJECT }).click();
      await portal.waitForURL(`**/portal/change-orders/${changeOrderId}`);
      const page = portal.getByTestId("change-order-page");
      await page.waitFor();
      expect(await plain(page.getByTestId("change-order-price"))).toBe("300,00 $");
      expect(await plain(page.getByTestId("change-order-delivery"))).toBe(
        "Les dates de livraison ne bougent pas.",
      );
      await expectNoSeriousViolations(portal, "the portal change order page");
      await shot(portal, "portal-change-order");
      await page.getByTestId("change-order-accept").click();
      expect(await plain(page)).toContain("Accepter cet avenant pour 300,00 $ avant taxes ?");
      await page.getByTestId("change-order-confirm").click();
      await page.getByTestId("change-order-accepted").waitFor();
      expect(await plain(page.getByTestId("change-order-state"))).toBe("Accepté");
      await shot(portal, "portal-accepted");

      // The address the e-mail links to shows the same, answered once and for all.
      await portal.goto(`${server.url}/portal/change-orders/${changeOrderId}`);
      await portal.getByTestId("change-order-accepted").waitFor();
      expect(await portal.getByTestId("change-order-accept").count()).toBe(0);
    });

    it("the professional finds the line on the engagement's invoice, with GST and QST", async () => {
      await pro.getByTestId("nav-engagements").click();
      await pro.getByTestId("engagements-list").waitFor();
      await pro.getByTestId("engagement-card").first().getByRole("link").first().click();
      const orders = pro.getByTestId("engagement-change-orders");
      await orders.waitFor();
      const row = orders.getByTestId("change-order-row");
      await expect.poll(() => row.getAttribute("data-state")).toBe("accepted");
      expect(await plain(row)).toContain("$300.00");
      await shot(pro, "engagement");
      await row.getByRole("link", { name: "see the invoice" }).click();
      await pro.waitForURL(/\/app\/invoices\/[^/]+$/);
      invoiceId = pro.url().split("/").pop() ?? "";
      const doc = pro.getByTestId("invoice-document");
      await doc.waitFor();
      const line = doc.getByTestId("invoice-line");
      expect(await line.count()).toBe(1);
      expect(await line.getAttribute("data-kind")).toBe("change-order");
      expect(await plain(line)).toContain(SUBJECT);
      expect(await plain(line)).toContain("$300.00");
      const taxes = doc.getByTestId("invoice-tax");
      expect(await plain(taxes.nth(0))).toMatch(/GST.*5%.*\$15\.00/);
      expect(await plain(taxes.nth(1))).toMatch(/QST.*9\.975%.*\$29\.93/);
      expect(await plain(doc.getByTestId("invoice-total"))).toBe("$344.93");
      expect(await plain(pro.getByTestId("invoice-status"))).toBe("Draft");
      await expectNoSeriousViolations(pro, "the draft invoice");
      await shot(pro, "invoice-draft");

      await pro.getByTestId("invoice-issue").click();
      await expect.poll(() => plain(pro.getByTestId("invoice-status"))).toBe("Issued");
      const year = new Date().getFullYear();
      expect(await plain(pro.locator("h1"))).toBe(`Invoice ${year}-0001`);
      expect(await plain(doc.getByTestId("invoice-due"))).toMatch(/in 1[45] days/);
      // The list shows it with what is due.
      await pro.getByRole("link", { name: "← Invoices" }).click();
      const listed = pro.locator(`[data-testid=invoice-row][data-invoice-id="${invoiceId}"]`);
      await listed.waitFor();
      expect(await plain(listed)).toContain(`${year}-0001`);
      expect(await plain(listed)).toContain("$344.93");
      await expectNoSeriousViolations(pro, "the invoices list");
      await shot(pro, "invoices");
    });

    it("the client sees the invoice with the accepted methods and downloads the PDF", async () => {
      await portal.goto(`${server.url}/portal`);
      const invoices = portal.getByTestId("portal-invoices");
      await invoices.getByTestId("portal-invoice-row").waitFor();
      await invoices.getByRole("link").first().click();
      await portal.waitForURL(`**/portal/invoices/${invoiceId}`);
      const page = portal.getByTestId("invoice-page");
      await page.waitFor();
      expect(await plain(page.getByTestId("invoice-total"))).toBe("344,93 $");
      expect(await plain(portal.getByTestId("invoice-how-to-pay"))).toContain(
        "virement bancaire, virement Interac et carte de crédit",
      );
      expect(await plain(page.getByTestId("invoice-methods"))).toContain(
        "Modes de paiement acceptés : virement bancaire, virement Interac et carte de crédit.",
      );
      const href = await portal.getByTestId("invoice-pdf").getAttribute("href");
      expect(href).toBe(`/api/v1/portal/invoices/${invoiceId}.pdf?lang=fr`);
      const pdf = await portal.request.get(`${server.url}${href}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toContain("application/pdf");
      expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
      await expectNoSeriousViolations(portal, "the portal invoice page");
      await shot(portal, "portal-invoice");
      // The list has its own address too.
      await portal.goto(`${server.url}/portal/invoices`);
      await portal.getByTestId("portal-invoice-row").waitFor();
      expect(await plain(portal.locator("h1"))).toBe("Factures");
    });

    it("a payment by cheque is refused with the charter's reason; Interac marks it paid", async () => {
      await pro.goto(`${server.url}/app/invoices/${invoiceId}`);
      const form = pro.getByTestId("payment-form");
      await form.waitFor();
      await form.getByTestId("payment-method").selectOption("cheque");
      await form.getByTestId("payment-record").click();
      const error = form.getByTestId("payment-error");
      await error.waitFor();
      expect(await plain(error)).toContain(
        "Payment by cheque is not accepted: as my charter says, the accepted payment methods are bank transfer, Interac e-Transfer and credit card.",
      );
      await shot(pro, "payment-refused");
      await form.getByTestId("payment-method").selectOption("interac");
      await form.getByTestId("invoice-mark-paid").click();
      await pro.getByTestId("invoice-paid").waitFor();
      expect(await plain(pro.getByTestId("invoice-status"))).toBe("Paid");
      expect(await plain(pro.getByTestId("invoice-payments"))).toMatch(
        /Interac e-Transfer.*\$344\.93/,
      );
      const pdf = await pro.request.get(`${server.url}/api/v1/invoices/${invoiceId}.pdf?lang=en`);
      expect(pdf.headers()["content-type"]).toContain("application/pdf");
      await shot(pro, "paid");

      await portal.goto(`${server.url}/portal/invoices/${invoiceId}`);
      await portal.getByTestId("invoice-page").waitFor();
      expect(await plain(portal.getByTestId("invoice-status"))).toBe("Payée");
    });
  },
);
