// The web app's serving: "/" leads to /app, client-side routes get index.html (no-cache, CSP),
// hashed assets are immutable, a missing asset is a 404 (never HTML), and none of it is in the
// OpenAPI description. Uses a stand-in build in a temporary folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app.ts";

describe("web app serving", () => {
  let t: TestApp;
  let dist: string;
  const previous = process.env.CADRE_WEB_DIST;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), "cadre-web-dist-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><div id=root></div>");
    writeFileSync(join(dist, "assets", "index-abc123.js"), "console.log(1)");
    process.env.CADRE_WEB_DIST = dist;
    t = await startApp("sqlite");
  });
  afterAll(async () => {
    await t.close();
    if (previous === undefined) delete process.env.CADRE_WEB_DIST;
    else process.env.CADRE_WEB_DIST = previous;
    rmSync(dist, { recursive: true, force: true });
  });

  it("sends / to /app", async () => {
    const res = await t.app.inject({ method: "GET", url: "/" });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe("/app");
  });

  it("answers every client-side route with index.html", async () => {
    for (const url of [
      "/app",
      "/app/inbox",
      "/app/clients/x",
      "/portal",
      "/invite",
      "/signin",
      "/signup",
    ]) {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"]).toMatch(/text\/html/);
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.headers["content-security-policy"]).toMatch(/script-src 'self'/);
      expect(res.body).toContain("id=root");
    }
  });

  it("serves hashed assets with immutable caching, and 404 for a missing one", async () => {
    const asset = await t.app.inject({ method: "GET", url: "/app/assets/index-abc123.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toMatch(/immutable/);
    const missing = await t.app.inject({ method: "GET", url: "/app/assets/nope-000.js" });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).not.toMatch(/text\/html/);
  });

  it("keeps the web routes out of the OpenAPI description", async () => {
    const spec = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(spec.paths).filter((p) => !p.startsWith("/api/"))).toEqual([]);
  });
});

describe("web app without a build", () => {
  let t: TestApp;
  const previous = process.env.CADRE_WEB_DIST;
  beforeAll(async () => {
    process.env.CADRE_WEB_DIST = join(tmpdir(), "cadre-no-such-build");
    t = await startApp("sqlite");
  });
  afterAll(async () => {
    await t.close();
    if (previous === undefined) delete process.env.CADRE_WEB_DIST;
    else process.env.CADRE_WEB_DIST = previous;
  });

  it("answers 503 in the visitor's language", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/app/inbox",
      headers: { "accept-language": "fr-CA" },
    });
    expect(res.statusCode).toBe(503);
    expect(res.body).toMatch(/pas encore construite/);
  });
});
