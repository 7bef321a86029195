import { afterAll, beforeAll, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app.ts";
import { type Pro, signUpPro } from "../helpers/auth.ts";
import { essentiel, signature } from "../helpers/catalog.ts";
import { describeEngines } from "../helpers/store.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

describeEngines("offers and clients over HTTP", (engine) => {
  let t: TestApp;
  let pro: Pro;
  const call = (method: Method, url: string, payload?: unknown, lang = "en") =>
    t.app.inject({
      method,
      url,
      headers: { ...pro.asToken(), "accept-language": lang },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    t = await startApp(engine);
    pro = await signUpPro(t.app);
  });
  afterAll(() => t.close());

  it("creates, reads, replaces and lists offers", async () => {
    const created = await call("POST", "/api/v1/offers", essentiel);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ ...essentiel, archived: false });
    const again = await call("POST", "/api/v1/offers", essentiel, "fr");
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/existe déjà/);
    expect((await call("POST", "/api/v1/offers", signature)).statusCode).toBe(201);
    const replaced = await call("PUT", "/api/v1/offers/signature", { ...signature, name: "Sig" });
    expect(replaced.json()).toMatchObject({ id: "signature", name: "Sig" });
    expect((await call("PUT", "/api/v1/offers/nope", signature)).statusCode).toBe(404);
    const list = (await call("GET", "/api/v1/offers")).json().items;
    expect(list.map((o: { id: string }) => o.id)).toEqual(["essentiel", "signature"]);
    expect((await call("GET", "/api/v1/offers/essentiel")).json().quotas).toEqual({
      meetings: 2,
      revisions: 1,
    });
  });

  it("refuses a bad offer with every problem and its path", async () => {
    const shape = await call("POST", "/api/v1/offers", {
      ...essentiel,
      id: "x1",
      currency: "cad",
      items: [{ id: "a", name: "A", quantity: 1, unitPrice: -1 }],
    });
    expect(shape.statusCode).toBe(400);
    const paths = shape.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["currency", "items[0].unitPrice"]));
    const refs = await call(
      "POST",
      "/api/v1/offers",
      {
        ...essentiel,
        id: "x2",
        lowerTierId: "nope",
        items: [essentiel.items[0], essentiel.items[0]],
      },
      "fr",
    );
    expect(refs.statusCode).toBe(400);
    expect(refs.json().error.details).toMatchObject([
      { path: "items[1].id", code: "duplicate_id" },
      { path: "lowerTierId", code: "unknown_reference" },
    ]);
    expect(refs.json().error.details[1].message).toMatch(/essentiel/);
    const loop = await call("PUT", "/api/v1/offers/essentiel", {
      ...essentiel,
      lowerTierId: "signature",
    });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.details[0]).toMatchObject({ code: "self_reference" });
  });

  it("creates, finds, pages, changes and removes clients", async () => {
    const julie = await call("POST", "/api/v1/clients", {
      name: "Julie Tremblay",
      company: "Boulangerie du Coin",
      emails: ["Julie@Example.com"],
      locale: "fr-CA",
    });
    expect(julie.statusCode, julie.body).toBe(201);
    expect(julie.json()).toMatchObject({ emails: ["julie@example.com"], archived: false });
    const taken = await call("POST", "/api/v1/clients", {
      name: "Other",
      emails: ["julie@EXAMPLE.com"],
      locale: "en",
    });
    expect(taken.statusCode).toBe(409);
    const bad = await call("POST", "/api/v1/clients", {
      name: "",
      emails: ["not-an-address"],
      locale: "french",
      timezone: "Mars/Olympus",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["name", "emails[0]", "locale", "timezone"]),
    );
    for (const name of ["Alex", "Béa", "Chloé"]) {
      const res = await call("POST", "/api/v1/clients", { name, locale: "en-CA" });
      expect(res.statusCode).toBe(201);
    }
    const page = (await call("GET", "/api/v1/clients?limit=2&offset=1")).json();
    expect(page.total).toBe(4);
    expect(page.items.map((c: { name: string }) => c.name)).toEqual(["Béa", "Chloé"]);
    const search = (await call("GET", "/api/v1/clients?q=boulangerie")).json();
    expect(search.items.map((c: { name: string }) => c.name)).toEqual(["Julie Tremblay"]);
    const id = julie.json().id as string;
    const patched = await call("PATCH", `/api/v1/clients/${id}`, {
      emails: ["julie@boulangerie.ca", "julie@example.com"],
      timezone: "America/Toronto",
    });
    expect(patched.json()).toMatchObject({
      name: "Julie Tremblay",
      emails: ["julie@boulangerie.ca", "julie@example.com"],
      timezone: "America/Toronto",
    });
    const alex = (await call("GET", "/api/v1/clients?q=alex")).json().items[0];
    const removed = await call("DELETE", `/api/v1/clients/${alex.id}`);
    expect(removed.json()).toEqual({ id: alex.id, outcome: "deleted" });
    expect((await call("GET", `/api/v1/clients/${alex.id}`)).statusCode).toBe(404);
  });

  it("archives what an engagement points to instead of deleting it", async () => {
    const client = (await call("GET", "/api/v1/clients?q=julie")).json().items[0];
    const engagement = await call("POST", "/api/v1/engagements", {
      clientId: client.id,
      offerId: "essentiel",
    });
    expect(engagement.statusCode, engagement.body).toBe(201);
    expect((await call("DELETE", "/api/v1/offers/signature")).json().outcome).toBe("deleted");
    expect((await call("DELETE", "/api/v1/offers/essentiel")).json().outcome).toBe("archived");
    expect((await call("GET", "/api/v1/offers")).json().items).toEqual([]);
    const all = (await call("GET", "/api/v1/offers?archived=true")).json().items;
    expect(all).toMatchObject([{ id: "essentiel", archived: true }]);
    expect((await call("DELETE", `/api/v1/clients/${client.id}`)).json().outcome).toBe("archived");
    expect((await call("GET", "/api/v1/clients?q=julie")).json().total).toBe(0);
    const kept = await call("GET", `/api/v1/engagements/${engagement.json().id}`);
    expect(kept.json()).toMatchObject({ clientId: client.id, offer: { id: "essentiel" } });
    const back = await call("PATCH", `/api/v1/clients/${client.id}`, { archived: false });
    expect(back.json().archived).toBe(false);
  });
});
