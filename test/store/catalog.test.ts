import { afterAll, beforeAll, expect, it } from "vitest";
import { charterSchema } from "../../src/domain/charter/schema.ts";
import type { Store } from "../../src/store/db.ts";
import * as charters from "../../src/store/repositories/charters.ts";
import * as clients from "../../src/store/repositories/clients.ts";
import * as engagements from "../../src/store/repositories/engagements.ts";
import * as obligations from "../../src/store/repositories/obligations.ts";
import * as offers from "../../src/store/repositories/offers.ts";
import { exampleCharterInput } from "../factories/domain.ts";
import { addWorkspace, essentiel, signature } from "../helpers/catalog.ts";
import { describeEngines, freshStore } from "../helpers/store.ts";

const at = Date.parse("2026-06-01T13:00:00Z");

describeEngines("catalog repositories", (engine) => {
  let store: Store;
  let a: string;
  let b: string;
  beforeAll(async () => {
    store = await freshStore(engine);
    a = (await addWorkspace(store)).id;
    b = (await addWorkspace(store)).id;
  });
  afterAll(() => store.close());

  it("keeps one draft per workspace and numbered, immutable versions", async () => {
    expect(await charters.getDraft(store.db, a)).toBeNull();
    await charters.putDraft(store.db, a, { schema: "cadre.charter/1", timezone: "x" }, at);
    await charters.putDraft(store.db, a, { schema: "cadre.charter/1", hours: {} }, at + 1);
    expect((await charters.getDraft(store.db, a))?.document).toEqual({
      schema: "cadre.charter/1",
      hours: {},
    });
    expect(await charters.getPublished(store.db, a)).toBeNull();
    const charter = charterSchema.parse(exampleCharterInput());
    for (const version of [1, 2]) {
      await charters.insertVersion(store.db, a, {
        version,
        charter,
        publishedAt: at,
        publishedBy: null,
      });
    }
    await expect(
      charters.insertVersion(store.db, a, {
        version: 2,
        charter,
        publishedAt: at,
        publishedBy: null,
      }),
    ).rejects.toThrow();
    expect(await charters.latestVersionNumber(store.db, a)).toBe(2);
    const published = await charters.getPublished(store.db, a);
    expect(published).toMatchObject({ version: 2, publishedAt: "2026-06-01T13:00:00.000Z" });
    expect(published?.charter.timezone).toBe("America/Toronto");
    expect((await charters.listVersions(store.db, a)).map((v) => v.version)).toEqual([2, 1]);
    expect(await charters.getPublished(store.db, b)).toBeNull();
    expect(await charters.getVersion(store.db, b, 1)).toBeNull();
  });

  it("stores offers per workspace, archived ones apart", async () => {
    await offers.insert(store.db, a, essentiel, at);
    await offers.insert(store.db, a, signature, at + 1);
    await offers.insert(store.db, b, essentiel, at);
    expect((await offers.list(store.db, a)).map((o) => o.id)).toEqual(["essentiel", "signature"]);
    expect(await offers.isReferenced(store.db, a, "essentiel")).toBe(true); // lower tier
    expect(await offers.isReferenced(store.db, a, "signature")).toBe(false);
    await offers.setArchived(store.db, a, "signature", at);
    expect((await offers.list(store.db, a)).map((o) => o.id)).toEqual(["essentiel"]);
    expect((await offers.get(store.db, a, "signature"))?.archived).toBe(true);
    expect(await offers.update(store.db, b, { ...signature }, at)).toBe(false);
  });

  it("finds clients by any of their addresses, searches and pages them", async () => {
    await clients.insert(
      store.db,
      a,
      "c1",
      {
        name: "Julie Tremblay",
        company: "Boulangerie",
        emails: ["Julie@Example.com", "j@bakery.ca"],
        locale: "fr-CA",
        timezone: null,
        notes: null,
      },
      at,
    );
    await clients.insert(
      store.db,
      a,
      "c2",
      {
        name: "Sam Lee",
        company: null,
        emails: ["sam@lee.dev"],
        locale: "en-CA",
        timezone: "America/Vancouver",
        notes: "50%_off",
      },
      at,
    );
    await clients.insert(
      store.db,
      b,
      "c3",
      {
        name: "Julie Autre",
        company: null,
        emails: ["julie@example.com"],
        locale: "fr-CA",
        timezone: null,
        notes: null,
      },
      at,
    );
    expect((await clients.findByEmail(store.db, a, " JULIE@example.com"))?.id).toBe("c1");
    expect((await clients.findByEmail(store.db, b, "julie@example.com"))?.id).toBe("c3");
    expect(await clients.findByEmail(store.db, b, "sam@lee.dev")).toBeNull();
    expect((await clients.get(store.db, a, "c1"))?.emails).toEqual([
      "julie@example.com",
      "j@bakery.ca",
    ]);
    expect(await clients.get(store.db, b, "c1")).toBeNull();
    const bakery = await clients.list(store.db, a, { q: "BAKERY", limit: 10, offset: 0 });
    expect(bakery.items.map((c) => c.id)).toEqual(["c1"]);
    const byName = await clients.list(store.db, a, { q: "lee", limit: 10, offset: 0 });
    expect(byName.items.map((c) => c.id)).toEqual(["c2"]);
    expect((await clients.list(store.db, a, { q: "%", limit: 10, offset: 0 })).total).toBe(0);
    const page = await clients.list(store.db, a, { limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 2, items: [{ id: "c2" }] });
    expect(await clients.emailsTaken(store.db, a, ["sam@lee.dev"], "c1")).toEqual(["sam@lee.dev"]);
    expect(await clients.emailsTaken(store.db, a, ["sam@lee.dev"], "c2")).toEqual([]);
  });

  it("stores engagements with their offer snapshot, deliverables, obligations and usage", async () => {
    await engagements.insert(
      store.db,
      a,
      {
        id: "e1",
        clientId: "c1",
        offerId: "essentiel",
        title: "Identité",
        offer: essentiel,
        startsOn: "2026-06-01",
        endsOn: null,
        extraQuota: { meetings: 1 },
        extraItems: [],
        deliverables: [{ id: "d1", name: "Logo", dueAt: Date.parse("2026-06-19T21:00:00Z") }],
        obligations: [
          {
            id: "o1",
            name: "Photos",
            dueAt: Date.parse("2026-06-12T21:00:00Z"),
            shiftBusinessDays: 3,
            deliverableIds: ["d1"],
          },
        ],
      },
      at,
    );
    const e = await engagements.get(store.db, a, "e1");
    expect(e).toMatchObject({ clientId: "c1", status: "active", offer: { id: "essentiel" } });
    expect(e?.deliverables).toMatchObject([
      {
        id: "d1",
        dueAt: "2026-06-19T21:00:00.000Z",
        originalDueAt: "2026-06-19T21:00:00.000Z",
        deliveredAt: null,
      },
    ]);
    expect(e?.obligations).toMatchObject([
      { id: "o1", status: "pending", deliverableIds: ["d1"], shiftedBusinessDays: 0 },
    ]);
    expect((await engagements.activeForClient(store.db, a, "c1"))?.id).toBe("e1");
    expect(await engagements.activeForClient(store.db, b, "c1")).toBeNull();
    expect(await engagements.get(store.db, b, "e1")).toBeNull();
    expect(await engagements.updateUsage(store.db, a, "e1", { meetings: 1 }, at)).toEqual({
      meetings: 1,
    });
    expect(
      await engagements.updateUsage(store.db, a, "e1", { meetings: 1, hours: 1.5 }, at),
    ).toEqual({ meetings: 2, hours: 1.5 });
    expect(await engagements.updateUsage(store.db, b, "e1", { meetings: 1 }, at)).toBeNull();
    expect(await offers.isReferenced(store.db, a, "essentiel")).toBe(true);
    expect(await clients.isReferenced(store.db, a, "c1")).toBe(true);
    expect(await clients.isReferenced(store.db, a, "c2")).toBe(false);
  });

  it("lets a consequence claim an obligation once, and finds due ones", async () => {
    const due = await obligations.dueForSweep(store.db, Date.parse("2026-06-13T00:00:00Z"), 10);
    expect(due).toEqual([
      { workspaceId: a, engagementId: "e1", id: "o1", dueAt: "2026-06-12T21:00:00.000Z" },
    ]);
    expect(await obligations.dueForSweep(store.db, Date.parse("2026-06-12T20:00:00Z"), 10)).toEqual(
      [],
    );
    const fresh = { applied: false, shiftedBusinessDays: 0 };
    expect(await obligations.claimConsequence(store.db, a, "o1", fresh, 3, at)).toBe(true);
    expect(await obligations.claimConsequence(store.db, a, "o1", fresh, 3, at)).toBe(false);
    expect(
      await obligations.claimConsequence(
        store.db,
        b,
        "o1",
        { applied: true, shiftedBusinessDays: 3 },
        5,
        at,
      ),
    ).toBe(false);
    expect(await obligations.dueForSweep(store.db, Date.parse("2026-06-13T00:00:00Z"), 10)).toEqual(
      [],
    );
  });
});
