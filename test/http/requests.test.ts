import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleCharterInput, offers } from "../factories/domain.ts";
import { startApp, type TestApp } from "../helpers/app.ts";
import { clientSession, signUpPro } from "../helpers/auth.ts";
import { describeEngines } from "../helpers/store.ts";

type Pro = Awaited<ReturnType<typeof signUpPro>>;

/** A workspace with the example charter published, two offers, a client and an engagement. */
async function setUpWorkspace(t: TestApp, slug: string) {
  const pro = await signUpPro(t.app, { workspace: { slug } });
  const h = pro.asToken();
  const put = await t.app.inject({
    method: "PUT",
    url: "/api/v1/charter",
    headers: h,
    payload: exampleCharterInput(),
  });
  expect(put.statusCode).toBe(200);
  const pub = await t.app.inject({ method: "POST", url: "/api/v1/charter/publish", headers: h });
  expect(pub.statusCode).toBe(201);
  for (const offer of offers) {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/offers",
      headers: h,
      payload: offer,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const client = await t.app.inject({
    method: "POST",
    url: "/api/v1/clients",
    headers: h,
    payload: { name: "Camille Roy", emails: ["camille@client.example"], locale: "fr-CA" },
  });
  expect(client.statusCode, client.body).toBe(201);
  const clientId = client.json().id as string;
  const engagement = await t.app.inject({
    method: "POST",
    url: "/api/v1/engagements",
    headers: h,
    payload: {
      clientId,
      offerId: "signature",
      title: "Identité visuelle",
      deliverables: [],
      obligations: [],
    },
  });
  expect(engagement.statusCode, engagement.body).toBe(201);
  return { pro, clientId, engagementId: engagement.json().id as string };
}

describeEngines("requests, ledger and portal over HTTP", (engine) => {
  let t: TestApp;
  let pro: Pro;
  let clientId: string;
  beforeAll(async () => {
    t = await startApp(engine);
    ({ pro, clientId } = await setUpWorkspace(t, "studio-lumen"));
  });
  afterAll(() => t.close());

  const intake = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/requests",
      headers: { ...pro.asToken(), ...headers },
      payload: { clientId, ...payload },
    });

  it("takes in a Friday-night e-mail: deferred, stored, reply drafted in the client's language", async () => {
    const res = await intake({
      channel: "email",
      receivedAt: "2026-11-27T21:30:00-05:00",
      subject: "Logo",
      body: "Bonjour…",
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.decision.outcome).toBe("defer");
    expect(body.decision.dueAt).toBe("2026-12-02T15:00:00.000Z");
    expect(body.reply.locale).toBe("fr-CA");
    expect(body.reply.body).toMatch(/HNE/);
    // Signed by the professional, like a letter.
    expect(body.reply.body.trimEnd().split("\n").at(-1)).toBe(pro.user.name);
    const stored = await t.app.inject({
      method: "GET",
      url: `/api/v1/requests/${body.id}`,
      headers: pro.asToken(),
    });
    expect(stored.json()).toMatchObject({
      id: body.id,
      status: "open",
      outcome: "defer",
      channel: "email",
    });
  });

  it("records violations with the request, in the same transaction", async () => {
    const res = await intake({
      channel: "sms",
      receivedAt: "2026-11-24T10:00:00-05:00",
      subject: "Texto",
      body: "Allo",
    });
    expect(res.json().decision.outcome).toBe("redirect");
    const list = await t.app.inject({
      method: "GET",
      url: `/api/v1/violations?clientId=${clientId}`,
      headers: pro.asToken(),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual(
      expect.objectContaining({
        ruleId: "channel.not-accepted",
        requestId: res.json().id,
        category: "communication",
      }),
    );
  });

  it("orders the open inbox by due time", async () => {
    await intake({
      channel: "portal",
      receivedAt: "2026-11-23T09:30:00-05:00",
      subject: "Early",
      body: ".",
    });
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/requests?status=open",
      headers: pro.asToken(),
    });
    const dues = res.json().items.map((r: { dueAt: string }) => r.dueAt);
    expect(dues.length).toBeGreaterThanOrEqual(3);
    expect([...dues].sort()).toEqual(dues);
  });

  it("an Idempotency-Key makes a retried intake return the stored request", async () => {
    const payload = {
      channel: "portal",
      receivedAt: "2026-11-24T10:00:00-05:00",
      subject: "Retry",
      body: ".",
    };
    const first = await intake(payload, { "idempotency-key": "retry-1" });
    const second = await intake(payload, { "idempotency-key": "retry-1" });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(first.json().id);
  });

  it("edits the reply, answers it into the outbox, then closes", async () => {
    const created = await intake({
      channel: "portal",
      receivedAt: "2026-11-24T10:00:00-05:00",
      subject: "Question",
      body: "?",
    });
    const id = created.json().id;
    const edit = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/requests/${id}`,
      headers: pro.asToken(),
      payload: { reply: { body: "Bonjour Camille, voici…" } },
    });
    expect(edit.json().request.reply.body).toBe("Bonjour Camille, voici…");
    const answer = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/requests/${id}`,
      headers: pro.asToken(),
      payload: { action: "answer" },
    });
    expect(answer.json().request.status).toBe("answered");
    expect(answer.json().mailId).toEqual(expect.any(String));
    const close = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/requests/${id}`,
      headers: pro.asToken(),
      payload: { action: "close" },
    });
    expect(close.json().request.status).toBe("closed");
  });

  it("a chosen rush counts toward the month's cap", async () => {
    const rush = {
      channel: "portal",
      receivedAt: "2026-11-24T10:00:00-05:00",
      neededBy: "2026-11-25T10:00:00-05:00",
      subject: "Vite",
      body: ".",
    };
    const first = await intake(rush);
    expect(first.json().decision.outcome).toBe("propose");
    const notOffered = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/requests/${first.json().id}`,
      headers: pro.asToken(),
      payload: { chosenOption: "change-order" },
    });
    expect(notOffered.statusCode).toBe(400);
    const chose = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/requests/${first.json().id}`,
      headers: pro.asToken(),
      payload: { chosenOption: "rush" },
    });
    expect(chose.statusCode).toBe(200);
    const second = await intake({
      ...rush,
      receivedAt: "2026-11-26T10:00:00-05:00",
      neededBy: "2026-11-27T10:00:00-05:00",
    });
    expect(second.json().decision.outcome).toBe("decline");
    expect(second.json().decision.rules.map((r: { id: string }) => r.id)).toContain(
      "requests.rush-cap",
    );
  });

  it("grants an exception and shows it beside the violations per client", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/exceptions",
      headers: pro.asToken(),
      payload: {
        clientId,
        rule: "requests.lead-time",
        reason: "Lancement reporté par un fournisseur",
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const ledger = await t.app.inject({
      method: "GET",
      url: "/api/v1/exceptions",
      headers: pro.asToken(),
    });
    const row = ledger.json().byClient.find((c: { clientId: string }) => c.clientId === clientId);
    expect(row.exceptions).toBe(1);
    expect(row.violations).toBeGreaterThanOrEqual(1);
  });

  it("dry-runs against the published charter or an inline one, storing nothing", async () => {
    const before = (
      await t.app.inject({ method: "GET", url: "/api/v1/requests", headers: pro.asToken() })
    ).json().total;
    const published = await t.app.inject({
      method: "POST",
      url: "/api/v1/evaluate",
      headers: pro.asToken(),
      payload: {
        clientId,
        request: {
          channel: "email",
          receivedAt: "2026-11-28T10:00:00-05:00",
          subject: "s",
          body: "b",
        },
      },
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().outcome).toBe("defer");
    const inline = await t.app.inject({
      method: "POST",
      url: "/api/v1/evaluate",
      headers: pro.asToken(),
      payload: {
        charter: {
          ...exampleCharterInput(),
          hours: { ...exampleCharterInput().hours, sat: [["09:00", "12:00"]] },
        },
        request: {
          channel: "email",
          receivedAt: "2026-11-28T10:00:00-05:00",
          subject: "s",
          body: "b",
        },
      },
    });
    expect(inline.json().outcome).toBe("accept");
    const broken = await t.app.inject({
      method: "POST",
      url: "/api/v1/evaluate",
      headers: { ...pro.asToken(), "accept-language": "fr" },
      payload: {
        charter: {
          ...exampleCharterInput(),
          timezone: "Mars/Olympus",
          hours: { mon: [["25:00", "12:00"]] },
        },
        request: { channel: "email", subject: "s", body: "b" },
      },
    });
    expect(broken.statusCode).toBe(422);
    const paths = broken.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["charter.timezone", "charter.hours.mon[0][0]"]));
    const after = (
      await t.app.inject({ method: "GET", url: "/api/v1/requests", headers: pro.asToken() })
    ).json().total;
    expect(after).toBe(before);
  });

  it("refuses bad input with a localised 400 naming the field, and unknown clients with 404", async () => {
    const missing = await t.app.inject({
      method: "POST",
      url: "/api/v1/requests",
      headers: { ...pro.asToken(), "accept-language": "fr-CA" },
      payload: { channel: "email" },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { path: string }) => d.path)).toContain("clientId");
    expect(missing.json().error.message).toMatch(/incorrectes/);
    const badDate = await intake({
      channel: "email",
      receivedAt: "vendredi soir",
      subject: "s",
      body: "b",
    });
    expect(badDate.statusCode).toBe(400);
    const nul = await t.app.inject({
      method: "POST",
      url: "/api/v1/requests",
      headers: { ...pro.asToken(), "accept-language": "en" },
      payload: { clientId, channel: "email", subject: "a\u0000b", body: "b" },
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.details).toEqual([
      { path: "subject", code: "nul_character", message: expect.stringMatching(/null character/) },
    ]);
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/v1/requests",
      headers: pro.asToken(),
      payload: { clientId: "nope", channel: "email", subject: "s", body: "b" },
    });
    expect(unknown.statusCode).toBe(404);
  });

  describe("client portal", () => {
    it("a client submits a request, sees the decision, and sees only their own requests", async () => {
      const client = await clientSession(t.app, pro, clientId);
      const me = await t.app.inject({
        method: "GET",
        url: "/api/v1/portal/me",
        headers: client.headers(),
      });
      expect(me.statusCode, me.body).toBe(200);
      expect(me.json().engagement.quotas).toContainEqual({
        quota: "meetings",
        included: 4,
        used: 0,
        left: 4,
      });
      const submitted = await t.app.inject({
        method: "POST",
        url: "/api/v1/portal/requests",
        headers: client.headers(),
        payload: { subject: "Question", body: "Est-ce possible ?" },
      });
      expect(submitted.statusCode, submitted.body).toBe(201);
      expect(submitted.json().decision.dueAt).toEqual(expect.any(String));
      const other = await t.app.inject({
        method: "POST",
        url: "/api/v1/clients",
        headers: pro.asToken(),
        payload: { name: "Autre", emails: ["autre@client.example"], locale: "en-CA" },
      });
      await t.app.inject({
        method: "POST",
        url: "/api/v1/requests",
        headers: pro.asToken(),
        payload: { clientId: other.json().id, channel: "portal", subject: "Not yours", body: "." },
      });
      const mine = await t.app.inject({
        method: "GET",
        url: "/api/v1/portal/requests",
        headers: client.headers(),
      });
      expect(mine.json().items.every((r: { subject: string }) => r.subject !== "Not yours")).toBe(
        true,
      );
      expect(mine.json().items.some((r: { id: string }) => r.id === submitted.json().id)).toBe(
        true,
      );
    });

    it("acknowledges the published charter", async () => {
      const client = await clientSession(t.app, pro, clientId);
      const stale = await t.app.inject({
        method: "POST",
        url: "/api/v1/portal/acknowledge",
        headers: client.headers(),
        payload: { version: 99 },
      });
      expect(stale.statusCode).toBe(409);
      const ok = await t.app.inject({
        method: "POST",
        url: "/api/v1/portal/acknowledge",
        headers: client.headers(),
        payload: { version: 1 },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      const me = await t.app.inject({
        method: "GET",
        url: "/api/v1/portal/me",
        headers: client.headers(),
      });
      expect(me.json().charter.acknowledged).toBe(true);
    });

    it("a client cannot use the professional's routes", async () => {
      const client = await clientSession(t.app, pro, clientId);
      const res = await t.app.inject({
        method: "GET",
        url: "/api/v1/requests",
        headers: client.headers(),
      });
      expect(res.statusCode).toBe(403);
    });
  });

  it("a workspace without a published charter cannot take requests yet", async () => {
    const fresh = await signUpPro(t.app, { workspace: { slug: "atelier-neuf" } });
    const client = await t.app.inject({
      method: "POST",
      url: "/api/v1/clients",
      headers: fresh.asToken(),
      payload: { name: "X", emails: ["x@client.example"], locale: "en" },
    });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/requests",
      headers: fresh.asToken(),
      payload: { clientId: client.json().id, channel: "email", subject: "s", body: "b" },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/publish/);
    // Tenants never see each other's data: this workspace cannot read the first one's request.
    const list = await t.app.inject({
      method: "GET",
      url: "/api/v1/requests",
      headers: fresh.asToken(),
    });
    expect(list.json().total).toBe(0);
  });
});
