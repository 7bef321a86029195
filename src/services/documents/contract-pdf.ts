// The PDF of an engagement's contract, in the client's language and first person: the parties,
// the package (items, price, quotas, personalization limits, extras, what is not included), the
// accepted change orders, the deliveries, the client's obligations with their consequences, and
// the charter's money terms (deposit, payment terms, methods, late fee, same price for everyone).
import type { ChangeOrderLine } from "../../domain/decide/types.ts";
import { lateFeeRule, methodList } from "../../domain/money/labels.ts";
import { formatLocalDay } from "../../domain/money/notices.ts";
import { lineAmount, percentOf } from "../../domain/money/rounding.ts";
import { offerPrice } from "../../domain/offers/pricing.ts";
import type { Offer, QuotaKey } from "../../domain/offers/types.ts";
import {
  formatDateTime,
  formatMoney,
  formatNumber,
  languageOf,
} from "../../domain/replies/format.ts";
import type { InvoiceTerms } from "../../store/repositories/invoices.ts";
import { PDF_WORDS } from "./labels.ts";
import {
  COLORS,
  contentWidth,
  ensureSpace,
  FONT,
  footers,
  formatRate,
  keyValues,
  labelled,
  MARGIN,
  newDoc,
  section,
  table,
  write,
} from "./pdf.ts";

export interface ContractPdfInput {
  locale: string;
  /** The zone dates are shown in (the client's, else the charter's), named on the page. */
  timeZone: string;
  professional: { name: string };
  client: { name: string; company: string | null; email: string | null };
  engagement: {
    title: string;
    offer: Offer;
    startsOn: string | null;
    endsOn: string | null;
    extraQuota: Partial<Record<QuotaKey, number>>;
    deliverables: { id: string; name: string; dueAt: string; deliveredAt: string | null }[];
    obligations: {
      name: string;
      dueAt: string;
      shiftBusinessDays: number;
      deliverableIds: string[];
    }[];
  };
  changeOrders: {
    title: string;
    items: ChangeOrderLine[];
    price: number;
    deliveryShiftBusinessDays: number;
    decidedAt: string | null;
  }[];
  terms: InvoiceTerms;
  discounts: "never" | "alternatives";
  hasTaxes: boolean;
  charter: { version: number; acknowledgedAt: string | null } | null;
  createdAt: number;
}

