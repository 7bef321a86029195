// Invoices with their lines and payments. A draft has no number; issuing numbers it (per
// workspace and year, without gaps), fixes its terms and dates. Totals are kept on the row, computed
// by the domain from the lines and the tax setup snapshot.
import { type Kysely, sql, type Transaction } from "kysely";
import { toIso as iso } from "../../domain/business-time/iso.ts";
import type { LateFeePolicy } from "../../domain/money/late-fee.ts";
import type { TaxSetup } from "../../domain/money/taxes.ts";
import type { Database } from "../schema.ts";
import { fromJson, instant, instantOrNull, toJson } from "../values.ts";

type Db = Kysely<Database> | Transaction<Database>;

export type InvoiceState = "draft" | "issued" | "paid" | "void";
export type LineKind = "deposit" | "milestone" | "balance" | "change-order" | "item" | "late-fee";

/** The money terms of the charter an invoice was issued under (a snapshot). */
export interface InvoiceTerms {
  paymentTermsDays: number;
  depositPercent: number;
  /** Accepted payment methods; empty: the charter names none (any is accepted). */
  methods: string[];
  lateFee: LateFeePolicy | null;
  reminders: { beforeDays: number[]; afterDays: number[] };
  charterVersion: number | null;
}

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
  /** Local date in the invoice's zone (late fees count local days). */
  paidOn: string;
  recordedBy: string | null;
  createdAt: string;
}

export interface Invoice {
  id: string;
  number: string | null;
  clientId: string;
  engagementId: string | null;
  state: InvoiceState;
  currency: string;
  timezone: string;
  terms: InvoiceTerms;
  taxes: TaxSetup;
  subtotal: number;
  taxTotal: number;
  total: number;
  paidAmount: number;
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

export interface NewInvoice {
  id: string;
  clientId: string;
  engagementId: string | null;
  currency: string;
  timezone: string;
  terms: InvoiceTerms;
  taxes: TaxSetup;
  note: string | null;
}

export type NewLine = Omit<InvoiceLine, "id" | "position"> & { id: string };

export interface Totals {
  subtotal: number;
  taxTotal: number;
  total: number;
}

type Row = Database["invoices"] extends infer T ? { [K in keyof T]: unknown } : never;
type LineRow = Database["invoice_lines"] extends infer T ? { [K in keyof T]: unknown } : never;
type PaymentRow = Database["payments"] extends infer T ? { [K in keyof T]: unknown } : never;

function toLine(r: LineRow): InvoiceLine {
  return {
    id: r.id as string,
    position: Number(r.position),
    kind: r.kind as LineKind,
    description: r.description as string,
    quantity: Number(r.quantity),
    unitPrice: Number(r.unit_price),
    amount: Number(r.amount),
    changeOrderId: (r.change_order_id as string | null) ?? null,
  };
}

function toPayment(r: PaymentRow): Payment {
  return {
    id: r.id as string,
    amount: Number(r.amount),
    method: r.method as string,
    paidAt: instant(r.paid_at),
    paidOn: r.paid_on as string,
    recordedBy: (r.recorded_by as string | null) ?? null,
    createdAt: instant(r.created_at),
  };
}

function toInvoice(r: Row, lines: InvoiceLine[], payments: Payment[]): Invoice {
  return {
    id: r.id as string,
    number: (r.number as string | null) ?? null,
    clientId: r.client_id as string,
    engagementId: (r.engagement_id as string | null) ?? null,
    state: r.state as InvoiceState,
    currency: r.currency as string,
    timezone: r.timezone as string,
    terms: fromJson<InvoiceTerms>(r.terms),
    taxes: fromJson<TaxSetup>(r.taxes),
    subtotal: Number(r.subtotal),
    taxTotal: Number(r.tax_total),
    total: Number(r.total),
    paidAmount: Number(r.paid_amount),
    issuedAt: instantOrNull(r.issued_at),
    issuedOn: (r.issued_on as string | null) ?? null,
    dueOn: (r.due_on as string | null) ?? null,
    paidAt: instantOrNull(r.paid_at),
    overdueAt: instantOrNull(r.overdue_at),
    note: (r.note as string | null) ?? null,
    lines,
    payments,
    createdAt: instant(r.created_at),
    updatedAt: instant(r.updated_at),
  };
}

async function withChildren(db: Db, workspaceId: string, rows: Row[]): Promise<Invoice[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id as string);
  const lineRows = await db
    .selectFrom("invoice_lines")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("invoice_id", "in", ids)
    .orderBy("position")
    .execute();
  const paymentRows = await db
    .selectFrom("payments")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("invoice_id", "in", ids)
    .orderBy("paid_at")
    .orderBy("created_at")
    .execute();
  const lines = new Map<string, InvoiceLine[]>(ids.map((id) => [id, []]));
  for (const l of lineRows) lines.get(l.invoice_id)?.push(toLine(l as LineRow));
  const payments = new Map<string, Payment[]>(ids.map((id) => [id, []]));
  for (const p of paymentRows) payments.get(p.invoice_id)?.push(toPayment(p as PaymentRow));
  return rows.map((r) =>
    toInvoice(r, lines.get(r.id as string) ?? [], payments.get(r.id as string) ?? []),
  );
}

