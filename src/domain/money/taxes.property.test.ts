import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineAmount, percentOf } from "./rounding.ts";
import { invoiceTotals, TAX_PRESETS, type TaxSetup } from "./taxes.ts";

const line = fc.record({
  quantity: fc.oneof(
    fc.integer({ min: 0, max: 1_000 }),
    fc.integer({ min: 0, max: 100_000 }).map((q) => q / 1000),
  ),
  unitPrice: fc.integer({ min: 0, max: 10_000_000 }),
});
const rate = fc.integer({ min: 0, max: 30_000_000 }).map((micro) => micro / 1_000_000);
const setup: fc.Arbitrary<TaxSetup> = fc.oneof(
  fc.constantFrom(...Object.values(TAX_PRESETS)),
  fc
    .uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), ratePercent: rate }), {
      selector: (t) => t.id,
      maxLength: 4,
    })
    .map((taxes) => ({
      taxes: taxes.map((t) => ({ ...t, label: { fr: t.id, en: t.id } })),
    })),
);

describe("invoice totals", () => {
  it("Quebec: GST 5 % and QST 9.975 % each on the pre-tax amount, rounded separately", () => {
    const t = invoiceTotals([{ quantity: 1, unitPrice: 80_000 }], TAX_PRESETS["CA-QC"]!);
    expect(t.subtotal).toBe(80_000);
    expect(t.taxes.map((x) => [x.id, x.base, x.amount])).toEqual([
      ["gst", 80_000, 4_000],
      ["qst", 80_000, 7_980],
    ]);
    expect(t.total).toBe(91_980);
    // 12.34 $: GST 0.617 → 0.62, QST 1.230915 → 1.23
    const small = invoiceTotals([{ quantity: 1, unitPrice: 1_234 }], TAX_PRESETS["CA-QC"]!);
    expect(small.taxes.map((x) => x.amount)).toEqual([62, 123]);
    expect(small.total).toBe(1_419);
  });

  it("France: TVA 20 %; the franchise setup has no tax and a mention", () => {
    const t = invoiceTotals([{ quantity: 3, unitPrice: 33_333 }], TAX_PRESETS.FR!);
    expect(t).toMatchObject({ subtotal: 99_999, total: 119_999 });
    expect(t.taxes[0]!.amount).toBe(20_000); // 19 999.8
    const franchise = invoiceTotals(
      [{ quantity: 1, unitPrice: 50_000 }],
      TAX_PRESETS["FR-franchise"]!,
    );
    expect(franchise).toMatchObject({ subtotal: 50_000, taxes: [], total: 50_000 });
    expect(TAX_PRESETS["FR-franchise"]!.exemptionNote?.fr).toMatch(/293 B/);
  });

  it("property: the lines sum to the subtotal, and subtotal + each tax = total", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), setup, (lines, taxes) => {
        const t = invoiceTotals(lines, taxes);
        expect(t.lines).toEqual(lines.map((l) => lineAmount(l.quantity, l.unitPrice)));
        expect(t.subtotal).toBe(t.lines.reduce((a, b) => a + b, 0));
        expect(t.total).toBe(t.subtotal + t.taxes.reduce((a, x) => a + x.amount, 0));
        expect(t.taxes).toHaveLength(taxes.taxes.length);
        for (const [i, tax] of t.taxes.entries()) {
          expect(tax.base).toBe(t.subtotal);
          expect(tax.amount).toBe(percentOf(t.subtotal, taxes.taxes[i]!.ratePercent));
          // Within half a cent of the exact tax.
          expect(Math.abs(tax.amount - (t.subtotal * tax.ratePercent) / 100)).toBeLessThanOrEqual(
            0.5 + 1e-6,
          );
        }
        for (const a of [t.subtotal, t.total, ...t.lines])
          expect(Number.isSafeInteger(a)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });
});
