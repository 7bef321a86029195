// Invoices: every invoice of the workspace, newest first, by state — number, client, due date
// (the invoice's zone named), total and what is still due; drafts waiting to be issued on top.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { InvoiceStatusBadge } from "../../components/money.tsx";
import { EmptyState, ErrorMessage, focusRing, Loading, PageHeader } from "../../components/ui.tsx";
import { get, query } from "../../lib/api.ts";
import { useFormat } from "../../lib/format.tsx";
import type { Invoice, InvoiceState } from "../../lib/money.ts";
import { useClients } from "../useClients.ts";

const FILTERS = ["all", "draft", "issued", "paid", "void"] as const;
type Filter = (typeof FILTERS)[number];

export default function Invoices() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const clients = useClients();
  const [params, setParams] = useSearchParams();
  const filter = (FILTERS as readonly string[]).includes(params.get("state") ?? "")
    ? (params.get("state") as Filter)
    : "all";
  const invoices = useQuery({
    queryKey: ["invoices", filter],
    queryFn: () =>
      get<{ items: Invoice[] }>(
        `/invoices${query({ state: filter === "all" ? undefined : (filter as InvoiceState) })}`,
      ),
  });
  const items = invoices.data?.items ?? [];
  const outstanding = items
    .filter((i) => i.state === "issued")
    .reduce((by, i) => by.set(i.currency, (by.get(i.currency) ?? 0) + i.amountDue), new Map());

  return (
    <div>
      <PageHeader
        title={t("invoices.title")}
        description={t("invoices.intro")}
        actions={
          <Link
            to="/app/settings/taxes"
            data-testid="taxes-link"
            className={`inline-flex items-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100 ${focusRing}`}
          >
            {t("taxes.title")}
          </Link>
        }
      />
      <nav aria-label={t("invoices.filterLabel")} className="mb-4 flex flex-wrap gap-1">
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={f === filter}
            data-testid={`invoices-filter-${f}`}
            onClick={() => setParams(f === "all" ? {} : { state: f }, { replace: true })}
            className={`rounded-full px-3 py-1 text-sm font-medium ${focusRing} ${f === filter ? "bg-teal-800 text-white" : "bg-white text-stone-700 ring-1 ring-stone-300 hover:bg-stone-100"}`}
          >
            {t(`invoices.filter.${f}`)}
          </button>
        ))}
      </nav>
      {outstanding.size > 0 && (
        <p className="mb-4 text-sm text-stone-700" data-testid="invoices-outstanding">
          {t("invoices.outstanding", {
            amount: fmt.list([...outstanding].map(([c, a]) => fmt.money(a, c))),
          })}
        </p>
      )}
      {invoices.isPending && <Loading />}
      {invoices.error && <ErrorMessage error={invoices.error} />}
      {invoices.data && items.length === 0 && <EmptyState>{t("invoices.empty")}</EmptyState>}
      {items.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-xs">
          <table className="w-full text-sm" data-testid="invoices-table">
            <caption className="sr-only">{t("invoices.title")}</caption>
            <thead className="bg-stone-50">
              <tr className="text-left text-xs tracking-wide text-stone-600 uppercase">
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("invoice.number")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("invoices.client")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("invoices.status")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("invoice.dueOn")}
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  {t("invoice.total")}
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  {t("invoice.amountDue")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {items.map((inv) => (
                <tr key={inv.id} data-testid="invoice-row" data-invoice-id={inv.id}>
                  <td className="px-4 py-3">
                    <Link
                      to={`/app/invoices/${inv.id}`}
                      className={`font-medium text-teal-800 underline-offset-2 hover:underline ${focusRing}`}
                    >
                      {inv.number ?? t("invoices.draftOf", { date: fmt.date(inv.createdAt) })}
                    </Link>
                    <span className="block text-xs text-stone-600">
                      {t("invoices.lineCount", { count: inv.lines.length })}
                    </span>
                  </td>
                  <td className="px-4 py-3">
                    {clients.byId.get(inv.clientId)?.name ?? t("inbox.unknownClient")}
                  </td>
                  <td className="px-4 py-3">
                    <InvoiceStatusBadge invoice={inv} />
                  </td>
                  <td className="px-4 py-3 text-stone-700">
                    {inv.dueOn ? fmt.localDate(inv.dueOn) : "—"}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {fmt.money(inv.total, inv.currency)}
                  </td>
                  <td className="px-4 py-3 text-right font-medium tabular-nums">
                    {inv.state === "issued" ? fmt.money(inv.amountDue, inv.currency) : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
