import { describe, expect, it } from "vitest";
import { exampleCharter, offers } from "../../../test/factories/domain.ts";
import type { CharterInput } from "../charter/schema.ts";
import {
  compilePolicy,
  type EvaluationContext,
  evaluate,
  type RequestInput,
  requestSchema,
} from "./index.ts";

const signature = offers[1]!;
const policy = compilePolicy(exampleCharter(), 3);

function decide(
  input: Partial<RequestInput>,
  ctx: Partial<EvaluationContext> = {},
  charter?: Partial<CharterInput>,
) {
  const request = requestSchema.parse({ channel: "portal", subject: "Logo", body: "…", ...input });
  return evaluate(request, {
    now: "2026-11-24T15:00:00Z",
    policy: charter ? compilePolicy(exampleCharter(charter)) : policy,
    client: { id: "c1", name: "Camille", locale: "fr-CA" },
    offers,
    ...ctx,
  });
}

const ids = (d: { rules: { id: string }[] }) => d.rules.map((r) => r.id);

describe("evaluate", () => {
  it("Friday 21:30 by e-mail: deferred, read at the Monday check time, due by business hours", () => {
    const d = decide({ channel: "email", receivedAt: "2026-11-27T21:30:00-05:00" });
    expect(d.outcome).toBe("defer");
    expect(d.rules).toEqual([
      expect.objectContaining({ id: "hours.closed", category: "time", violation: false }),
    ]);
    // Read at the 10:00 e-mail check on Monday.
    expect(d.nextOpenAt).toBe("2026-11-30T15:00:00.000Z");
    // 16 business hours from Monday 09:00: Monday 7 h (lunch), Tuesday 8 h, Wednesday 1 h.
    expect(d.dueAt).toBe("2026-12-02T15:00:00.000Z");
    expect(d.reply.locale).toBe("fr-CA");
    expect(d.charterVersion).toBe(3);
  });

  it("inside hours on the portal: accepted, due 8 business hours later", () => {
    const d = decide({ receivedAt: "2026-11-24T10:00:00-05:00" });
    expect(d.outcome).toBe("accept");
    expect(d.rules).toEqual([]);
    expect(d.dueAt).toBe("2026-11-25T15:00:00.000Z");
    expect(d.escalation).toBeNull();
  });

  it("a channel that is not accepted redirects to its redirectTo channel, as a violation", () => {
    const d = decide({ channel: "sms", receivedAt: "2026-11-24T10:00:00-05:00" });
    expect(d.outcome).toBe("redirect");
    expect(d.rules[0]).toMatchObject({
      id: "channel.not-accepted",
      category: "communication",
      violation: true,
      params: { channel: "sms", redirectTo: "portal" },
    });
    expect(d.options).toContainEqual({ kind: "use-channel", channel: "portal" });
  });

  it("an unknown channel redirects to the portal", () => {
    const d = decide({ channel: "whatsapp", receivedAt: "2026-11-24T10:00:00-05:00" });
    expect(d.outcome).toBe("redirect");
    expect(d.rules[0]!.params.redirectTo).toBe("portal");
  });

  it("a phone call without an appointment is redirected to booking a call", () => {
    const d = decide({ channel: "phone", receivedAt: "2026-11-24T10:00:00-05:00" });
    expect(d.outcome).toBe("redirect");
    expect(ids(d)).toEqual(["channel.by-appointment"]);
    expect(d.options).toContainEqual({ kind: "book-meeting", meetingTypeId: "call-30" });
    // Written requests go to the portal, and the reply says so (not "send it by phone").
    expect(d.reply.body).toMatch(/portail client/);
    expect(d.reply.body).not.toMatch(/via le téléphone|via {redirectTo}/);
    expect(d.dueAt).toBe("2026-11-25T15:00:00.000Z");
    const booked = decide({
      channel: "phone",
      receivedAt: "2026-11-24T10:00:00-05:00",
      byAppointment: true,
    });
    expect(booked.outcome).toBe("accept");
  });

  it("contact outside a channel's contact hours is a communication violation and is deferred", () => {
    const d = decide({
      channel: "phone",
      byAppointment: true,
      receivedAt: "2026-11-28T11:00:00-05:00",
    });
    expect(d.outcome).toBe("defer");
    expect(d.rules[0]).toMatchObject({
      id: "channel.contact-hours",
      category: "communication",
      violation: true,
    });
    expect(d.escalation).toBe("remind");
  });

  it("a channel with its own contact hours", () => {
    const channels = exampleCharter().channels.map((c) =>
      c.id === "email"
        ? { ...c, contactHours: { mon: [["08:00", "20:00"]] as [string, string][] } }
        : c,
    );
    const late = decide(
      { channel: "email", receivedAt: "2026-11-30T21:00:00-05:00" },
      {},
      { channels },
    );
    expect(ids(late)).toEqual(["channel.contact-hours"]);
    const evening = decide(
      { channel: "email", receivedAt: "2026-11-30T19:00:00-05:00" },
      {},
      { channels },
    );
    expect(ids(evening)).toEqual(["hours.closed"]);
  });

  describe("lead time and rush", () => {
    const rushy = {
      receivedAt: "2026-11-24T10:00:00-05:00",
      neededBy: "2026-11-25T12:00:00-05:00",
      offerItem: "cards",
    };

    it("sooner than the lead time: propose the rush with its fee, or the standard date", () => {
      const d = decide(rushy, { engagement: { offer: signature } });
      expect(d.outcome).toBe("propose");
      expect(ids(d)).toEqual(["requests.lead-time", "requests.rush-offered"]);
      expect(d.rules[0]).toMatchObject({ category: "time", violation: true });
      expect(d.options).toEqual([
        {
          kind: "rush",
          dueAt: "2026-11-25T17:00:00.000Z",
          feePercent: 50,
          fee: 15_000,
          currency: "CAD",
        },
        { kind: "later-date", dueAt: "2026-11-26T15:00:00.000Z" },
      ]);
    });

    it("the month's rush cap is used: decline, offer the standard date", () => {
      const d = decide(rushy, { counters: { rushThisMonth: 1 } });
      expect(d.outcome).toBe("decline");
      expect(ids(d)).toEqual(["requests.lead-time", "requests.rush-cap"]);
      expect(d.options).toEqual([{ kind: "later-date", dueAt: "2026-11-26T15:00:00.000Z" }]);
    });

    it("rush is off: decline", () => {
      const d = decide(
        rushy,
        {},
        { requests: { leadTime: { businessDays: 2 }, rush: { allowed: false } } },
      );
      expect(d.outcome).toBe("decline");
      expect(ids(d)).toContain("requests.rush-disabled");
    });

    it("an urgent request with no date is a rush request; enough lead time is fine", () => {
      expect(ids(decide({ kind: "urgent", receivedAt: rushy.receivedAt }))).toContain(
        "requests.lead-time",
      );
      const calm = decide({ receivedAt: rushy.receivedAt, neededBy: "2026-12-01T12:00:00-05:00" });
      expect(calm.outcome).toBe("accept");
    });
  });

  it("a quota used up proposes the paid extra from the offer", () => {
    const d = decide(
      { kind: "meeting", receivedAt: "2026-11-24T10:00:00-05:00" },
      {
        engagement: { offer: signature, usage: { meetings: 4 } },
      },
    );
    expect(d.outcome).toBe("propose");
    expect(d.rules[0]).toMatchObject({
      id: "quota.exceeded",
      category: "scope",
      violation: true,
      params: { quota: "meetings", included: 4, used: 4 },
    });
    expect(d.options).toContainEqual({
      kind: "paid-extra",
      quota: "meetings",
      addOnId: "extra-call",
      price: 9_000,
      currency: "CAD",
    });
    const bought = decide(
      { kind: "meeting", receivedAt: "2026-11-24T10:00:00-05:00" },
      {
        engagement: { offer: signature, usage: { meetings: 4 }, extraQuota: { meetings: 1 } },
      },
    );
    expect(bought.outcome).toBe("accept");
  });

  it("the hours quota counts the estimated hours", () => {
    const d = decide(
      { estimatedHours: 3, receivedAt: "2026-11-24T10:00:00-05:00" },
      {
        engagement: { offer: signature, usage: { hours: 18 } },
      },
    );
    expect(d.rules[0]).toMatchObject({
      id: "quota.exceeded",
      params: { quota: "hours", included: 20, used: 18 },
    });
  });

  it("an item outside the offer proposes a change order with its price", () => {
    const d = decide(
      { offerItem: "website", receivedAt: "2026-11-24T10:00:00-05:00" },
      { engagement: { offer: signature } },
    );
    expect(d.outcome).toBe("propose");
    expect(d.rules[0]).toMatchObject({
      id: "scope.out-of-offer",
      category: "scope",
      violation: true,
    });
    expect(d.options).toEqual([
      { kind: "change-order", item: "website", price: 180_000, currency: "CAD" },
    ]);
    // The drafted reply names the item as the catalog does, not by its id.
    expect(d.reply.body).toContain("Page d’accueil");
    expect(d.reply.body).not.toMatch(/\bwebsite\b/);
    const agreed = decide(
      { offerItem: "website", receivedAt: "2026-11-24T10:00:00-05:00" },
      {
        engagement: { offer: signature, extraItems: ["website"] },
      },
    );
    expect(agreed.outcome).toBe("accept");
  });

  describe("discount requests", () => {
    it("alternatives policy: smaller packages ordered by closeness to the budget, no violation", () => {
      const d = decide(
        { kind: "discount", budget: 200_000, receivedAt: "2026-11-24T10:00:00-05:00" },
        {
          engagement: { offer: signature },
        },
      );
      expect(d.outcome).toBe("propose");
      expect(d.rules[0]).toMatchObject({
        id: "money.discount-alternatives",
        category: "money",
        violation: false,
      });
      const alts = d.alternatives!;
      expect(alts.length).toBeGreaterThan(1);
      expect(alts.every((a) => a.price < 240_000)).toBe(true);
      const gaps = alts.map((a) => Math.abs(a.price - 200_000));
      expect([...gaps].sort((a, b) => a - b)).toEqual(gaps);
      // Items sum to 250 000; the bundle price keeps its ratio. Without the social templates
      // (50 000): 240 000 × 200/250 = 192 000, the closest to 200 000; a tie goes to fewer removed.
      expect(alts[0]).toEqual({ offerId: "signature", removedItems: ["social"], price: 192_000 });
      expect(alts[1]).toEqual({
        offerId: "signature",
        removedItems: ["palette", "cards"],
        price: 192_000,
      });
      expect(alts).toHaveLength(5);
      // The next-lower tier is always offered, even when far from the budget.
      expect(alts).toContainEqual({ offerId: "essentiel", removedItems: [], price: 80_000 });
    });

    it("never policy: decline, and asking is a violation", () => {
      const money = { ...exampleCharter().money!, discounts: "never" as const };
      const d = decide(
        { kind: "discount", receivedAt: "2026-11-24T10:00:00-05:00" },
        { engagement: { offer: signature } },
        { money },
      );
      expect(d.outcome).toBe("decline");
      expect(d.rules[0]).toMatchObject({ id: "money.discount-refused", violation: true });
    });

    it("a promotion that ended at an exact local instant is declined politely", () => {
      const money = {
        ...exampleCharter().money!,
        promotions: [{ id: "black-friday", label: "Black Friday", endsAt: "2026-11-30T23:59" }],
      };
      const before = decide(
        { promotionId: "black-friday", receivedAt: "2026-11-30T23:58:00-05:00" },
        {},
        { money },
      );
      expect(ids(before)).not.toContain("money.promotion-ended");
      const after = decide(
        { promotionId: "black-friday", receivedAt: "2026-11-30T23:59:00-05:00" },
        {},
        { money },
      );
      expect(after.outcome).toBe("decline");
      expect(after.rules).toContainEqual(
        expect.objectContaining({
          id: "money.promotion-ended",
          params: { promotion: "black-friday", endedAt: "2026-12-01T04:59:00.000Z" },
        }),
      );
    });
  });

  it("escalates with the client's recent violations", () => {
    const at = Date.parse("2026-11-28T11:00:00-05:00");
    const day = 86_400_000;
    const base = { channel: "sms", receivedAt: "2026-11-28T11:00:00-05:00" };
    expect(decide(base, { client: { violationTimes: [] } }).escalation).toBe("remind");
    expect(
      decide(base, { client: { violationTimes: [at - 20 * day, at - 2 * day] } }).escalation,
    ).toBe("firm");
    expect(
      decide(base, {
        client: { violationTimes: [at - 80 * day, at - 60 * day, at - 40 * day, at - 2 * day] },
      }).escalation,
    ).toBe("review-fit");
    // Old violations fall out of the window.
    expect(
      decide(base, { client: { violationTimes: [at - 200 * day, at - 100 * day] } }).escalation,
    ).toBe("remind");
  });

  it("replies in the client's language, falling back to the charter's first locale", () => {
    expect(
      decide({ receivedAt: "2026-11-24T10:00:00-05:00" }, { client: { locale: "en-CA" } }).reply
        .locale,
    ).toBe("en-CA");
    expect(
      decide({ receivedAt: "2026-11-24T10:00:00-05:00" }, { client: { locale: "de-DE" } }).reply
        .locale,
    ).toBe("fr-CA");
  });

  it("is deterministic: the same request and context give the same decision", () => {
    const input = {
      channel: "email",
      receivedAt: "2026-11-27T21:30:00-05:00",
      kind: "discount" as const,
    };
    expect(decide(input, { engagement: { offer: signature } })).toEqual(
      decide(input, { engagement: { offer: signature } }),
    );
  });

  it("a request without receivedAt arrives at the context's now", () => {
    const d = decide({});
    expect(d.dueAt).toBe(decide({ receivedAt: "2026-11-24T15:00:00Z" }).dueAt);
  });
});
