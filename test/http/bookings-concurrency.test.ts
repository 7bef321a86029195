// Bookings racing each other, fired together with Promise.all: one slot is booked once (one 201,
// the rest 409), a daily cap holds under a burst, and the last included meeting goes to one
// booking only — on both engines (PostgreSQL: the per-member row lock; SQLite: one writer).
import { afterAll, beforeAll, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app.ts";
import { edt, type MeetingsWorkspace, setUpMeetings } from "../helpers/bookings.ts";
import { describeEngines } from "../helpers/store.ts";

describeEngines("concurrent bookings", (engine) => {
  let t: TestApp;
  let w: MeetingsWorkspace;
  const now = Date.parse(edt("2026-06-15T10:00"));
  const post = (payload: object, asClient = false) =>
    t.app.inject({
      method: "POST",
      url: asClient ? "/api/v1/portal/bookings" : "/api/v1/bookings",
      headers: asClient ? w.portal.headers() : w.pro.asToken(),
      payload,
    });
  const booked = async () =>
    t.app.ctx.db
      .selectFrom("bookings")
      .select(["start_at", "meeting_type_id"])
      .where("workspace_id", "=", w.pro.workspace.id)
      .where("status", "=", "booked")
      .execute();

  beforeAll(async () => {
    t = await startApp(engine, { now: () => now });
    w = await setUpMeetings(t);
  });
  afterAll(() => t.close());

  it("ten bookings of one slot at once: exactly one 201, nine 409", async () => {
    const start = edt("2026-06-16T10:00");
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        post(
          { meetingTypeId: "call-fee", clientId: w.clientId, start, acceptPaidExtra: true },
          i % 2 === 0,
        ),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses, results.map((r) => r.body).join("\n")).toEqual([
      201, 409, 409, 409, 409, 409, 409, 409, 409, 409,
    ]);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.json().error.code).toBe("conflict");
    }
    const rows = (await booked()).filter((b) => new Date(b.start_at).toISOString() === start);
    expect(rows).toHaveLength(1);
    const usage = (
      await t.app.inject({
        method: "GET",
        url: `/api/v1/engagements/${w.engagementId}`,
        headers: w.pro.asToken(),
      })
    ).json().usage;
    expect(usage).toEqual({ meetings: 1 });
  });

  it("a burst on one day keeps the daily cap (3 calls a day)", async () => {
    // Seven free starts on Wednesday, an hour apart (clear of each other's 15-minute buffer,
    // whatever order they are decided in); call-30 allows 3 a day.
    const starts = ["09:00", "10:00", "11:00", "13:00", "14:00", "15:00", "16:00"].map((h) =>
      edt(`2026-06-17T${h}`),
    );
    const results = await Promise.all(
      starts.map((start) =>
        post({
          meetingTypeId: "call-30",
          clientId: w.clientId,
          start,
          acceptPaidExtra: true,
        }),
      ),
    );
    const created = results.filter((r) => r.statusCode === 201);
    expect(created, results.map((r) => r.body).join("\n")).toHaveLength(3);
    for (const r of results.filter((x) => x.statusCode !== 201)) {
      expect([409, 422]).toContain(r.statusCode);
      if (r.statusCode === 422) {
        expect(r.json().error.rules.map((x: { id: string }) => x.id)).toEqual([
          "meetings.max-per-day",
        ]);
      }
    }
    const wednesday = (await booked()).filter(
      (b) =>
        b.meeting_type_id === "call-30" &&
        new Date(b.start_at).toISOString().startsWith("2026-06-17"),
    );
    expect(wednesday).toHaveLength(3);
  });

  it("the last included meeting goes to one booking only", async () => {
    // Fresh client with 2 included meetings: 1 booked first, then 6 race for the last one.
    const client = await t.app.inject({
      method: "POST",
      url: "/api/v1/clients",
      headers: w.pro.asToken(),
      payload: { name: "Marc", emails: ["marc@client.example"], locale: "en-CA" },
    });
    const clientId = client.json().id;
    const engagement = await t.app.inject({
      method: "POST",
      url: "/api/v1/engagements",
      headers: w.pro.asToken(),
      payload: { clientId, offerId: "essentiel", title: "Logo", deliverables: [], obligations: [] },
    });
    const engagementId = engagement.json().id;
    expect(
      (await post({ meetingTypeId: "call-fee", clientId, start: edt("2026-06-18T09:00") }))
        .statusCode,
    ).toBe(201);
    const starts = ["10:00", "11:00", "13:00", "14:00", "15:00", "16:00"].map((h) =>
      edt(`2026-06-18T${h}`),
    );
    const results = await Promise.all(
      starts.map((start) => post({ meetingTypeId: "call-fee", clientId, start })),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses, results.map((r) => r.body).join("\n")).toEqual([201, 422, 422, 422, 422, 422]);
    for (const r of results.filter((x) => x.statusCode === 422)) {
      expect(r.json().error.rules[0].id).toBe("quota.exceeded");
    }
    const e = (
      await t.app.inject({
        method: "GET",
        url: `/api/v1/engagements/${engagementId}`,
        headers: w.pro.asToken(),
      })
    ).json();
    expect(e.quota.meetings).toMatchObject({ included: 2, used: 2, left: 0 });
  });

  it("cancelling one booking twice at once: one 200, one 409, the quota given back once", async () => {
    const made = await post({
      meetingTypeId: "call-fee",
      clientId: w.clientId,
      start: edt("2026-06-19T10:00"),
      acceptPaidExtra: true,
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().booking.id;
    const usage = async () =>
      (
        await t.app.inject({
          method: "GET",
          url: `/api/v1/engagements/${w.engagementId}`,
          headers: w.pro.asToken(),
        })
      ).json().usage.meetings;
    const before = await usage();
    const results = await Promise.all(
      [0, 1, 2, 3].map(() =>
        t.app.inject({
          method: "POST",
          url: `/api/v1/bookings/${id}/cancel`,
          headers: w.pro.asToken(),
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    expect(await usage()).toBe(before - 1);
  });
});
