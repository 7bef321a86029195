// One invoice: the document (lines, each tax, total, due date, late fee, payments, terms), the PDF
// in French or English, and what can be done in its state — a draft gets lines and is issued; an
// issued invoice records payments (a method the charter does not accept is refused with its
// reason, in the UI language) and is marked paid; a draft or unpaid invoice can be voided.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { InvoiceDocument, InvoiceStatusBadge, useMethodWords } from "../../components/money.tsx";
import {
  Alert,
  Button,
  Card,
  ErrorMessage,
  focusRing,
  Loading,
  PageHeader,
  SelectField,
  TextField,
} from "../../components/ui.tsx";
import { get, post } from "../../lib/api.ts";
import { useFormat } from "../../lib/format.tsx";
import { type Invoice, KNOWN_METHODS, minorToInput, parseMoneyInput } from "../../lib/money.ts";
import { wallToEpoch } from "../../lib/time.ts";
import type { Engagement } from "../../lib/types.ts";
import { useClients } from "../useClients.ts";

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export function PdfLinks(props: { href: string; testId: string; label: string }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex items-center gap-1 text-sm">
      <a
        href={`${props.href}?lang=fr`}
        download
        data-testid={`${props.testId}-fr`}
        lang="fr"
        className={`inline-flex items-center rounded-md border border-stone-300 bg-white px-3 py-2 font-medium text-stone-800 hover:bg-stone-100 ${focusRing}`}
      >
        {`${props.label} · FR`}
        <span className="sr-only">{` (${t("common.pdfFrench")})`}</span>
      </a>
      <a
        href={`${props.href}?lang=en`}
        download
        data-testid={`${props.testId}-en`}
        lang="en"
        className={`inline-flex items-center rounded-md border border-stone-300 bg-white px-3 py-2 font-medium text-stone-800 hover:bg-stone-100 ${focusRing}`}
      >
        {`${props.label} · EN`}
        <span className="sr-only">{` (${t("common.pdfEnglish")})`}</span>
      </a>
    </span>
  );
}

function AddLine({ invoice, onDone }: { invoice: Invoice; onDone: (next: Invoice) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ description: "", quantity: "1", unitPrice: "" });
  const [problem, setProblem] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (line: { description: string; quantity: number; unitPrice: number }) =>
      post<Invoice>(`/invoices/${invoice.id}/lines`, { lines: [{ kind: "item", ...line }] }),
    onSuccess: (next) => {
      setForm({ description: "", quantity: "1", unitPrice: "" });
      onDone(next);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const unitPrice = parseMoneyInput(form.unitPrice, invoice.currency);
    const quantity = Number(form.quantity.replace(",", "."));
    if (unitPrice === null || !(quantity > 0)) {
      setProblem(t("money.notAnAmount"));
      return;
    }
    setProblem(null);
    add.mutate({ description: form.description.trim(), quantity, unitPrice });
  };
  return (
    <form onSubmit={submit} className="space-y-3" data-testid="invoice-add-line">
      <h3 className="text-sm font-semibold text-stone-800">{t("invoice.addLine")}</h3>
      <TextField
        label={t("invoice.description")}
        required
        value={form.description}
        onChange={(e) => setForm({ ...form, description: e.target.value })}
      />
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label={t("invoice.quantity")}
          inputMode="decimal"
          required
          value={form.quantity}
          onChange={(e) => setForm({ ...form, quantity: e.target.value })}
        />
        <TextField
          label={t("invoice.unitPriceIn", { currency: invoice.currency })}
          inputMode="decimal"
          required
          value={form.unitPrice}
          errors={problem ? [problem] : []}
          onChange={(e) => setForm({ ...form, unitPrice: e.target.value })}
        />
      </div>
      {add.error && <ErrorMessage error={add.error} />}
      <Button type="submit" variant="secondary" disabled={add.isPending || !form.description}>
        {t("invoice.addLineButton")}
      </Button>
    </form>
  );
}

