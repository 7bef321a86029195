// Journey 3 of PRODUCT.md in a real Chromium against a fresh server: requests are taken in
// through the API with their `receivedAt` (deterministic), among them an English-speaking
// client's e-mail on Friday at 21:30. It is deferred; the client is told, in their language and
// zone, exactly when the answer will come (the drafted reply and their portal); the
// professional's inbox lists the open requests by due time with a live countdown and decision
// badges; the professional edits the reply, answers it, and closes another request. axe runs on
// the inbox. Screenshots: journey-3-*.png.
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
  upcomingFridayNight,
  wallParts,
  wallToEpoch,
} from "./journey-kit.ts";

const SLUG = "studio-journey-3";
const ZONE = "America/Toronto"; // the charter's zone (examples/charter.json)
const CLIENT_ZONE = "Europe/Paris"; // where the English-speaking client reads the portal
const DAY = 86_400_000;

interface Taken {
  id: string;
  decision: { outcome: string; dueAt: string; nextOpenAt: string; rules: { id: string }[] };
  reply: { locale: string; subject: string; body: string };
}

/** "Tuesday" and "December 1" (or "mardi", "1 décembre") of an instant, as replies write them. */
function dayWords(epoch: number, locale: string, zone: string) {
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(new Date(epoch));
  const day = part({ day: "numeric" });
  const month = part({ month: "long" });
  return {
    weekday: part({ weekday: "long" }),
    date: locale.startsWith("fr") ? `${day === "1" ? "1er" : day} ${month}` : `${month} ${day}`,
  };
}

