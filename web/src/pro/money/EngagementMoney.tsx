// The money side of an engagement: the package as agreed (price, what is not included, the
// contract as PDF), its change orders (proposed, accepted, declined — price and delivery impact;
// propose one by hand) and its invoices (bill the deposit or the balance as a draft).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import {
  ChangeOrderBadge,
  ChangeOrderDetails,
  InvoiceStatusBadge,
} from "../../components/money.tsx";
import {
  Button,
  Card,
  ErrorMessage,
  focusRing,
  Loading,
  SelectField,
  TextField,
} from "../../components/ui.tsx";
import { get, post, query } from "../../lib/api.ts";
import { useFormat } from "../../lib/format.tsx";
import { type ChangeOrder, type Invoice, parseMoneyInput } from "../../lib/money.ts";
import type { Engagement } from "../../lib/types.ts";
import { PdfLinks } from "./InvoicePage.tsx";

const packagePrice = (e: Engagement) =>
  e.offer.price ?? e.offer.items.reduce((s, i) => s + i.quantity * i.unitPrice, 0);

function ProposeChangeOrder({ engagement: e }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const addOns = e.offer.addOns ?? [];
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({
    ref: addOns[0]?.id ?? "custom",
    name: "",
    price: "",
    quantity: "1",
    shift: "",
    title: "",
  });
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => post<ChangeOrder>("/change-orders", body),
    onSuccess: () => {
      setOpen(false);
      setForm({ ...form, name: "", price: "", quantity: "1", shift: "", title: "" });
      void queryClient.invalidateQueries({ queryKey: ["change-orders"] });
    },
  });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const quantity = Number(form.quantity.replace(",", "."));
    let item: Record<string, unknown>;
    if (form.ref === "custom") {
      const unitPrice = parseMoneyInput(form.price, e.offer.currency);
      if (unitPrice === null || !form.name.trim()) {
        setProblem(t("money.notAnAmount"));
        return;
      }
      item = { name: form.name.trim(), unitPrice, quantity };
    } else item = { ref: form.ref, quantity };
    setProblem(null);
    create.mutate({
      engagementId: e.id,
      items: [item],
      ...(form.title.trim() ? { title: form.title.trim() } : {}),
      ...(form.shift.trim() ? { deliveryShiftBusinessDays: Number(form.shift) } : {}),
    });
  };
  if (!open) {
    return (
      <Button
        variant="secondary"
        size="sm"
        onClick={() => setOpen(true)}
        data-testid="change-order-new"
      >
        {t("changeOrders.new")}
      </Button>
    );
  }
  return (
    <form
      onSubmit={submit}
      className="space-y-3 rounded-md border border-stone-200 p-3"
      data-testid="change-order-form"
    >
      <SelectField
        label={t("changeOrders.what")}
        value={form.ref}
        onChange={(ev) => setForm({ ...form, ref: ev.target.value })}
        options={[
          ...addOns.map((a) => ({
            value: a.id,
            label: `${a.name} — ${fmt.money(a.price, e.offer.currency)}`,
          })),
          { value: "custom", label: t("changeOrders.custom") },
        ]}
      />
      {form.ref === "custom" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label={t("invoice.description")}
            required
            value={form.name}
            onChange={(ev) => setForm({ ...form, name: ev.target.value })}
          />
          <TextField
            label={t("invoice.unitPriceIn", { currency: e.offer.currency })}
            inputMode="decimal"
            required
            value={form.price}
            errors={problem ? [problem] : []}
            onChange={(ev) => setForm({ ...form, price: ev.target.value })}
          />
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t("invoice.quantity")}
          inputMode="decimal"
          value={form.quantity}
          onChange={(ev) => setForm({ ...form, quantity: ev.target.value })}
        />
        <TextField
          label={t("changeOrders.shift")}
          inputMode="numeric"
          hint={t("changeOrders.shiftHint")}
          value={form.shift}
          onChange={(ev) => setForm({ ...form, shift: ev.target.value })}
        />
      </div>
      <TextField
        label={t("changeOrders.titleLabel")}
        value={form.title}
        onChange={(ev) => setForm({ ...form, title: ev.target.value })}
      />
      {create.error && <ErrorMessage error={create.error} />}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={create.isPending}>
          {t("changeOrders.propose")}
        </Button>
        <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}

/** Names of the items change orders added to the engagement, by id. */
export function useExtraItemNames(engagementId: string): Map<string, string> {
  const changeOrders = useQuery({
    queryKey: ["change-orders", { engagementId }],
    queryFn: () => get<{ items: ChangeOrder[] }>(`/change-orders${query({ engagementId })}`),
  });
  const names = new Map<string, string>();
  for (const co of changeOrders.data?.items ?? []) {
    if (co.state === "accepted") for (const item of co.items) names.set(item.id, item.name);
  }
  return names;
}

