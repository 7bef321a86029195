import { afterAll, beforeAll, expect, it } from "vitest";
import { exampleCharterInput } from "../factories/domain.ts";
import { startApp, type TestApp } from "../helpers/app.ts";
import { type Pro, signUpPro } from "../helpers/auth.ts";
import { essentiel } from "../helpers/catalog.ts";
import { describeEngines } from "../helpers/store.ts";

const now = Date.parse("2026-06-01T13:00:00Z");
const broken = {
  schema: "cadre.charter/1",
  timezone: "Mars/Olympus",
  locales: ["francais"],
  hours: { mon: [["9h", "17:00"]] },
  channels: [],
};

describeEngines("charter: draft, publish, versions, public page", (engine) => {
  let t: TestApp;
  let pro: Pro;
  const call = (method: "GET" | "PUT" | "POST", url: string, payload?: unknown, lang = "en") =>
    t.app.inject({
      method,
      url,
      headers: { ...pro.asToken(), "accept-language": lang },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    t = await startApp(engine, { now: () => now });
    pro = await signUpPro(t.app, {
      workspace: { name: "Studio Nord", timezone: "America/Toronto", locale: "fr-CA" },
    });
  });
  afterAll(() => t.close());

  it("starts from a draft built from the workspace", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/v1/charter" })).statusCode).toBe(401);
    const res = await call("GET", "/api/v1/charter");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      schema: "cadre.charter/1",
      timezone: "America/Toronto",
      locales: ["fr-CA", "en-CA"],
      holidays: { country: "CA", region: "QC" },
      hours: { mon: [["09:00", "17:00"]], sat: [] },
      channels: [{ id: "portal", accepted: true }, { id: "email", accepted: true }, {}, {}],
    });
  });

  it("stores an incomplete draft, but only a cadre.charter/1 object", async () => {
    const wrong = await call("PUT", "/api/v1/charter", { schema: "other", hours: {} }, "fr");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0]).toMatchObject({ path: "schema" });
    expect((await call("PUT", "/api/v1/charter", [1, 2])).statusCode).toBe(400);
    const saved = await call("PUT", "/api/v1/charter", broken);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await call("GET", "/api/v1/charter")).json()).toEqual(broken);
  });

  it("refuses to publish with every problem, localised, and writes nothing", async () => {
    const en = await call("POST", "/api/v1/charter/publish");
    expect(en.statusCode).toBe(422);
    const paths = en.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(["timezone", "locales[0]", "hours.mon[0][0]", "channels"]),
    );
    expect(en.json().error.message).toMatch(/cannot be published yet/);
    const fr = await call("POST", "/api/v1/charter/publish", undefined, "fr");
    expect(fr.json().error.message).toMatch(/ne peut pas encore être publiée/);
    expect(fr.json().error.details).toHaveLength(paths.length);
    const zone = fr.json().error.details.find((d: { path: string }) => d.path === "timezone");
    expect(zone.message).toMatch(/fuseau horaire/);
    expect((await call("GET", "/api/v1/charter/versions")).json().items).toEqual([]);
  });

  it("publishes immutable versions numbered 1, 2…", async () => {
    expect((await call("PUT", "/api/v1/charter", exampleCharterInput())).statusCode).toBe(200);
    const first = await call("POST", "/api/v1/charter/publish");
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ version: 1, publishedAt: "2026-06-01T13:00:00.000Z" });
    const changed = { ...exampleCharterInput(), timezone: "America/Vancouver" };
    await call("PUT", "/api/v1/charter", changed);
    expect((await call("POST", "/api/v1/charter/publish")).json().version).toBe(2);
    const v1 = await call("GET", "/api/v1/charter/versions/1");
    expect(v1.json()).toMatchObject({ version: 1, publishedBy: pro.user.id });
    expect(v1.json().charter.timezone).toBe("America/Toronto");
    const list = (await call("GET", "/api/v1/charter/versions")).json().items;
    expect(list.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await call("GET", "/api/v1/charter/versions/9")).statusCode).toBe(404);
    expect((await call("GET", "/api/v1/charter/versions/zero")).statusCode).toBe(400);
  });

  it("gives concurrent publishes distinct versions", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => call("POST", "/api/v1/charter/publish")),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const versions = results.map((r) => r.json().version as number).sort((a, b) => a - b);
    expect(versions).toEqual([3, 4, 5, 6, 7]);
  });

  it("shows the published charter and offers publicly, 404 otherwise", async () => {
    expect((await call("POST", "/api/v1/offers", essentiel)).statusCode).toBe(201);
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/public/${pro.workspace.slug}/charter`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      workspace: { name: "Studio Nord", slug: pro.workspace.slug, timezone: "America/Toronto" },
      version: 7,
      charter: { timezone: "America/Vancouver" },
      offers: [{ id: "essentiel", anchor: "offer-essentiel", items: [{ unitPrice: 60_000 }, {}] }],
    });
    const unknown = await t.app.inject({
      method: "GET",
      url: "/api/v1/public/nobody-here/charter",
      headers: { "accept-language": "fr" },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/Introuvable/);
    const other = await signUpPro(t.app);
    const unpublished = await t.app.inject({
      method: "GET",
      url: `/api/v1/public/${other.workspace.slug}/charter`,
    });
    expect(unpublished.statusCode).toBe(404);
  });

  it("documents the routes in OpenAPI", async () => {
    const spec = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    for (const path of [
      "/api/v1/charter",
      "/api/v1/charter/publish",
      "/api/v1/charter/versions/{version}",
      "/api/v1/public/{slug}/charter",
      "/api/v1/offers/{id}",
      "/api/v1/clients",
      "/api/v1/engagements/{id}/obligations/{obligationId}/late",
    ]) {
      expect(spec.paths[path], path).toBeDefined();
    }
  });
});
