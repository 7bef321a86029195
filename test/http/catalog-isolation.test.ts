import { afterAll, beforeAll, expect, it } from "vitest";
import { exampleCharterInput } from "../factories/domain.ts";
import { startApp, type TestApp } from "../helpers/app.ts";
import { type Pro, signUpPro } from "../helpers/auth.ts";
import { essentiel } from "../helpers/catalog.ts";
import { describeEngines } from "../helpers/store.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

describeEngines("tenant isolation of charters, offers, clients and engagements", (engine) => {
  let t: TestApp;
  let a: Pro;
  let b: Pro;
  const ids = { client: "", engagement: "", obligation: "" };
  const as = (pro: Pro, method: Method, url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: pro.asToken(),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    t = await startApp(engine);
    a = await signUpPro(t.app);
    b = await signUpPro(t.app);
    await as(a, "PUT", "/api/v1/charter", exampleCharterInput());
    await as(a, "POST", "/api/v1/charter/publish");
    await as(a, "POST", "/api/v1/offers", essentiel);
    const client = await as(a, "POST", "/api/v1/clients", {
      name: "Julie",
      emails: ["julie@example.com"],
      locale: "fr-CA",
    });
    ids.client = client.json().id;
    const e = await as(a, "POST", "/api/v1/engagements", {
      clientId: ids.client,
      offerId: "essentiel",
      deliverables: [{ name: "Logo", dueAt: "2030-01-10T17:00:00Z" }],
      obligations: [
        { name: "Brief", dueAt: "2030-01-03T17:00:00Z", shiftBusinessDays: 1, deliverableIds: [0] },
      ],
    });
    ids.engagement = e.json().id;
    ids.obligation = e.json().obligations[0].id;
  });
  afterAll(() => t.close());

  it("answers 404 to another workspace for every id of A", async () => {
    const e = `/api/v1/engagements/${ids.engagement}`;
    const attempts: [Method, string, unknown?][] = [
      ["GET", "/api/v1/offers/essentiel"],
      ["PUT", "/api/v1/offers/essentiel", essentiel],
      ["DELETE", "/api/v1/offers/essentiel"],
      ["GET", `/api/v1/clients/${ids.client}`],
      ["PATCH", `/api/v1/clients/${ids.client}`, { name: "Mine now" }],
      ["DELETE", `/api/v1/clients/${ids.client}`],
      ["GET", e],
      ["PATCH", e, { title: "Mine now" }],
      ["POST", `${e}/obligations/${ids.obligation}/late`],
      ["POST", `${e}/obligations/${ids.obligation}/received`, {}],
      ["GET", "/api/v1/charter/versions/1"],
      ["POST", "/api/v1/engagements", { clientId: ids.client, offerId: "essentiel" }],
    ];
    for (const [method, url, payload] of attempts) {
      const res = await as(b, method, url, payload);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
    }
    // Nothing of A changed.
    const still = (await as(a, "GET", e)).json();
    expect(still.title).toBe("Essentiel");
    expect(still.obligations[0].status).toBe("pending");
    expect((await as(a, "GET", `/api/v1/clients/${ids.client}`)).json().name).toBe("Julie");
  });

  it("never lists A's data to B, and lets B reuse A's offer ids and addresses", async () => {
    expect((await as(b, "GET", "/api/v1/offers?archived=true")).json().items).toEqual([]);
    expect((await as(b, "GET", "/api/v1/clients?q=julie")).json()).toEqual({ items: [], total: 0 });
    expect((await as(b, "GET", "/api/v1/engagements")).json().items).toEqual([]);
    const byClient = await as(b, "GET", `/api/v1/engagements?clientId=${ids.client}`);
    expect(byClient.json().items).toEqual([]);
    expect((await as(b, "GET", "/api/v1/charter/versions")).json().items).toEqual([]);
    expect((await as(b, "GET", "/api/v1/charter")).json().hours).toBeDefined();
    expect((await as(b, "POST", "/api/v1/offers", essentiel)).statusCode).toBe(201);
    const same = await as(b, "POST", "/api/v1/clients", {
      name: "Julie B",
      emails: ["julie@example.com"],
      locale: "en",
    });
    expect(same.statusCode).toBe(201);
  });
});