function RecordPayment({ invoice, onDone }: { invoice: Invoice; onDone: (next: Invoice) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const methods = useMethodWords();
  const accepted = invoice.terms.methods.map((m) => m.toLowerCase());
  const choices = [...new Set([...accepted, ...KNOWN_METHODS])];
  const [method, setMethod] = useState(accepted[0] ?? "transfer");
  const [amount, setAmount] = useState("");
  const [when, setWhen] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const pay = useMutation({
    mutationFn: (body: { method: string; amount?: number; at?: string }) =>
      post<Invoice>(`/invoices/${invoice.id}/payments`, body),
    onSuccess: (next) => {
      setAmount("");
      setWhen("");
      onDone(next);
    },
  });
  const send = (all: boolean) => {
    let minor: number | undefined;
    if (!all && amount.trim()) {
      const parsed = parseMoneyInput(amount, invoice.currency);
      if (parsed === null || parsed <= 0) {
        setProblem(t("money.notAnAmount"));
        return;
      }
      minor = parsed;
    }
    setProblem(null);
    pay.mutate({
      method,
      ...(minor !== undefined ? { amount: minor } : {}),
      ...(when ? { at: new Date(wallToEpoch(when, fmt.zone)).toISOString() } : {}),
    });
  };
  return (
    <form
      className="space-y-3"
      data-testid="payment-form"
      onSubmit={(e) => {
        e.preventDefault();
        send(false);
      }}
    >
      <h2 className="text-base font-semibold">{t("payment.title")}</h2>
      <p className="text-sm text-stone-700">
        {t("payment.due", { amount: fmt.money(invoice.amountDue, invoice.currency) })}
      </p>
      <SelectField
        label={t("payment.method")}
        value={method}
        data-testid="payment-method"
        onChange={(e) => setMethod(e.target.value)}
        hint={
          accepted.length > 0
            ? t("payment.acceptedHint", { methods: methods.list(accepted) })
            : t("invoice.anyMethod")
        }
        options={choices.map((m) => ({
          value: m,
          label: capitalize(
            accepted.length === 0 || accepted.includes(m)
              ? methods.one(m)
              : t("payment.notAccepted", { method: methods.one(m) }),
          ),
        }))}
      />
      <TextField
        label={t("payment.amount", { currency: invoice.currency })}
        inputMode="decimal"
        placeholder={minorToInput(invoice.amountDue, invoice.currency)}
        hint={t("payment.amountHint")}
        value={amount}
        data-testid="payment-amount"
        errors={problem ? [problem] : []}
        onChange={(e) => setAmount(e.target.value)}
      />
      <TextField
        type="datetime-local"
        label={t("payment.when", { zone: fmt.zoneName() })}
        hint={t("payment.whenHint")}
        value={when}
        data-testid="payment-when"
        onChange={(e) => setWhen(e.target.value)}
      />
      {pay.error && (
        // The policy's reason says it all (the field detail repeats it).
        <Alert tone="error" data-testid="payment-error">
          {pay.error.message}
        </Alert>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pay.isPending} data-testid="payment-record">
          {t("payment.record")}
        </Button>
        <Button
          variant="secondary"
          disabled={pay.isPending}
          data-testid="invoice-mark-paid"
          onClick={() => send(true)}
        >
          {t("payment.markPaid")}
        </Button>
      </div>
    </form>
  );
}

export default function InvoicePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const clients = useClients();
  const queryClient = useQueryClient();
  const invoice = useQuery({
    queryKey: ["invoices", "one", id],
    queryFn: () => get<Invoice>(`/invoices/${id}`),
  });
  const engagementId = invoice.data?.engagementId;
  const engagement = useQuery({
    queryKey: ["engagements", engagementId],
    queryFn: () => get<Engagement>(`/engagements/${engagementId}`),
    enabled: Boolean(engagementId),
  });
  const refresh = (next: Invoice) => {
    queryClient.setQueryData(["invoices", "one", id], next);
    void queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] === "invoices" && q.queryKey[1] !== "one",
    });
  };
  const [confirmVoid, setConfirmVoid] = useState(false);
  const act = useMutation({
    mutationFn: (what: "issue" | "void") => post<Invoice>(`/invoices/${id}/${what}`),
    onSuccess: (next) => {
      setConfirmVoid(false);
      refresh(next);
    },
  });

  if (invoice.isPending) return <Loading />;
  if (invoice.error) return <ErrorMessage error={invoice.error} />;
  const inv = invoice.data;
  const clientName = clients.byId.get(inv.clientId)?.name ?? t("inbox.unknownClient");
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to="/app/invoices" className={`text-teal-800 underline ${focusRing}`}>
          {t("invoices.back")}
        </Link>
      </p>
      <PageHeader
        title={
          inv.number ? t("invoice.titleNumbered", { number: inv.number }) : t("invoice.titleDraft")
        }
        description={
          <>
            <Link to={`/app/clients/${inv.clientId}`} className="text-teal-800 underline">
              {clientName}
            </Link>
            {inv.engagementId && (
              <>
                {" · "}
                <Link
                  to={`/app/engagements/${inv.engagementId}`}
                  className="text-teal-800 underline"
                >
                  {engagement.data?.title ?? t("invoice.engagement")}
                </Link>
              </>
            )}
          </>
        }
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <InvoiceStatusBadge invoice={inv} />
            <PdfLinks href={`/api/v1/invoices/${inv.id}.pdf`} testId="invoice-pdf" label="PDF" />
          </div>
        }
      />
      {act.error && <ErrorMessage error={act.error} />}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card>
          <InvoiceDocument invoice={inv} />
        </Card>
        <div className="space-y-6">
          {inv.state === "draft" && (
            <Card className="space-y-4">
              <div>
                <h2 className="text-base font-semibold">{t("invoice.draftTitle")}</h2>
                <p className="mt-1 text-sm text-stone-700">
                  {t("invoice.issueHelp", { count: inv.terms.paymentTermsDays })}
                </p>
              </div>
              <Button
                onClick={() => act.mutate("issue")}
                disabled={act.isPending || inv.lines.length === 0}
                data-testid="invoice-issue"
              >
                {t("invoice.issue")}
              </Button>
              <hr className="border-stone-200" />
              <AddLine invoice={inv} onDone={refresh} />
            </Card>
          )}
          {inv.state === "issued" && (
            <Card>
              <RecordPayment invoice={inv} onDone={refresh} />
            </Card>
          )}
          {inv.state === "paid" && (
            <Alert tone="success" title={t("invoice.paidTitle")} data-testid="invoice-paid">
              {inv.paidAt ? t("invoice.paidOn", { at: fmt.dateTime(inv.paidAt) }) : null}
            </Alert>
          )}
          {inv.state === "void" && <Alert tone="info">{t("invoice.voidNote")}</Alert>}
          {(inv.state === "draft" || (inv.state === "issued" && inv.payments.length === 0)) && (
            <Card>
              <h2 className="text-base font-semibold">{t("invoice.voidTitle")}</h2>
              <p className="mt-1 mb-3 text-sm text-stone-700">{t("invoice.voidHelp")}</p>
              {confirmVoid ? (
                <div className="flex flex-wrap gap-2">
                  <Button
                    variant="danger"
                    onClick={() => act.mutate("void")}
                    disabled={act.isPending}
                    data-testid="invoice-void-confirm"
                  >
                    {t("invoice.voidConfirm")}
                  </Button>
                  <Button variant="ghost" onClick={() => setConfirmVoid(false)}>
                    {t("common.cancel")}
                  </Button>
                </div>
              ) : (
                <Button
                  variant="danger"
                  onClick={() => setConfirmVoid(true)}
                  data-testid="invoice-void"
                >
                  {t("invoice.void")}
                </Button>
              )}
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
