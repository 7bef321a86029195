// Intake keeps the client, their engagement and the offers in a short-lived cache: a change made
// through the API must apply to the very next intake.
import { afterAll, beforeAll, expect, it } from "vitest";
import { cachedRead, invalidateCatalog } from "../../src/services/requests/catalog-cache.ts";
import { exampleCharterInput, offers } from "../factories/domain.ts";
import { startApp, type TestApp } from "../helpers/app.ts";
import { signUpPro } from "../helpers/auth.ts";
import { describeEngines } from "../helpers/store.ts";

describeEngines("intake after catalog changes", (engine) => {
  let t: TestApp;
  let h: Record<string, string>;
  let clientId: string;
  beforeAll(async () => {
    t = await startApp(engine);
    const pro = await signUpPro(t.app);
    h = pro.asToken();
    await t.app.inject({
      method: "PUT",
      url: "/api/v1/charter",
      headers: h,
      payload: exampleCharterInput(),
    });
    await t.app.inject({ method: "POST", url: "/api/v1/charter/publish", headers: h });
    for (const offer of offers) {
      await t.app.inject({ method: "POST", url: "/api/v1/offers", headers: h, payload: offer });
    }
    const client = await t.app.inject({
      method: "POST",
      url: "/api/v1/clients",
      headers: h,
      payload: { name: "Camille Roy", emails: ["camille@cache.example"], locale: "fr-CA" },
    });
    clientId = client.json().id;
  });
  afterAll(() => t.close());

  const intake = async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/requests",
      headers: h,
      payload: { clientId, channel: "email", subject: "Logo", body: "Bonjour" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const stored = await t.app.inject({
      method: "GET",
      url: `/api/v1/requests/${res.json().id}`,
      headers: h,
    });
    return stored.json() as {
      engagementId: string | null;
      reply: { locale: string; body: string };
    };
  };

  it("uses the client's new name and language at once", async () => {
    expect((await intake()).reply.body).toContain("Camille Roy");
    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/clients/${clientId}`,
      headers: h,
      payload: { name: "Camille Tremblay", locale: "en" },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const after = await intake();
    expect(after.reply.locale).toBe("en");
    expect(after.reply.body).toContain("Camille Tremblay");
  });

  it("applies a new engagement at once, and stops when it is completed", async () => {
    expect((await intake()).engagementId).toBeNull();
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/engagements",
      headers: h,
      payload: { clientId, offerId: "signature", deliverables: [], obligations: [] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const engagementId = created.json().id as string;
    expect((await intake()).engagementId).toBe(engagementId);
    const completed = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/engagements/${engagementId}`,
      headers: h,
      payload: { status: "completed" },
    });
    expect(completed.statusCode, completed.body).toBe(200);
    expect((await intake()).engagementId).toBeNull();
  });

  it("does not keep a read that overlapped an invalidation", async () => {
    const ctx = t.app.ctx;
    let loads = 0;
    const load = async () => {
      loads++;
      // A write is committed (and invalidates) while this read is in flight.
      if (loads === 1) invalidateCatalog(ctx, "ws-overlap");
      return `value ${loads}`;
    };
    expect(await cachedRead(ctx, "ws-overlap", "k", load)).toBe("value 1");
    expect(await cachedRead(ctx, "ws-overlap", "k", load)).toBe("value 2");
    expect(await cachedRead(ctx, "ws-overlap", "k", load)).toBe("value 2");
    expect(loads).toBe(2);
    invalidateCatalog(ctx, "ws-overlap");
    expect(await cachedRead(ctx, "ws-overlap", "k", load)).toBe("value 3");
  });
});
