// Meetings in a real Chromium against a fresh server (issue 5, section 4). The workspace is set
// up through the API: the example charter (call-30: 24 business hours of notice, 15-minute
// buffer, 3 a day), an offer with 2 included meetings and a paid extra call, a French-speaking
// client in Vancouver with an engagement on it, and a portal link. The client's browser is in
// Paris and English: the portal follows the client's language and zone, and says which zone.
// The client books inside the limits (the professional's week view shows it), no slot earlier
// than now + the notice is offered (checked against the availability engine), the meeting past
// the included ones shows the paid option with its price and books only after the explicit
// "book and pay"; then a move and an in-time cancellation, the policy stated first. axe runs on
// the booking page and the week view. Screenshots: test-results/screenshots/bookings-*.png.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { computeSlots } from "../../src/domain/availability/index.ts";
import { compileCalendar } from "../../src/domain/business-time/index.ts";
import { exampleCharter } from "../factories/domain.ts";
import { type CadreServer, describeBrowser, launchBrowser, startCadre } from "./harness.ts";
import {
  desktop,
  expectAccessible,
  ownerOf,
  resetScreenshots,
  shooter,
  signIn,
  textOf,
  wallParts,
  wallToEpoch,
} from "./journey-kit.ts";

const SLUG = "studio-bookings";
const CLIENT_ZONE = "America/Vancouver";
const PRO_ZONE = "America/Toronto";

const offer = {
  id: "essentiel",
  name: "Essentiel",
  currency: "CAD",
  items: [{ id: "logo", name: "Logo", quantity: 1, unitPrice: 60_000 }],
  quotas: { meetings: 2 },
  addOns: [
    { id: "extra-call", name: "Appel supplémentaire", price: 9_000, grants: { meetings: 1 } },
  ],
};

interface StoredBooking {
  id: string;
  start: string;
  end: string;
  status: string;
  meetingTypeId: string;
  extraPrice: number | null;
  changeOrderId: string | null;
  memberId: string;
}

/** The zone's short name as the page writes it (tzdata decides: "HNP", "GMT-7", "PDT"…). */
function abbr(locale: string, at: number, zone = CLIENT_ZONE): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" })
    .formatToParts(new Date(at))
    .find((p) => p.type === "timeZoneName");
  return (parts?.value ?? zone).replace(/[\u00a0\u202f]/g, " ");
}

/** The first slots the engine offers for call-30 on the example charter at `now`, no bookings. */
function engineFirstSlot(now: number): number {
  const charter = exampleCharter();
  const meeting = charter.meetings.find((m) => m.id === "call-30");
  if (!meeting) throw new Error("the example charter has no call-30");
  const { slots } = computeSlots({
    meeting,
    calendar: compileCalendar(charter),
    timezone: charter.timezone,
    from: now,
    to: now + 31 * 86_400_000,
    now,
    bookings: [],
    busy: [],
  });
  if (!slots[0]) throw new Error("the engine offers no slot");
  return slots[0].start;
}

