// Money and personalization in the decision engine: personalization limits, change-order
// proposals with their delivery impact, discount replies, promotions ending across DST.
import { describe, expect, it } from "vitest";
import { exampleCharter, offers } from "../../../test/factories/domain.ts";
import type { CharterInput } from "../charter/schema.ts";
import type { Offer } from "../offers/types.ts";
import {
  compilePolicy,
  type EvaluationContext,
  evaluate,
  type RequestInput,
  requestSchema,
} from "./index.ts";

const signature = offers[1]!;
const policy = compilePolicy(exampleCharter(), 3);
const TUESDAY_10 = "2026-11-24T10:00:00-05:00";
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

function decide(
  input: Partial<RequestInput>,
  ctx: Partial<EvaluationContext> = {},
  charter?: Partial<CharterInput>,
) {
  const request = requestSchema.parse({
    channel: "portal",
    subject: "Logo",
    body: "…",
    receivedAt: TUESDAY_10,
    ...input,
  });
  return evaluate(request, {
    now: "2026-11-24T15:00:00Z",
    policy: charter ? compilePolicy(exampleCharter(charter)) : policy,
    client: { id: "c1", name: "Camille", locale: "fr-CA" },
    offers,
    ...ctx,
  });
}
const ids = (d: { rules: { id: string }[] }) => d.rules.map((r) => r.id);

const studio: Offer = {
  ...signature,
  id: "studio",
  personalization: { revisionRounds: 2, customVariants: 2 },
  addOns: [
    ...(signature.addOns ?? []),
    {
      id: "extra-variant",
      name: "Variante supplémentaire",
      price: 25_000,
      personalization: { customVariants: 1 },
      deliveryBusinessDays: 1,
    },
    { id: "hours-block", name: "Bloc de 5 heures", price: 50_000, grants: { hours: 5 } },
  ],
};

describe("personalization limits", () => {
  it("a change within the included revision rounds is accepted", () => {
    const d = decide(
      { kind: "change" },
      { engagement: { offer: studio, usage: { revisions: 1 } } },
    );
    expect(d.outcome).toBe("accept");
    expect(d.changeOrder).toBeUndefined();
  });

  it("a change beyond the revision rounds proposes a paid extra round, as a personalization rule", () => {
    const d = decide(
      { kind: "change" },
      { engagement: { offer: studio, usage: { revisions: 2 } } },
    );
    expect(d.outcome).toBe("propose");
    // The offer's quotas.revisions is not checked a second time.
    expect(ids(d)).toEqual(["personalization.revision-rounds"]);
    expect(d.rules[0]).toMatchObject({
      category: "personalization",
      violation: true,
      params: { included: 2, used: 2, addOnId: "extra-revision", price: 15_000 },
    });
    expect(d.options).toEqual([
      {
        kind: "paid-extra",
        quota: "revisions",
        addOnId: "extra-revision",
        price: 15_000,
        currency: "CAD",
      },
    ]);
    expect(d.changeOrder).toEqual({
      items: [
        {
          id: "extra-revision",
          name: "Ronde de révision supplémentaire",
          quantity: 1,
          unitPrice: 15_000,
          amount: 15_000,
          source: "add-on",
        },
      ],
      price: 15_000,
      currency: "CAD",
      deliveryShiftBusinessDays: 0,
      grants: { revisions: 1 },
    });
    expect(spaces(d.reply.body)).toContain("Votre forfait comprend 2 rondes de révision");
    expect(spaces(d.reply.body)).toContain("150,00 $");
  });

  it("a round bought since counts as included", () => {
    const d = decide(
      { kind: "change" },
      { engagement: { offer: studio, usage: { revisions: 2 }, extraQuota: { revisions: 1 } } },
    );
    expect(d.outcome).toBe("accept");
  });

  it("more custom variants than included: the extra ones are proposed, priced and timed", () => {
    const d = decide({ customVariants: 4 }, { engagement: { offer: studio } });
    expect(d.outcome).toBe("propose");
    expect(d.situation).toBe("propose.variants");
    expect(d.rules).toEqual([
      {
        id: "personalization.custom-variants",
        category: "personalization",
        violation: true,
        params: { included: 2, asked: 4, extra: 2, price: 50_000 },
      },
    ]);
    expect(d.options).toEqual([
      {
        kind: "extra-variants",
        count: 2,
        addOnId: "extra-variant",
        price: 50_000,
        currency: "CAD",
      },
    ]);
    expect(d.changeOrder).toMatchObject({
      items: [{ id: "extra-variant", quantity: 2, unitPrice: 25_000, amount: 50_000 }],
      price: 50_000,
      deliveryShiftBusinessDays: 2,
    });
    const fr = spaces(d.reply.body);
    expect(fr).toContain("jusqu’à 2 variantes personnalisées, et votre demande en prévoit 4");
    expect(fr).toContain("500,00 $ au total");
    const en = decide(
      { customVariants: 4 },
      { engagement: { offer: studio }, client: { locale: "en-CA" } },
    );
    expect(en.reply.body).toContain("up to 2 custom variants, and your request asks for 4");
    expect(en.reply.body).toContain("$500.00 in total");
  });

  it("within the variants limit, or an offer without limits: nothing to say", () => {
    expect(decide({ customVariants: 2 }, { engagement: { offer: studio } }).outcome).toBe("accept");
    expect(decide({ customVariants: 9 }, { engagement: { offer: signature } }).outcome).toBe(
      "accept",
    );
  });

  it("without an add-on for it, the extra is proposed on quote and no change order is drafted", () => {
    const bare: Offer = { ...studio, addOns: [] };
    const d = decide({ customVariants: 3 }, { engagement: { offer: bare } });
    expect(d.options).toEqual([
      { kind: "extra-variants", count: 1, addOnId: null, price: null, currency: "CAD" },
    ]);
    expect(d.changeOrder).toBeUndefined();
  });
});

