import { describe, expect, it } from "vitest";
import { obligationNotice } from "./notices.ts";

const base = {
  timeZone: "America/Toronto",
  clientName: "Julie",
  professionalName: "Studio Nord",
  obligation: "photos",
  dueAt: Date.parse("2026-06-12T21:00:00Z"),
  businessDays: 3,
  deliverables: [
    {
      name: "Maquette",
      from: Date.parse("2026-06-19T21:00:00Z"),
      to: Date.parse("2026-06-25T21:00:00Z"),
    },
  ],
  now: Date.parse("2026-06-15T14:00:00Z"),
};

describe("the notice of a missed obligation", () => {
  it("says in English what was needed, when it arrived and the new date, zone named", () => {
    const n = obligationNotice({
      ...base,
      locale: "en-CA",
      receivedAt: Date.parse("2026-06-16T14:00:00Z"),
    });
    expect(n.locale).toBe("en-CA");
    expect(n.body).toContain("I needed “photos” by Friday, June 12 at 5:00");
    expect(n.body).toContain("Since it arrived on Tuesday, June 16");
    expect(n.body).toMatch(/moves to Thursday, June 25 at 5:00\sp\.m\.\sEDT/);
    expect(n.body).toContain("Studio Nord");
  });

  it("says it in French when nothing arrived, with the rule's shift", () => {
    const n = obligationNotice({ ...base, locale: "fr-CA" });
    expect(n.body).toContain(
      "J’avais besoin de «\u00a0photos\u00a0» au plus tard le vendredi 12 juin",
    );
    expect(n.body).toContain("rien ne m’est encore parvenu");
    expect(n.body).toMatch(/reportée de 3\u00a0jours ouvrables, au jeudi 25 juin à 17 h 00 HAE/);
    expect(n.subject).toMatch(/^Report de livraison/);
  });
});