describeBrowser("bookings: the client books in the portal, the professional sees the week", () => {
  let browser: Browser;
  let server: CadreServer;
  let clientContext: BrowserContext;
  let proContext: BrowserContext;
  let client: Page;
  let pro: Page;
  let clientId = "";
  let portalUrl = "";
  let ics: Server;
  let icsBase = "";
  let busyIcs = "";
  const shot = shooter("bookings");
  const previousAllow = process.env.CADRE_CALENDAR_ALLOW_PRIVATE;

  const bookingsOfClient = async () =>
    (
      (await server.api("GET", `/api/v1/bookings?clientId=${clientId}&status=booked`)) as {
        items: StoredBooking[];
      }
    ).items;
  const firstSlot = () => client.getByTestId("slot").first();
  const quotaText = () => textOf(client.getByTestId("booking-quota").getByTestId("quota-meetings"));

  beforeAll(async () => {
    resetScreenshots("bookings");
    // An ICS server on 127.0.0.1 for the imported calendars (the server process inherits this).
    process.env.CADRE_CALENDAR_ALLOW_PRIVATE = "1";
    ics = createServer((req, res) => {
      if (req.url === "/busy.ics")
        res.writeHead(200, { "content-type": "text/calendar" }).end(busyIcs);
      else res.writeHead(500).end("boom");
    });
    await new Promise<void>((resolve) => ics.listen(0, "127.0.0.1", resolve));
    icsBase = `http://127.0.0.1:${(ics.address() as AddressInfo).port}`;
    [browser, server] = await Promise.all([
      launchBrowser(),
      startCadre({ slug: SLUG, offers: [offer] }),
    ]);
    const created = (await server.api("POST", "/api/v1/clients", {
      name: "Léa Martin",
      emails: ["lea@martin.example"],
      locale: "fr-CA",
      timezone: CLIENT_ZONE,
    })) as { id: string };
    clientId = created.id;
    await server.api("POST", "/api/v1/engagements", {
      clientId,
      offerId: offer.id,
      title: "Identité visuelle",
      deliverables: [],
      obligations: [],
    });
    portalUrl = (
      (await server.api("POST", `/api/v1/clients/${clientId}/magic-link`)) as {
        url: string;
      }
    ).url;
    // The client's browser is in Paris and speaks English: their file says Vancouver, French.
    clientContext = await desktop(browser, "en-GB", "Europe/Paris");
    proContext = await desktop(browser, "en-CA", PRO_ZONE);
    clientContext.setDefaultTimeout(10_000);
    proContext.setDefaultTimeout(10_000);
    client = await clientContext.newPage();
    pro = await proContext.newPage();
  }, 60_000);

  afterEach(async (ctx) => {
    if (!ctx.task.result?.errors?.length) return;
    await shot(client, "FAILED-client").catch(() => undefined);
    await shot(pro, "FAILED-pro").catch(() => undefined);
  });

  afterAll(async () => {
    await clientContext?.close();
    await proContext?.close();
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => ics?.close(resolve));
    if (previousAllow === undefined) delete process.env.CADRE_CALENDAR_ALLOW_PRIVATE;
    else process.env.CADRE_CALENDAR_ALLOW_PRIVATE = previousAllow;
  });

  it("the client opens the portal and goes to the booking page", async () => {
    await client.goto(portalUrl);
    const card = client.getByTestId("portal-meetings");
    await card.waitFor();
    expect(await textOf(card)).toContain("2 rencontres incluses restantes");
    await expect.poll(() => textOf(card)).toContain("Aucune rencontre réservée.");
    await card.scrollIntoViewIfNeeded();
    await shot(client, "portal-home", { viewport: true });
  });

  let firstBooked = "";

  it("books inside the limits, no slot earlier than now + 24 business hours offered", async () => {
    const before = Date.now();
    await client.getByTestId("portal-book-link").click();
    await client.waitForURL(/\/portal\/book/);
    await firstSlot().waitFor();
    const after = Date.now();

    // The zone shown is the client's (not the browser's), and it is said where it comes from.
    const zone = await textOf(client.getByTestId("booking-zone"));
    expect(zone).toContain("Vancouver");
    expect(zone).toContain(CLIENT_ZONE);
    expect(zone).toContain("le fuseau horaire de votre dossier");
    expect(zone).toContain(abbr("fr-CA", Date.now()));
    expect(await quotaText()).toContain("0 utilisé(s) sur 2 · 2 restants");

    // A too-soon slot is not offered: the first one is the engine's first at the server's "now"
    // (between the two instants around the page load), never before now + 24 business hours.
    const charter = exampleCharter();
    const calendar = compileCalendar(charter);
    const earliest = calendar.addBusinessHours(before, 24);
    const starts = await client
      .getByTestId("slot")
      .evaluateAll((nodes) => nodes.map((n) => Date.parse(n.getAttribute("data-start") ?? "")));
    expect(starts.length).toBeGreaterThan(0);
    for (const start of starts) expect(start).toBeGreaterThanOrEqual(earliest);
    const first = starts[0] as number;
    expect(first).toBeGreaterThanOrEqual(engineFirstSlot(before));
    expect(first).toBeLessThanOrEqual(engineFirstSlot(after));
    const notice = await textOf(client.getByTestId("notice-line"));
    expect(notice).toContain("24 heures ouvrables");
    expect(notice).toMatch(/aucun moment avant le .+ n’est proposé/);
    expect(notice).toContain(`${abbr("fr-CA", earliest)} n’est proposé`);
    // The policy is stated before anything is booked.
    expect(await textOf(client.getByTestId("cancel-policy"))).toContain(
      "gratuit jusqu’à 24 heures avant le début",
    );
    await shot(client, "booking-page");
    await expectAccessible(client, "the portal booking page");

    await firstSlot().click();
    const dialog = client.getByTestId("booking-confirm");
    await dialog.waitFor();
    const when = await textOf(dialog.getByTestId("booking-confirm-when"));
    const wall = wallParts(first, CLIENT_ZONE);
    expect(when).toContain(String(Number(wall.date.slice(8, 10))));
    expect(when).toContain(abbr("fr-CA", first));
    expect(await textOf(dialog.getByTestId("booking-policy"))).toContain(
      "compte comme utilisée : elle n’est pas rendue à votre forfait",
    );
    const submit = dialog.getByTestId("booking-submit");
    expect(await submit.getAttribute("data-paid")).toBe("false");
    expect(await textOf(submit)).toBe("Confirmer la réservation");
    await shot(client, "confirm", { viewport: true });
    await expectAccessible(client, "the booking confirmation dialog");
    await submit.click();

    const done = client.getByTestId("booking-done");
    await done.waitFor();
    const doneText = await textOf(done);
    expect(doneText).toContain("Votre rencontre est réservée");
    expect(doneText).toContain(abbr("fr-CA", first));
    expect(doneText).toContain("L’invitation (.ics)");
    const booked = await bookingsOfClient();
    expect(booked).toHaveLength(1);
    firstBooked = booked[0]?.start ?? "";
    expect(Date.parse(firstBooked)).toBe(first);
    expect(booked[0]?.extraPrice).toBeNull();

    // The invitation is queued to the client, with its calendar part.
    const outbox = (await server.api("GET", "/api/v1/outbox")) as {
      items: { id: string; to: string }[];
    };
    const mail = outbox.items.find((m) => m.to === "lea@martin.example");
    expect(mail).toBeDefined();
    const full = (await server.api("GET", `/api/v1/outbox/${mail?.id}`)) as { text: string };
    expect(full.text).toContain("BEGIN:VCALENDAR");
    expect(full.text).toContain("METHOD:REQUEST");

    await expect.poll(quotaText).toContain("1 utilisé(s) sur 2 · 1 restant");
    await expect
      .poll(() => client.getByTestId("my-booking").first().getAttribute("data-start"))
      .toBe(firstBooked);
    await shot(client, "booked");
  }, 60_000);

  it("the booking shows in the professional's week view, with the client and the type", async () => {
    const owner = ownerOf(SLUG);
    await signIn(pro, server.url, owner.email, owner.password);
    await pro.getByTestId("nav-calendar").click();
    await pro.getByTestId("week-grid").waitFor();
    expect(await textOf(pro.getByTestId("week-zone"))).toMatch(/America\/Toronto \(E[SD]T\)/);
    // Go forward week by week until the booked meeting's week (it is at most 30 days ahead).
    const day = wallParts(Date.parse(firstBooked), PRO_ZONE).date;
    for (let i = 0; i < 6; i++) {
      const dates = await pro
        .getByTestId("week-day")
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-date")));
      if (dates.includes(day)) break;
      await pro.getByTestId("week-next").click();
      await pro.locator(`[data-testid=week-day][data-date="${dates[6]}"]`).waitFor({
        state: "detached",
      });
    }
    const block = pro.locator(`[data-testid=week-booking][data-start="${firstBooked}"]`);
    await block.waitFor();
    const text = await textOf(block);
    expect(text).toContain("Léa Martin");
    expect(text).toContain("30-minute meeting");
    expect(await textOf(pro.getByTestId("week-count"))).toBe("1 meeting this week");
    // The charter's hours are shaded; the weekend is closed.
    await expect.poll(() => pro.getByTestId("week-open").count()).toBeGreaterThan(0);
    const headers = pro.getByTestId("week-day-header");
    // (Sunday: closed every week; named when a holiday or a closure falls on it.)
    expect(await textOf(headers.nth(6).getByTestId("week-day-closed"))).toMatch(
      /^(Closed|Holiday|Closure)/,
    );
    await shot(pro, "week-view");
    await expectAccessible(pro, "the professional's week view");
  }, 60_000);

  it("past the included meetings, the paid extra is shown with its price and needs its own confirmation", async () => {
    // The second meeting is still included.
    await client.getByTestId("book-another").click();
    await expect.poll(() => firstSlot().getAttribute("data-start")).not.toBe(firstBooked);
    await firstSlot().click();
    await client.getByTestId("booking-confirm").getByTestId("booking-submit").click();
    await client.getByTestId("booking-done").waitFor();
    await expect.poll(quotaText).toContain("2 utilisé(s) sur 2 · plus rien");
    expect(await bookingsOfClient()).toHaveLength(2);

    // The third: the slots still show, with the paid option and its price stated.
    await client.getByTestId("book-another").click();
    const paid = client.getByTestId("paid-extra");
    await paid.waitFor();
    const paidText = await textOf(paid);
    expect(paidText).toContain("Vos rencontres incluses sont toutes utilisées");
    expect(paidText).toContain("Appel supplémentaire à 90,00 $");
    await shot(client, "paid-option");
    await expectAccessible(client, "the booking page past the included meetings");

    const taken = new Set((await bookingsOfClient()).map((b) => b.start));
    await expect
      .poll(async () => taken.has((await firstSlot().getAttribute("data-start")) ?? ""))
      .toBe(false);
    const start = (await firstSlot().getAttribute("data-start")) ?? "";
    await firstSlot().click();
    const dialog = client.getByTestId("booking-confirm");
    await dialog.waitFor();
    expect(await textOf(dialog.getByTestId("booking-paid-confirm"))).toContain(
      "Celle-ci coûte 90,00 $ (Appel supplémentaire)",
    );
    const submit = dialog.getByTestId("booking-submit");
    expect(await submit.getAttribute("data-paid")).toBe("true");
    expect(await textOf(submit)).toBe("Réserver et payer la rencontre supplémentaire (90,00 $)");
    await shot(client, "paid-confirm", { viewport: true });

    // Nothing is booked until the explicit confirmation: closing the dialog books nothing.
    await dialog.getByRole("button", { name: "Annuler" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await bookingsOfClient()).toHaveLength(2);

    await client.locator(`[data-testid=slot][data-start="${start}"]`).click();
    await client.getByTestId("booking-confirm").getByTestId("booking-submit").click();
    const done = client.getByTestId("booking-done");
    await done.waitFor();
    expect(await textOf(done.getByTestId("booking-done-paid"))).toContain("90,00 $");
    const booked = await bookingsOfClient();
    expect(booked).toHaveLength(3);
    const extra = booked.find((b) => b.start === start);
    expect(extra?.extraPrice).toBe(9_000);
    expect(extra?.changeOrderId).not.toBeNull();
    await shot(client, "paid-booked");
  }, 60_000);

  it("moves a meeting and cancels one in time, the consequence stated before confirming", async () => {
    // The quota and the slots come in one answer: once it says 3 used, the slots are fresh too.
    await expect.poll(quotaText).toContain("3 utilisé(s) sur 3");
    const [firstMeeting] = await bookingsOfClient();
    const item = client.locator(
      `[data-testid=my-booking][data-booking-id="${firstMeeting?.id ?? ""}"]`,
    );
    await item.getByTestId("booking-reschedule").click();
    await client.getByTestId("moving-banner").waitFor();
    const taken = new Set((await bookingsOfClient()).map((b) => b.start));
    const free = await client
      .getByTestId("slot")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-start") ?? ""));
    const target = free.find((s) => !taken.has(s)) ?? "";
    await client.locator(`[data-testid=slot][data-start="${target}"]`).click();
    const dialog = client.getByTestId("booking-confirm");
    await dialog.waitFor();
    expect(await textOf(dialog)).toContain("Déplacer votre rencontre");
    await dialog.getByTestId("booking-submit").click();
    await expect
      .poll(() => textOf(client.getByTestId("booking-done")))
      .toContain("Votre rencontre est déplacée");
    const moved = await bookingsOfClient();
    expect(moved).toHaveLength(3);
    expect(moved.some((b) => b.start === target)).toBe(true);
    expect(moved.some((b) => b.id === firstMeeting?.id)).toBe(false);

    const last = client.getByTestId("my-booking").last();
    await last.getByTestId("booking-cancel").click();
    const cancel = client.getByTestId("cancel-dialog");
    await cancel.waitFor();
    expect(await textOf(cancel.getByTestId("cancel-consequence"))).toContain(
      "Vous annulez plus de 24 heures avant le début : aucune conséquence",
    );
    await shot(client, "cancel-dialog", { viewport: true });
    await cancel.getByTestId("cancel-confirm").click();
    await client.getByTestId("cancel-done").waitFor();
    expect(await bookingsOfClient()).toHaveLength(2);
  }, 60_000);

  it("when the last included meeting is taken meanwhile, the confirmation turns into the paid one", async () => {
    await expect.poll(quotaText).toContain("2 utilisé(s) sur 3 · 1 restant");
    await client.getByTestId("paid-extra").waitFor({ state: "detached" });
    const start = (await firstSlot().getAttribute("data-start")) ?? "";
    await firstSlot().click();
    const dialog = client.getByTestId("booking-confirm");
    const submit = dialog.getByTestId("booking-submit");
    expect(await submit.getAttribute("data-paid")).toBe("false");

    // Meanwhile the professional books the last included meeting for the client, another day.
    const offered = (await server.api(
      "GET",
      `/api/v1/meetings/call-30/slots?clientId=${clientId}`,
    )) as { slots: { start: string }[] };
    const day = (iso: string) => wallParts(Date.parse(iso), PRO_ZONE).date;
    const other = offered.slots.find((slot) => day(slot.start) !== day(start));
    await server.api("POST", "/api/v1/bookings", {
      meetingTypeId: "call-30",
      clientId,
      start: other?.start,
    });
    expect(await bookingsOfClient()).toHaveLength(3);

    // The client's confirmation is refused (quota) and asks for the paid extra instead.
    await submit.click();
    await expect.poll(() => submit.getAttribute("data-paid")).toBe("true");
    expect(await textOf(dialog.getByTestId("booking-paid-confirm"))).toContain(
      "Vos rencontres incluses viennent d’être toutes utilisées",
    );
    expect(await textOf(submit)).toBe("Réserver et payer la rencontre supplémentaire (90,00 $)");
    expect(await bookingsOfClient()).toHaveLength(3);
    expect(await dialog.getByTestId("booking-error").count()).toBe(0);
    await shot(client, "paid-meanwhile", { viewport: true });
    await submit.click();
    await client.getByTestId("booking-done-paid").waitFor();
    const booked = await bookingsOfClient();
    expect(booked).toHaveLength(4);
    expect(booked.find((b) => b.start === start)?.extraPrice).toBe(9_000);
  }, 60_000);

  it("switches the booking page to English", async () => {
    await client.getByTestId("lang-en").click();
    await client.getByRole("heading", { name: "Book a meeting" }).waitFor();
    // English in the browser's regional variant (en-GB), the client's zone kept.
    await expect
      .poll(() => textOf(client.getByTestId("notice-line")))
      .toMatch(
        /^Meetings are booked at least 24 business hours ahead: no time before .+ is offered\.$/,
      );
    expect(await textOf(client.getByTestId("booking-zone"))).toBe(
      `Times are shown in Vancouver time (America/Vancouver, ${abbr("en-GB", Date.now())}), the time zone on your file.`,
    );
    await shot(client, "booking-page-en");
  });

  it("the professional imports a calendar (busy times in the week), sees a failing one's error, and creates the private feed", async () => {
    const [meeting] = await bookingsOfClient();
    const day = wallParts(Date.parse(meeting?.start ?? ""), PRO_ZONE).date;
    const stamp = (epoch: number) =>
      new Date(epoch)
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
    busyIcs = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//cadre-test//EN",
      "BEGIN:VEVENT",
      "UID:dentist@test",
      "DTSTAMP:20261101T000000Z",
      `DTSTART:${stamp(wallToEpoch(`${day}T14:00`, PRO_ZONE))}`,
      `DTEND:${stamp(wallToEpoch(`${day}T15:30`, PRO_ZONE))}`,
      "SUMMARY:Dentist",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");

    await pro.reload();
    const sources = pro.getByTestId("calendar-sources");
    await sources.waitFor();
    await pro.getByTestId("calendar-source-label").fill("Personal");
    await pro.getByTestId("calendar-source-url").fill(`${icsBase}/busy.ics`);
    await pro.getByTestId("calendar-source-add").click();
    const personal = sources.getByTestId("calendar-source").filter({ hasText: "Personal" });
    await personal.waitFor();
    await personal.getByTestId("calendar-source-refresh").click();
    await expect.poll(() => textOf(personal)).toContain("1 busy time");
    expect(await textOf(personal.getByTestId("calendar-source-state"))).toBe("up to date");
    expect(await textOf(personal.getByTestId("calendar-source-fetched"))).toMatch(
      /^Read .+ E[SD]T/,
    );

    await pro.getByTestId("calendar-source-label").fill("Old agenda");
    await pro.getByTestId("calendar-source-url").fill(`${icsBase}/gone.ics`);
    await pro.getByTestId("calendar-source-add").click();
    const failing = sources.getByTestId("calendar-source").filter({ hasText: "Old agenda" });
    await failing.waitFor();
    await failing.getByTestId("calendar-source-refresh").click();
    await expect
      .poll(() => textOf(failing.getByTestId("calendar-source-error")))
      .toContain("Could not read: the server answered an error (500).");
    expect(await textOf(failing.getByTestId("calendar-source-state"))).toBe("failing");

    // The busy time shows in the week, beside the bookings.
    const busy = pro.getByTestId("week-busy");
    await busy.waitFor();
    expect(await textOf(busy)).toContain("Personal");
    expect(await busy.getAttribute("data-start")).toBe(
      new Date(wallToEpoch(`${day}T14:00`, PRO_ZONE)).toISOString(),
    );

    // The private feed: created, its address shown once, and it lists the meetings.
    await pro.getByTestId("calendar-feed-create").click();
    const url = await pro.getByTestId("calendar-feed-url").inputValue();
    expect(url).toMatch(new RegExp(`^${server.url}/api/v1/calendar/calf_.+\\.ics$`));
    const feed = await (await fetch(url)).text();
    expect(feed).toContain("BEGIN:VCALENDAR");
    expect(feed).toContain("Léa Martin");
    await expect
      .poll(() => textOf(pro.getByTestId("calendar-feed-status")))
      .toMatch(/^Active since /);
    await shot(pro, "week-view-calendars");
    await expectAccessible(pro, "the week view with imported calendars and the feed");

    // Revoked: the address answers 404.
    await pro.getByTestId("calendar-feed-revoke").click();
    await pro.getByTestId("calendar-feed-dialog").getByTestId("calendar-feed-confirm").click();
    await expect
      .poll(() => textOf(pro.getByTestId("calendar-feed-status")))
      .toBe("The feed is revoked.");
    expect((await fetch(url)).status).toBe(404);
  }, 60_000);

  it("the charter editor's meetings step edits the meeting type, its policy read back in words", async () => {
    await pro.goto(`${server.url}/app/charter/meetings`);
    const meeting = pro.getByTestId("meeting-0");
    await meeting.waitFor();
    expect(await pro.getByTestId("meeting-0-id").inputValue()).toBe("call-30");
    expect(await pro.getByTestId("meeting-0-notice-amount").inputValue()).toBe("24");
    expect(await pro.getByTestId("meeting-0-notice-unit").inputValue()).toBe("businessHours");
    expect(await pro.getByTestId("meeting-0-buffer").inputValue()).toBe("15");
    expect(await pro.getByTestId("meeting-0-per-day").inputValue()).toBe("3");
    expect(await pro.getByTestId("meeting-0-per-week").inputValue()).toBe("8");
    expect(await pro.getByTestId("meeting-0-horizon").inputValue()).toBe("30");
    expect(await pro.getByTestId("meeting-0-cancel-hours").inputValue()).toBe("24");
    expect(await textOf(pro.getByTestId("meeting-0-policy"))).toContain(
      "the meeting counts as used: it is not given back to your package",
    );
    await pro.getByTestId("meeting-0-late-cancel").selectOption("fee");
    await pro.getByTestId("meeting-0-late-fee").fill("50");
    await pro.getByTestId("meeting-0-interval").fill("15");
    await expect
      .poll(() => textOf(pro.getByTestId("meeting-0-policy")))
      .toContain("a fee of 50% of the paid extra meeting’s price is charged");
    await shot(pro, "meeting-types");
    await expectAccessible(pro, "the charter editor's meetings step");
  }, 60_000);
});
