// Money in the client portal: the smaller packages offered instead of a discount (accept one),
// the change orders waiting for an answer, and the invoices (issued and paid).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AlternativeCard } from "../components/alternatives.tsx";
import { ChangeOrderBadge, InvoiceStatusBadge } from "../components/money.tsx";
import {
  Alert,
  Button,
  Card,
  EmptyState,
  ErrorMessage,
  focusRing,
  Loading,
  useDocumentTitle,
} from "../components/ui.tsx";
import { get, post } from "../lib/api.ts";
import { FormatProvider, useFormat } from "../lib/format.tsx";
import type { AlternativeAccepted, AlternativesView, ChangeOrder, Invoice } from "../lib/money.ts";
import type { PortalOverview } from "../lib/types.ts";

export const PORTAL_ME = ["portal", "me"] as const;

/** Portal sub-pages read times in the client's zone, like the home page. */
export function PortalFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const overview = useQuery({
    queryKey: PORTAL_ME,
    queryFn: () => get<PortalOverview>("/portal/me"),
  });
  if (overview.isPending) return <Loading />;
  return (
    <FormatProvider zone={overview.data?.client.timezone ?? undefined}>
      <p className="mb-4 text-sm">
        <Link to="/portal" className={`text-teal-800 underline ${focusRing}`}>
          {t("portalMoney.back")}
        </Link>
      </p>
      {children}
    </FormatProvider>
  );
}

