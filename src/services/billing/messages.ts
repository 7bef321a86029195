// Error messages of change orders, invoices, payments and tax settings (fr, en), and the detail
// codes their checks report.
import { defineIssueMessages } from "../../domain/charter/messages.ts";
import { methodLabel, methodList } from "../../domain/money/labels.ts";
import { formatMoney } from "../../domain/replies/format.ts";
import { defineErrors } from "../../i18n/errors.ts";

const NBSP = "\u00a0";
const money = (p: Record<string, unknown>, locale: string) =>
  formatMoney(Number(p.amount ?? 0), locale, String(p.currency ?? ""));
const methods = (p: Record<string, unknown>, language: "fr" | "en") =>
  methodList(Array.isArray(p.methods) ? p.methods.map(String) : [], language);

defineErrors({
  "money.method-refused": {
    fr: (p) =>
      `Je n’accepte pas le paiement par ${methodLabel(String(p.method), "fr")}${NBSP}: comme le prévoit ma charte, les modes de paiement acceptés sont ${methods(p, "fr")}.`,
    en: (p) =>
      `Payment by ${methodLabel(String(p.method), "en")} is not accepted: as my charter says, the accepted payment methods are ${methods(p, "en")}.`,
  },
  invoice_not_draft: {
    fr: () => "Cette facture est déjà émise : ses lignes ne peuvent plus changer.",
    en: () => "This invoice has already been issued: its lines can no longer change.",
  },
  invoice_not_payable: {
    fr: (p) =>
      p.state === "paid"
        ? "Cette facture est déjà payée."
        : p.state === "void"
          ? "Cette facture est annulée."
          : "Cette facture n’est pas encore émise : émettez-la avant d’y inscrire un paiement.",
    en: (p) =>
      p.state === "paid"
        ? "This invoice is already paid."
        : p.state === "void"
          ? "This invoice is void."
          : "This invoice has not been issued yet: issue it before recording a payment.",
  },
  invoice_has_payments: {
    fr: () => "Cette facture a déjà reçu des paiements : elle ne peut pas être annulée.",
    en: () => "This invoice has already received payments: it cannot be voided.",
  },
  invoice_empty: {
    fr: () => "Une facture sans ligne ne peut pas être émise.",
    en: () => "An invoice without lines cannot be issued.",
  },
  overpayment: {
    fr: (p) => `Ce paiement dépasse le montant dû (${money(p, "fr-CA")}).`,
    en: (p) => `This payment is more than the amount due (${money(p, "en-CA")}).`,
  },
  payment_in_future: {
    fr: () => "La date du paiement ne peut pas être dans le futur.",
    en: () => "The date of the payment cannot be in the future.",
  },
  no_deposit_policy: {
    fr: () =>
      `La charte publiée ne prévoit pas d’acompte (depositPercent)${NBSP}: ajoutez-le à la charte, ou facturez un jalon.`,
    en: () =>
      "The published charter sets no deposit (depositPercent): add one to the charter, or bill a milestone.",
  },
  deposit_already_billed: {
    fr: () => "L’acompte de ce mandat est déjà facturé.",
    en: () => "This engagement’s deposit has already been billed.",
  },
  nothing_left_to_bill: {
    fr: () => "Le forfait de ce mandat est déjà entièrement facturé.",
    en: () => "This engagement’s package has already been billed in full.",
  },
  engagement_required: {
    fr: () => "Ce type de ligne se rapporte à un mandat : indiquez engagementId.",
    en: () => "This kind of line belongs to an engagement: give engagementId.",
  },
  client_mismatch: {
    fr: () => "Ce mandat appartient à un autre client.",
    en: () => "This engagement belongs to another client.",
  },
  change_order_decided: {
    fr: (p) =>
      p.state === "accepted" ? "Cet avenant a déjà été accepté." : "Cet avenant a déjà été refusé.",
    en: (p) =>
      p.state === "accepted"
        ? "This change order has already been accepted."
        : "This change order has already been declined.",
  },
  change_order_not_accepted: {
    fr: () => "Seul un avenant accepté peut être facturé.",
    en: () => "Only an accepted change order can be billed.",
  },
  change_order_billed: {
    fr: () => "Cet avenant est déjà facturé.",
    en: () => "This change order has already been billed.",
  },
  change_order_exists: {
    fr: () => "Un avenant a déjà été proposé pour cette demande.",
    en: () => "A change order has already been proposed for this request.",
  },
  no_change_order_proposal: {
    fr: () =>
      "La décision de cette demande ne propose pas d’avenant chiffré : rédigez l’avenant à la main (items).",
    en: () =>
      "This request’s decision proposes no priced change order: write the change order by hand (items).",
  },
  request_without_engagement: {
    fr: () => "Cette demande n’est liée à aucun mandat : indiquez engagementId.",
    en: () => "This request is not tied to an engagement: give engagementId.",
  },
});

defineIssueMessages({
  "money.method-refused": {
    fr: (p) =>
      `${methodLabel(String(p.method), "fr")} n’est pas un mode de paiement accepté (acceptés${NBSP}: ${methods(p, "fr")})`,
    en: (p) =>
      `${methodLabel(String(p.method), "en")} is not an accepted payment method (accepted: ${methods(p, "en")})`,
  },
  milestone_amount: {
    fr: () => "indiquez soit percent, soit amount",
    en: () => "give either percent or amount",
  },
});
