// One invoice in the portal (/portal/invoices/{id}): the document with its taxes, due date and
// payments, how to pay (the accepted methods), and the PDF in French or English.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { InvoiceDocument, InvoiceStatusBadge, useMethodWords } from "../components/money.tsx";
import {
  Alert,
  Card,
  ErrorMessage,
  focusRing,
  Loading,
  useDocumentTitle,
} from "../components/ui.tsx";
import { get } from "../lib/api.ts";
import { useFormat } from "../lib/format.tsx";
import type { Invoice } from "../lib/money.ts";
import { PortalFrame } from "./PortalMoney.tsx";

function InvoiceView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const methods = useMethodWords();
  const invoice = useQuery({
    queryKey: ["portal", "invoices", id],
    queryFn: () => get<Invoice>(`/portal/invoices/${id}`),
  });
  const title = invoice.data?.number
    ? t("invoice.titleNumbered", { number: invoice.data.number })
    : t("portalMoney.invoice");
  useDocumentTitle(title);
  if (invoice.isPending) return <Loading />;
  if (invoice.error) return <ErrorMessage error={invoice.error} />;
  const inv = invoice.data;
  const lang = i18n.language.startsWith("fr") ? "fr" : "en";
  const pdfClass = `inline-flex items-center rounded-md px-3 py-2 text-sm font-medium ${focusRing}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight" data-testid="invoice-title">
            {title}
          </h1>
          <div className="mt-2">
            <InvoiceStatusBadge invoice={inv} />
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <a
            href={`/api/v1/portal/invoices/${inv.id}.pdf?lang=${lang}`}
            download
            data-testid="invoice-pdf"
            className={`${pdfClass} bg-teal-800 text-white hover:bg-teal-900`}
          >
            {t("portalMoney.downloadPdf")}
          </a>
          <a
            href={`/api/v1/portal/invoices/${inv.id}.pdf?lang=${lang === "fr" ? "en" : "fr"}`}
            download
            lang={lang === "fr" ? "en" : "fr"}
            data-testid="invoice-pdf-other"
            className={`${pdfClass} border border-stone-300 bg-white text-stone-800 hover:bg-stone-100`}
          >
            {lang === "fr" ? "PDF in English" : "PDF en français"}
          </a>
        </div>
      </div>
      {inv.state === "issued" && (
        <Alert
          tone={inv.overdue ? "warning" : "info"}
          title={t("portalMoney.toPay", { amount: fmt.money(inv.amountDue, inv.currency) })}
          data-testid="invoice-how-to-pay"
        >
          <p>
            {inv.dueOn && t("portalMoney.payBy", { date: fmt.localDate(inv.dueOn) })}{" "}
            {inv.terms.methods.length > 0
              ? t("portalMoney.payWith", { methods: methods.list(inv.terms.methods) })
              : t("invoice.anyMethod")}
          </p>
        </Alert>
      )}
      {inv.state === "paid" && (
        <Alert tone="success" title={t("invoice.paidTitle")}>
          {inv.paidAt ? t("invoice.paidOn", { at: fmt.dateTime(inv.paidAt) }) : null}
        </Alert>
      )}
      <Card as="article" aria-labelledby="invoice-doc-title" data-testid="invoice-page">
        <h2 id="invoice-doc-title" className="sr-only">
          {title}
        </h2>
        <InvoiceDocument invoice={inv} />
      </Card>
    </div>
  );
}

export default function PortalInvoice() {
  const { id = "" } = useParams();
  return (
    <PortalFrame>
      <InvoiceView id={id} />
    </PortalFrame>
  );
}
