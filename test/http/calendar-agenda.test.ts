// GET /api/v1/calendar/agenda over HTTP, both engines: the week view's open time (lunch break,
// weekend), the days closed by a holiday, a closure or an override (named in the caller's
// language), the imported busy times with their calendar's label, the meeting types, the range
// limit, and nothing of another workspace.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runDueJobs } from "../../src/jobs/runner.ts";
import { startApp, type TestApp } from "../helpers/app.ts";
import { type MeetingsWorkspace, meetingsCharter, setUpMeetings } from "../helpers/bookings.ts";
import { describeEngines } from "../helpers/store.ts";

/** Toronto wall time in December (EST, -05:00). */
const est = (local: string) => new Date(`${local}:00-05:00`).toISOString();

const ICS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//cadre-test//EN",
  "BEGIN:VEVENT",
  "UID:dentist@test",
  "DTSTAMP:20261201T000000Z",
  "DTSTART:20261221T190000Z",
  "DTEND:20261221T200000Z",
  "SUMMARY:Dentist",
  "END:VEVENT",
  "END:VCALENDAR",
].join("\r\n");

describeEngines(
  "calendar agenda: the week view's open time, closed days and busy times",
  (engine) => {
    let t: TestApp;
    let w: MeetingsWorkspace;
    let other: MeetingsWorkspace;
    let server: Server;
    let base = "";
    const now = Date.parse(est("2026-12-14T10:00"));
    const previous = process.env.CADRE_CALENDAR_ALLOW_PRIVATE;
    const week = `from=${est("2026-12-21T00:00")}&to=${est("2026-12-28T00:00")}`;

    const get = (who: MeetingsWorkspace, url: string, lang = "en") =>
      t.app.inject({
        method: "GET",
        url,
        headers: { ...who.pro.asToken(), "accept-language": lang },
      });

    beforeAll(async () => {
      process.env.CADRE_CALENDAR_ALLOW_PRIVATE = "1";
      server = createServer((_req, res) => {
        res.writeHead(200, { "content-type": "text/calendar" }).end(ICS);
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      t = await startApp(engine, { now: () => now });
      w = await setUpMeetings(t);
      other = await setUpMeetings(t);
      const charter = {
        ...meetingsCharter(),
        holidays: { country: "CA", region: "QC" },
        closures: [{ from: "2026-12-23", to: "2026-12-23", label: "Inventaire" }],
        overrides: [
          { date: "2026-12-22", hours: [["09:00", "12:00"]] },
          { date: "2026-12-24", hours: [], label: "Veille de Noël" },
        ],
      };
      const h = w.pro.asToken();
      const put = await t.app.inject({
        method: "PUT",
        url: "/api/v1/charter",
        headers: h,
        payload: charter,
      });
      expect(put.statusCode, put.body).toBe(200);
      const pub = await t.app.inject({
        method: "POST",
        url: "/api/v1/charter/publish",
        headers: h,
      });
      expect(pub.statusCode, pub.body).toBe(201);
      const source = await t.app.inject({
        method: "POST",
        url: "/api/v1/calendar/sources",
        headers: h,
        payload: { url: `${base}/cal.ics`, label: "Perso" },
      });
      expect(source.statusCode, source.body).toBe(201);
      await runDueJobs(t.app.ctx, now);
    });

    afterAll(async () => {
      if (previous === undefined) delete process.env.CADRE_CALENDAR_ALLOW_PRIVATE;
      else process.env.CADRE_CALENDAR_ALLOW_PRIVATE = previous;
      await t.close();
      await new Promise((resolve) => server.close(resolve));
    });

    it("gives the open time, the named closed days, the busy times and the meeting types", async () => {
      const res = await get(w, `/api/v1/calendar/agenda?${week}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.timezone).toBe("America/Toronto");
      expect(body.memberId).toBe(w.pro.user.id);
      // Monday with its lunch break, Tuesday's override (morning only); Wednesday (closure),
      // Thursday (override closed), Friday (Christmas) and the weekend have no open time.
      expect(body.open).toEqual([
        { start: est("2026-12-21T09:00"), end: est("2026-12-21T12:00") },
        { start: est("2026-12-21T13:00"), end: est("2026-12-21T17:00") },
        { start: est("2026-12-22T09:00"), end: est("2026-12-22T12:00") },
      ]);
      expect(body.closedDays).toEqual([
        { date: "2026-12-23", kind: "closure", label: "Inventaire" },
        { date: "2026-12-24", kind: "override", label: "Veille de Noël" },
        { date: "2026-12-25", kind: "holiday", label: expect.stringMatching(/christmas/i) },
      ]);
      expect(body.busy).toEqual([
        {
          start: est("2026-12-21T14:00"),
          end: est("2026-12-21T15:00"),
          sourceId: expect.any(String),
          label: "Perso",
        },
      ]);
      expect(body.meetingTypes.map((m: { id: string }) => m.id)).toEqual([
        "call-30",
        "call-fee",
        "call-free",
      ]);
      expect(body.meetingTypes[0]).toEqual({
        id: "call-30",
        name: "Appel de suivi",
        durationMinutes: 30,
      });
      expect(body.warnings).toEqual([]);
    });

    it("names holidays in the caller's language", async () => {
      const res = await get(w, `/api/v1/calendar/agenda?${week}`, "fr");
      const christmas = res.json().closedDays.find((d: { kind: string }) => d.kind === "holiday");
      expect(christmas.label).toMatch(/noël/i);
    });

    it("refuses an empty or too long range, and defaults to the next seven days", async () => {
      const backwards = await get(
        w,
        `/api/v1/calendar/agenda?from=${est("2026-12-28T00:00")}&to=${est("2026-12-21T00:00")}`,
      );
      expect(backwards.statusCode).toBe(400);
      const long = await get(
        w,
        `/api/v1/calendar/agenda?from=${est("2026-12-01T00:00")}&to=${est("2027-03-01T00:00")}`,
      );
      expect(long.statusCode).toBe(400);
      expect(long.json().error.message).toContain("62");
      const byDefault = await get(w, "/api/v1/calendar/agenda");
      expect(byDefault.statusCode, byDefault.body).toBe(200);
      expect(byDefault.json().from).toBe(new Date(now).toISOString());
      expect(Date.parse(byDefault.json().to) - now).toBe(7 * 86_400_000);
    });

    it("shows another workspace none of these busy times", async () => {
      const res = await get(other, `/api/v1/calendar/agenda?${week}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().busy).toEqual([]);
      expect(res.json().closedDays).toEqual([]);
    });
  },
);