describeBrowser("journey 3: Friday 21:30 is deferred, the inbox orders work by due time", () => {
  let browser: Browser;
  let server: CadreServer;
  let proContext: BrowserContext;
  let clientContext: BrowserContext;
  let pro: Page;
  let client: Page;
  const shot = shooter("journey-3");
  const friday = upcomingFridayNight(ZONE); // "YYYY-MM-DDT21:30", at least 3 days ahead
  const fridayAt = wallToEpoch(friday, ZONE);
  let alexId = "";
  let camilleId = "";
  const taken: Record<string, Taken> = {};

  const take = async (key: string, body: Record<string, unknown>) => {
    taken[key] = (await server.api("POST", "/api/v1/requests", body)) as Taken;
    return taken[key];
  };

  beforeAll(async () => {
    resetScreenshots("journey-3");
    [browser, server] = await Promise.all([
      launchBrowser(),
      startJourneyCadre({ slug: SLUG, offers: pageOffers }),
    ]);
    // Two clients: the one the workspace starts with (French) and an English-speaking one.
    const clients = (await server.api("GET", "/api/v1/clients")) as {
      items: { id: string; name: string }[];
    };
    camilleId = clients.items.find((c) => c.name === "Camille Roy")?.id ?? "";
    const alex = (await server.api("POST", "/api/v1/clients", {
      name: "Alex Martin",
      emails: ["alex@martin.example"],
      locale: "en-CA",
    })) as { id: string };
    alexId = alex.id;
    // Taken in, in an order that is not the due order.
    await take("followUp", {
      clientId: camilleId,
      channel: "email",
      receivedAt: new Date(fridayAt + 4 * DAY - 10.5 * 3_600_000).toISOString(), // Tue 11:00
      subject: "Suivi de la palette",
      body: "Avez-vous pu regarder la palette ?",
      kind: "question",
    });
    await take("friday", {
      clientId: alexId,
      channel: "email",
      receivedAt: new Date(fridayAt).toISOString(), // Friday 21:30
      subject: "Logo files for the printer",
      body: "Hi, could you send the logo files to the printer? Thanks!",
      kind: "task",
    });
    await take("portal", {
      clientId: camilleId,
      channel: "portal",
      receivedAt: new Date(fridayAt + 30 * 60_000).toISOString(), // Friday 22:00
      subject: "Question sur la facture",
      body: "Bonjour, une petite question sur la facture d’acompte.",
      kind: "question",
    });
    proContext = await desktop(browser, "en-CA", ZONE);
    clientContext = await desktop(browser, "en-GB", CLIENT_ZONE);
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

  it("defers the Friday 21:30 e-mail and drafts, in the client's language, when the answer comes", () => {
    const { decision, reply } = taken.friday as Taken;
    expect(wallParts(fridayAt, ZONE)).toMatchObject({ weekday: "Fri", time: "21:30" });
    expect(decision.outcome).toBe("defer");
    expect(decision.rules.map((r) => r.id)).toContain("hours.closed");
    const nextOpen = wallParts(Date.parse(decision.nextOpenAt), ZONE);
    expect(nextOpen).toMatchObject({ weekday: "Mon", time: "10:00" }); // the e-mail check time
    const due = Date.parse(decision.dueAt);
    expect(due).toBeGreaterThan(Date.parse(decision.nextOpenAt));
    // English for Alex, with the exact day and time, zone named.
    expect(reply.locale).toBe("en-CA");
    const words = dayWords(due, "en-CA", ZONE);
    expect(reply.body).toContain("Hello Alex Martin,");
    expect(reply.body).toContain(`${words.weekday}, ${words.date}`);
    expect(reply.body).toMatch(/at the latest/);
    expect(reply.body.replace(/[\u00a0\u202f]/g, " ")).toMatch(/E[SD]T/);
    // French for Camille.
    const portal = taken.portal as Taken;
    expect(portal.reply.locale).toBe("fr-CA");
    const fr = dayWords(Date.parse(portal.decision.dueAt), "fr-CA", ZONE);
    expect(portal.reply.body).toContain("Bonjour Camille Roy,");
    expect(portal.reply.body).toContain(`${fr.weekday} ${fr.date}`);
    expect(portal.reply.body).toMatch(/au plus tard/);
  });

  it("tells the client in their portal, in English and in their zone, when the answer will come", async () => {
    const link = (await server.api("POST", `/api/v1/clients/${alexId}/magic-link`)) as {
      url: string;
    };
    await client.goto(link.url);
    await client.getByTestId("portal-greeting").waitFor();
    expect(await client.getAttribute("html", "lang")).toBe("en");
    const item = client
      .getByTestId("portal-request")
      .filter({ hasText: "Logo files for the printer" });
    await item.waitFor();
    const dueAt = (taken.friday as Taken).decision.dueAt;
    const time = item.locator(`time[datetime="${dueAt}"]`);
    const text = await textOf(time);
    // Paris: the zone is named the way the browser names it in English ("CET", "GMT+1"…).
    const zone = new Intl.DateTimeFormat("en-CA", { timeZone: CLIENT_ZONE, timeZoneName: "short" })
      .formatToParts(new Date(dueAt))
      .find((p) => p.type === "timeZoneName")?.value;
    expect(text).toContain(wallParts(Date.parse(dueAt), CLIENT_ZONE).weekday);
    expect(text).toContain(zone ?? "?");
    expect(await textOf(item)).toMatch(/Deferred\s*Open/);
    expect(await textOf(item)).toMatch(/Answer by .+\(in \d+ d \d+ h\)/);
    await shot(client, "portal-deferred");
  });

  it("orders the inbox by due time, with countdowns and decision badges", async () => {
    const owner = ownerOf(SLUG);
    await signIn(pro, server.url, owner.email, owner.password);
    await pro.getByTestId("nav-inbox").click();
    const list = pro.getByTestId("inbox-list");
    await list.waitFor();
    const items = list.getByTestId("inbox-item");
    await expect.poll(() => items.count()).toBe(3);
    const shown = await items.evaluateAll((nodes) =>
      nodes.map((n) => n.getAttribute("data-request-id")),
    );
    const byDue = Object.values(taken)
      .sort((a, b) => Date.parse(a.decision.dueAt) - Date.parse(b.decision.dueAt))
      .map((t) => t.id);
    expect(shown).toEqual(byDue);
    // Three different due times, in increasing order, not the order they came in.
    const dues = byDue.map((id) => Object.values(taken).find((t) => t.id === id)?.decision.dueAt);
    expect(new Set(dues).size).toBe(3);
    expect(byDue).not.toEqual(Object.values(taken).map((t) => t.id));
    for (let i = 0; i < 3; i++) {
      const row = items.nth(i);
      const outcome = Object.values(taken).find((t) => t.id === shown[i])?.decision.outcome;
      expect(await row.getByTestId("outcome-badge").innerText()).toBe(
        outcome === "defer" ? "Deferred" : "Accepted",
      );
      expect(await textOf(row.getByTestId("countdown"))).toMatch(
        /^in (\d+ d \d+ h|\d+ h \d+ min)$/,
      );
    }
    expect(await textOf(pro.getByTestId("inbox-tab-open"))).toContain("(3)");
    await shot(pro, "inbox");
  });

  it("shows the Friday request with its due time, rules and drafted reply; the inbox is accessible", async () => {
    const friday = taken.friday as Taken;
    await pro.locator(`[data-testid=inbox-item][data-request-id="${friday.id}"]`).click();
    await expect.poll(() => new URL(pro.url()).searchParams.get("r")).toBe(friday.id);
    const detail = pro.getByTestId("request-detail");
    await expect.poll(() => textOf(detail)).toContain("Logo files for the printer");
    expect(await detail.getByTestId("outcome-badge").first().innerText()).toBe("Deferred");
    expect(await detail.getByTestId("due-at").getAttribute("datetime")).toBe(friday.decision.dueAt);
    expect(await textOf(detail.getByTestId("due-at"))).toMatch(/E[SD]T$/);
    expect(await textOf(detail.getByTestId("countdown"))).toMatch(/^in /);
    expect(
      await detail.locator('[data-testid=rules-hit] [data-rule-id="hours.closed"]').count(),
    ).toBe(1);
    expect(await detail.getByTestId("reply-body").inputValue()).toBe(friday.reply.body);
    await shot(pro, "request-detail");
    await expectAccessible(pro, "the inbox with a request open");
  });

  it("the professional edits the reply and answers it; the client reads that answer", async () => {
    const friday = taken.friday as Taken;
    const detail = pro.getByTestId("request-detail");
    const body = [
      "Hello Alex,",
      "The logo files went to the printer this morning: vector PDF and PNG, as agreed.",
      "Warm regards,\nJulie",
    ].join("\n\n");
    await detail.getByTestId("reply-subject").fill("Logo files sent to the printer");
    await detail.getByTestId("reply-body").fill(body);
    await detail.getByTestId("reply-save").click();
    await expect
      .poll(async () => {
        const stored = (await server.api("GET", `/api/v1/requests/${friday.id}`)) as Taken;
        return stored.reply.body;
      })
      .toBe(body);
    await shot(pro, "reply-edited");
    await detail.getByTestId("reply-answer").click();
    await expect.poll(() => textOf(pro.getByTestId("inbox-tab-open"))).toContain("(2)");
    await pro.getByTestId("inbox-tab-answered").click();
    const answered = pro.getByTestId("inbox-list").getByTestId("inbox-item");
    await expect.poll(() => answered.count()).toBe(1);
    await answered.first().click();
    await expect
      .poll(() => pro.getByTestId("request-detail").getByTestId("reply-body").inputValue())
      .toBe(body);
    expect(await textOf(pro.getByTestId("request-detail"))).toContain("Answered");
    // A sent reply is shown as sent: read-only until the request is reopened.
    const sent = pro.getByTestId("request-detail").getByTestId("reply-body");
    expect(await sent.getAttribute("readonly")).not.toBeNull();
    expect(await textOf(pro.getByTestId("reply-readonly-note"))).toMatch(/was sent/);
    await shot(pro, "answered");

    await client.reload();
    const item = client
      .getByTestId("portal-request")
      .filter({ hasText: "Logo files for the printer" });
    await expect.poll(() => textOf(item)).toMatch(/Deferred\s*Answered/);
    await item.getByText("Read the answer").click();
    expect(await textOf(item)).toContain("The logo files went to the printer this morning");
    await shot(client, "portal-answered");
  });

  it("closes another request without answering; the inbox keeps the due order", async () => {
    await pro.getByTestId("inbox-tab-open").click();
    const items = pro.getByTestId("inbox-list").getByTestId("inbox-item");
    await expect.poll(() => items.count()).toBe(2);
    const followUp = taken.followUp as Taken;
    await pro.locator(`[data-testid=inbox-item][data-request-id="${followUp.id}"]`).click();
    const detail = pro.getByTestId("request-detail");
    await expect.poll(() => textOf(detail)).toContain("Suivi de la palette");
    await detail.getByTestId("request-close").click();
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().getAttribute("data-request-id")).toBe((taken.portal as Taken).id);
    await pro.getByTestId("inbox-tab-closed").click();
    // The open list (one item too) stays on screen until the closed one has loaded: wait for
    // the closed list's own item, not just for a count of one.
    const closed = pro.getByTestId("inbox-list").getByTestId("inbox-item");
    await expect
      .poll(async () =>
        (await closed.count()) === 1 ? await closed.first().getAttribute("data-request-id") : null,
      )
      .toBe(followUp.id);
    await shot(pro, "closed");
    await expectAccessible(pro, "the inbox, closed requests");
  });
});
