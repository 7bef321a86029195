import { afterAll, beforeAll, expect, it } from "vitest";
import { listViolations } from "../../src/store/repositories/ledger.ts";
import { startApp, type TestApp } from "../helpers/app.ts";
import { type Pro, signUpPro } from "../helpers/auth.ts";
import { essentiel } from "../helpers/catalog.ts";
import { describeEngines } from "../helpers/store.ts";

type Method = "GET" | "POST" | "PATCH";
const NBSP = "\u00a0";

describeEngines("engagements and the consequences of late obligations", (engine) => {
  let t: TestApp;
  let pro: Pro;
  let now = Date.parse("2026-06-15T14:00:00Z"); // Monday 10:00 in Toronto
  let clientId: string;
  let engagementId: string;
  let maquette: string;
  let site: string;
  let photos: string;
  let textes: string;
  const call = (method: Method, url: string, payload?: unknown, lang = "en") =>
    t.app.inject({
      method,
      url,
      headers: { ...pro.asToken(), "accept-language": lang },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const outbox = () =>
    t.app.ctx.db
      .selectFrom("outbox")
      .selectAll()
      .where("workspace_id", "=", pro.workspace.id)
      .orderBy("created_at")
      .execute();
  const violations = () =>
    listViolations(t.app.ctx.db, pro.workspace.id, { clientId, limit: 50, offset: 0 });

  beforeAll(async () => {
    t = await startApp(engine, { now: () => now });
    pro = await signUpPro(t.app, {
      workspace: { timezone: "America/Toronto", locale: "fr-CA", country: "CA", region: "QC" },
    });
    // Nothing saved yet: the starter charter (Mon–Fri 09:00–17:00, Quebec holidays) is published.
    expect((await call("POST", "/api/v1/charter/publish")).statusCode).toBe(201);
    expect((await call("POST", "/api/v1/offers", essentiel)).statusCode).toBe(201);
    const client = await call("POST", "/api/v1/clients", {
      name: "Julie",
      emails: ["julie@example.com"],
      locale: "fr-CA",
    });
    clientId = client.json().id;
  });
  afterAll(() => t.close());

  it("opens an engagement from an offer with deliverables and obligations", async () => {
    const res = await call("POST", "/api/v1/engagements", {
      clientId,
      offerId: "essentiel",
      title: "Site vitrine",
      startsOn: "2026-06-01",
      deliverables: [
        { name: "Maquette", dueAt: "2026-06-19T17:00:00-04:00" },
        { name: "Site", dueAt: "2026-06-30T17:00:00-04:00" },
      ],
      obligations: [
        {
          name: "Photos",
          dueAt: "2026-06-12T17:00:00-04:00",
          shiftBusinessDays: 3,
          deliverableIds: [0],
        },
        {
          name: "Textes",
          dueAt: "2026-06-16T17:00:00-04:00",
          shiftBusinessDays: 2,
          deliverableIds: [0, 1],
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    engagementId = e.id;
    [maquette, site] = e.deliverables.map((d: { id: string }) => d.id);
    [photos, textes] = e.obligations.map((o: { id: string }) => o.id);
    expect(e).toMatchObject({
      title: "Site vitrine",
      offerId: "essentiel",
      offer: { name: "Essentiel", quotas: { meetings: 2 } },
      quota: { meetings: { included: 2, extra: 0, used: 0, left: 2 } },
      deliverables: [{ name: "Maquette", dueAt: "2026-06-19T21:00:00.000Z" }, { name: "Site" }],
      obligations: [
        { name: "Photos", status: "pending", deliverableIds: [maquette] },
        { name: "Textes", deliverableIds: [maquette, site] },
      ],
    });
    const listed = (await call("GET", `/api/v1/engagements?clientId=${clientId}`)).json().items;
    expect(listed.map((x: { id: string }) => x.id)).toEqual([engagementId]);
    const used = await call("PATCH", `/api/v1/engagements/${engagementId}`, {
      usage: { meetings: 3 },
    });
    expect(used.json().quota.meetings).toEqual({ included: 2, extra: 0, used: 3, left: 0 });
  });

  it("refuses bad references, unknown clients and offers", async () => {
    const base = {
      clientId,
      offerId: "essentiel",
      deliverables: [{ name: "A", dueAt: "2026-07-01T12:00:00Z" }],
    };
    const ref = await call("POST", "/api/v1/engagements", {
      ...base,
      obligations: [
        { name: "B", dueAt: "2026-06-20T12:00:00Z", shiftBusinessDays: 1, deliverableIds: [4] },
      ],
    });
    expect(ref.statusCode).toBe(400);
    expect(ref.json().error.details[0].path).toBe("obligations[0].deliverableIds[0]");
    const dates = await call("POST", "/api/v1/engagements", {
      ...base,
      deliverables: [{ name: "A", dueAt: "tomorrow" }],
    });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.details[0].path).toBe("deliverables[0].dueAt");
    const far = await call(
      "POST",
      "/api/v1/engagements",
      { ...base, deliverables: [{ name: "A", dueAt: "9999-01-01T00:00:00Z" }] },
      "fr",
    );
    expect(far.statusCode).toBe(400);
    expect(far.json().error.details[0].message).toMatch(/entre l’an 2000 et l’an 2199/);
    expect(
      (await call("POST", "/api/v1/engagements", { ...base, clientId: "nobody" })).statusCode,
    ).toBe(404);
    expect(
      (await call("POST", "/api/v1/engagements", { ...base, offerId: "nothing" })).statusCode,
    ).toBe(404);
  });

  it("moves the deliverables when an obligation is marked late, once", async () => {
    const url = `/api/v1/engagements/${engagementId}/obligations/${photos}/late`;
    const res = await call("POST", url);
    expect(res.statusCode, res.body).toBe(200);
    const { engagement, consequence } = res.json();
    // Friday 19 June 17:00 + 3 business days: the weekend and Quebec's 24 June are skipped.
    expect(consequence).toMatchObject({
      applied: true,
      businessDays: 3,
      moves: [{ id: maquette, from: "2026-06-19T21:00:00.000Z", to: "2026-06-25T21:00:00.000Z" }],
      notice: { locale: "fr-CA", to: "julie@example.com" },
    });
    expect(engagement.deliverables[0]).toMatchObject({
      dueAt: "2026-06-25T21:00:00.000Z",
      originalDueAt: "2026-06-19T21:00:00.000Z",
    });
    expect(engagement.deliverables[1].dueAt).toBe("2026-06-30T21:00:00.000Z");
    expect(engagement.obligations[0]).toMatchObject({ status: "late", shiftedBusinessDays: 3 });

    const [violation] = await violations();
    expect(violation).toMatchObject({
      ruleId: "obligations.late",
      category: "time",
      requestId: null,
      params: {
        obligation: "Photos",
        dueAt: "2026-06-12T21:00:00.000Z",
        shiftBusinessDays: 3,
        deliverables: [
          { id: maquette, from: "2026-06-19T21:00:00.000Z", to: "2026-06-25T21:00:00.000Z" },
        ],
      },
    });
    const [mail] = await outbox();
    expect(mail?.to_address).toBe("julie@example.com");
    expect(mail?.text_body).toContain(
      `J’avais besoin de «${NBSP}Photos${NBSP}» au plus tard le vendredi 12 juin`,
    );
    expect(mail?.text_body).toMatch(
      /reportée de 3\s+jours ouvrables, au jeudi 25 juin à 17 h 00 HAE/,
    );

    const again = await call("POST", url);
    expect(again.json().consequence.applied).toBe(false);
    expect(again.json().engagement.deliverables[0].dueAt).toBe("2026-06-25T21:00:00.000Z");
    expect(await violations()).toHaveLength(1);
    expect(await outbox()).toHaveLength(1);
  });

  it("tops the shift up when the materials arrive later than the rule allowed for", async () => {
    now = Date.parse("2026-06-19T15:00:00Z");
    const url = `/api/v1/engagements/${engagementId}/obligations/${photos}/received`;
    // Due Friday 12 June 17:00, arrived Friday 19 June 10:00: 5 business days late, 3 applied.
    const res = await call("POST", url, { at: "2026-06-19T10:00:00-04:00" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().consequence).toMatchObject({
      applied: true,
      businessDays: 2,
      totalBusinessDays: 5,
      moves: [{ from: "2026-06-25T21:00:00.000Z", to: "2026-06-29T21:00:00.000Z" }],
      violationId: null,
    });
    expect(res.json().consequence.notice.body).toMatch(
      /Comme cela m’est parvenu le vendredi 19 juin/,
    );
    expect(res.json().engagement.obligations[0]).toMatchObject({ status: "received" });
    const repeat = await call("POST", url, { at: "2026-06-19T10:00:00-04:00" });
    expect(repeat.json().consequence).toBeNull();
    expect(await violations()).toHaveLength(1);
    expect(await outbox()).toHaveLength(2);
    const late = await call(
      "POST",
      `/api/v1/engagements/${engagementId}/obligations/${photos}/late`,
    );
    expect(late.statusCode).toBe(409);
  });

  it("changes nothing for materials received on time, refuses a future date", async () => {
    const url = `/api/v1/engagements/${engagementId}/obligations/${textes}/received`;
    const future = await call("POST", url, { at: "2026-07-01T10:00:00-04:00" }, "fr");
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toMatch(/futur/);
    const res = await call("POST", url, { at: "2026-06-16T12:00:00-04:00" });
    expect(res.json().consequence).toBeNull();
    expect(res.json().engagement.deliverables[1].dueAt).toBe("2026-06-30T21:00:00.000Z");
    const missing = await call("POST", `/api/v1/engagements/${engagementId}/obligations/nope/late`);
    expect(missing.statusCode).toBe(404);
  });

  it("writes the notice in English for an English-speaking client", async () => {
    const client = await call("POST", "/api/v1/clients", {
      name: "Sam",
      emails: ["sam@example.com"],
      locale: "en-CA",
      timezone: "America/Vancouver",
    });
    const e = await call("POST", "/api/v1/engagements", {
      clientId: client.json().id,
      offerId: "essentiel",
      deliverables: [{ name: "Logo", dueAt: "2026-06-26T17:00:00-04:00" }],
      obligations: [
        {
          name: "Brief",
          dueAt: "2026-06-17T17:00:00-04:00",
          shiftBusinessDays: 2,
          deliverableIds: [0],
        },
      ],
    });
    const [obligation] = e.json().obligations;
    const res = await call(
      "POST",
      `/api/v1/engagements/${e.json().id}/obligations/${obligation.id}/received`,
    );
    // Arrived now (Friday 19 June 11:00 EDT): 2 business days late -> Logo moves 2 days.
    expect(res.json().consequence.moves[0].to).toBe("2026-06-30T21:00:00.000Z");
    const body = res.json().consequence.notice.body as string;
    expect(body).toContain("I needed “Brief” by Wednesday, June 17 at 2:00");
    expect(body).toMatch(/PDT/);
    expect(body).toContain("Since it arrived on Friday, June 19");
    expect(body).toMatch(/Delivery of “Logo” therefore moves to Tuesday, June 30/);
  });
});
