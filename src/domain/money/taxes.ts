// Sales taxes of an invoice. Each tax is computed separately on the pre-tax subtotal (never on
// another tax: Quebec's QST has been on the pre-GST amount since 2013) and rounded half up to the
// minor unit once per invoice, so: total = subtotal + Σ taxes, and subtotal = Σ lines.
import { lineAmount, percentOf } from "./rounding.ts";

export interface TaxRate {
  /** Stable id, e.g. "gst", "qst", "tva". */
  id: string;
  label: { fr: string; en: string };
  /** In percent, up to 6 decimals: 5, 9.975, 20. */
  ratePercent: number;
  /** The professional's registration number for this tax, printed on invoices. */
  registration?: string | undefined;
}

export interface TaxSetup {
  taxes: TaxRate[];
  /** Printed when no tax applies, e.g. "TVA non applicable, art. 293 B du CGI". */
  exemptionNote?: { fr: string; en: string } | undefined;
}

export const NO_TAXES: TaxSetup = { taxes: [] };

/** Ready-made setups the settings page can offer. */
export const TAX_PRESETS: Record<string, TaxSetup> = {
  "CA-QC": {
    taxes: [
      { id: "gst", label: { fr: "TPS", en: "GST" }, ratePercent: 5 },
      { id: "qst", label: { fr: "TVQ", en: "QST" }, ratePercent: 9.975 },
    ],
  },
  "CA-ON": { taxes: [{ id: "hst", label: { fr: "TVH", en: "HST" }, ratePercent: 13 }] },
  FR: { taxes: [{ id: "tva", label: { fr: "TVA", en: "VAT" }, ratePercent: 20 }] },
  "FR-franchise": {
    taxes: [],
    exemptionNote: {
      fr: "TVA non applicable, art. 293 B du CGI",
      en: "VAT not applicable, article 293 B of the French tax code (CGI)",
    },
  },
};

export interface PricedLine {
  quantity: number;
  unitPrice: number;
}

export interface TaxAmount {
  id: string;
  label: { fr: string; en: string };
  ratePercent: number;
  registration?: string | undefined;
  /** The pre-tax amount it is computed on. */
  base: number;
  amount: number;
}

export interface InvoiceTotals {
  /** Each line's amount: quantity × unit price, half up. */
  lines: number[];
  subtotal: number;
  taxes: TaxAmount[];
  total: number;
}

export function invoiceTotals(lines: readonly PricedLine[], setup: TaxSetup): InvoiceTotals {
  const amounts = lines.map((l) => lineAmount(l.quantity, l.unitPrice));
  const subtotal = amounts.reduce((sum, a) => sum + a, 0);
  const taxes = setup.taxes.map((t) => ({
    id: t.id,
    label: t.label,
    ratePercent: t.ratePercent,
    ...(t.registration ? { registration: t.registration } : {}),
    base: subtotal,
    amount: percentOf(subtotal, t.ratePercent),
  }));
  const total = taxes.reduce((sum, t) => sum + t.amount, subtotal);
  return { lines: amounts, subtotal, taxes, total };
}