describe("change-order proposals", () => {
  it("an item outside the offer: the item at its price, delivery moved by the hours it takes", () => {
    // Tuesday 10:00 + 12 business hours: 7 h on Tuesday (until 17:00), 5 h on Wednesday: 2 days.
    const d = decide(
      { offerItem: "website", estimatedHours: 12 },
      { engagement: { offer: { ...signature, quotas: {} } } },
    );
    expect(d.changeOrder).toEqual({
      items: [
        {
          id: "website",
          name: "Page d’accueil",
          quantity: 1,
          unitPrice: 180_000,
          amount: 180_000,
          source: "add-on",
        },
      ],
      price: 180_000,
      currency: "CAD",
      deliveryShiftBusinessDays: 2,
      grants: {},
    });
  });

  it("the delivery impact counts open days on the charter's calendar (weekend skipped)", () => {
    // Friday 14:00: 1 h on Friday (closes 15:00), 7 h on Monday (09–12, 13–17), 1 h Tuesday.
    const d = decide(
      { offerItem: "website", estimatedHours: 9, receivedAt: "2026-11-27T14:00:00-05:00" },
      { engagement: { offer: { ...signature, quotas: {} } } },
    );
    expect(d.changeOrder?.deliveryShiftBusinessDays).toBe(3);
  });

  it("an item's stated delivery impact wins over the estimate", () => {
    const catalog = offers.map((o) =>
      o.id === "signature"
        ? {
            ...o,
            addOns: o.addOns?.map((a) =>
              a.id === "website" ? { ...a, deliveryBusinessDays: 5 } : a,
            ),
          }
        : o,
    );
    const d = decide(
      { offerItem: "website", estimatedHours: 12 },
      { engagement: { offer: catalog[1]! }, offers: catalog },
    );
    expect(d.changeOrder?.deliveryShiftBusinessDays).toBe(5);
  });

  it("hours over quota: enough blocks of the hours add-on to cover the overflow", () => {
    const d = decide(
      { estimatedHours: 9 },
      { engagement: { offer: studio, usage: { hours: 18 } } },
    );
    expect(ids(d)).toEqual(["quota.exceeded"]);
    // 18 used + 9 asked − 20 included = 7 hours: two blocks of 5.
    expect(d.changeOrder).toMatchObject({
      items: [{ id: "hours-block", quantity: 2, amount: 100_000 }],
      price: 100_000,
      grants: { hours: 10 },
    });
  });

  it("an accepted request drafts no change order", () => {
    expect(decide({ offerItem: "logo" }, { engagement: { offer: signature } }).changeOrder).toBe(
      undefined,
    );
  });
});

