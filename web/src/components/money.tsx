// Money as both the workspace and the portal show it: an invoice (lines, each tax, totals, late
// fee, payments, terms), a change order (items, price, delivery impact), status badges. Amounts
// in the UI language's format with their currency; local dates with the invoice's zone named.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../lib/format.tsx";
import {
  CHANGE_ORDER_TONE,
  type ChangeOrder,
  INVOICE_TONE,
  type Invoice,
  invoiceStatus,
  type LateFeeRule,
} from "../lib/money.ts";
import { Badge } from "./ui.tsx";

export function InvoiceStatusBadge({ invoice }: { invoice: Pick<Invoice, "state" | "overdue"> }) {
  const { t } = useTranslation();
  const status = invoiceStatus(invoice);
  return (
    <Badge tone={INVOICE_TONE[status]} data-testid="invoice-status">
      {t(`invoices.state.${status}`)}
    </Badge>
  );
}

export function ChangeOrderBadge({
  state,
  audience = "pro",
}: {
  state: ChangeOrder["state"];
  audience?: "pro" | "client";
}) {
  const { t } = useTranslation();
  return (
    <Badge tone={CHANGE_ORDER_TONE[state]} data-testid="change-order-state">
      {audience === "client" && state === "proposed"
        ? t("changeOrders.waitingForYou")
        : t(`changeOrders.state.${state}`)}
    </Badge>
  );
}

/** "bank transfer, Interac e-Transfer and credit card", in the UI language. */
export function useMethodWords() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const one = (m: string) => t(`methods.${m.toLowerCase()}`, { defaultValue: m });
  return { one, list: (methods: string[]) => fmt.list(methods.map(one)) };
}

export function LateFeeWords({ rule, currency }: { rule: LateFeeRule | null; currency: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!rule) return <>{t("money.noLateFee")}</>;
  if ("percentPerMonth" in rule) {
    return (
      <>
        {t("money.lateFeePercent", {
          percent: fmt.number(rule.percentPerMonth),
          count: rule.graceDays,
        })}
      </>
    );
  }
  return (
    <>
      {t("money.lateFeeFixed", { amount: fmt.money(rule.fixed, currency), count: rule.graceDays })}
    </>
  );
}

/** A rate in percent as the UI language writes it ("9.975%", "9,975 %"). */
export function usePercent() {
  const fmt = useFormat();
  return (ratePercent: number) =>
    new Intl.NumberFormat(fmt.locale, { style: "percent", maximumFractionDigits: 4 }).format(
      ratePercent / 100,
    );
}

function Fact(props: { label: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-stone-600 uppercase">{props.label}</dt>
      <dd className="mt-0.5 text-sm font-medium text-stone-900" data-testid={props.testId}>
        {props.children}
      </dd>
    </div>
  );
}

