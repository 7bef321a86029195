import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatDateTime,
  formatInstant,
  formatMoney,
  formatNumber,
  formatPercent,
  languageOf,
} from "./format.ts";

const LOCALES = ["fr-CA", "fr-FR", "fr", "en-CA", "en-US", "en-GB", "en", "de-DE", "ja-JP"];
const ZONES = [
  "America/Toronto",
  "Europe/Paris",
  "America/St_Johns",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "Pacific/Chatham",
  "America/Sao_Paulo",
  "UTC",
];
const FROM = Date.UTC(2020, 0, 1);
const TO = Date.UTC(2036, 0, 1);
const OPTIONS: Intl.DateTimeFormatOptions = {
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
};

/** What Intl itself writes, with French "1er" for the first of the month. */
function intl(ms: number, locale: string, timeZone: string, withYear: boolean): string {
  const options = { ...OPTIONS, timeZone, ...(withYear ? { year: "numeric" as const } : {}) };
  const parts = new Intl.DateTimeFormat(locale, options).formatToParts(ms);
  if (languageOf(locale) === "fr") {
    for (const p of parts) if (p.type === "day" && p.value === "1") p.value = "1er";
  }
  return parts.map((p) => p.value).join("");
}

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("formatInstant", () => {
  it("writes exactly what Intl writes, for any instant, locale and zone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: FROM, max: TO }),
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...ZONES),
        fc.boolean(),
        (ms, locale, zone, withYear) => {
          expect(formatInstant(ms, locale, zone, withYear)).toBe(intl(ms, locale, zone, withYear));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("is exact on both sides of daylight-saving changes", () => {
    const changes = [
      ["America/Toronto", Date.UTC(2026, 2, 8, 7)],
      ["America/Toronto", Date.UTC(2026, 10, 1, 6)],
      ["Europe/Paris", Date.UTC(2026, 2, 29, 1)],
      ["Europe/Paris", Date.UTC(2026, 9, 25, 1)],
      ["America/St_Johns", Date.UTC(2026, 2, 8, 5, 30)],
      ["Australia/Lord_Howe", Date.UTC(2026, 3, 4, 15)],
    ] as const;
    for (const [zone, at] of changes) {
      for (const delta of [-61_000, -60_000, -1, 0, 1, 59_999, 60_000, 3_600_000]) {
        for (const locale of ["fr-CA", "en-GB"]) {
          const ms = at + delta;
          expect(formatInstant(ms, locale, zone, false)).toBe(intl(ms, locale, zone, false));
        }
      }
    }
  });

  it("names the zone: HNE/EST in a Toronto winter, HAE/EDT in summer, UTC+1/CET in Paris", () => {
    const winter = Date.UTC(2026, 10, 30, 14);
    const summer = Date.UTC(2026, 6, 1, 14);
    expect(spaces(formatInstant(winter, "fr-CA", "America/Toronto", false))).toBe(
      "lundi 30 novembre à 09 h 00 HNE",
    );
    expect(spaces(formatInstant(winter, "en-US", "America/Toronto", false))).toBe(
      "Monday, November 30 at 9:00 AM EST",
    );
    expect(formatInstant(summer, "fr-CA", "America/Toronto", false)).toMatch(/HAE$/);
    expect(formatInstant(summer, "en-CA", "America/Toronto", false)).toMatch(/EDT$/);
    expect(formatInstant(winter, "fr-FR", "Europe/Paris", false)).toMatch(/15:00 UTC\+1$/);
    expect(formatInstant(winter, "en-GB", "Europe/Paris", false)).toMatch(/15:00 CET$/);
  });

  it("writes the first of the month as « 1er » in French", () => {
    const first = Date.UTC(2026, 11, 1, 15);
    expect(spaces(formatInstant(first, "fr-CA", "America/Toronto", false))).toBe(
      "mardi 1er décembre à 10 h 00 HNE",
    );
    expect(formatInstant(first, "en-CA", "America/Toronto", false)).toMatch(/December 1 at/);
  });

  it("falls back to UTC for an unknown zone and to the language for a malformed locale", () => {
    const ms = Date.UTC(2026, 10, 30, 14);
    expect(spaces(formatInstant(ms, "en-CA", "Mars/Olympus", false))).toMatch(/2:00 p\.m\. UTC$/);
    expect(spaces(formatInstant(ms, "fr_CA", "America/Toronto", false))).toMatch(/09 h 00 HNE$/);
    expect(() => formatInstant(Number.NaN, "en", "UTC", false)).toThrow(RangeError);
  });
});

describe("formatDateTime", () => {
  it("shows the year only more than about 300 days away from the reference", () => {
    const ref = Date.UTC(2026, 10, 30, 14);
    expect(formatDateTime(ref + 10 * 86_400_000, "en-CA", "America/Toronto", ref)).not.toMatch(
      /2026/,
    );
    expect(formatDateTime(ref + 400 * 86_400_000, "en-CA", "America/Toronto", ref)).toMatch(/2028/);
  });
});

describe("formatMoney", () => {
  it("formats minor units with the currency's own fraction digits", () => {
    expect(spaces(formatMoney(123456, "fr-CA", "CAD"))).toBe("1 234,56 $");
    expect(formatMoney(123456, "en-CA", "CAD")).toBe("$1,234.56");
    expect(spaces(formatMoney(123456, "fr-FR", "EUR"))).toBe("1 234,56 €");
    expect(formatMoney(1234, "en-US", "JPY")).toBe("¥1,234");
    expect(spaces(formatMoney(1234, "en-US", "BHD"))).toBe("BHD 1.234");
  });

  it("still shows the amount for a missing or malformed currency", () => {
    expect(formatMoney(123456, "en-CA", undefined)).toBe("1,234.56");
    expect(formatMoney(123456, "en-CA", "dollars")).toBe("1,234.56 dollars");
  });
});

describe("numbers", () => {
  it("formats counts and percentages in the locale", () => {
    expect(formatNumber(4, "fr-CA")).toBe("4");
    expect(spaces(formatNumber(1234, "fr-CA"))).toBe("1 234");
    expect(formatNumber(1.5, "fr-CA")).toBe("1,5");
    expect(spaces(formatPercent(50, "fr-CA"))).toBe("50 %");
    expect(formatPercent(50, "en-CA")).toBe("50%");
  });
});

describe("languageOf", () => {
  it("reads French from fr, fr-CA, FR_fr; everything else is English", () => {
    expect(["fr", "fr-CA", "FR_fr", "fr-FR"].map(languageOf)).toEqual(["fr", "fr", "fr", "fr"]);
    expect(["en", "en-CA", "de-DE", "", "f", "fry"].map(languageOf)).toEqual([
      "en",
      "en",
      "en",
      "en",
      "en",
      "en",
    ]);
  });
});
