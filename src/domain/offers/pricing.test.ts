import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { offers } from "../../../test/factories/domain.ts";
import { discountAlternatives, extraFor, offerPrice, priceWithout } from "./pricing.ts";
import type { Offer } from "./types.ts";

const [essentiel, signature] = offers as [Offer, Offer];

describe("pricing", () => {
  it("a package price is its stated price, or the sum of its items", () => {
    expect(offerPrice(signature)).toBe(240_000);
    expect(offerPrice(essentiel)).toBe(80_000);
  });

  it("removing items keeps a bundle's ratio, rounded to the minor unit", () => {
    expect(priceWithout(signature, ["cards"])).toBe(211_200);
    expect(priceWithout(essentiel, ["palette"])).toBe(60_000);
    expect(priceWithout({ ...signature, price: 99_999 }, ["guide"])).toBe(
      Math.round((99_999 * 160) / 250),
    );
  });

  it("finds the add-on that sells one more unit of a quota", () => {
    expect(extraFor(signature, "revisions")?.id).toBe("extra-revision");
    expect(extraFor(signature, "hours")).toBeUndefined();
  });

  it("without a budget, the alternatives closest to the full price come first", () => {
    const alts = discountAlternatives(signature, offers);
    expect(alts[0]!.price).toBe(Math.max(...alts.map((a) => a.price)));
  });

  it("never proposes an empty package, nor one that costs as much as the offer", () => {
    const single: Offer = {
      id: "solo",
      name: "Solo",
      currency: "CAD",
      items: [{ id: "a", name: "A", quantity: 1, unitPrice: 100 }],
    };
    expect(discountAlternatives(single, [single])).toEqual([]);
    const fixed: Offer = {
      ...essentiel,
      items: essentiel.items.map((i) => ({ ...i, removable: false })),
    };
    expect(discountAlternatives(fixed, offers)).toEqual([]);
  });

  it("property: every alternative is cheaper, keeps items, sorted by closeness, tier included", () => {
    const item = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      quantity: fc.integer({ min: 1, max: 5 }),
      unitPrice: fc.integer({ min: 1, max: 100_000 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(item, { selector: (i) => i.id, minLength: 1, maxLength: 8 }),
        fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: undefined }),
        (items, budget) => {
          const offer: Offer = {
            id: "o",
            name: "O",
            currency: "CAD",
            items: items.map((i) => ({ ...i, name: i.id })),
            lowerTierId: "essentiel",
          };
          const alts = discountAlternatives(offer, offers, budget);
          const full = offerPrice(offer);
          const target = budget ?? full;
          for (const a of alts) {
            expect(a.price).toBeLessThan(full);
            expect(a.removedItems.length).toBeLessThan(items.length);
          }
          const gaps = alts.map((a) => Math.abs(a.price - target));
          expect([...gaps].sort((x, y) => x - y)).toEqual(gaps);
          if (full > 80_000) expect(alts.some((a) => a.offerId === "essentiel")).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
