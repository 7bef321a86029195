// Booking API: slots (member and portal), bookings that keep the charter's limits (422 with the
// rules, 409 when taken), the quota and its paid extra, exceptions, cancel and reschedule under
// each late-cancellation policy, invitations in the outbox, and isolation — on both engines.
import { afterAll, beforeAll, expect, it } from "vitest";
import { listExceptions, listViolations } from "../../src/store/repositories/ledger.ts";
import { startApp, type TestApp } from "../helpers/app.ts";
import { edt, type MeetingsWorkspace, setUpMeetings } from "../helpers/bookings.ts";
import { describeEngines } from "../helpers/store.ts";

type Method = "GET" | "POST" | "DELETE";

describeEngines("meetings: slots, bookings, cancel and reschedule", (engine) => {
  let t: TestApp;
  let w: MeetingsWorkspace;
  let other: MeetingsWorkspace;
  let now = Date.parse(edt("2026-06-15T10:00")); // Monday 10:00 in Toronto
  const asPro = (method: Method, url: string, payload?: unknown, lang = "en") =>
    t.app.inject({
      method,
      url,
      headers: { ...w.pro.asToken(), "accept-language": lang },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const asClient = (method: Method, url: string, payload?: unknown, lang = "en") =>
    t.app.inject({
      method,
      url,
      headers: { ...w.portal.headers(), "accept-language": lang },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const engagement = async () =>
    (await asPro("GET", `/api/v1/engagements/${w.engagementId}`)).json();
  const outbox = () =>
    t.app.ctx.db
      .selectFrom("outbox")
      .selectAll()
      .where("workspace_id", "=", w.pro.workspace.id)
      .where("idempotency_key", "like", "booking:%")
      .orderBy("created_at")
      .execute();
  const book = (start: string, extra: Record<string, unknown> = {}) =>
    asClient("POST", "/api/v1/portal/bookings", { meetingTypeId: "call-30", start, ...extra });

  beforeAll(async () => {
    t = await startApp(engine, { now: () => now });
    w = await setUpMeetings(t, { client: { locale: "fr-CA", timezone: "Europe/Paris" } });
    other = await setUpMeetings(t);
  });
  afterAll(() => t.close());

  it("lists the slots of a day with the client's quota and the paid extra", async () => {
    const res = await asPro(
      "GET",
      `/api/v1/meetings/call-30/slots?clientId=${w.clientId}&from=${edt("2026-06-16T00:00")}&to=${edt("2026-06-17T00:00")}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.slots).toHaveLength(14); // 09:00–11:30 and 13:00–16:30, every 30 minutes
    expect(body.slots[0]).toEqual({ start: edt("2026-06-16T09:00"), end: edt("2026-06-16T09:30") });
    expect(body.quota).toEqual({ included: 2, used: 0, left: 2, exceeded: false });
    expect(body.extraPrice).toMatchObject({
      addOnId: "extra-call",
      price: 15_000,
      currency: "CAD",
    });
    expect(body.timezone).toBe("America/Toronto");
    expect(body.zone).toBe("America/Toronto"); // the professional reads their own zone
    expect(body.warnings).toEqual([]);
    expect(body.days[0].slots[0].label).toBe("9:00–9:30\u202fa.m. EDT");
  });

  it("says why today is cut short (minimum notice), in the caller's language", async () => {
    const url = `/api/v1/meetings/call-30/slots?from=${edt("2026-06-15T00:00")}&to=${edt("2026-06-16T00:00")}`;
    const en = (await asPro("GET", url)).json();
    expect(en.slots.map((s: { start: string }) => s.start)).toEqual([
      edt("2026-06-15T15:00"),
      edt("2026-06-15T15:30"),
      edt("2026-06-15T16:00"),
      edt("2026-06-15T16:30"),
    ]);
    expect(en.quota).toBeNull();
    expect(en.reasons).toEqual([
      expect.objectContaining({
        id: "meetings.min-notice",
        params: { businessHours: 4, earliest: "2026-06-15T19:00:00.000Z" },
        message: expect.stringMatching(/earliest start is Monday, June 15.*3:00.*EDT/),
      }),
    ]);
    const fr = (await asPro("GET", url, undefined, "fr")).json();
    expect(fr.reasons[0].message).toMatch(/préavis.*15 h 00/);
  });

  it("shows the portal client their own slots in their zone and language", async () => {
    const res = await asClient(
      "GET",
      `/api/v1/portal/meetings/call-30/slots?from=${edt("2026-06-16T00:00")}&to=${edt("2026-06-17T00:00")}`,
      undefined,
      "fr",
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.quota).toEqual({ included: 2, used: 0, left: 2, exceeded: false });
    expect(body.zone).toBe("Europe/Paris"); // the client's own zone
    expect(body.days[0].label).toBe("mardi 16 juin");
    expect(body.days[0].slots[0].label).toMatch(/^15\sh\s00\s–\s15\sh\s30\sUTC\+2$/); // 09:00 EDT
    expect(body.slots).toHaveLength(14);
  });

  it("refuses bad input and unknown meeting types with localised 4xx", async () => {
    expect((await asPro("GET", "/api/v1/meetings/nope/slots")).statusCode).toBe(404);
    const fr = await asPro("GET", "/api/v1/meetings/nope/slots", undefined, "fr");
    expect(fr.json().error.message).toMatch(/type de rencontre/);
    const range = await asPro(
      "GET",
      `/api/v1/meetings/call-30/slots?from=${edt("2026-06-17T00:00")}&to=${edt("2026-06-16T00:00")}`,
    );
    expect(range.statusCode).toBe(400);
    expect((await asPro("GET", "/api/v1/meetings/call-30/slots?zone=Mars/Base")).statusCode).toBe(
      400,
    );
    expect((await asPro("GET", "/api/v1/meetings/call-30/slots?from=tomorrow")).statusCode).toBe(
      400,
    );
    const noCharter = await t.app.inject({
      method: "GET",
      url: "/api/v1/portal/meetings/call-30/slots",
    });
    expect(noCharter.statusCode).toBe(401);
  });

  let first: string;
  it("books a free slot: 201, the quota counts it, an invitation is queued", async () => {
    const res = await book(edt("2026-06-16T10:00"));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    first = body.booking.id;
    expect(body.booking).toMatchObject({
      meetingTypeId: "call-30",
      start: edt("2026-06-16T10:00").replace(".000Z", ".000Z"),
      status: "booked",
    });
    expect(body.quota).toEqual({ included: 2, used: 1, left: 1, exceeded: false });
    expect(body.booking.waivedRules).toBeUndefined(); // the portal view hides the ledger
    expect((await engagement()).quota.meetings).toMatchObject({ used: 1, left: 1 });
    const [mail] = await outbox();
    expect(mail).toMatchObject({
      to_address: `julie-${w.pro.workspace.slug}@client.example`,
      idempotency_key: `booking:${first}:confirmed`,
    });
    expect(mail!.subject).toMatch(/^Rencontre confirmée — mardi 16 juin/);
    expect(mail!.text_body).toMatch(/« Appel de suivi »/);
    expect(mail!.text_body).toContain("-- invitation.ics --");
    expect(mail!.text_body).toContain("METHOD:REQUEST");
    expect(mail!.text_body).toContain(`UID:${first}@cadre`);
    expect(mail!.text_body).toContain("DTSTART:20260616T140000Z");
    expect(mail!.text_body).toMatch(/ATTENDEE;.*CN="Julie Gagnon"/);
  });

  it("answers 409 for the same slot and 422 (buffer) for the next one", async () => {
    const again = await book(edt("2026-06-16T10:00"));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/just booked/);
    const next = await book(edt("2026-06-16T10:30"));
    expect(next.statusCode).toBe(422);
    expect(next.json().error.rules.map((r: { id: string }) => r.id)).toEqual(["meetings.buffer"]);
    const slots = (
      await asPro(
        "GET",
        `/api/v1/meetings/call-30/slots?from=${edt("2026-06-16T09:00")}&to=${edt("2026-06-16T12:00")}`,
      )
    ).json();
    expect(slots.slots.map((s: { start: string }) => s.start)).toEqual([
      edt("2026-06-16T09:00"),
      edt("2026-06-16T11:00"),
      edt("2026-06-16T11:30"),
    ]);
  });

  it("refuses a booking outside the rules with every rule hit, localised", async () => {
    const soon = await book(edt("2026-06-15T11:00"), undefined);
    expect(soon.statusCode).toBe(422);
    const body = soon.json();
    expect(body.error.code).toBe("boundary");
    expect(body.error.rules).toEqual([
      expect.objectContaining({ id: "meetings.min-notice", category: "time" }),
    ]);
    expect(body.error.details[0]).toMatchObject({ path: "start", code: "meetings.min-notice" });
    const fr = await asClient(
      "POST",
      "/api/v1/portal/bookings",
      { meetingTypeId: "call-30", start: edt("2026-06-20T10:10") },
      "fr",
    );
    expect(fr.statusCode).toBe(422);
    expect(fr.json().error.message).toMatch(/règle\(s\) de la charte/);
    expect(fr.json().error.rules.map((r: { id: string }) => r.id)).toEqual([
      "meetings.outside-hours",
    ]);
    expect(fr.json().error.rules[0].message).toBe(
      "Ce moment est en dehors de mes heures de rencontre.",
    );
    const grid = await book(edt("2026-06-16T13:10"));
    expect(grid.json().error.rules[0]).toMatchObject({
      id: "meetings.off-grid",
      params: { intervalMinutes: 30 },
    });
    const far = await book(edt("2026-07-20T10:00"));
    expect(far.json().error.rules[0]).toMatchObject({
      id: "meetings.horizon",
      params: { horizonDays: 30 },
    });
    const past = await book(edt("2026-06-15T09:00"));
    expect(past.json().error.rules[0].id).toBe("meetings.past");
    expect(await outbox()).toHaveLength(1);
  });

  it("past the included meetings: 422 with the paid extra, booked once accepted", async () => {
    expect((await book(edt("2026-06-16T13:00"))).statusCode).toBe(201);
    const over = await book(edt("2026-06-16T14:00"));
    expect(over.statusCode).toBe(422);
    const error = over.json().error;
    expect(error.rules).toEqual([
      {
        id: "quota.exceeded",
        category: "scope",
        params: {
          quota: "meetings",
          included: 2,
          used: 2,
          addOnId: "extra-call",
          price: 15_000,
          currency: "CAD",
        },
        message: expect.stringMatching(/paid extra meeting \(\$150\.00\)/),
      },
    ]);
    expect(error.quota).toEqual({ included: 2, used: 2, left: 0, exceeded: true });
    expect(error.extraPrice).toMatchObject({ price: 15_000 });
    const slots = (
      await asClient(
        "GET",
        `/api/v1/portal/meetings/call-30/slots?from=${edt("2026-06-17T00:00")}&to=${edt("2026-06-18T00:00")}`,
      )
    ).json();
    expect(slots.quota.exceeded).toBe(true);
    expect(slots.reasons.map((r: { id: string }) => r.id)).toContain("quota.exceeded");
    expect(slots.slots.length).toBeGreaterThan(0);

    const paid = await book(edt("2026-06-16T14:00"), { acceptPaidExtra: true });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json().paidExtra).toMatchObject({ addOnId: "extra-call", price: 15_000 });
    expect(paid.json().booking).toMatchObject({ extraPrice: 15_000, currency: "CAD" });
    expect(paid.json().quota).toEqual({ included: 3, used: 3, left: 0, exceeded: true });
    const e = await engagement();
    expect(e.extraQuota).toEqual({ meetings: 1 });
    expect(e.usage).toEqual({ meetings: 3 });
    // Billed like any accepted change order: the add-on, accepted by the client who booked it.
    const full = (await asPro("GET", `/api/v1/bookings/${paid.json().booking.id}`)).json();
    const order = await t.app.ctx.db
      .selectFrom("change_orders")
      .selectAll()
      .where("workspace_id", "=", w.pro.workspace.id)
      .where("id", "=", full.changeOrderId)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      engagement_id: w.engagementId,
      client_id: w.clientId,
      state: "accepted",
      currency: "CAD",
      decided_by: `client:${w.clientId}`,
    });
    expect(Number(order.price)).toBe(15_000);
    expect(order.title).toMatch(/^Appel supplémentaire — mardi 16 juin/);
    // …and its line waits on the engagement's draft invoice, in the client's language.
    expect(order.invoice_id).toBeTruthy();
    const draft = (await asPro("GET", `/api/v1/invoices/${order.invoice_id}`)).json();
    expect(draft).toMatchObject({ state: "draft", engagementId: w.engagementId, currency: "CAD" });
    expect(draft.lines).toEqual([
      expect.objectContaining({
        kind: "change-order",
        changeOrderId: full.changeOrderId,
        quantity: 1,
        unitPrice: 15_000,
        amount: 15_000,
        description: expect.stringMatching(/^Avenant\u00a0: Appel supplémentaire — mardi 16 juin/),
      }),
    ]);
  });

  it("lets the professional book anyway, each rule recorded as an exception", async () => {
    // Tuesday already has 3 calls (10:00, 13:00, 14:00): the day is full, and the quota used.
    const refused = await asPro("POST", "/api/v1/bookings", {
      meetingTypeId: "call-30",
      clientId: w.clientId,
      start: edt("2026-06-16T16:00"),
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.rules.map((r: { id: string }) => r.id)).toEqual([
      "meetings.max-per-day",
      "quota.exceeded",
    ]);
    expect(refused.json().error.rules[0].message).toMatch(/Tuesday, June 16 is full/);
    const anyway = await asPro("POST", "/api/v1/bookings", {
      meetingTypeId: "call-30",
      clientId: w.clientId,
      start: edt("2026-06-16T16:00"),
      exception: { reason: "Lancement du site" },
    });
    expect(anyway.statusCode, anyway.body).toBe(201);
    expect(anyway.json().booking.waivedRules).toEqual(["meetings.max-per-day", "quota.exceeded"]);
    expect(anyway.json().booking.createdBy).toBe(`user:${w.pro.user.id}`);
    const ledger = await listExceptions(t.app.ctx.db, w.pro.workspace.id, {
      clientId: w.clientId,
      limit: 10,
      offset: 0,
    });
    expect(ledger.map((x) => [x.ruleId, x.reason]).sort()).toEqual([
      ["meetings.max-per-day", "Lancement du site"],
      ["quota.exceeded", "Lancement du site"],
    ]);
    // A client cannot waive anything: the exception field is not part of the portal body.
    const portal = await book(edt("2026-06-16T16:30"), { exception: { reason: "please" } });
    expect(portal.statusCode).toBe(422);
  });

  it("a cancellation in time frees the meeting and sends a CANCEL", async () => {
    const before = (await engagement()).usage.meetings;
    const res = await asClient("POST", `/api/v1/portal/bookings/${first}/cancel`, {
      reason: "Empêchement",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      late: false,
      consequence: "none",
      fee: null,
      violation: false,
      booking: { status: "cancelled" },
    });
    expect((await engagement()).usage.meetings).toBe(before - 1);
    const mail = (await outbox()).find((m) => m.idempotency_key === `booking:${first}:cancelled`);
    expect(mail?.text_body).toContain("METHOD:CANCEL");
    expect(mail?.text_body).toContain("STATUS:CANCELLED");
    expect(mail?.subject).toMatch(/^Rencontre annulée/);
    const again = await asClient("POST", `/api/v1/portal/bookings/${first}/cancel`);
    expect(again.statusCode).toBe(409);
    // The freed time is offered again (to a type without a daily cap: Tuesday has 3 calls).
    const slots = (
      await asPro(
        "GET",
        `/api/v1/meetings/call-fee/slots?from=${edt("2026-06-16T10:00")}&to=${edt("2026-06-16T10:30")}`,
      )
    ).json();
    expect(slots.slots).toHaveLength(1);
  });

  it("a late cancellation by the client keeps the meeting counted and records a violation", async () => {
    const made = await book(edt("2026-06-17T10:00"), { acceptPaidExtra: true });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().booking.id;
    const used = (await engagement()).usage.meetings;
    now = Date.parse(edt("2026-06-16T17:00")); // 17 hours before: under the 24-hour notice
    const res = await asClient("POST", `/api/v1/portal/bookings/${id}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      late: true,
      consequence: "counts-as-used",
      violation: true,
      booking: { status: "late-cancelled", countsAsUsed: true },
    });
    expect((await engagement()).usage.meetings).toBe(used);
    const [violation] = await listViolations(t.app.ctx.db, w.pro.workspace.id, {
      clientId: w.clientId,
      limit: 1,
      offset: 0,
    });
    expect(violation).toMatchObject({
      ruleId: "meetings.late-cancel",
      category: "time",
      params: {
        bookingId: id,
        cancelNoticeHours: 24,
        hoursBefore: 17,
        consequence: "counts-as-used",
      },
    });
  });

  it("'fee' records lateCancelFeePercent of the paid extra; 'free' frees the meeting", async () => {
    now = Date.parse(edt("2026-06-15T10:00"));
    const fee = await asPro("POST", "/api/v1/bookings", {
      meetingTypeId: "call-fee",
      clientId: w.clientId,
      start: edt("2026-06-18T09:00"),
      exception: { reason: "quota" },
    });
    expect(fee.statusCode, fee.body).toBe(201);
    const free = await asPro("POST", "/api/v1/bookings", {
      meetingTypeId: "call-free",
      clientId: w.clientId,
      start: edt("2026-06-18T13:00"),
      exception: { reason: "quota" },
    });
    expect(free.statusCode, free.body).toBe(201);
    now = Date.parse(edt("2026-06-17T14:00"));
    const used = (await engagement()).usage.meetings;
    const a = await asClient("POST", `/api/v1/portal/bookings/${fee.json().booking.id}/cancel`);
    expect(a.json()).toMatchObject({
      late: true,
      consequence: "fee",
      fee: { amount: 7_500, currency: "CAD" },
      violation: true,
      booking: { status: "late-cancelled", fee: 7_500, countsAsUsed: false },
    });
    // The fee is charged: a line of the engagement's draft invoice, next to what was there.
    const drafts = (await asPro("GET", `/api/v1/invoices?engagementId=${w.engagementId}`)).json()
      .items as { id: string; state: string }[];
    const draftId = drafts.find((i) => i.state === "draft")?.id;
    expect(draftId).toBeTruthy();
    const draft = (await asPro("GET", `/api/v1/invoices/${draftId}`)).json();
    expect(draft.lines.at(-1)).toMatchObject({
      kind: "item",
      amount: 7_500,
      description: expect.stringMatching(/^Frais d’annulation tardive\u00a0: .* — jeudi 18 juin/),
    });
    expect(draft.subtotal).toBe(
      draft.lines.reduce((sum: number, l: { amount: number }) => sum + l.amount, 0),
    );
    const b = await asClient("POST", `/api/v1/portal/bookings/${free.json().booking.id}/cancel`);
    expect(b.json()).toMatchObject({ late: true, consequence: "free", fee: null, violation: true });
    expect((await engagement()).usage.meetings).toBe(used - 2);
  });

  it("the professional's own late cancellation is nobody's fault; on the client's behalf it can be waived", async () => {
    now = Date.parse(edt("2026-06-15T10:00"));
    const one = await asPro("POST", "/api/v1/bookings", {
      meetingTypeId: "call-30",
      clientId: w.clientId,
      start: edt("2026-06-19T10:00"),
      exception: { reason: "quota" },
    });
    const two = await asPro("POST", "/api/v1/bookings", {
      meetingTypeId: "call-30",
      clientId: w.clientId,
      start: edt("2026-06-19T13:00"),
      exception: { reason: "quota" },
    });
    now = Date.parse(edt("2026-06-19T08:00"));
    const violationsBefore = (
      await listViolations(t.app.ctx.db, w.pro.workspace.id, { limit: 100, offset: 0 })
    ).length;
    const mine = await asPro("POST", `/api/v1/bookings/${one.json().booking.id}/cancel`, {
      reason: "Malade",
    });
    expect(mine.json()).toMatchObject({
      late: true,
      consequence: "none",
      violation: false,
      booking: {
        status: "cancelled",
        cancelledBy: `user:${w.pro.user.id}`,
        cancelReason: "Malade",
      },
    });
    const waived = await asPro("POST", `/api/v1/bookings/${two.json().booking.id}/cancel`, {
      onBehalfOfClient: true,
      exception: { reason: "Urgence familiale" },
    });
    expect(waived.json()).toMatchObject({ late: true, consequence: "waived", violation: false });
    expect(
      (await listViolations(t.app.ctx.db, w.pro.workspace.id, { limit: 100, offset: 0 })).length,
    ).toBe(violationsBefore);
    const ledger = await listExceptions(t.app.ctx.db, w.pro.workspace.id, {
      clientId: w.clientId,
      limit: 1,
      offset: 0,
    });
    expect(ledger[0]).toMatchObject({
      ruleId: "meetings.late-cancel",
      reason: "Urgence familiale",
    });
  });

  it("reschedules in time: the old booking is cancelled, the invitation keeps its UID", async () => {
    now = Date.parse(edt("2026-06-15T10:00"));
    const made = await asPro("POST", "/api/v1/bookings", {
      meetingTypeId: "call-30",
      clientId: w.clientId,
      start: edt("2026-06-22T10:00"),
      acceptPaidExtra: true,
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().booking.id;
    const used = (await engagement()).usage.meetings;
    const bad = await asClient("POST", `/api/v1/portal/bookings/${id}/reschedule`, {
      start: edt("2026-06-27T10:00"),
    });
    expect(bad.statusCode).toBe(422);
    expect((await asPro("GET", `/api/v1/bookings/${id}`)).json().status).toBe("booked");
    const moved = await asClient("POST", `/api/v1/portal/bookings/${id}/reschedule`, {
      start: edt("2026-06-23T11:00"),
      acceptPaidExtra: true,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const body = moved.json();
    expect(body.previous).toMatchObject({
      late: false,
      consequence: "none",
      booking: { id, status: "cancelled" },
    });
    expect(body.booking).toMatchObject({ start: edt("2026-06-23T11:00"), rescheduledFrom: id });
    expect((await engagement()).usage.meetings).toBe(used);
    const mail = (await outbox()).find(
      (m) => m.idempotency_key === `booking:${body.booking.id}:moved`,
    );
    expect(mail?.subject).toMatch(/^Rencontre déplacée/);
    expect(mail?.text_body).toContain(`UID:${id}@cadre`);
    expect(mail?.text_body).toContain("SEQUENCE:1");
    const old = (await asPro("GET", `/api/v1/bookings/${id}`)).json();
    expect(old).toMatchObject({ status: "cancelled", cancelReason: "rescheduled" });
  });

  it("a started meeting can no longer be cancelled", async () => {
    const list = (
      await asPro("GET", `/api/v1/bookings?status=booked&clientId=${w.clientId}`)
    ).json().items;
    const target = list[0];
    now = Date.parse(target.start) + 60_000;
    const res = await asPro("POST", `/api/v1/bookings/${target.id}/cancel`);
    expect(res.statusCode).toBe(409);
    now = Date.parse(edt("2026-06-15T10:00"));
  });

  it("lists bookings for the professional and the client's own in the portal", async () => {
    const all = (await asPro("GET", `/api/v1/bookings?clientId=${w.clientId}&limit=200`)).json();
    expect(all.items.length).toBeGreaterThan(5);
    const starts = all.items.map((b: { start: string }) => b.start);
    expect([...starts].sort()).toEqual(starts);
    const mine = (await asClient("GET", "/api/v1/portal/bookings?status=booked")).json();
    expect(mine.items.every((b: { status: string }) => b.status === "booked")).toBe(true);
    expect(mine.items[0].waivedRules).toBeUndefined();
  });

  it("uses a member's own weekly hours when they set some", async () => {
    await t.app.ctx.db
      .updateTable("members")
      .set({ hours: JSON.stringify({ tue: [["09:00", "10:00"]] }) })
      .where("workspace_id", "=", other.pro.workspace.id)
      .where("user_id", "=", other.pro.user.id)
      .execute();
    const slots = (
      await t.app.inject({
        method: "GET",
        url: `/api/v1/meetings/call-fee/slots?from=${edt("2026-06-16T00:00")}&to=${edt("2026-06-18T00:00")}`,
        headers: other.pro.asToken(),
      })
    ).json();
    expect(slots.memberId).toBe(other.pro.user.id);
    expect(slots.slots).toEqual([
      { start: edt("2026-06-16T09:00"), end: edt("2026-06-16T09:30") },
      { start: edt("2026-06-16T09:30"), end: edt("2026-06-16T10:00") },
    ]);
    const outside = await t.app.inject({
      method: "POST",
      url: "/api/v1/bookings",
      headers: other.pro.asToken(),
      payload: {
        meetingTypeId: "call-fee",
        clientId: other.clientId,
        start: edt("2026-06-17T10:00"),
      },
    });
    expect(outside.json().error.rules[0].id).toBe("meetings.outside-hours");
  });

  it("keeps workspaces and clients apart: another's ids answer 404", async () => {
    const mine = (await asPro("GET", "/api/v1/bookings?status=booked")).json().items[0];
    const theirs = (h: Record<string, string>, method: Method, url: string, payload?: object) =>
      t.app.inject({ method, url, headers: h, ...(payload ? { payload } : {}) });
    const otherPro = other.pro.asToken();
    expect((await theirs(otherPro, "GET", `/api/v1/bookings/${mine.id}`)).statusCode).toBe(404);
    expect((await theirs(otherPro, "POST", `/api/v1/bookings/${mine.id}/cancel`)).statusCode).toBe(
      404,
    );
    expect(
      (
        await theirs(otherPro, "POST", `/api/v1/bookings/${mine.id}/reschedule`, {
          start: edt("2026-06-24T10:00"),
        })
      ).statusCode,
    ).toBe(404);
    const foreignClient = await theirs(otherPro, "POST", "/api/v1/bookings", {
      meetingTypeId: "call-30",
      clientId: w.clientId,
      start: edt("2026-06-24T10:00"),
    });
    expect(foreignClient.statusCode).toBe(404);
    expect(
      (await theirs(otherPro, "GET", `/api/v1/meetings/call-30/slots?clientId=${w.clientId}`))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await theirs(otherPro, "POST", "/api/v1/bookings", {
          meetingTypeId: "call-30",
          clientId: other.clientId,
          start: edt("2026-06-24T10:00"),
          memberId: w.pro.user.id,
        })
      ).statusCode,
    ).toBe(404);
    // The other workspace's client, in the portal, cannot touch this workspace's booking.
    const otherClient = other.portal.headers();
    expect(
      (await theirs(otherClient, "POST", `/api/v1/portal/bookings/${mine.id}/cancel`)).statusCode,
    ).toBe(404);
    expect((await theirs(otherClient, "GET", "/api/v1/portal/bookings")).json().items).toEqual([]);
    // A client cannot use the professional's routes.
    expect((await asClient("GET", `/api/v1/bookings/${mine.id}`)).statusCode).toBe(403);
    expect((await asClient("GET", "/api/v1/meetings/call-30/slots")).statusCode).toBe(403);
  });
});
