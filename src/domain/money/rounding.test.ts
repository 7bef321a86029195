import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divideHalfUp, lineAmount, percentOf, proratedMonthlyPercent } from "./rounding.ts";

describe("money rounding: half up to the minor unit, computed exactly", () => {
  it("rounds halves up and the rest to the nearest", () => {
    expect(divideHalfUp(5n, 10n)).toBe(1n); // 0.5
    expect(divideHalfUp(4n, 10n)).toBe(0n); // 0.4
    expect(divideHalfUp(15n, 10n)).toBe(2n); // 1.5
    expect(divideHalfUp(25n, 10n)).toBe(3n); // 2.5: half up, not to even
  });

  it("percentages of an amount, rates with decimals exact", () => {
    expect(percentOf(100_000, 5)).toBe(5_000);
    expect(percentOf(100_000, 9.975)).toBe(9_975);
    expect(percentOf(1_000, 9.975)).toBe(100); // 99.75
    expect(percentOf(10, 5)).toBe(1); // 0.5 → 1
    expect(percentOf(9, 5)).toBe(0); // 0.45 → 0
    expect(percentOf(2_999, 20)).toBe(600); // 599.8
    expect(percentOf(0, 20)).toBe(0);
  });

  it("line amounts with fractional quantities", () => {
    expect(lineAmount(2, 15_000)).toBe(30_000);
    expect(lineAmount(1.5, 3_333)).toBe(5_000); // 4999.5
    expect(lineAmount(0.25, 10_001)).toBe(2_500); // 2500.25
  });

  it("refuses what is not an amount", () => {
    expect(() => percentOf(-1, 5)).toThrow(RangeError);
    expect(() => percentOf(1.5, 5)).toThrow(RangeError);
    expect(() => lineAmount(1, Number.MAX_SAFE_INTEGER * 2)).toThrow(RangeError);
  });

  it("a 2 %/month fee on 30 days is 2 %, on 1 day a thirtieth of it", () => {
    expect(proratedMonthlyPercent(100_000n * 30n, 2)).toBe(2_000);
    expect(proratedMonthlyPercent(100_000n, 2)).toBe(67); // 66.67
    expect(proratedMonthlyPercent(75_000n, 2)).toBe(50); // exactly 50
  });

  it("property: percentOf is within half a minor unit of the exact value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 100_000 }),
        (amount, milliPercent) => {
          const percent = milliPercent / 1000;
          const exact = BigInt(amount) * BigInt(milliPercent) * 10n; // × 1e-6 of one unit… scaled
          const got = BigInt(percentOf(amount, percent));
          // |got × 1e6 − amount × percent × 1e4| ≤ 0.5e6
          const diff = got * 1_000_000n - exact;
          expect(diff <= 500_000n && diff > -500_000n).toBe(true);
        },
      ),
    );
  });
});