/** The smaller packages of one discount request, each with an "accept this package" button. */
export function PortalAlternatives({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const key = ["portal", "alternatives", requestId];
  const [confirming, setConfirming] = useState<number | null>(null);
  const view = useQuery({
    queryKey: key,
    queryFn: () => get<AlternativesView>(`/portal/requests/${requestId}/alternatives`),
  });
  const accept = useMutation({
    mutationFn: (index: number) =>
      post<AlternativeAccepted>(`/portal/requests/${requestId}/alternatives/${index}/accept`),
    onSuccess: () => {
      setConfirming(null);
      void queryClient.invalidateQueries({ queryKey: ["portal"] });
    },
  });
  if (view.isPending) return <Loading />;
  if (view.error) return <ErrorMessage error={view.error} />;
  const v = view.data;
  if (v.alternatives.length === 0) return null;
  const chosen = v.chosen ? v.alternatives[v.chosen.index] : undefined;
  return (
    <section
      className="space-y-3"
      data-testid="alternatives"
      aria-labelledby={`alternatives-${requestId}`}
    >
      <div>
        <h3 id={`alternatives-${requestId}`} className="font-semibold text-stone-900">
          {t("alternatives.clientTitle")}
        </h3>
        <p className="text-sm text-stone-700">
          {t("alternatives.clientIntro")}{" "}
          {v.budget !== null &&
            t("alternatives.yourBudget", { budget: fmt.money(v.budget, v.currency) })}
        </p>
      </div>
      {chosen && (
        <Alert
          tone="success"
          title={t("alternatives.acceptedTitle")}
          data-testid="alternative-accepted"
        >
          {t("alternatives.acceptedBody", {
            name: chosen.offerName,
            price: fmt.money(chosen.price, chosen.currency),
          })}
        </Alert>
      )}
      {accept.error && <ErrorMessage error={accept.error} />}
      <ul className="grid gap-3 sm:grid-cols-2">
        {v.alternatives.map((alt) => (
          <AlternativeCard
            key={alt.index}
            alternative={alt}
            audience="client"
            closest={v.budget !== null && alt.index === 0 && !v.chosen}
            chosen={v.chosen?.index === alt.index}
            action={
              v.chosen || !alt.available ? null : confirming === alt.index ? (
                <div className="space-y-2" data-testid="alternative-confirm">
                  <p className="text-sm text-stone-800">
                    {t("alternatives.confirm", {
                      name: alt.offerName,
                      price: fmt.money(alt.price, alt.currency),
                    })}
                  </p>
                  <div className="flex flex-wrap gap-2">
                    <Button
                      size="sm"
                      disabled={accept.isPending}
                      data-testid="alternative-confirm-yes"
                      onClick={() => accept.mutate(alt.index)}
                    >
                      {accept.isPending ? t("common.working") : t("alternatives.confirmYes")}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                      {t("common.cancel")}
                    </Button>
                  </div>
                </div>
              ) : (
                <Button
                  size="sm"
                  data-testid="alternative-accept"
                  onClick={() => setConfirming(alt.index)}
                >
                  {t("alternatives.accept")}
                  <span className="sr-only">{`: ${alt.offerName}, ${fmt.money(alt.price, alt.currency)}`}</span>
                </Button>
              )
            }
          />
        ))}
      </ul>
      <p className="text-xs text-stone-600">{t("alternatives.taxesNote")}</p>
    </section>
  );
}

/** /portal/invoices and /portal/change-orders: the list on its own page. */
export function PortalMoneyList({ what }: { what: "invoices" | "change-orders" }) {
  const { t } = useTranslation();
  const title = what === "invoices" ? t("portalMoney.invoices") : t("portalMoney.changeOrders");
  useDocumentTitle(title);
  return (
    <PortalFrame>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">{title}</h1>
      {what === "invoices" ? <PortalInvoices /> : <PortalChangeOrders showEmpty />}
    </PortalFrame>
  );
}

export function PortalChangeOrders({ showEmpty = false }: { showEmpty?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useQuery({
    queryKey: ["portal", "change-orders"],
    queryFn: () => get<{ items: ChangeOrder[] }>("/portal/change-orders"),
  });
  const items = list.data?.items ?? [];
  if (list.isPending) return showEmpty ? <Loading /> : null;
  if (list.data && items.length === 0) {
    return showEmpty ? <EmptyState>{t("changeOrders.none")}</EmptyState> : null;
  }
  const waiting = items.filter((c) => c.state === "proposed").length;
  return (
    <Card aria-labelledby="portal-change-orders-title" data-testid="portal-change-orders">
      <h2 id="portal-change-orders-title" className="text-lg font-semibold">
        {t("portalMoney.changeOrders")}
      </h2>
      <p className="mb-3 text-sm text-stone-600">
        {waiting > 0
          ? t("portalMoney.changeOrdersWaiting", { count: waiting })
          : t("portalMoney.changeOrdersHelp")}
      </p>
      {list.error && <ErrorMessage error={list.error} />}
      <ul className="divide-y divide-stone-100">
        {items.map((co) => (
          <li
            key={co.id}
            className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm"
            data-testid="portal-change-order"
            data-state={co.state}
          >
            <div>
              <Link
                to={`/portal/change-orders/${co.id}`}
                className={`font-medium text-teal-800 underline-offset-2 hover:underline ${focusRing}`}
              >
                {co.title}
              </Link>
              <p className="text-stone-600">
                {co.deliveryShiftBusinessDays > 0
                  ? t("changeOrders.delivery", { count: co.deliveryShiftBusinessDays })
                  : t("changeOrders.noDelivery")}
              </p>
            </div>
            <div className="flex items-center gap-3">
              <span className="font-semibold tabular-nums">{fmt.money(co.price, co.currency)}</span>
              <ChangeOrderBadge state={co.state} audience="client" />
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function PortalInvoices() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useQuery({
    queryKey: ["portal", "invoices"],
    queryFn: () => get<{ items: Invoice[] }>("/portal/invoices"),
  });
  const items = list.data?.items ?? [];
  return (
    <Card aria-labelledby="portal-invoices-title" data-testid="portal-invoices">
      <h2 id="portal-invoices-title" className="mb-3 text-lg font-semibold">
        {t("portalMoney.invoices")}
      </h2>
      {list.isPending && <Loading />}
      {list.error && <ErrorMessage error={list.error} />}
      {list.data && items.length === 0 && <EmptyState>{t("portalMoney.noInvoices")}</EmptyState>}
      <ul className="divide-y divide-stone-100">
        {items.map((inv) => (
          <li
            key={inv.id}
            className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm"
            data-testid="portal-invoice-row"
          >
            <div>
              <Link
                to={`/portal/invoices/${inv.id}`}
                className={`font-medium text-teal-800 underline-offset-2 hover:underline ${focusRing}`}
              >
                {t("invoice.titleNumbered", { number: inv.number ?? "—" })}
              </Link>
              <p className="text-stone-600">
                {inv.state === "paid"
                  ? t("portalMoney.paidOn", { at: inv.paidAt ? fmt.dateTime(inv.paidAt) : "—" })
                  : inv.dueOn
                    ? t("portalMoney.dueOn", { date: fmt.localDate(inv.dueOn) })
                    : null}
              </p>
            </div>
            <div className="flex items-center gap-3">
              <span className="font-semibold tabular-nums">
                {fmt.money(inv.state === "issued" ? inv.amountDue : inv.total, inv.currency)}
              </span>
              <InvoiceStatusBadge invoice={inv} />
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
