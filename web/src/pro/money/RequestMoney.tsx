// The money a request brings up, in the inbox: an out-of-scope or over-quota request's change
// order (propose it to the client; then follow its state), and a discount request's smaller
// packages (see which one the client accepted, or record their choice after a call).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AlternativeCard } from "../../components/alternatives.tsx";
import { ChangeOrderBadge, ChangeOrderDetails } from "../../components/money.tsx";
import { Alert, Button, ErrorMessage } from "../../components/ui.tsx";
import { get, post, query } from "../../lib/api.ts";
import { useFormat } from "../../lib/format.tsx";
import type {
  AlternativeAccepted,
  AlternativesView,
  ChangeOrder,
  ChangeOrderLine,
} from "../../lib/money.ts";
import type { StoredRequest } from "../../lib/types.ts";

interface Proposal {
  items: ChangeOrderLine[];
  price: number;
  currency: string;
  deliveryShiftBusinessDays: number;
  grants: ChangeOrder["grants"];
}

function ChangeOrderSection({
  request: r,
  proposal,
}: {
  request: StoredRequest;
  proposal: Proposal;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const existing = useQuery({
    queryKey: ["change-orders", { clientId: r.clientId }],
    queryFn: () =>
      get<{ items: ChangeOrder[] }>(
        `/change-orders${query({ clientId: r.clientId ?? undefined })}`,
      ),
    enabled: Boolean(r.clientId),
  });
  const mine = (existing.data?.items ?? []).filter((c) => c.requestId === r.id);
  const live = mine.find((c) => c.state !== "declined");
  const propose = useMutation({
    mutationFn: () => post<ChangeOrder>("/change-orders", { requestId: r.id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["change-orders"] }),
  });
  const draft: ChangeOrder = live ?? {
    id: "proposal",
    engagementId: r.engagementId ?? "",
    clientId: r.clientId ?? "",
    requestId: r.id,
    title: r.subject,
    state: "proposed",
    createdAt: r.createdAt,
    createdBy: null,
    decidedAt: null,
    decidedBy: null,
    invoiceId: null,
    ...proposal,
  };
  return (
    <section
      className="space-y-3 rounded-lg border border-amber-200 bg-amber-50/40 p-4"
      data-testid="request-change-order"
      aria-labelledby={`co-${r.id}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`co-${r.id}`} className="text-sm font-semibold text-stone-800">
          {live ? t("changeOrders.forRequest") : t("changeOrders.proposal")}
        </h3>
        {live && <ChangeOrderBadge state={live.state} />}
      </div>
      <ChangeOrderDetails changeOrder={draft} />
      {propose.error && <ErrorMessage error={propose.error} />}
      {!live && r.engagementId && (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            onClick={() => propose.mutate()}
            disabled={propose.isPending || existing.isPending}
            data-testid="change-order-propose"
          >
            {t("changeOrders.proposeToClient")}
          </Button>
          <p className="text-xs text-stone-600">{t("changeOrders.proposeHelp")}</p>
        </div>
      )}
      {!live && !r.engagementId && (
        <p className="text-sm text-stone-700">{t("changeOrders.needsEngagement")}</p>
      )}
      {live && (
        <p className="text-sm text-stone-700" data-testid="change-order-status">
          {t(`changeOrders.status.${live.state}`)}{" "}
          <Link to={`/app/engagements/${live.engagementId}`} className="text-teal-800 underline">
            {t("changeOrders.seeEngagement")}
          </Link>
          {live.invoiceId && (
            <>
              {" · "}
              <Link to={`/app/invoices/${live.invoiceId}`} className="text-teal-800 underline">
                {t("changeOrders.onInvoice")}
              </Link>
            </>
          )}
        </p>
      )}
    </section>
  );
}

function AlternativesSection({ request: r }: { request: StoredRequest }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const key = ["requests", r.id, "alternatives"];
  const view = useQuery({
    queryKey: key,
    queryFn: () => get<AlternativesView>(`/requests/${r.id}/alternatives`),
  });
  const accept = useMutation({
    mutationFn: (index: number) =>
      post<AlternativeAccepted>(`/requests/${r.id}/alternatives/${index}/accept`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ["engagements"] });
    },
  });
  if (!view.data) return view.error ? <ErrorMessage error={view.error} /> : null;
  const v = view.data;
  return (
    <section
      className="space-y-3 rounded-lg border border-teal-200 bg-teal-50/40 p-4"
      data-testid="request-alternatives"
      aria-labelledby={`alts-${r.id}`}
    >
      <h3 id={`alts-${r.id}`} className="text-sm font-semibold text-stone-800">
        {t("alternatives.proTitle")}
      </h3>
      <p className="text-sm text-stone-700">
        {v.offer
          ? t("alternatives.askedAbout", {
              offer: v.offer.name,
              price: fmt.money(v.offer.price, v.offer.currency),
            })
          : null}{" "}
        {v.budget !== null
          ? t("alternatives.statedBudget", { budget: fmt.money(v.budget, v.currency) })
          : t("alternatives.noBudget")}
      </p>
      {v.chosen && (
        <Alert tone="success" data-testid="alternative-chosen">
          {t("alternatives.chosenPro", {
            who: v.chosen.by.startsWith("client:")
              ? t("alternatives.byClient")
              : t("alternatives.byMember"),
            at: fmt.dateTime(v.chosen.at),
          })}{" "}
          <Link to={`/app/engagements/${v.chosen.engagementId}`} className="underline">
            {t("changeOrders.seeEngagement")}
          </Link>
        </Alert>
      )}
      {accept.error && <ErrorMessage error={accept.error} />}
      <ul className="grid gap-3 md:grid-cols-2">
        {v.alternatives.map((alt) => (
          <AlternativeCard
            key={alt.index}
            alternative={alt}
            closest={v.budget !== null && alt.index === 0}
            chosen={v.chosen?.index === alt.index}
            action={
              !v.chosen && alt.available ? (
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={accept.isPending}
                  data-testid="alternative-record"
                  onClick={() => accept.mutate(alt.index)}
                >
                  {t("alternatives.recordChoice")}
                </Button>
              ) : null
            }
          />
        ))}
      </ul>
    </section>
  );
}

export function RequestMoney({ request: r }: { request: StoredRequest }) {
  const proposal = (r.decision as { changeOrder?: Proposal }).changeOrder;
  const hasAlternatives = (r.decision.alternatives?.length ?? 0) > 0;
  if (!proposal && !hasAlternatives) return null;
  return (
    <>
      {proposal && <ChangeOrderSection request={r} proposal={proposal} />}
      {hasAlternatives && <AlternativesSection request={r} />}
    </>
  );
}