export async function renderContractPdf(input: ContractPdfInput): Promise<Buffer> {
  const { locale, engagement: e } = input;
  const language = languageOf(locale);
  const w = PDF_WORDS[language];
  const colon = language === "fr" ? "\u00a0:" : ":";
  const currency = e.offer.currency;
  const money = (n: number) => formatMoney(n, locale, currency);
  const at = (iso: string) =>
    formatDateTime(Date.parse(iso), locale, input.timeZone, input.createdAt);
  const day = (d: string | null) => (d ? formatLocalDay(d, locale) : w.notSet);
  const { doc, done } = newDoc({
    locale,
    title: `${w.contract} — ${e.title}`,
    subject: `${w.contract} — ${input.client.name}`,
    author: input.professional.name,
    createdAt: input.createdAt,
  });
  const width = contentWidth(doc);

  write(doc, w.contract.toUpperCase(), {
    y: MARGIN,
    size: 9,
    font: FONT.bold,
    color: COLORS.accent,
  });
  write(doc, e.title, { size: 20, font: FONT.bold });
  write(doc, `${w.offer}${colon} ${e.offer.name}`, { size: 10.5, color: COLORS.muted });
  doc.moveDown(0.6);
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + width, doc.y)
    .lineWidth(1)
    .strokeColor(COLORS.accent)
    .stroke();
  const top = doc.y + 14;
  labelled(doc, w.professional, [input.professional.name], MARGIN, top, width * 0.33);
  const client = [input.client.name, input.client.company ?? "", input.client.email ?? ""].filter(
    Boolean,
  );
  labelled(doc, w.client, client, MARGIN + width * 0.36, top, width * 0.33);
  const afterClient = doc.y;
  labelled(
    doc,
    w.period,
    [`${w.startsOn}${colon} ${day(e.startsOn)}`, `${w.endsOn}${colon} ${day(e.endsOn)}`],
    MARGIN + width * 0.72,
    top,
    width * 0.28,
  );
  doc.y = Math.max(afterClient, doc.y) + 6;

  // The package.
  section(doc, w.included);
  if (e.offer.description) {
    write(doc, e.offer.description, { size: 9.5, color: COLORS.muted });
    doc.moveDown(0.4);
  }
  table(
    doc,
    [
      { header: w.description, width: 0.52 },
      { header: w.quantity, width: 0.1, align: "right" },
      { header: w.unitPrice, width: 0.19, align: "right" },
      { header: w.amount, width: 0.19, align: "right" },
    ],
    e.offer.items.map((i) => [
      i.description ? `${i.name}\n${i.description}` : i.name,
      formatNumber(i.quantity, locale),
      money(i.unitPrice),
      money(lineAmount(i.quantity, i.unitPrice)),
    ]),
  );
  doc.moveDown(0.5);
  write(doc, `${w.packagePrice}${colon} ${money(offerPrice(e.offer))}`, {
    size: 11,
    font: FONT.bold,
    align: "right",
  });

  // Quotas, with what accepted change orders added; revision rounds set as a personalization
  // limit are shown there, once.
  const limits = e.offer.personalization;
  const withExtra = (base: number, extra: number) =>
    extra > 0
      ? `${formatNumber(base + extra, locale)} (${formatNumber(base, locale)} + ${formatNumber(extra, locale)} ${w.byChangeOrder})`
      : formatNumber(base, locale);
  const quotaRows: [string, string][] = [];
  for (const key of ["meetings", "revisions", "hours"] as const) {
    if (key === "revisions" && limits?.revisionRounds !== undefined) continue;
    const base = e.offer.quotas?.[key];
    if (base === undefined && e.extraQuota[key] === undefined) continue;
    const label = { meetings: w.meetings, revisions: w.revisions, hours: w.hours }[key];
    quotaRows.push([label, withExtra(base ?? 0, e.extraQuota[key] ?? 0)]);
  }
  const limitRows: [string, string][] = [];
  if (limits?.customVariants !== undefined) {
    limitRows.push([w.customVariants, formatNumber(limits.customVariants, locale)]);
  }
  if (limits?.revisionRounds !== undefined) {
    limitRows.push([
      w.revisionRounds,
      withExtra(limits.revisionRounds, e.extraQuota.revisions ?? 0),
    ]);
  }
  if (quotaRows.length > 0) {
    section(doc, w.quotas);
    keyValues(doc, quotaRows, 0.5);
  }
  if (limitRows.length > 0) {
    section(doc, w.personalization);
    keyValues(doc, limitRows, 0.5);
  }
  if (e.offer.addOns && e.offer.addOns.length > 0) {
    section(doc, w.addOns);
    table(
      doc,
      [
        { header: w.description, width: 0.75 },
        { header: w.price, width: 0.25, align: "right" },
      ],
      e.offer.addOns.map((a) => [
        a.description ? `${a.name}\n${a.description}` : a.name,
        money(a.price),
      ]),
    );
  }
  if (e.offer.excluded && e.offer.excluded.length > 0) {
    section(doc, w.excluded);
    for (const x of e.offer.excluded) write(doc, `–  ${x}`, { size: 9.5 });
  }
  doc.moveDown(0.5);
  write(doc, w.changesLine, { size: 9, color: COLORS.muted, font: FONT.italic });

  if (input.changeOrders.length > 0) {
    section(doc, w.changeOrders);
    table(
      doc,
      [
        { header: w.description, width: 0.55 },
        { header: w.deliveries, width: 0.22, align: "right" },
        { header: w.amount, width: 0.23, align: "right" },
      ],
      input.changeOrders.map((c) => {
        const items = c.items
          .map(
            (i) => `${i.quantity !== 1 ? `${formatNumber(i.quantity, locale)} × ` : ""}${i.name}`,
          )
          .join(", ");
        return [
          items === c.title ? c.title : `${c.title}\n${items}`,
          w.deliveryShift(c.deliveryShiftBusinessDays),
          money(c.price),
        ];
      }),
    );
  }

  if (e.deliverables.length > 0) {
    section(doc, w.deliveries);
    table(
      doc,
      [
        { header: w.deliverable, width: 0.5 },
        { header: w.due, width: 0.32 },
        { header: w.delivered, width: 0.18 },
      ],
      e.deliverables.map((d) => [d.name, at(d.dueAt), d.deliveredAt ? at(d.deliveredAt) : ""]),
    );
  }

  if (e.obligations.length > 0) {
    section(doc, w.obligations);
    const names = new Map(e.deliverables.map((d) => [d.id, d.name]));
    for (const o of e.obligations) {
      const items = w.quotedList(
        o.deliverableIds.map((id) => names.get(id)).filter((n): n is string => Boolean(n)),
      );
      ensureSpace(doc, 40);
      write(doc, `•  ${w.obligationLine(o.name, at(o.dueAt), o.shiftBusinessDays, items)}`, {
        size: 9.5,
      });
      doc.moveDown(0.3);
    }
  }

  // Money terms of the charter.
  section(doc, w.money);
  const t = input.terms;
  const rows: [string, string][] = [
    [w.currency, currency],
    [
      w.deposit,
      t.depositPercent > 0
        ? w.depositLine(
            formatRate(t.depositPercent, locale),
            money(percentOf(offerPrice(e.offer), t.depositPercent)),
          )
        : w.noDeposit,
    ],
    [w.terms, w.termsLine(t.paymentTermsDays)],
    [w.methods, methodList(t.methods, language) || w.anyMethod],
    [w.lateFeeRule, lateFeeRule(t.lateFee, locale, currency, language)],
    [w.discounts, w.discountsLine[input.discounts]],
  ];
  if (input.hasTaxes) rows.push([w.taxes, w.taxesLine]);
  keyValues(doc, rows);

  section(doc, w.charter);
  write(
    doc,
    input.charter
      ? w.charterLine(
          input.charter.version,
          input.charter.acknowledgedAt ? at(input.charter.acknowledgedAt) : null,
        )
      : w.noCharter,
    { size: 9.5 },
  );
  write(doc, w.timesIn(input.timeZone), { size: 8.5, color: COLORS.muted });

  // Signatures.
  ensureSpace(doc, 110);
  section(doc, w.signatures);
  const y = doc.y + 34;
  for (const [i, who] of [input.professional.name, input.client.name].entries()) {
    const x = MARGIN + i * (width / 2 + 10);
    const lineWidth = width / 2 - 10;
    doc
      .moveTo(x, y)
      .lineTo(x + lineWidth, y)
      .lineWidth(0.75)
      .strokeColor(COLORS.ink)
      .stroke();
    write(doc, `${w.signedBy} — ${who}`, {
      x,
      y: y + 5,
      width: lineWidth,
      size: 8.5,
      color: COLORS.muted,
    });
    write(doc, `${w.date}${colon}`, { x, width: lineWidth, size: 8.5, color: COLORS.muted });
  }

  footers(doc, `${w.contract} · ${e.title} · ${input.professional.name}`, w.page);
  return done();
}
