// One change order in the portal (the e-mails link here: /portal/change-orders/{id}): what it
// adds, its price before taxes, how far delivery moves; accept or decline it, once. Accepting
// adds it to the engagement and to the next invoice; the deliveries moved are listed at once.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ChangeOrderBadge, ChangeOrderDetails } from "../components/money.tsx";
import { Alert, Button, Card, ErrorMessage, Loading, useDocumentTitle } from "../components/ui.tsx";
import { get, post } from "../lib/api.ts";
import { useFormat } from "../lib/format.tsx";
import type { ChangeOrder, ChangeOrderDecided } from "../lib/money.ts";
import { PortalFrame } from "./PortalMoney.tsx";

function ChangeOrderView({ id }: { id: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState<"accept" | "decline" | null>(null);
  const key = ["portal", "change-orders", id];
  const co = useQuery({
    queryKey: key,
    queryFn: () => get<ChangeOrder>(`/portal/change-orders/${id}`),
  });
  const decide = useMutation({
    mutationFn: (how: "accept" | "decline") =>
      post<ChangeOrderDecided>(`/portal/change-orders/${id}/${how}`),
    onSuccess: (done) => {
      setConfirm(null);
      queryClient.setQueryData(key, done.changeOrder);
      void queryClient.invalidateQueries({ queryKey: ["portal"] });
    },
  });
  useDocumentTitle(co.data ? `${t("changeOrders.one")} · ${co.data.title}` : t("changeOrders.one"));
  if (co.isPending) return <Loading />;
  if (co.error) return <ErrorMessage error={co.error} />;
  const c = co.data;
  const price = fmt.money(c.price, c.currency);
  return (
    <Card as="article" aria-labelledby="change-order-title" data-testid="change-order-page">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-xs font-medium tracking-wide text-stone-600 uppercase">
            {t("changeOrders.one")}
          </p>
          <h1 id="change-order-title" className="text-2xl font-semibold tracking-tight">
            {c.title}
          </h1>
          <p className="mt-1 text-sm text-stone-600">
            {t("changeOrders.proposedOn", { at: fmt.dateTime(c.createdAt) })}
          </p>
        </div>
        <ChangeOrderBadge state={c.state} audience="client" />
      </div>
      <p className="mb-4 text-sm text-stone-800">{t("portalMoney.changeOrderIntro")}</p>
      <ChangeOrderDetails changeOrder={c} />
      {decide.error && (
        <div className="mt-4">
          <ErrorMessage error={decide.error} />
        </div>
      )}
      {decide.data && decide.data.moves.length > 0 && (
        <Alert tone="info" title={t("portalMoney.movedTitle")} data-testid="change-order-moves">
          <ul className="list-disc space-y-1 pl-5">
            {decide.data.moves.map((m) => (
              <li key={m.id}>
                {t("engagement.moved", {
                  name: m.name,
                  from: fmt.dateTime(m.from),
                  to: fmt.dateTime(m.to),
                })}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {c.state === "accepted" && (
        <div className="mt-4">
          <Alert
            tone="success"
            title={t("portalMoney.acceptedTitle")}
            data-testid="change-order-accepted"
          >
            {t("portalMoney.acceptedBody", {
              at: c.decidedAt ? fmt.dateTime(c.decidedAt) : "",
            })}
          </Alert>
        </div>
      )}
      {c.state === "declined" && (
        <div className="mt-4">
          <Alert tone="info" data-testid="change-order-declined">
            {t("portalMoney.declinedBody", { at: c.decidedAt ? fmt.dateTime(c.decidedAt) : "" })}
          </Alert>
        </div>
      )}
      {c.state === "proposed" && (
        <div className="mt-6 border-t border-stone-200 pt-4">
          {confirm ? (
            <fieldset className="space-y-3" aria-labelledby="confirm-change-order">
              <p id="confirm-change-order" className="text-sm font-medium text-stone-900">
                {confirm === "accept"
                  ? t("portalMoney.confirmAccept", { price })
                  : t("portalMoney.confirmDecline")}
              </p>
              <div className="flex flex-wrap gap-2">
                <Button
                  variant={confirm === "accept" ? "primary" : "danger"}
                  disabled={decide.isPending}
                  data-testid="change-order-confirm"
                  onClick={() => decide.mutate(confirm)}
                >
                  {decide.isPending
                    ? t("common.working")
                    : confirm === "accept"
                      ? t("portalMoney.yesAccept")
                      : t("portalMoney.yesDecline")}
                </Button>
                <Button variant="ghost" onClick={() => setConfirm(null)}>
                  {t("common.cancel")}
                </Button>
              </div>
            </fieldset>
          ) : (
            <div className="flex flex-wrap gap-2">
              <Button onClick={() => setConfirm("accept")} data-testid="change-order-accept">
                {t("portalMoney.accept", { price })}
              </Button>
              <Button
                variant="secondary"
                onClick={() => setConfirm("decline")}
                data-testid="change-order-decline"
              >
                {t("portalMoney.decline")}
              </Button>
            </div>
          )}
        </div>
      )}
    </Card>
  );
}

export default function PortalChangeOrder() {
  const { id = "" } = useParams();
  return (
    <PortalFrame>
      <ChangeOrderView id={id} />
    </PortalFrame>
  );
}
