// A smaller package instead of a discount, on both engines: the client states a budget, sees the
// alternatives the decision computed (the lower tier, or the same offer minus items, with their
// distance to the budget) and accepts one in the portal — the request records the choice, the
// engagement moves to that package at that price (items removed, listed as not included), the
// audit log says who, and a second answer is refused. A member can record the client's choice
// (an engagement is created when there is none). Another client or workspace always gets 404.
import { afterAll, beforeAll, expect, it } from "vitest";
import { exampleCharterInput, offers } from "../factories/domain.ts";
import { startApp, type TestApp } from "../helpers/app.ts";
import { type ClientSession, clientSession, type Pro, signUpPro } from "../helpers/auth.ts";
import { describeEngines } from "../helpers/store.ts";

type Method = "GET" | "POST" | "PUT";

interface Alternative {
  index: number;
  offerId: string;
  offerName: string;
  sameOffer: boolean;
  removedItems: { id: string; name: string }[];
  items: { id: string; name: string; quantity: number }[];
  price: number;
  currency: string;
  budgetDelta: number | null;
  available: boolean;
}

describeEngines("discount alternatives: the client accepts a smaller package", (engine) => {
  let t: TestApp;
  const now = Date.parse("2026-03-02T15:00:00Z"); // Monday 10:00 in Toronto
  let pro: Pro;
  let other: Pro;
  let clientId: string;
  let neighbourId: string;
  let newcomerId: string;
  let engagementId: string;
  let client: ClientSession;
  let neighbour: ClientSession;
  let requestId: string;

  const as = (who: Pro, method: Method, url: string, payload?: unknown, lang = "fr") =>
    t.app.inject({
      method,
      url,
      headers: { ...who.asToken(), "accept-language": lang },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const call = (method: Method, url: string, payload?: unknown, lang = "fr") =>
    as(pro, method, url, payload, lang);
  const portal = (who: ClientSession, method: Method, url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { ...who.headers(), "accept-language": "fr" },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const audit = async (action: string) =>
    t.app.ctx.db
      .selectFrom("audit_log")
      .select(["actor", "target", "data"])
      .where("workspace_id", "=", pro.workspace.id)
      .where("action", "=", action)
      .execute();

  beforeAll(async () => {
    t = await startApp(engine, { now: () => now });
    pro = await signUpPro(t.app, { workspace: { timezone: "America/Toronto", locale: "fr-CA" } });
    other = await signUpPro(t.app);
    expect((await call("PUT", "/api/v1/charter", exampleCharterInput())).statusCode).toBe(200);
    expect((await call("POST", "/api/v1/charter/publish")).statusCode).toBe(201);
    for (const offer of offers)
      expect((await call("POST", "/api/v1/offers", offer)).statusCode).toBe(201);
    const add = async (name: string, email: string) =>
      (await call("POST", "/api/v1/clients", { name, emails: [email], locale: "fr-CA" })).json()
        .id as string;
    clientId = await add("Julie Gagnon", "julie@example.com");
    neighbourId = await add("Marc Roy", "marc@example.com");
    newcomerId = await add("Léa Martin", "lea@example.com");
    const engagement = await call("POST", "/api/v1/engagements", {
      clientId,
      offerId: "signature",
      startsOn: "2026-03-02",
      deliverables: [{ name: "Maquette", dueAt: "2026-03-20T12:00:00-04:00" }],
      obligations: [],
    });
    expect(engagement.statusCode, engagement.body).toBe(201);
    engagementId = engagement.json().id;
    client = await clientSession(t.app, pro, clientId);
    neighbour = await clientSession(t.app, pro, neighbourId);
  });
  afterAll(() => t.close());

  it("a discount request with a budget gets smaller packages, described for the client", async () => {
    const res = await portal(client, "POST", "/api/v1/portal/requests", {
      subject: "Un prix plus doux ?",
      body: "Mon budget est de 2 000 $.",
      kind: "discount",
      budget: 200_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    requestId = res.json().id;
    const decision = res.json().decision;
    expect(decision.outcome).toBe("propose");
    expect(decision.alternatives.length).toBeGreaterThan(1);

    const list = await portal(client, "GET", `/api/v1/portal/requests/${requestId}/alternatives`);
    expect(list.statusCode, list.body).toBe(200);
    const view = list.json();
    expect(view).toMatchObject({
      requestId,
      offer: { id: "signature", name: "Signature", price: 240_000, currency: "CAD" },
      budget: 200_000,
      currency: "CAD",
      chosen: null,
    });
    const alts: Alternative[] = view.alternatives;
    expect(alts.map((a) => a.price)).toEqual(
      decision.alternatives.map((a: Alternative) => a.price),
    );
    // Ordered by closeness to the budget, each with its distance to it.
    const distances = alts.map((a) => Math.abs(a.budgetDelta ?? Number.NaN));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const a of alts) expect(a.budgetDelta).toBe(a.price - 200_000);
    // The lower tier is among them, named, with what it includes.
    const tier = alts.find((a) => a.offerId === "essentiel");
    expect(tier).toMatchObject({ offerName: "Essentiel", sameOffer: false, price: 80_000 });
    expect(tier?.items.map((i) => i.id)).toEqual(["logo", "palette"]);
    // The same package minus items names what is removed and keeps the rest.
    const minus = alts.find((a) => a.offerId === "signature" && a.removedItems.length > 0);
    expect(minus?.sameOffer).toBe(true);
    expect(minus?.removedItems[0]?.name).toBeTruthy();
    expect(minus?.items.some((i) => minus.removedItems.some((r) => r.id === i.id))).toBe(false);

    // The portal list says there are alternatives and nothing was chosen yet.
    const mine = await portal(client, "GET", "/api/v1/portal/requests");
    expect(mine.json().items.find((r: { id: string }) => r.id === requestId)).toMatchObject({
      kind: "discount",
      alternatives: alts.length,
      chosenOption: null,
    });
  });

  it("another client, another workspace, or the wrong door gets nothing", async () => {
    const url = `/api/v1/portal/requests/${requestId}/alternatives`;
    expect((await portal(neighbour, "GET", url)).statusCode).toBe(404);
    expect((await portal(neighbour, "POST", `${url}/0/accept`)).statusCode).toBe(404);
    expect((await as(other, "GET", `/api/v1/requests/${requestId}/alternatives`)).statusCode).toBe(
      404,
    );
    expect(
      (await as(other, "POST", `/api/v1/requests/${requestId}/alternatives/0/accept`)).statusCode,
    ).toBe(404);
    // A client cannot use the member route, a member not the portal one.
    expect(
      (await portal(client, "POST", `/api/v1/requests/${requestId}/alternatives/0/accept`))
        .statusCode,
    ).toBe(403);
    expect((await call("POST", `${url}/0/accept`)).statusCode).toBe(403);
    // Without a session at all.
    const anonymous = await t.app.inject({ method: "POST", url: `${url}/0/accept` });
    expect(anonymous.statusCode).toBe(401);
    // No such alternative.
    const missing = await portal(client, "POST", `${url}/99/accept`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/forfait/);
    // Nothing changed anywhere.
    const engagement = (await call("GET", `/api/v1/engagements/${engagementId}`)).json();
    expect(engagement.offer.price).toBe(240_000);
    expect(await audit("request.alternative-accepted")).toHaveLength(0);
  });

  it("the client accepts one: request, engagement and audit change together, at that price", async () => {
    const alts: Alternative[] = (
      await portal(client, "GET", `/api/v1/portal/requests/${requestId}/alternatives`)
    ).json().alternatives;
    const pick = alts.find((a) => a.offerId === "signature" && a.removedItems.length > 0)!;
    const removed = pick.removedItems.map((r) => r.id);
    // A price in the body is not a thing: the decision's price applies.
    const res = await portal(
      client,
      "POST",
      `/api/v1/portal/requests/${requestId}/alternatives/${pick.index}/accept`,
      { price: 1 },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      requestId,
      chosenOption: "alternative",
      chosen: {
        index: pick.index,
        offerId: "signature",
        removedItems: removed,
        price: pick.price,
        currency: "CAD",
        engagementId,
        engagementCreated: false,
        by: `client:${clientId}`,
      },
      engagement: { id: engagementId, offerId: "signature", price: pick.price, created: false },
    });

    const engagement = (await call("GET", `/api/v1/engagements/${engagementId}`)).json();
    expect(engagement.offerId).toBe("signature");
    expect(engagement.offer.price).toBe(pick.price);
    expect(engagement.offer.items.map((i: { id: string }) => i.id)).toEqual(
      offers[1]!.items.map((i) => i.id).filter((id) => !removed.includes(id)),
    );
    expect(engagement.offer.excluded).toEqual(pick.removedItems.map((r) => r.name));
    // Deliverables and quotas stay as they were.
    expect(engagement.deliverables).toHaveLength(1);
    expect(engagement.offer.quotas).toEqual(offers[1]!.quotas);

    const stored = (await call("GET", `/api/v1/requests/${requestId}`)).json();
    expect(stored.chosenOption).toBe("alternative");
    expect(stored.decision.chosenAlternative).toMatchObject({
      index: pick.index,
      price: pick.price,
    });

    const entries = await audit("request.alternative-accepted");
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor).toBe(`client:${clientId}`);
    expect(entries[0]!.target).toBe(requestId);
    const data =
      typeof entries[0]!.data === "string" ? JSON.parse(entries[0]!.data) : entries[0]!.data;
    expect(data).toMatchObject({
      offerId: "signature",
      price: pick.price,
      previousOfferId: "signature",
      previousPrice: 240_000,
      engagementCreated: false,
    });

    // The choice shows in both views.
    const view = (await call("GET", `/api/v1/requests/${requestId}/alternatives`)).json();
    expect(view.chosen).toMatchObject({ index: pick.index, engagementId });
    expect(view.chosen.previous).toEqual({
      offerId: "signature",
      name: "Signature",
      price: 240_000,
    });
    // Still described as offered: the package asked about at its price then, what each removes.
    expect(view.offer).toMatchObject({ id: "signature", price: 240_000 });
    const described = (view.alternatives as Alternative[])[pick.index]!;
    expect(described.removedItems).toEqual(pick.removedItems);
    expect(described.items).toEqual(pick.items);
    const mine = await portal(client, "GET", "/api/v1/portal/requests");
    expect(mine.json().items.find((r: { id: string }) => r.id === requestId).chosenOption).toBe(
      "alternative",
    );
    // The portal shows the package the client now has.
    const me = (await portal(client, "GET", "/api/v1/portal/me")).json();
    expect(me.engagement.offer.items.map((i: { id: string }) => i.id)).not.toContain(removed[0]);
  });

  it("a second answer is refused, whichever alternative and whoever gives it", async () => {
    const url = `/api/v1/portal/requests/${requestId}/alternatives`;
    const again = await portal(client, "POST", `${url}/0/accept`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/déjà/);
    expect(
      (await call("POST", `/api/v1/requests/${requestId}/alternatives/1/accept`)).statusCode,
    ).toBe(409);
    expect(await audit("request.alternative-accepted")).toHaveLength(1);
  });

  it("from now on, the removed item is out of scope of the engagement", async () => {
    const removed = (await call("GET", `/api/v1/requests/${requestId}/alternatives`)).json().chosen
      .removedItems[0] as string;
    const res = await portal(client, "POST", "/api/v1/portal/requests", {
      subject: "Et ce qui a été retiré ?",
      body: "Pouvez-vous le faire quand même ?",
      kind: "task",
      offerItem: removed,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().decision.rules.map((r: { id: string }) => r.id)).toContain(
      "scope.out-of-offer",
    );
  });

  it("a member records the choice of a client without an engagement: one is created", async () => {
    const asked = await call("POST", "/api/v1/requests", {
      clientId: newcomerId,
      channel: "email",
      source: "phone-log",
      subject: "Budget serré",
      kind: "discount",
      offerId: "signature",
      budget: 90_000,
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const id = asked.json().id as string;
    const view = (await call("GET", `/api/v1/requests/${id}/alternatives`)).json();
    expect(view.offer, JSON.stringify(view)).toMatchObject({ id: "signature" });
    expect(
      view.alternatives.map((a: Alternative) => a.offerId),
      JSON.stringify(view),
    ).toContain("essentiel");
    const tier = (view.alternatives as Alternative[]).find((a) => a.offerId === "essentiel")!;
    expect(tier.budgetDelta).toBe(80_000 - 90_000);

    const res = await call("POST", `/api/v1/requests/${id}/alternatives/${tier.index}/accept`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().engagement).toMatchObject({
      offerId: "essentiel",
      offerName: "Essentiel",
      price: 80_000,
      created: true,
    });
    const created = (await call("GET", `/api/v1/engagements/${res.json().engagement.id}`)).json();
    expect(created).toMatchObject({
      clientId: newcomerId,
      offerId: "essentiel",
      title: "Essentiel",
      status: "active",
      offer: { id: "essentiel", price: 80_000 },
    });
    const entries = await audit("request.alternative-accepted");
    expect(entries.find((e) => e.target === id)?.actor).toBe(`user:${pro.user.id}`);
  });

  it("two answers at once: exactly one wins", async () => {
    const asked = await portal(client, "POST", "/api/v1/portal/requests", {
      subject: "Encore moins cher ?",
      kind: "discount",
      budget: 100_000,
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const id = asked.json().id as string;
    const count = asked.json().decision.alternatives.length as number;
    expect(count).toBeGreaterThan(1);
    const results = await Promise.all([
      portal(client, "POST", `/api/v1/portal/requests/${id}/alternatives/0/accept`),
      call("POST", `/api/v1/requests/${id}/alternatives/1/accept`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const entries = (await audit("request.alternative-accepted")).filter((e) => e.target === id);
    expect(entries).toHaveLength(1);
  });

  it("a request that is not a discount has no alternatives to accept", async () => {
    const asked = await portal(client, "POST", "/api/v1/portal/requests", {
      subject: "Une question",
      kind: "question",
    });
    const id = asked.json().id as string;
    const view = await portal(client, "GET", `/api/v1/portal/requests/${id}/alternatives`);
    expect(view.statusCode).toBe(200);
    expect(view.json().alternatives).toEqual([]);
    expect(
      (await portal(client, "POST", `/api/v1/portal/requests/${id}/alternatives/0/accept`))
        .statusCode,
    ).toBe(404);
  });
});