/** The invoice as a document: facts, lines, taxes, totals, payments and terms. */
export function InvoiceDocument({ invoice: inv }: { invoice: Invoice }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const methods = useMethodWords();
  const percent = usePercent();
  const localDate = (date: string | null) => (date ? fmt.localDate(date) : "—");
  const lang = i18n.language.startsWith("fr") ? "fr" : "en";
  const money = (minor: number) => fmt.money(minor, inv.currency);
  const zone = `${inv.timezone} (${fmt.zoneName(inv.timezone)})`;
  const showDue = inv.state === "issued" || inv.state === "paid";
  return (
    <div className="space-y-6" data-testid="invoice-document">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Fact label={t("invoice.number")}>{inv.number ?? t("invoice.notNumbered")}</Fact>
        <Fact label={t("invoice.issuedOn")}>{localDate(inv.issuedOn)}</Fact>
        <Fact label={t("invoice.dueOn")} testId="invoice-due">
          {inv.dueOn ? (
            <>
              {localDate(inv.dueOn)}
              {inv.state === "issued" && inv.daysUntilDue !== null && (
                <span
                  className={`block text-xs font-normal ${inv.overdue ? "text-rose-800" : "text-stone-600"}`}
                >
                  {inv.overdue
                    ? t("invoice.daysLate", { count: inv.lateFee.daysLate })
                    : t("invoice.dueIn", { count: inv.daysUntilDue })}
                </span>
              )}
            </>
          ) : (
            <span className="font-normal text-stone-600">
              {t("invoice.dueAfterIssue", { count: inv.terms.paymentTermsDays })}
            </span>
          )}
        </Fact>
        <Fact label={t("invoice.amountDue")} testId="invoice-amount-due">
          <span className="text-base">{money(showDue ? inv.amountDue : inv.total)}</span>
        </Fact>
      </dl>
      <p className="text-xs text-stone-600">{t("invoice.datesIn", { zone })}</p>

      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="invoice-lines">
          <caption className="sr-only">{t("invoice.lines")}</caption>
          <thead>
            <tr className="border-b border-stone-300 text-left text-xs tracking-wide text-stone-600 uppercase">
              <th scope="col" className="py-2 pr-4 font-medium">
                {t("invoice.description")}
              </th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">
                {t("invoice.quantity")}
              </th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">
                {t("invoice.unitPrice")}
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                {t("invoice.amount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {inv.lines.length === 0 && (
              <tr>
                <td colSpan={4} className="py-4 text-center text-stone-600">
                  {t("invoice.noLines")}
                </td>
              </tr>
            )}
            {inv.lines.map((line) => (
              <tr
                key={line.id}
                className="border-b border-stone-100 align-top"
                data-testid="invoice-line"
                data-kind={line.kind}
              >
                <td className="py-2 pr-4">
                  <span className="text-stone-900">{line.description}</span>
                  <span className="ml-2 text-xs text-stone-600">
                    {t(`invoice.kind.${line.kind}`)}
                  </span>
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">{fmt.number(line.quantity)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{money(line.unitPrice)}</td>
                <td className="py-2 text-right font-medium tabular-nums">{money(line.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="text-sm">
            <tr>
              <th scope="row" colSpan={3} className="pt-3 pr-4 text-right font-normal">
                {t("invoice.subtotal")}
              </th>
              <td className="pt-3 text-right tabular-nums">{money(inv.subtotal)}</td>
            </tr>
            {inv.taxAmounts.map((tax) => (
              <tr key={tax.id} data-testid="invoice-tax">
                <th scope="row" colSpan={3} className="pt-1 pr-4 text-right font-normal">
                  {`${tax.label[lang]} (${percent(tax.ratePercent)})`}
                  {tax.registration && (
                    <span className="ml-1 text-xs text-stone-600">{`· ${tax.registration}`}</span>
                  )}
                </th>
                <td className="pt-1 text-right tabular-nums">{money(tax.amount)}</td>
              </tr>
            ))}
            <tr className="text-base font-semibold">
              <th scope="row" colSpan={3} className="pt-2 pr-4 text-right">
                {t("invoice.total")}
              </th>
              <td className="pt-2 text-right tabular-nums" data-testid="invoice-total">
                {money(inv.total)}
              </td>
            </tr>
            {inv.lateFee.amount > 0 && (
              <tr data-testid="invoice-late-fee">
                <th scope="row" colSpan={3} className="pt-1 pr-4 text-right font-normal">
                  {t("invoice.lateFeeSoFar", { count: inv.lateFee.chargeableDays })}
                </th>
                <td className="pt-1 text-right tabular-nums">{money(inv.lateFee.amount)}</td>
              </tr>
            )}
            {inv.paidAmount > 0 && (
              <tr>
                <th scope="row" colSpan={3} className="pt-1 pr-4 text-right font-normal">
                  {t("invoice.paid")}
                </th>
                <td className="pt-1 text-right tabular-nums">{`− ${money(inv.paidAmount)}`}</td>
              </tr>
            )}
            {showDue && (
              <tr className="font-semibold">
                <th scope="row" colSpan={3} className="pt-1 pr-4 text-right">
                  {t("invoice.amountDue")}
                </th>
                <td className="pt-1 text-right tabular-nums">{money(inv.amountDue)}</td>
              </tr>
            )}
          </tfoot>
        </table>
      </div>
      {inv.taxes.exemptionNote && (
        <p className="text-sm text-stone-700">{inv.taxes.exemptionNote[lang]}</p>
      )}
      {inv.note && <p className="text-sm whitespace-pre-wrap text-stone-700">{inv.note}</p>}

      {inv.payments.length > 0 && (
        <section aria-labelledby={`payments-${inv.id}`}>
          <h3 id={`payments-${inv.id}`} className="mb-2 text-sm font-semibold text-stone-800">
            {t("invoice.payments")}
          </h3>
          <ul className="divide-y divide-stone-100 text-sm" data-testid="invoice-payments">
            {inv.payments.map((p) => (
              <li key={p.id} className="flex flex-wrap justify-between gap-2 py-1.5">
                <span>
                  {fmt.dateTime(p.paidAt)} · {methods.one(p.method)}
                </span>
                <span className="font-medium tabular-nums">{money(p.amount)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section
        aria-labelledby={`terms-${inv.id}`}
        className="rounded-md bg-stone-50 p-4 text-sm text-stone-800"
      >
        <h3 id={`terms-${inv.id}`} className="mb-2 font-semibold text-stone-900">
          {t("invoice.terms")}
        </h3>
        <ul className="space-y-1">
          <li>{t("invoice.termsDays", { count: inv.terms.paymentTermsDays })}</li>
          <li data-testid="invoice-methods">
            {inv.terms.methods.length > 0
              ? t("invoice.methodsAccepted", { methods: methods.list(inv.terms.methods) })
              : t("invoice.anyMethod")}
          </li>
          <li>
            <LateFeeWords rule={inv.terms.lateFee} currency={inv.currency} />
          </li>
        </ul>
      </section>
    </div>
  );
}

/** What a change order adds, for how much, and how far it moves delivery. */
export function ChangeOrderDetails({ changeOrder: co }: { changeOrder: ChangeOrder }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = (minor: number) => fmt.money(minor, co.currency);
  const grants = Object.entries(co.grants).filter(([, n]) => (n ?? 0) > 0);
  return (
    <div className="space-y-3">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("changeOrders.items")}</caption>
        <thead>
          <tr className="border-b border-stone-200 text-left text-xs tracking-wide text-stone-600 uppercase">
            <th scope="col" className="py-1.5 pr-3 font-medium">
              {t("invoice.description")}
            </th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">
              {t("invoice.quantity")}
            </th>
            <th scope="col" className="py-1.5 text-right font-medium">
              {t("invoice.amount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {co.items.map((item) => (
            <tr key={item.id} className="border-b border-stone-100">
              <td className="py-1.5 pr-3">{item.name}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{fmt.number(item.quantity)}</td>
              <td className="py-1.5 text-right tabular-nums">{money(item.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <th scope="row" colSpan={2} className="pt-2 pr-3 text-right">
              {t("changeOrders.price")}
            </th>
            <td className="pt-2 text-right tabular-nums" data-testid="change-order-price">
              {money(co.price)}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="text-sm text-stone-700" data-testid="change-order-delivery">
        {co.deliveryShiftBusinessDays > 0
          ? t("changeOrders.delivery", { count: co.deliveryShiftBusinessDays })
          : t("changeOrders.noDelivery")}
      </p>
      {grants.length > 0 && (
        <p className="text-sm text-stone-700">
          {t("changeOrders.grants", {
            what: fmt.list(
              grants.map(([k, n]) => `${fmt.number(n ?? 0)} × ${t(`quota.${k}`).toLowerCase()}`),
            ),
          })}
        </p>
      )}
      <p className="text-xs text-stone-600">{t("changeOrders.taxesNote")}</p>
    </div>
  );
}