describe("discount requests: the reply lists the smaller packages, same price for everyone", () => {
  it("each alternative with its price, in the order proposed, in French and English", () => {
    const fr = decide({ kind: "discount", budget: 200_000 }, { engagement: { offer: signature } });
    const body = spaces(fr.reply.body);
    expect(body).toContain("J’applique les mêmes prix à tous mes clients");
    const lines = body.split("\n").filter((l) => l.startsWith("– "));
    expect(lines).toHaveLength(fr.alternatives!.length);
    expect(lines[0]).toBe("– Signature : 1 920,00 $ (sans : Gabarits réseaux sociaux)");
    expect(lines).toContain("– Essentiel : 800,00 $");
    const en = decide(
      { kind: "discount", budget: 200_000 },
      { engagement: { offer: signature }, client: { locale: "en-CA" } },
    );
    expect(en.reply.body).toContain("I keep the same prices for every client");
    expect(en.reply.body).toContain("– Signature: $1,920.00 (without: Gabarits réseaux sociaux)");
    expect(en.reply.body).toContain("– Essentiel: $800.00");
  });
});

describe("promotions end at an exact instant of the charter's zone, across DST", () => {
  const promo = (endsAt: string, timezone = "America/Toronto") => ({
    timezone,
    money: { ...exampleCharter().money!, promotions: [{ id: "p", label: "Printemps", endsAt }] },
  });
  const ended = (receivedAt: string, charter: Partial<CharterInput>) =>
    ids(decide({ promotionId: "p", receivedAt }, {}, charter)).includes("money.promotion-ended");
  const endedAt = (receivedAt: string, charter: Partial<CharterInput>) =>
    decide({ promotionId: "p", receivedAt }, {}, charter).rules.find(
      (r) => r.id === "money.promotion-ended",
    )?.params.endedAt;

  it("Toronto, spring forward: 02:30 does not exist and means 03:30 EDT (07:30Z)", () => {
    const c = promo("2026-03-08T02:30");
    expect(ended("2026-03-08T07:29:59.999Z", c)).toBe(false);
    expect(ended("2026-03-08T07:30:00Z", c)).toBe(true);
    expect(endedAt("2026-03-08T07:30:00Z", c)).toBe("2026-03-08T07:30:00.000Z");
  });

  it("Toronto, fall back: 01:30 happens twice and means the first one (EDT, 05:30Z)", () => {
    const c = promo("2026-11-01T01:30");
    expect(ended("2026-11-01T05:29:59.999Z", c)).toBe(false);
    expect(ended("2026-11-01T05:30:00Z", c)).toBe(true);
    // 01:15 EST, the second 01:15 of the night: after the end, though the wall clock reads earlier.
    expect(ended("2026-11-01T01:15:00-05:00", c)).toBe(true);
  });

  it("midnight on a DST day, and the day after a change keeps the new offset", () => {
    const c = promo("2026-03-09T00:00");
    expect(ended("2026-03-08T23:59:59-04:00", c)).toBe(false);
    expect(ended("2026-03-09T04:00:00Z", c)).toBe(true);
  });

  it("Paris: the spring gap (02:15 → 03:15 CEST) and the autumn overlap (02:30 CEST first)", () => {
    const spring = promo("2026-03-29T02:15", "Europe/Paris");
    expect(ended("2026-03-29T01:14:59Z", spring)).toBe(false);
    expect(ended("2026-03-29T01:15:00Z", spring)).toBe(true);
    const autumn = promo("2026-10-25T02:30", "Europe/Paris");
    expect(ended("2026-10-25T00:29:59Z", autumn)).toBe(false);
    expect(endedAt("2026-10-25T00:30:00Z", autumn)).toBe("2026-10-25T00:30:00.000Z");
    expect(ended("2026-10-25T02:10:00+01:00", autumn)).toBe(true);
  });

  it("declines politely in the client's language, naming the promotion", () => {
    const d = decide(
      { promotionId: "p", receivedAt: "2026-11-01T06:00:00Z" },
      { client: { locale: "en-CA" } },
      promo("2026-11-01T01:30"),
    );
    expect(d.outcome).toBe("decline");
    expect(d.reply.body).toContain("Printemps promotion. It has now ended");
  });
});
