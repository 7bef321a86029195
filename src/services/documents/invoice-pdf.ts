// The PDF of an invoice, in the client's language: who bills whom, the lines, each tax on the
// pre-tax subtotal, payments and the late fee so far, the amount due, and the terms of payment
// (due date, accepted methods, the late-fee rule of the charter).
import { lateFeeRule, methodList } from "../../domain/money/labels.ts";
import { formatLocalDay } from "../../domain/money/notices.ts";
import { formatMoney, formatNumber, languageOf } from "../../domain/replies/format.ts";
import type { InvoiceView } from "../billing/invoice-view.ts";
import { PDF_WORDS } from "./labels.ts";
import {
  COLORS,
  contentWidth,
  FONT,
  footers,
  formatRate,
  labelled,
  MARGIN,
  newDoc,
  section,
  summary,
  table,
  write,
} from "./pdf.ts";

export interface InvoicePdfInput {
  invoice: InvoiceView;
  locale: string;
  professional: { name: string; email?: string | undefined };
  client: { name: string; company: string | null; email: string | null };
  engagementTitle: string | null;
  createdAt: number;
}

export async function renderInvoicePdf(input: InvoicePdfInput): Promise<Buffer> {
  const { invoice: inv, locale } = input;
  const language = languageOf(locale);
  const w = PDF_WORDS[language];
  const money = (n: number) => formatMoney(n, locale, inv.currency);
  const day = (d: string | null) => (d ? formatLocalDay(d, locale) : "—");
  const number = inv.number ?? w.draft;
  const title = `${w.invoice} ${number}`;
  const { doc, done } = newDoc({
    locale,
    title,
    subject: `${title} — ${input.client.name}`,
    author: input.professional.name,
    createdAt: input.createdAt,
  });
  const width = contentWidth(doc);
  const right = MARGIN + width * 0.55;
  const rightWidth = width * 0.45;

  // Header: the professional on the left, the invoice's identity on the right.
  write(doc, input.professional.name, { y: MARGIN, size: 18, font: FONT.bold, width: width * 0.5 });
  const registrations = inv.taxes.taxes
    .filter((t) => t.registration)
    .map((t) => `${t.label[language]} — ${w.registration} ${t.registration}`);
  for (const line of [input.professional.email ?? "", ...registrations].filter(Boolean)) {
    write(doc, line, { size: 8.5, color: COLORS.muted, width: width * 0.5 });
  }
  const leftBottom = doc.y;

  write(doc, w.invoice.toUpperCase(), {
    x: right,
    y: MARGIN - 2,
    width: rightWidth,
    size: 22,
    font: FONT.bold,
    color: COLORS.accent,
    align: "right",
  });
  const badge =
    inv.state === "draft"
      ? { text: w.draft, color: COLORS.muted }
      : inv.state === "paid"
        ? { text: w.paid, color: COLORS.good }
        : inv.state === "void"
          ? { text: w.void, color: COLORS.warn }
          : inv.overdue
            ? { text: w.overdue, color: COLORS.warn }
            : null;
  if (badge) {
    const text = badge.text.toUpperCase();
    doc.font(FONT.bold).fontSize(8.5);
    const bw = doc.widthOfString(text) + 14;
    const by = doc.y + 2;
    doc
      .roundedRect(MARGIN + width - bw, by, bw, 16, 3)
      .lineWidth(1)
      .strokeColor(badge.color)
      .stroke();
    write(doc, text, {
      x: MARGIN + width - bw,
      y: by + 4.5,
      width: bw,
      size: 8.5,
      font: FONT.bold,
      color: badge.color,
      align: "center",
    });
    doc.y = by + 22;
  } else doc.moveDown(0.4);
  const facts: [string, string][] = [
    [w.number, number],
    [w.issuedOn, day(inv.issuedOn)],
    [w.dueOn, day(inv.dueOn)],
  ];
  for (const [label, value] of facts) {
    const y = doc.y;
    write(doc, label, {
      x: right,
      y,
      width: rightWidth * 0.45,
      size: 9.5,
      color: COLORS.muted,
      align: "right",
    });
    write(doc, value, {
      x: right + rightWidth * 0.45,
      y,
      width: rightWidth * 0.55,
      size: 9.5,
      font: FONT.bold,
      align: "right",
    });
    doc.y = y + 15;
  }
  doc.y = Math.max(doc.y, leftBottom) + 14;
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + width, doc.y)
    .lineWidth(1)
    .strokeColor(COLORS.accent)
    .stroke();
  const partiesY = doc.y + 14;

  const client = [input.client.name, input.client.company ?? "", input.client.email ?? ""].filter(
    Boolean,
  );
  labelled(doc, w.billedTo, client, MARGIN, partiesY, width * 0.5);
  const afterClient = doc.y;
  if (input.engagementTitle) {
    labelled(doc, w.engagement, [input.engagementTitle], right, partiesY, rightWidth);
  }
  doc.y = Math.max(afterClient, doc.y) + 18;

  table(
    doc,
    [
      { header: w.description, width: 0.52 },
      { header: w.quantity, width: 0.1, align: "right" },
      { header: w.unitPrice, width: 0.19, align: "right" },
      { header: w.amount, width: 0.19, align: "right" },
    ],
    inv.lines.map((l) => [
      l.description,
      formatNumber(l.quantity, locale),
      money(l.unitPrice),
      money(l.amount),
    ]),
  );
  doc.moveDown(0.8);

  const pairs: {
    label: string;
    value: string;
    strong?: boolean;
    bold?: boolean;
    color?: string;
  }[] = [
    { label: w.subtotal, value: money(inv.subtotal) },
    ...inv.taxAmounts.map((t) => ({
      label: `${t.label[language]} (${formatRate(t.ratePercent, locale)})`,
      value: money(t.amount),
    })),
    { label: w.total, value: money(inv.total), bold: true },
  ];
  if (inv.lateFee.amount > 0) {
    pairs.push({
      label: `${w.lateFee} (${w.lateFeeSoFar(inv.lateFee.daysLate)})`,
      value: money(inv.lateFee.amount),
      color: COLORS.warn,
    });
  }
  if (inv.paidAmount > 0) pairs.push({ label: w.paidSoFar, value: `− ${money(inv.paidAmount)}` });
  if (inv.state !== "draft" && inv.state !== "void") {
    pairs.push({ label: w.amountDue, value: money(inv.amountDue), strong: true });
  }
  summary(doc, pairs, 270);

  section(doc, w.paymentTerms);
  if (inv.dueOn)
    write(doc, w.payableWithin(inv.terms.paymentTermsDays, day(inv.dueOn)), { size: 9.5 });
  const methods = methodList(inv.terms.methods, language) || w.anyMethod;
  write(doc, `${w.methods}${language === "fr" ? "\u00a0:" : ":"} ${methods}.`, { size: 9.5 });
  if (inv.terms.lateFee) {
    const rule = lateFeeRule(inv.terms.lateFee, locale, inv.currency, language);
    write(doc, `${w.lateFeeRule}${language === "fr" ? "\u00a0:" : ":"} ${rule}.`, { size: 9.5 });
  }
  const exemption = inv.taxes.exemptionNote?.[language];
  if (exemption) write(doc, exemption, { size: 9.5, font: FONT.italic });

  if (inv.payments.length > 0) {
    section(doc, w.payments);
    for (const p of inv.payments) {
      write(doc, `${day(p.paidOn)} — ${money(p.amount)} (${methodList([p.method], language)})`, {
        size: 9.5,
      });
    }
  }
  if (inv.note) {
    section(doc, w.note);
    write(doc, inv.note, { size: 9.5 });
  }
  doc.moveDown(1.2);
  write(doc, w.thanks, { size: 10, font: FONT.italic, color: COLORS.accent });

  footers(doc, `${title} · ${input.professional.name}`, w.page);
  return done();
}
