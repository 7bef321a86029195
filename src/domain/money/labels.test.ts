import { describe, expect, it } from "vitest";
import {
  isAcceptedMethod,
  lateFeeRule,
  lineDescription,
  methodLabel,
  methodList,
} from "./labels.ts";

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("money words", () => {
  it("payment methods by id, in each language; unknown ids as written", () => {
    expect(methodLabel("interac", "fr")).toBe("virement Interac");
    expect(methodLabel("Card", "en")).toBe("credit card");
    expect(methodLabel("bitcoin", "fr")).toBe("bitcoin");
    expect(methodList(["transfer", "interac", "card"], "fr")).toBe(
      "virement bancaire, virement Interac et carte de crédit",
    );
    expect(methodList(["cheque"], "en")).toBe("cheque");
    expect(methodList([], "en")).toBe("");
  });

  it("a method is accepted when listed (any case), or when the charter lists none", () => {
    const methods = ["transfer", "interac", "card"];
    expect(isAcceptedMethod("Interac", methods)).toBe(true);
    expect(isAcceptedMethod(" card ", methods)).toBe(true);
    expect(isAcceptedMethod("cheque", methods)).toBe(false);
    expect(isAcceptedMethod("cash", methods)).toBe(false);
    expect(isAcceptedMethod("cash", [])).toBe(true);
  });

  it("the late-fee rule in a sentence", () => {
    expect(spaces(lateFeeRule({ percentPerMonth: 2, graceDays: 5 }, "fr-CA", "CAD", "fr"))).toBe(
      "2 % par mois sur le solde impayé, calculés au prorata des jours de retard (intérêt simple), après 5 jours de grâce",
    );
    expect(lateFeeRule({ percentPerMonth: 1.5, graceDays: 0 }, "en-CA", "CAD", "en")).toBe(
      "1.5% per month on the unpaid balance, pro-rated by the days late (simple interest)",
    );
    expect(spaces(lateFeeRule({ fixed: 4_000, graceDays: 1 }, "fr-FR", "EUR", "fr"))).toBe(
      "frais fixes de 40,00 € par facture en retard, après 1 jour de grâce",
    );
    expect(lateFeeRule(null, "en", "CAD", "en")).toBe("no late fee");
  });

  it("generated line descriptions", () => {
    expect(
      spaces(
        lineDescription("deposit", "fr", { offer: "Signature", percent: 30, locale: "fr-CA" }),
      ),
    ).toBe("Acompte de 30 % — forfait Signature");
    expect(lineDescription("balance", "en", { offer: "Signature" })).toBe(
      "Balance — Signature package",
    );
    expect(lineDescription("change-order", "en", { title: "Home page" })).toBe(
      "Change order: Home page",
    );
  });
});
