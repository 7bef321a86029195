// The demo workspace: loaded through the use cases, realistic, deterministic for a given day,
// loaded once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn } from "../../src/services/accounts/log-in.ts";
import { type AppContext, defaultConfig } from "../../src/services/context.ts";
import {
  DEMO_EMAIL,
  DEMO_PASSWORD,
  DEMO_SLUG,
  type DemoResult,
  loadDemo,
} from "../../src/services/demo/load-demo.ts";
import type { Store } from "../../src/store/db.ts";
import * as charters from "../../src/store/repositories/charters.ts";
import * as clients from "../../src/store/repositories/clients.ts";
import * as engagements from "../../src/store/repositories/engagements.ts";
import { listExceptions, listViolations } from "../../src/store/repositories/ledger.ts";
import * as offers from "../../src/store/repositories/offers.ts";
import { describeEngines, freshStore } from "../helpers/store.ts";

/** Monday 23 November 2026, 12:30 in Toronto. */
const NOW = Date.parse("2026-11-23T17:30:00Z");
const DAY = 86_400_000;

function contextOf(store: Store, now = NOW): AppContext {
  return { store, db: store.db, config: defaultConfig(), now: () => now };
}

async function allRequests(store: Store, workspaceId: string) {
  return store.db
    .selectFrom("requests")
    .select(["received_at", "subject", "outcome", "channel", "status", "chosen_option", "kind"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("received_at")
    .orderBy("subject")
    .execute();
}

describeEngines("demo workspace", (engine) => {
  let store: Store;
  let first: DemoResult;
  beforeAll(async () => {
    store = await freshStore(engine);
    first = await loadDemo(contextOf(store));
  }, 120_000);
  afterAll(() => store.close());

  it("is Studio Boréal: fr-CA, Toronto, Québec holidays, the example charter published", async () => {
    expect(first).toMatchObject({ created: true, slug: DEMO_SLUG, email: DEMO_EMAIL });
    const ws = await store.db
      .selectFrom("workspaces")
      .selectAll()
      .where("slug", "=", DEMO_SLUG)
      .executeTakeFirstOrThrow();
    expect(ws).toMatchObject({
      name: "Studio Boréal",
      locale: "fr-CA",
      timezone: "America/Toronto",
      country: "CA",
      region: "QC",
      currency: "CAD",
    });
    const published = await charters.getPublished(store.db, ws.id);
    expect(published?.version).toBe(2);
    expect(published?.charter.holidays).toEqual({ country: "CA", region: "QC" });
    expect(published?.charter.requests.rush).toMatchObject({ feePercent: 50, maxPerMonth: 1 });
    // A draft in progress, beyond the published version.
    const draft = await charters.getDraft(store.db, ws.id);
    expect(JSON.stringify(draft?.document)).toContain("Vacances d’été");
    // The printed login signs in.
    const signedIn = await logIn(contextOf(store), { email: DEMO_EMAIL, password: DEMO_PASSWORD });
    expect(signedIn.workspace.slug).toBe(DEMO_SLUG);
  });

  it("has three tiers of offers, five clients with engagements, deliverables and obligations", async () => {
    const id = first.workspaceId;
    const catalog = await offers.list(store.db, id);
    expect(catalog.map((o) => [o.id, o.lowerTierId ?? null])).toEqual([
      ["essentiel", null],
      ["signature", "essentiel"],
      ["rayonnement", "signature"],
    ]);
    for (const offer of catalog) {
      expect(offer.currency).toBe("CAD");
      expect(offer.items.length).toBeGreaterThan(2);
      expect(offer.quotas?.meetings).toBeGreaterThan(0);
      expect(offer.addOns?.length).toBeGreaterThan(0);
    }
    const { items, total } = await clients.list(store.db, id, { limit: 50, offset: 0 });
    expect(total).toBe(5);
    expect(new Set(items.map((c) => c.locale))).toEqual(new Set(["fr-CA", "en-CA"]));
    expect(items.every((c) => c.acknowledged !== null)).toBe(true);
    const all = await engagements.list(store.db, id);
    expect(new Set(all.map((e) => e.clientId)).size).toBe(5);
    expect(all.some((e) => e.status === "completed")).toBe(true);
    expect(all.every((e) => e.deliverables.length > 0 && e.obligations.length > 0)).toBe(true);
    // One client was late with materials: her deliverables moved.
    const moved = all.flatMap((e) => e.deliverables).filter((d) => d.dueAt !== d.originalDueAt);
    expect(moved.length).toBeGreaterThan(0);
    expect(all.flatMap((e) => e.obligations).some((o) => o.status === "late")).toBe(true);
  });

  it("has three months of requests ending now, with violations, exceptions and a chosen rush", async () => {
    const id = first.workspaceId;
    const requests = await allRequests(store, id);
    expect(requests.length).toBeGreaterThan(40);
    expect(first.counts?.requests).toBe(requests.length);
    const times = requests.map((r) =>
      Date.parse(
        String(r.received_at instanceof Date ? r.received_at.toISOString() : r.received_at),
      ),
    );
    const threeMonthsAgo = new Date(NOW);
    threeMonthsAgo.setUTCMonth(threeMonthsAgo.getUTCMonth() - 3);
    expect(Math.min(...times)).toBeLessThanOrEqual(threeMonthsAgo.getTime());
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
    expect(Math.max(...times)).toBeGreaterThan(NOW - DAY);
    expect(new Set(requests.map((r) => r.channel))).toEqual(
      new Set(["email", "portal", "sms", "phone"]),
    );
    expect(new Set(requests.map((r) => r.outcome))).toEqual(
      new Set(["accept", "defer", "redirect", "propose", "decline"]),
    );
    const kinds = new Set(requests.map((r) => r.kind));
    expect(kinds.has("discount") && kinds.has("urgent")).toBe(true);
    expect(new Set(requests.map((r) => r.status))).toEqual(new Set(["open", "answered", "closed"]));
    expect(requests.some((r) => r.chosen_option === "rush")).toBe(true);

    const violations = await listViolations(store.db, id, { limit: 500, offset: 0 });
    const rules = new Set(violations.map((v) => v.ruleId));
    for (const rule of [
      "channel.not-accepted",
      "channel.by-appointment",
      "requests.lead-time",
      "scope.out-of-offer",
      "obligations.late",
    ]) {
      expect(rules, rule).toContain(rule);
    }
    const exceptions = await listExceptions(store.db, id, { limit: 50, offset: 0 });
    expect(exceptions.length).toBeGreaterThanOrEqual(3);
    expect(exceptions.every((e) => e.reason.length > 20 && e.requestId !== null)).toBe(true);
    // The fictional clients are never mailed: what was "sent" is recorded as sent.
    const queued = await store.db
      .selectFrom("outbox")
      .select("id")
      .where("workspace_id", "=", id)
      .where("state", "=", "queued")
      .execute();
    expect(queued).toEqual([]);
  });

  it("does nothing the second time", async () => {
    const before = await allRequests(store, first.workspaceId);
    const again = await loadDemo(contextOf(store, NOW + 3 * DAY));
    expect(again).toMatchObject({ created: false, workspaceId: first.workspaceId, counts: null });
    expect(await allRequests(store, first.workspaceId)).toEqual(before);
    const workspaces = await store.db.selectFrom("workspaces").select("id").execute();
    expect(workspaces).toHaveLength(1);
  });
});

describe("demo workspace [sqlite, determinism]", () => {
  it("is the same demo when loaded twice on the same day", async () => {
    const a = await freshStore("sqlite");
    const b = await freshStore("sqlite");
    try {
      const ra = await loadDemo(contextOf(a));
      const rb = await loadDemo(contextOf(b));
      expect(rb.counts).toEqual(ra.counts);
      expect(await allRequests(b, rb.workspaceId)).toEqual(await allRequests(a, ra.workspaceId));
    } finally {
      await a.close();
      await b.close();
    }
  }, 60_000);
});