export async function insertInvoice(db: Db, workspaceId: string, i: NewInvoice, at: number) {
  await db
    .insertInto("invoices")
    .values({
      workspace_id: workspaceId,
      id: i.id,
      number: null,
      client_id: i.clientId,
      engagement_id: i.engagementId,
      state: "draft",
      currency: i.currency,
      timezone: i.timezone,
      terms: toJson(i.terms),
      taxes: toJson(i.taxes),
      subtotal: 0,
      tax_total: 0,
      total: 0,
      note: i.note,
      created_at: iso(at),
      updated_at: iso(at),
    })
    .execute();
}

export async function getInvoice(db: Db, workspaceId: string, id: string): Promise<Invoice | null> {
  const row = await db
    .selectFrom("invoices")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const [invoice] = await withChildren(db, workspaceId, [row as Row]);
  return invoice ?? null;
}

export interface InvoiceFilter {
  clientId?: string | undefined;
  engagementId?: string | undefined;
  state?: InvoiceState | undefined;
  /** Leave drafts out (what a client sees). */
  issuedOnly?: boolean | undefined;
}

/** Newest first. */
export async function listInvoices(
  db: Db,
  workspaceId: string,
  filter: InvoiceFilter = {},
): Promise<Invoice[]> {
  let q = db.selectFrom("invoices").selectAll().where("workspace_id", "=", workspaceId);
  if (filter.clientId) q = q.where("client_id", "=", filter.clientId);
  if (filter.engagementId) q = q.where("engagement_id", "=", filter.engagementId);
  if (filter.state) q = q.where("state", "=", filter.state);
  if (filter.issuedOnly) q = q.where("state", "in", ["issued", "paid"]);
  const rows = await q.orderBy("created_at", "desc").orderBy("id", "desc").limit(500).execute();
  return withChildren(db, workspaceId, rows as Row[]);
}

/** The engagement's newest draft, where accepted change orders add their line. */
export async function draftFor(
  db: Db,
  workspaceId: string,
  engagementId: string,
): Promise<Invoice | null> {
  const row = await db
    .selectFrom("invoices")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("engagement_id", "=", engagementId)
    .where("state", "=", "draft")
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const [invoice] = await withChildren(db, workspaceId, [row as Row]);
  return invoice ?? null;
}

/** Appends lines after the existing ones. */
export async function addLines(
  db: Db,
  workspaceId: string,
  invoiceId: string,
  lines: NewLine[],
  firstPosition: number,
) {
  if (lines.length === 0) return;
  await db
    .insertInto("invoice_lines")
    .values(
      lines.map((l, i) => ({
        workspace_id: workspaceId,
        id: l.id,
        invoice_id: invoiceId,
        position: firstPosition + i,
        kind: l.kind,
        description: l.description,
        quantity: l.quantity,
        unit_price: l.unitPrice,
        amount: l.amount,
        change_order_id: l.changeOrderId,
      })),
    )
    .execute();
}

