import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIso, toIso } from "./iso.ts";

describe("ISO instants", () => {
  it("toIso matches Date#toISOString", () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 253_000_000_000_000 }), (t) => {
        expect(toIso(t)).toBe(new Date(t).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it("parseIso matches Date.parse on the accepted forms", () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, "0");
    fc.assert(
      fc.property(
        fc.integer({ min: 1970, max: 2400 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.option(fc.integer({ min: 0, max: 59 })),
        fc.option(fc.integer({ min: 0, max: 999 })),
        fc.constantFrom("Z", "+00:00", "-05:00", "+05:30", "+13:45", "-09:30"),
        (y, mo, d, h, mi, s, ms, zone) => {
          const secs = s === null ? "" : `:${pad(s)}${ms === null ? "" : `.${pad(ms, 3)}`}`;
          const text = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}${secs}${zone}`;
          expect(parseIso(text)).toBe(Date.parse(text));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("falls back to Date.parse for other forms, NaN for nonsense", () => {
    expect(parseIso("2027-01-01")).toBe(Date.parse("2027-01-01"));
    expect(parseIso("2027-01-01T10:00:00.123456Z")).toBe(Date.parse("2027-01-01T10:00:00.123Z"));
    expect(parseIso("not a date")).toBeNaN();
  });
});
