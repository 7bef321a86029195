import { describe, expect, it } from "vitest";
import { slugOfAddress } from "./mailboxes.ts";
import { boundedDate } from "./receive-mail.ts";

describe("slugOfAddress (recipient → workspace)", () => {
  it("reads <slug>@domain and requests+<slug>@domain", () => {
    expect(slugOfAddress("atelier-camille@in.cadre.app", "in.cadre.app")).toBe("atelier-camille");
    expect(slugOfAddress("Requests+Atelier@IN.cadre.app", "in.cadre.app")).toBe("atelier");
  });
  it("refuses other domains, other plus-prefixes and malformed addresses", () => {
    expect(slugOfAddress("atelier@elsewhere.example", "in.cadre.app")).toBeNull();
    expect(slugOfAddress("sales+atelier@in.cadre.app", "in.cadre.app")).toBeNull();
    expect(slugOfAddress("@in.cadre.app", "in.cadre.app")).toBeNull();
    expect(slugOfAddress("no-at-sign", null)).toBeNull();
    expect(slugOfAddress("a b@in.cadre.app", "in.cadre.app")).toBeNull();
  });
  it("takes any domain when no inbound domain is set", () => {
    expect(slugOfAddress("atelier@whatever.example", null)).toBe("atelier");
  });
});

describe("boundedDate", () => {
  const arrived = Date.parse("2026-06-20T12:00:00Z");
  it("keeps a plausible Date header, never later than arrival nor more than 3 days earlier", () => {
    expect(boundedDate(arrived - 60_000, arrived)).toBe(arrived - 60_000);
    expect(boundedDate(arrived + 3_600_000, arrived)).toBe(arrived);
    expect(boundedDate(0, arrived)).toBe(arrived - 3 * 86_400_000);
    expect(boundedDate(null, arrived)).toBe(arrived);
  });
});
