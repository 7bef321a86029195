import { afterAll, beforeAll, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app.ts";
import { describeEngines } from "../helpers/store.ts";

describeEngines("health, errors and OpenAPI", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(engine);
  });
  afterAll(() => t.close());

  it("answers health with the engine", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", engine });
  });

  it("serves the OpenAPI description and the docs", async () => {
    const spec = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(spec.statusCode).toBe(200);
    expect(spec.json().paths["/api/health"]).toBeDefined();
    const docs = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
  });

  it("answers an unknown route with a localised 404", async () => {
    const fr = await t.app.inject({
      method: "GET",
      url: "/api/v1/nowhere",
      headers: { "accept-language": "fr-CA,fr;q=0.9,en;q=0.5" },
    });
    expect(fr.statusCode).toBe(404);
    expect(fr.json().error).toMatchObject({ code: "not_found" });
    expect(fr.json().error.message).toMatch(/Introuvable/);
    const en = await t.app.inject({ method: "GET", url: "/api/v1/nowhere" });
    expect(en.json().error.message).toMatch(/Not found/);
  });
});
