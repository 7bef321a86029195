import { describe, expect, it } from "vitest";
import {
  changeOrderNotice,
  formatLocalDay,
  invoiceIssuedNotice,
  paymentReminder,
} from "./notices.ts";

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const invoice = {
  clientName: "Julie",
  professionalName: "Atelier Camille",
  number: "2026-0002",
  currency: "CAD",
  total: 206_955,
  dueOn: "2026-03-17",
  methods: ["transfer", "interac"],
  lateFee: { percentPerMonth: 2, graceDays: 5 },
  link: "https://cadre.example/portal/invoices/x",
};

describe("money notices, first person, in the client's language", () => {
  it("local dates written out", () => {
    expect(formatLocalDay("2026-03-17", "fr-CA")).toBe("17 mars 2026");
    expect(formatLocalDay("2026-03-17", "en-CA")).toBe("March 17, 2026");
  });

  it("an invoice issued: amount, due date, accepted methods, the late-fee rule", () => {
    const fr = invoiceIssuedNotice({ ...invoice, locale: "fr-CA" });
    expect(fr.subject).toBe("Facture 2026-0002");
    const body = spaces(fr.body);
    expect(body).toContain(
      "Vous trouverez ma facture 2026-0002, d’un montant de 2 069,55 $, payable au plus tard le 17 mars 2026.",
    );
    expect(body).toContain(
      "Les modes de paiement que j’accepte : virement bancaire et virement Interac.",
    );
    expect(body).toContain("2 % par mois");
    expect(body.endsWith("Au plaisir,\nAtelier Camille")).toBe(true);
    const en = invoiceIssuedNotice({ ...invoice, locale: "en-CA" });
    expect(en.body).toContain(
      "Here is my invoice 2026-0002, for $2,069.55, due by March 17, 2026.",
    );
  });

  it("reminders before and after the due date, with the fee so far", () => {
    const before = paymentReminder({
      ...invoice,
      locale: "en-CA",
      when: "before",
      days: 3,
      amountDue: 206_955,
      feeSoFar: 0,
    });
    expect(before.subject).toBe("Reminder: invoice 2026-0002");
    expect(before.body).toContain("is due on March 17, 2026, in 3 days.");
    const after = paymentReminder({
      ...invoice,
      locale: "fr-CA",
      when: "after",
      days: 15,
      amountDue: 208_335,
      feeSoFar: 1_380,
    });
    expect(after.subject).toBe("Facture 2026-0002 en retard");
    expect(spaces(after.body)).toContain(
      "des frais de retard de 13,80 $ s’ajoutent : le montant dû aujourd’hui est de 2 083,35 $.",
    );
    const grace = paymentReminder({
      ...invoice,
      locale: "en-CA",
      when: "after",
      days: 1,
      amountDue: 206_955,
      feeSoFar: 0,
    });
    expect(grace.body).toContain("a late fee will apply");
  });

  it("a change order to approve: lines, total before taxes, delivery impact", () => {
    const c = changeOrderNotice({
      locale: "en-CA",
      clientName: "Julie",
      title: "Home page",
      items: [
        { name: "Home page", quantity: 1, amount: 180_000 },
        { name: "Extra round", quantity: 2, amount: 30_000 },
      ],
      price: 210_000,
      currency: "CAD",
      deliveryShiftBusinessDays: 2,
    });
    expect(c.subject).toBe("Change order to approve: Home page");
    expect(c.body).toContain(
      "– Home page: $1,800.00\n– 2 × Extra round: $300.00\nTotal (before taxes): $2,100.00",
    );
    expect(c.body).toContain("move by 2 business days");
  });
});
