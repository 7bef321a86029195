// Shapes of the money API (change orders, invoices, taxes, discount alternatives), derived from
// the server's zod response schemas (type-only imports: nothing of the server reaches the
// bundle), and money typed by a person turned into integer minor units.
import type { z } from "zod";
import type {
  alternativeAcceptedSchema,
  alternativeSchema,
  alternativesSchema,
  chosenAlternativeSchema,
} from "../../../src/http/schemas/alternatives.ts";
import type {
  changeOrderLineSchema,
  changeOrderSchema,
  decidedSchema,
  invoiceSchema,
  taxSettingsSchema,
  taxSetupSchema,
} from "../../../src/http/schemas/money.ts";

export type ChangeOrder = z.output<typeof changeOrderSchema>;
export type ChangeOrderState = ChangeOrder["state"];
export type ChangeOrderLine = z.output<typeof changeOrderLineSchema>;
/** Accepting or declining a change order. */
export type ChangeOrderDecided = z.output<typeof decidedSchema>;

export type Invoice = z.output<typeof invoiceSchema>;
export type InvoiceState = Invoice["state"];
export type InvoiceLine = Invoice["lines"][number];
export type LineKind = InvoiceLine["kind"];
export type Payment = Invoice["payments"][number];
export type LateFeeRule = NonNullable<Invoice["terms"]["lateFee"]>;

export type TaxSetup = z.output<typeof taxSetupSchema>;
export type TaxRate = TaxSetup["taxes"][number];
export type TaxSettings = z.output<typeof taxSettingsSchema>;

export type AlternativesView = z.output<typeof alternativesSchema>;
export type AlternativeView = z.output<typeof alternativeSchema>;
export type ChosenAlternative = z.output<typeof chosenAlternativeSchema>;
export type AlternativeAccepted = z.output<typeof alternativeAcceptedSchema>;

/** Payment methods the pages know by name (`methods.*` in the catalogs). */
export const KNOWN_METHODS = ["transfer", "interac", "card", "cheque", "cash", "paypal"] as const;

/** Digits after the decimal point of a currency (2 for CAD and EUR, 0 for JPY). */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/**
 * An amount as a person types it ("2000", "2 000,50", "2,000.50", "1 999,99 $") → integer minor
 * units of the currency, or null when it is not an amount. Computed on the digits, never through
 * floating point; extra decimals are rounded half up.
 */
export function parseMoneyInput(text: string, currency: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f'’]/g, "").replace(/[^\d.,-]/g, "");
  if (!cleaned || cleaned.startsWith("-") || !/\d/.test(cleaned)) return null;
  const lastDot = cleaned.lastIndexOf(".");
  const lastComma = cleaned.lastIndexOf(",");
  let whole = cleaned;
  let fraction = "";
  const sep = Math.max(lastDot, lastComma);
  if (sep >= 0) {
    const after = cleaned.slice(sep + 1);
    const both = lastDot >= 0 && lastComma >= 0;
    const onlyOneKind = cleaned.split(cleaned[sep] as string).length === 2;
    // A separator is the decimal one when both kinds appear (the last wins), or when it appears
    // once and is not followed by exactly three digits ("1,500" is fifteen hundred).
    if (both || (onlyOneKind && after.length !== 3)) {
      whole = cleaned.slice(0, sep);
      fraction = after;
    }
  }
  whole = whole.replace(/[.,]/g, "");
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || (whole === "" && fraction === "")) {
    return null;
  }
  const digits = currencyDigits(currency);
  const kept = fraction.slice(0, digits).padEnd(digits, "0");
  const roundUp = fraction.length > digits && Number(fraction[digits]) >= 5;
  const minor = Number(`${whole || "0"}${kept}`) + (roundUp ? 1 : 0);
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units as a plain decimal for an input's initial value ("1234.50"). */
export function minorToInput(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const s = String(Math.abs(minor)).padStart(digits + 1, "0");
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

export const INVOICE_TONE = {
  draft: "neutral",
  issued: "blue",
  paid: "green",
  void: "neutral",
  overdue: "red",
} as const;

export const CHANGE_ORDER_TONE = {
  proposed: "amber",
  accepted: "green",
  declined: "neutral",
} as const;

/** The state a person reads: an issued invoice past its due date is "overdue". */
export function invoiceStatus(invoice: Pick<Invoice, "state" | "overdue">) {
  return invoice.state === "issued" && invoice.overdue ? "overdue" : invoice.state;
}