export function EngagementMoney({ engagement: e }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const changeOrders = useQuery({
    queryKey: ["change-orders", { engagementId: e.id }],
    queryFn: () => get<{ items: ChangeOrder[] }>(`/change-orders${query({ engagementId: e.id })}`),
  });
  const invoices = useQuery({
    queryKey: ["invoices", "engagement", e.id],
    queryFn: () => get<{ items: Invoice[] }>(`/invoices${query({ engagementId: e.id })}`),
  });
  const bill = useMutation({
    mutationFn: (kind: "deposit" | "balance") =>
      post<Invoice>("/invoices", { engagementId: e.id, lines: [{ kind }] }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ["invoices"] });
      navigate(`/app/invoices/${created.id}`);
    },
  });
  const excluded = (e.offer as { excluded?: string[] }).excluded ?? [];
  const money = (minor: number) => fmt.money(minor, e.offer.currency);

  return (
    <>
      <Card data-testid="engagement-package">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 className="text-base font-semibold">{t("engagementMoney.package")}</h2>
            <p className="mt-1 text-sm text-stone-700">
              {e.offer.name} ·{" "}
              <span className="font-semibold text-stone-900" data-testid="engagement-price">
                {money(packagePrice(e))}
              </span>{" "}
              <span className="text-stone-600">{t("engagementMoney.beforeTaxes")}</span>
            </p>
          </div>
          <PdfLinks
            href={`/api/v1/engagements/${e.id}/contract.pdf`}
            testId="contract-pdf"
            label={t("engagementMoney.contract")}
          />
        </div>
        {excluded.length > 0 && (
          <p className="mt-3 text-sm text-stone-700" data-testid="engagement-excluded">
            <span className="font-medium">{t("engagementMoney.notIncluded")}</span>{" "}
            {fmt.list(excluded)}
          </p>
        )}
      </Card>

      <Card data-testid="engagement-change-orders">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold">{t("changeOrders.title")}</h2>
          <ProposeChangeOrder engagement={e} />
        </div>
        {changeOrders.isPending && <Loading />}
        {changeOrders.error && <ErrorMessage error={changeOrders.error} />}
        {changeOrders.data?.items.length === 0 && (
          <p className="text-sm text-stone-600">{t("changeOrders.none")}</p>
        )}
        <ul className="divide-y divide-stone-100">
          {(changeOrders.data?.items ?? []).map((co) => (
            <li key={co.id} className="py-3" data-testid="change-order-row" data-state={co.state}>
              <details className="group">
                <summary
                  className={`flex cursor-pointer list-none flex-wrap items-center justify-between gap-2 ${focusRing}`}
                >
                  <span className="flex items-center gap-2 font-medium text-stone-900">
                    <span
                      aria-hidden="true"
                      className="inline-block text-stone-500 transition-transform group-open:rotate-90"
                    >
                      ▸
                    </span>
                    {co.title}
                  </span>
                  <span className="flex items-center gap-2 text-sm">
                    <span className="tabular-nums">{fmt.money(co.price, co.currency)}</span>
                    <ChangeOrderBadge state={co.state} />
                  </span>
                </summary>
                <div className="mt-3">
                  <ChangeOrderDetails changeOrder={co} />
                </div>
              </details>
              <p className="mt-1 text-xs text-stone-600">
                {co.deliveryShiftBusinessDays > 0
                  ? t("changeOrders.delivery", { count: co.deliveryShiftBusinessDays })
                  : t("changeOrders.noDelivery")}
                {" · "}
                {co.decidedAt
                  ? t(`changeOrders.decidedOn.${co.state}`, { at: fmt.dateTime(co.decidedAt) })
                  : t("changeOrders.proposedOn", { at: fmt.dateTime(co.createdAt) })}
                {co.invoiceId && (
                  <>
                    {" · "}
                    <Link to={`/app/invoices/${co.invoiceId}`} className="text-teal-800 underline">
                      {t("changeOrders.onInvoice")}
                    </Link>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      </Card>

      <Card data-testid="engagement-invoices">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold">{t("invoices.title")}</h2>
          <div className="flex gap-2">
            <Button
              size="sm"
              variant="secondary"
              disabled={bill.isPending}
              data-testid="bill-deposit"
              onClick={() => bill.mutate("deposit")}
            >
              {t("engagementMoney.billDeposit")}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              disabled={bill.isPending}
              data-testid="bill-balance"
              onClick={() => bill.mutate("balance")}
            >
              {t("engagementMoney.billBalance")}
            </Button>
          </div>
        </div>
        {bill.error && <ErrorMessage error={bill.error} />}
        {invoices.isPending && <Loading />}
        {invoices.data?.items.length === 0 && (
          <p className="text-sm text-stone-600">{t("invoices.empty")}</p>
        )}
        <ul className="divide-y divide-stone-100">
          {(invoices.data?.items ?? []).map((inv) => (
            <li
              key={inv.id}
              className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
              data-testid="engagement-invoice"
            >
              <Link to={`/app/invoices/${inv.id}`} className="font-medium text-teal-800 underline">
                {inv.number ?? t("invoices.draftOf", { date: fmt.date(inv.createdAt) })}
              </Link>
              <span className="flex items-center gap-2">
                <span className="tabular-nums">{fmt.money(inv.total, inv.currency)}</span>
                <InvoiceStatusBadge invoice={inv} />
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
