// Shapes of the money API (change orders, invoices, taxes, discount alternatives) as the pages
// use them, and money typed by a person turned into integer minor units.

export type ChangeOrderState = "proposed" | "accepted" | "declined";

export interface ChangeOrderLine {
  id: string;
  name: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  source: "item" | "add-on" | "custom";
}

export interface ChangeOrder {
  id: string;
  engagementId: string;
  clientId: string;
  requestId: string | null;
  title: string;
  items: ChangeOrderLine[];
  grants: Partial<Record<"meetings" | "revisions" | "hours", number>>;
  price: number;
  currency: string;
  deliveryShiftBusinessDays: number;
  state: ChangeOrderState;
  createdAt: string;
  createdBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  invoiceId: string | null;
}

export interface ChangeOrderDecided {
  changeOrder: ChangeOrder;
  moves: { id: string; name: string; from: string; to: string }[];
  invoiceId: string | null;
}

export type InvoiceState = "draft" | "issued" | "paid" | "void";
export type LineKind = "deposit" | "milestone" | "balance" | "change-order" | "item" | "late-fee";

export interface InvoiceLine {
  id: string;
  position: number;
  kind: LineKind;
  description: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  changeOrderId: string | null;
}

export interface Payment {
  id: string;
  amount: number;
  method: string;
  paidAt: string;
  paidOn: string;
  recordedBy: string | null;
  createdAt: string;
}

export type LateFeeRule =
  | { percentPerMonth: number; graceDays: number }
  | { fixed: number; graceDays: number };

export interface TaxRate {
  id: string;
  label: { fr: string; en: string };
  ratePercent: number;
  registration?: string;
}

export interface TaxSetup {
  taxes: TaxRate[];
  exemptionNote?: { fr: string; en: string };
}

export interface TaxSettings extends TaxSetup {
  updatedAt: string | null;
  presets: Record<string, TaxSetup>;
}

export interface Invoice {
  id: string;
  number: string | null;
  clientId: string;
  engagementId: string | null;
  state: InvoiceState;
  currency: string;
  timezone: string;
  terms: {
    paymentTermsDays: number;
    depositPercent: number;
    methods: string[];
    lateFee: LateFeeRule | null;
    reminders: { beforeDays: number[]; afterDays: number[] };
    charterVersion: number | null;
  };
  taxes: TaxSetup;
  taxAmounts: (TaxRate & { base: number; amount: number })[];
  subtotal: number;
  taxTotal: number;
  total: number;
  paidAmount: number;
  balance: number;
  lateFee: {
    amount: number;
    daysLate: number;
    chargeableDays: number;
    basis: "none" | "percent" | "fixed";
    asOf: string;
  };
  amountDue: number;
  overdue: boolean;
  daysUntilDue: number | null;
  issuedAt: string | null;
  issuedOn: string | null;
  dueOn: string | null;
  paidAt: string | null;
  overdueAt: string | null;
  note: string | null;
  lines: InvoiceLine[];
  payments: Payment[];
  createdAt: string;
  updatedAt: string;
}

export interface AlternativeView {
  index: number;
  offerId: string;
  offerName: string;
  sameOffer: boolean;
  removedItems: { id: string; name: string }[];
  items: { id: string; name: string; quantity: number }[];
  price: number;
  currency: string;
  budgetDelta: number | null;
  available: boolean;
}

export interface ChosenAlternative {
  index: number;
  offerId: string;
  removedItems: string[];
  price: number;
  currency: string;
  engagementId: string;
  engagementCreated: boolean;
  at: string;
  by: string;
  previous: { offerId: string; name: string; price: number } | null;
}

export interface AlternativesView {
  requestId: string;
  offer: { id: string; name: string; price: number; currency: string } | null;
  budget: number | null;
  currency: string;
  alternatives: AlternativeView[];
  chosen: ChosenAlternative | null;
}

export interface AlternativeAccepted {
  requestId: string;
  chosen: ChosenAlternative;
  alternative: AlternativeView;
  engagement: {
    id: string;
    title: string;
    offerId: string;
    offerName: string;
    price: number;
    currency: string;
    created: boolean;
  };
}

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
