// The precomputed security headers are exactly what @fastify/helmet sets with our options.
import helmet from "@fastify/helmet";
import Fastify from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SECURITY_HEADERS } from "../../src/http/security-headers.ts";
import { startApp, type TestApp } from "../helpers/app.ts";
import { describeEngines } from "../helpers/store.ts";

async function helmetHeaders(): Promise<Record<string, unknown>> {
  const reference = Fastify();
  await reference.register(helmet, {
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
  });
  reference.get("/", async () => ({ ok: true }));
  const res = await reference.inject({ method: "GET", url: "/" });
  await reference.close();
  const {
    "content-type": _t,
    "content-length": _l,
    date: _d,
    connection: _c,
    ...rest
  } = res.headers;
  return rest;
}

describeEngines("security headers", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(engine);
  });
  afterAll(() => t.close());

  it("match helmet's defaults (without CSP and COEP)", async () => {
    expect(SECURITY_HEADERS).toEqual(await helmetHeaders());
  });

  it("are on every response: a route, a 404, an error", async () => {
    for (const url of ["/api/health", "/api/nowhere", "/api/v1/requests"]) {
      const res = await t.app.inject({ method: "GET", url });
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(res.headers[name], `${url} ${name}`).toBe(value);
      }
      expect(res.headers["x-powered-by"]).toBeUndefined();
    }
  });
});
