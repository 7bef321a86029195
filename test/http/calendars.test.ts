// Calendars over HTTP, both engines: ICS links served by a local server (node:http) are read by
// the refresh job, their recurring events expanded (RRULE across the November DST change,
// EXDATE, an overridden instance) into busy times that slots and bookings respect; failures are
// stored, shown in the list and in every slots answer, and the last good busy times are kept.
// The member's private feed lists bookings, rotates and revokes.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import ical from "node-ical";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runDueJobs } from "../../src/jobs/runner.ts";
import { listJobs } from "../../src/store/repositories/jobs.ts";
import { startApp, type TestApp } from "../helpers/app.ts";
import { type MeetingsWorkspace, setUpMeetings } from "../helpers/bookings.ts";
import { describeEngines } from "../helpers/store.ts";

/** Toronto wall time; EDT until 1 November 2026, EST after. */
const toronto = (local: string) => {
  const offset = local < "2026-11-01T02:00" ? "-04:00" : "-05:00";
  return new Date(`${local}:00${offset}`).toISOString();
};

const ICS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//cadre-test//EN",
  "BEGIN:VTIMEZONE",
  "TZID:America/Toronto",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:-0500",
  "TZOFFSETTO:-0400",
  "TZNAME:EDT",
  "DTSTART:19700308T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:-0400",
  "TZOFFSETTO:-0500",
  "TZNAME:EST",
  "DTSTART:19701101T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
  // Every Monday 13:00–14:00 Toronto, 19 October to 23 November; not on 9 November (EXDATE);
  // on 16 November at 15:00–16:00 instead (RECURRENCE-ID).
  "BEGIN:VEVENT",
  "UID:standup@test",
  "DTSTAMP:20261001T000000Z",
  "DTSTART;TZID=America/Toronto:20261019T130000",
  "DTEND;TZID=America/Toronto:20261019T140000",
  "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6",
  "EXDATE;TZID=America/Toronto:20261109T130000",
  "SUMMARY:Private",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:standup@test",
  "DTSTAMP:20261001T000000Z",
  "RECURRENCE-ID;TZID=America/Toronto:20261116T130000",
  "DTSTART;TZID=America/Toronto:20261116T150000",
  "DTEND;TZID=America/Toronto:20261116T160000",
  "SUMMARY:Private (moved)",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:dentist@test",
  "DTSTAMP:20261001T000000Z",
  "DTSTART:20261027T130000Z",
  "DTEND:20261027T140000Z",
  "SUMMARY:Dentist",
  "END:VEVENT",
  "END:VCALENDAR",
].join("\r\n");