export async function setTotals(
  db: Db,
  workspaceId: string,
  id: string,
  totals: Totals,
  taxes: TaxSetup,
  at: number,
) {
  await db
    .updateTable("invoices")
    .set({
      subtotal: totals.subtotal,
      tax_total: totals.taxTotal,
      total: totals.total,
      taxes: toJson(taxes),
      updated_at: iso(at),
    })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .execute();
}

/** The next number of the year: "2026-0001", "2026-0002"… */
export async function nextNumber(db: Db, workspaceId: string, year: string): Promise<string> {
  const row = await db
    .selectFrom("invoices")
    .select((eb) => eb.fn.max("number").as("last"))
    .where("workspace_id", "=", workspaceId)
    .where("number", "like", `${year}-%`)
    .executeTakeFirst();
  const last = typeof row?.last === "string" ? Number(row.last.slice(year.length + 1)) : 0;
  return `${year}-${String(last + 1).padStart(4, "0")}`;
}

/** Draft → issued with its number, dates and terms; false when it was not a draft. */
export async function issue(
  db: Db,
  workspaceId: string,
  id: string,
  fields: {
    number: string;
    issuedAt: number;
    issuedOn: string;
    dueOn: string;
    terms: InvoiceTerms;
    timezone: string;
  },
): Promise<boolean> {
  const result = await db
    .updateTable("invoices")
    .set({
      state: "issued",
      number: fields.number,
      issued_at: iso(fields.issuedAt),
      issued_on: fields.issuedOn,
      due_on: fields.dueOn,
      terms: toJson(fields.terms),
      timezone: fields.timezone,
      updated_at: iso(fields.issuedAt),
    })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("state", "=", "draft")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertPayment(
  db: Db,
  workspaceId: string,
  invoiceId: string,
  p: Omit<Payment, "createdAt">,
  at: number,
) {
  await db
    .insertInto("payments")
    .values({
      workspace_id: workspaceId,
      id: p.id,
      invoice_id: invoiceId,
      amount: p.amount,
      method: p.method,
      paid_at: p.paidAt,
      paid_on: p.paidOn,
      recorded_by: p.recordedBy,
      created_at: iso(at),
    })
    .execute();
  await db
    .updateTable("invoices")
    .set({ paid_amount: sql`paid_amount + ${p.amount}`, updated_at: iso(at) })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", invoiceId)
    .execute();
}

export async function setState(
  db: Db,
  workspaceId: string,
  id: string,
  state: InvoiceState,
  at: number,
  paidAt: string | null = null,
) {
  await db
    .updateTable("invoices")
    .set({ state, paid_at: paidAt, updated_at: iso(at) })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .execute();
}

/** Marks the invoice overdue once; false when it already was. */
export async function claimOverdue(db: Db, workspaceId: string, id: string, at: number) {
  const result = await db
    .updateTable("invoices")
    .set({ overdue_at: iso(at) })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("overdue_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Issued invoices due on or before `lastDueOn`, every workspace (the reminder sweep, like the
 * obligation sweep, is the one reader across tenants).
 */
export async function issuedDueBy(db: Db, lastDueOn: string, limit = 500) {
  const rows = await db
    .selectFrom("invoices")
    .select(["workspace_id", "id"])
    .where("state", "=", "issued")
    .where("due_on", "<=", lastDueOn)
    .orderBy("due_on")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ workspaceId: r.workspace_id, id: r.id }));
}

/** Kinds of lines already billed for an engagement (not void), for deposits and balances. */
export async function billedLines(db: Db, workspaceId: string, engagementId: string) {
  const rows = await db
    .selectFrom("invoice_lines as l")
    .innerJoin("invoices as i", (j) =>
      j.onRef("i.workspace_id", "=", "l.workspace_id").onRef("i.id", "=", "l.invoice_id"),
    )
    .select(["l.kind", "l.amount", "l.change_order_id", "i.id as invoice_id"])
    .where("l.workspace_id", "=", workspaceId)
    .where("i.engagement_id", "=", engagementId)
    .where("i.state", "!=", "void")
    .execute();
  return rows.map((r) => ({
    kind: r.kind as LineKind,
    amount: Number(r.amount),
    changeOrderId: r.change_order_id,
    invoiceId: r.invoice_id,
  }));
}
