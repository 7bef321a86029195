// Words of money shown to clients (invoices, contracts, notices, errors), in French and English:
// payment methods by id, invoice line descriptions, the late-fee rule said in a sentence.
import { formatMoney, formatPercent, type Language } from "../replies/format.ts";
import type { LateFeePolicy } from "./late-fee.ts";

const METHODS: Record<string, Record<Language, string>> = {
  transfer: { fr: "virement bancaire", en: "bank transfer" },
  "bank-transfer": { fr: "virement bancaire", en: "bank transfer" },
  interac: { fr: "virement Interac", en: "Interac e-Transfer" },
  card: { fr: "carte de crédit", en: "credit card" },
  "credit-card": { fr: "carte de crédit", en: "credit card" },
  cheque: { fr: "chèque", en: "cheque" },
  check: { fr: "chèque", en: "check" },
  cash: { fr: "argent comptant", en: "cash" },
  paypal: { fr: "PayPal", en: "PayPal" },
  sepa: { fr: "virement SEPA", en: "SEPA transfer" },
  stripe: { fr: "paiement en ligne (Stripe)", en: "online payment (Stripe)" },
};

/** A payment method id as a client reads it; an unknown id is shown as written. */
export function methodLabel(method: string, language: Language): string {
  return METHODS[method.trim().toLowerCase()]?.[language] ?? method;
}

/** "virement bancaire, virement Interac et carte de crédit" / "…, Interac e-Transfer and credit card". */
export function methodList(methods: readonly string[], language: Language): string {
  const names = methods.map((m) => methodLabel(m, language));
  if (names.length <= 1) return names[0] ?? "";
  const and = language === "fr" ? " et " : " and ";
  return `${names.slice(0, -1).join(", ")}${and}${names.at(-1)}`;
}

/** Whether a method is accepted: listed (ignoring case), or no list at all. */
export function isAcceptedMethod(method: string, methods: readonly string[]): boolean {
  if (methods.length === 0) return true;
  const wanted = method.trim().toLowerCase();
  return methods.some((m) => m.trim().toLowerCase() === wanted);
}

const NBSP = "\u00a0";

function days(n: number, language: Language): string {
  if (language === "fr") return `${n}${NBSP}jour${n > 1 ? "s" : ""}`;
  return `${n} day${n === 1 ? "" : "s"}`;
}

/** The late-fee rule in one sentence, e.g. "2 % par mois, au prorata des jours, après 5 jours de grâce". */
export function lateFeeRule(
  policy: LateFeePolicy | null | undefined,
  locale: string,
  currency: string,
  language: Language,
): string {
  if (!policy) return language === "fr" ? "aucuns frais de retard" : "no late fee";
  const grace =
    policy.graceDays > 0
      ? language === "fr"
        ? `, après ${days(policy.graceDays, "fr")} de grâce`
        : `, after ${days(policy.graceDays, "en")} of grace`
      : "";
  if ("fixed" in policy) {
    const amount = formatMoney(policy.fixed, locale, currency);
    return language === "fr"
      ? `frais fixes de ${amount} par facture en retard${grace}`
      : `a fixed fee of ${amount} per late invoice${grace}`;
  }
  const rate = formatPercent(policy.percentPerMonth, locale);
  return language === "fr"
    ? `${rate} par mois sur le solde impayé, calculés au prorata des jours de retard (intérêt simple)${grace}`
    : `${rate} per month on the unpaid balance, pro-rated by the days late (simple interest)${grace}`;
}

export type LineKindLabel = "deposit" | "balance" | "change-order" | "late-fee" | "late-cancel";

/** The description a generated invoice line gets, in the client's language. */
export function lineDescription(
  kind: LineKindLabel,
  language: Language,
  p: { offer?: string; percent?: number; locale?: string; title?: string; invoice?: string },
): string {
  const fr = language === "fr";
  switch (kind) {
    case "deposit": {
      const rate = formatPercent(p.percent ?? 0, p.locale ?? (fr ? "fr" : "en"));
      return fr
        ? `Acompte de ${rate} — forfait ${p.offer ?? ""}`.trim()
        : `Deposit of ${rate} — ${p.offer ?? ""} package`;
    }
    case "balance":
      return fr ? `Solde — forfait ${p.offer ?? ""}` : `Balance — ${p.offer ?? ""} package`;
    case "change-order":
      return fr ? `Avenant${NBSP}: ${p.title ?? ""}` : `Change order: ${p.title ?? ""}`;
    case "late-fee":
      return fr
        ? `Frais de retard — facture ${p.invoice ?? ""}`
        : `Late fee — invoice ${p.invoice ?? ""}`;
    case "late-cancel":
      return fr
        ? `Frais d’annulation tardive${NBSP}: ${p.title ?? ""}`
        : `Late cancellation fee: ${p.title ?? ""}`;
  }
}