describeEngines("calendars: imported busy times and the private feed", (engine) => {
  let t: TestApp;
  let w: MeetingsWorkspace;
  let other: MeetingsWorkspace;
  let server: Server;
  let base: string;
  let failing = false;
  let now = Date.parse(toronto("2026-10-26T10:00")); // Monday 10:00 EDT
  let sourceId: string;
  const previous = process.env.CADRE_CALENDAR_ALLOW_PRIVATE;

  const asPro = (method: "GET" | "POST" | "DELETE", url: string, payload?: unknown, lang = "en") =>
    t.app.inject({
      method,
      url,
      headers: { ...w.pro.asToken(), "accept-language": lang },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const slotStarts = async (fromLocal: string, toLocal: string) => {
    const res = await asPro(
      "GET",
      `/api/v1/meetings/call-fee/slots?from=${toronto(fromLocal)}&to=${toronto(toLocal)}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { slots: { start: string }[]; warnings: Record<string, unknown>[] };
  };
  const has = (slots: { start: string }[], local: string) =>
    slots.some((s) => s.start === toronto(local));

  beforeAll(async () => {
    process.env.CADRE_CALENDAR_ALLOW_PRIVATE = "1";
    server = createServer((req, res) => {
      if (req.url === "/cal.ics" && !failing) {
        res.writeHead(200, { "content-type": "text/calendar" }).end(ICS);
      } else if (req.url === "/moved.ics") {
        res.writeHead(302, { location: "/cal.ics" }).end();
      } else if (req.url === "/page.html") {
        res.writeHead(200, { "content-type": "text/html" }).end("<html>Sign in</html>");
      } else {
        res.writeHead(500).end("boom");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await startApp(engine, { now: () => now });
    w = await setUpMeetings(t);
    other = await setUpMeetings(t);
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.CADRE_CALENDAR_ALLOW_PRIVATE;
    else process.env.CADRE_CALENDAR_ALLOW_PRIVATE = previous;
    await t.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it("adds an ICS link, reads it by a job, and reports it pending until then", async () => {
    const res = await asPro("POST", "/api/v1/calendar/sources", {
      url: `${base}/moved.ics`,
      label: "Personnel",
    });
    expect(res.statusCode, res.body).toBe(201);
    sourceId = res.json().id;
    expect(res.json()).toMatchObject({
      label: "Personnel",
      url: `${base}/…`,
      lastFetchedAt: null,
      warning: { state: "pending" },
    });
    const pending = await slotStarts("2026-10-26T00:00", "2026-10-27T00:00");
    expect(pending.warnings).toEqual([expect.objectContaining({ sourceId, state: "pending" })]);
    expect(await listJobs(t.app.ctx.db, "calendars.refresh")).toHaveLength(1);

    await runDueJobs(t.app.ctx, now);
    const [source] = (await asPro("GET", "/api/v1/calendar/sources")).json().items;
    expect(source).toMatchObject({
      id: sourceId,
      lastError: null,
      errorMessage: null,
      warning: null,
      lastSuccessAt: new Date(now).toISOString(),
    });
    // From a day ago: 26 Oct, 2 Nov, 16 Nov (moved), 23 Nov (9 Nov removed) + the dentist.
    expect(source.eventCount).toBe(5);
    expect((await slotStarts("2026-10-26T00:00", "2026-10-27T00:00")).warnings).toEqual([]);
  });

  it("keeps slots clear of the busy times, recurring instances expanded across DST", async () => {
    const today = (await slotStarts("2026-10-26T00:00", "2026-10-27T00:00")).slots;
    expect(has(today, "2026-10-26T11:30")).toBe(true);
    expect(has(today, "2026-10-26T13:00")).toBe(false);
    expect(has(today, "2026-10-26T13:30")).toBe(false);
    expect(has(today, "2026-10-26T14:00")).toBe(true);
    const dentist = (await slotStarts("2026-10-27T00:00", "2026-10-28T00:00")).slots;
    expect(has(dentist, "2026-10-27T09:00")).toBe(false); // 13:00Z is 09:00 EDT
    expect(has(dentist, "2026-10-27T10:00")).toBe(true);
    // After the change to EST, the weekly event stays at 13:00 local (18:00Z, not 17:00Z).
    const afterDst = (await slotStarts("2026-11-02T00:00", "2026-11-03T00:00")).slots;
    expect(has(afterDst, "2026-11-02T13:00")).toBe(false);
    expect(has(afterDst, "2026-11-02T13:30")).toBe(false);
    expect(has(afterDst, "2026-11-02T14:00")).toBe(true);
    expect(has(afterDst, "2026-11-02T11:30")).toBe(true);
    // EXDATE: 9 November is free; the overridden 16 November instance moved to 15:00.
    const excluded = (await slotStarts("2026-11-09T00:00", "2026-11-10T00:00")).slots;
    expect(has(excluded, "2026-11-09T13:00")).toBe(true);
    const moved = (await slotStarts("2026-11-16T00:00", "2026-11-17T00:00")).slots;
    expect(has(moved, "2026-11-16T13:00")).toBe(true);
    expect(has(moved, "2026-11-16T15:00")).toBe(false);
    expect(has(moved, "2026-11-16T15:30")).toBe(false);
    expect(has(moved, "2026-11-16T16:00")).toBe(true);
  });

  it("refuses a booking over a busy time (422 meetings.overlap) unless the professional insists", async () => {
    const payload = {
      meetingTypeId: "call-fee",
      clientId: w.clientId,
      start: toronto("2026-11-02T13:00"),
    };
    const refused = await asPro("POST", "/api/v1/bookings", payload);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.rules.map((r: { id: string }) => r.id)).toEqual([
      "meetings.overlap",
    ]);
    const portal = await t.app.inject({
      method: "POST",
      url: "/api/v1/portal/bookings",
      headers: w.portal.headers(),
      payload: { meetingTypeId: "call-fee", start: toronto("2026-11-02T13:30") },
    });
    expect(portal.statusCode).toBe(422);
    const anyway = await asPro("POST", "/api/v1/bookings", {
      ...payload,
      exception: { reason: "Je déplace mon rendez-vous" },
    });
    expect(anyway.statusCode, anyway.body).toBe(201);
    expect(anyway.json().booking.waivedRules).toEqual(["meetings.overlap"]);
    expect(anyway.json().warnings).toEqual([]);
  });

  it("stores a failed read, shows it everywhere, and keeps the last good busy times", async () => {
    failing = true;
    const res = await asPro(
      "POST",
      `/api/v1/calendar/sources/${sourceId}/refresh`,
      undefined,
      "fr",
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      lastError: "calendar.http: 500",
      errorMessage: "Lecture impossible\u00a0: le serveur a répondu une erreur (500).",
      eventCount: 5,
      warning: { state: "failing", error: "calendar.http: 500" },
    });
    const day = await slotStarts("2026-10-26T00:00", "2026-10-27T00:00");
    expect(has(day.slots, "2026-10-26T13:00")).toBe(false); // still blocked
    expect(day.warnings).toEqual([
      {
        sourceId,
        label: "Personnel",
        state: "failing",
        error: "calendar.http: 500",
        lastFetchedAt: new Date(now).toISOString(),
        lastSuccessAt: new Date(now).toISOString(),
      },
    ]);
    // The client sees that availability may be incomplete, not the professional's calendar.
    const portal = await t.app.inject({
      method: "GET",
      url: `/api/v1/portal/meetings/call-fee/slots?from=${toronto("2026-10-27T00:00")}&to=${toronto("2026-10-28T00:00")}`,
      headers: w.portal.headers(),
    });
    expect(portal.json().warnings).toEqual([
      expect.objectContaining({ sourceId, state: "failing" }),
    ]);
    expect(portal.json().warnings[0].label).toBeUndefined();
    expect(portal.json().warnings[0].error).toBeUndefined();
    // A booking made meanwhile says so too.
    const booked = await asPro("POST", "/api/v1/bookings", {
      meetingTypeId: "call-fee",
      clientId: w.clientId,
      start: toronto("2026-10-28T10:00"),
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json().warnings[0]).toMatchObject({ sourceId, state: "failing" });
  });

  it("names other failures: not a calendar, an internal address, a bad link", async () => {
    const page = await asPro("POST", "/api/v1/calendar/sources", {
      url: `${base}/page.html`,
      label: "Page",
    });
    const pageId = page.json().id;
    const read = await asPro("POST", `/api/v1/calendar/sources/${pageId}/refresh`);
    expect(read.json().lastError).toBe("calendar.not-ics");
    expect(read.json().errorMessage).toBe("Could not read: this is not an ICS calendar.");

    process.env.CADRE_CALENDAR_ALLOW_PRIVATE = "0";
    const internal = await asPro("POST", `/api/v1/calendar/sources/${pageId}/refresh`);
    expect(internal.json().lastError).toBe("calendar.address-refused: 127.0.0.1");
    process.env.CADRE_CALENDAR_ALLOW_PRIVATE = "1";

    for (const url of ["ftp://example.com/cal.ics", "not a url", "https://user:pw@example.com/x"]) {
      const bad = await asPro("POST", "/api/v1/calendar/sources", { url, label: "x" }, "fr");
      expect(bad.statusCode, url).toBe(400);
      expect(bad.json().error.message).toMatch(/webcal/);
    }
    const webcal = await asPro("POST", "/api/v1/calendar/sources", {
      url: "webcal://calendar.example.com/private-123/basic.ics",
      label: "Apple",
    });
    expect(webcal.statusCode).toBe(201);
    expect(webcal.json().url).toBe("https://calendar.example.com/…");
    expect((await asPro("DELETE", `/api/v1/calendar/sources/${webcal.json().id}`)).statusCode).toBe(
      204,
    );
    expect((await asPro("DELETE", `/api/v1/calendar/sources/${pageId}`)).statusCode).toBe(204);
  });

  it("the job reads every source again after 15 minutes; a success clears the error", async () => {
    failing = false;
    now += 16 * 60_000;
    await runDueJobs(t.app.ctx, now);
    const [source] = (await asPro("GET", "/api/v1/calendar/sources")).json().items;
    expect(source).toMatchObject({
      id: sourceId,
      lastError: null,
      warning: null,
      lastFetchedAt: new Date(now).toISOString(),
    });
    // Not read again within the quarter hour.
    now += 5 * 60_000;
    await runDueJobs(t.app.ctx, now);
    const [same] = (await asPro("GET", "/api/v1/calendar/sources")).json().items;
    expect(same.lastFetchedAt).toBe(source.lastFetchedAt);
    // Over an hour without a success (the scheduler stopped): reported stale.
    now += 2 * 3_600_000;
    expect((await slotStarts("2026-10-27T00:00", "2026-10-28T00:00")).warnings).toEqual([
      expect.objectContaining({ sourceId, state: "stale" }),
    ]);
    now = Date.parse(toronto("2026-10-26T10:00"));
  });

  it("keeps sources apart: another member's ids answer 404", async () => {
    const h = other.pro.asToken();
    for (const [method, url] of [
      ["POST", `/api/v1/calendar/sources/${sourceId}/refresh`],
      ["DELETE", `/api/v1/calendar/sources/${sourceId}`],
    ] as const) {
      expect((await t.app.inject({ method, url, headers: h })).statusCode).toBe(404);
    }
    const theirs = await t.app.inject({
      method: "GET",
      url: "/api/v1/calendar/sources",
      headers: h,
    });
    expect(theirs.json().items).toEqual([]);
  });

  it("removing a source frees its busy times", async () => {
    expect((await asPro("DELETE", `/api/v1/calendar/sources/${sourceId}`)).statusCode).toBe(204);
    const day = await slotStarts("2026-10-27T00:00", "2026-10-28T00:00");
    expect(has(day.slots, "2026-10-27T09:00")).toBe(true);
    expect(day.warnings).toEqual([]);
    expect((await asPro("DELETE", `/api/v1/calendar/sources/${sourceId}`)).statusCode).toBe(404);
  });

  it("serves a private ICS feed of bookings; rotating and revoking kill the old address", async () => {
    expect((await asPro("GET", "/api/v1/calendar/feed")).json()).toEqual({
      active: false,
      createdAt: null,
    });
    const created = await asPro("POST", "/api/v1/calendar/feed");
    expect(created.statusCode, created.body).toBe(201);
    const url = new URL(created.json().url);
    expect(url.pathname).toMatch(/^\/api\/v1\/calendar\/calf_[A-Za-z0-9_-]{43}\.ics$/);
    expect(created.json().webcalUrl).toMatch(/^webcal:\/\//);
    expect((await asPro("GET", "/api/v1/calendar/feed")).json().active).toBe(true);

    const feed = await t.app.inject({ method: "GET", url: url.pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toMatch(/^text\/calendar/);
    expect(feed.body).toContain("X-WR-TIMEZONE:America/Toronto");
    expect(feed.body).toContain("SUMMARY:call-fee — Julie Gagnon");
    const parsed = Object.values(ical.sync.parseICS(feed.body)).filter(
      (c) => (c as { type?: string })?.type === "VEVENT",
    ) as ical.VEvent[];
    const nov2 = parsed.find((e) => e.start.toISOString() === toronto("2026-11-02T13:00"));
    expect(nov2?.description).toMatch(
      /Nov.*2.*EST \(America\/Toronto\)|2 nov.*HNE.*\(America\/Toronto\)/,
    );

    const rotated = await asPro("POST", "/api/v1/calendar/feed");
    const newPath = new URL(rotated.json().url).pathname;
    expect(newPath).not.toBe(url.pathname);
    expect((await t.app.inject({ method: "GET", url: url.pathname })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: newPath })).statusCode).toBe(200);
    // Another workspace's feed is its own.
    const theirs = await t.app.inject({
      method: "POST",
      url: "/api/v1/calendar/feed",
      headers: other.pro.asToken(),
    });
    const theirFeed = await t.app.inject({
      method: "GET",
      url: new URL(theirs.json().url).pathname,
    });
    expect(theirFeed.body).not.toContain("Julie Gagnon");

    expect((await asPro("DELETE", "/api/v1/calendar/feed")).statusCode).toBe(204);
    expect((await t.app.inject({ method: "GET", url: newPath })).statusCode).toBe(404);
    expect((await asPro("DELETE", "/api/v1/calendar/feed")).statusCode).toBe(404);
    for (const path of [
      "/api/v1/calendar/nope.ics",
      "/api/v1/calendar/calf_x",
      "/api/v1/calendar/feed.ics",
    ]) {
      const res = await t.app.inject({
        method: "GET",
        url: path,
        headers: { "accept-language": "fr" },
      });
      expect(res.statusCode, path).toBe(404);
      expect(res.json().error.message).toMatch(/lien de calendrier/);
    }
  });
});
