// One engagement: quotas used vs included, deliverables (moved dates shown), the client's
// obligations; mark one received or late and see the consequence at once.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { QuotaBars } from "../../components/QuotaBars.tsx";
import {
  Alert,
  Badge,
  Button,
  Card,
  ErrorMessage,
  Loading,
  PageHeader,
  SelectField,
} from "../../components/ui.tsx";
import { get, patch, post } from "../../lib/api.ts";
import { useFormat } from "../../lib/format.tsx";
import { type Consequence, type Engagement, QUOTA_KEYS, type QuotaKey } from "../../lib/types.ts";
import { quotaRows } from "../clients/ClientPage.tsx";
import { EngagementMoney, useExtraItemNames } from "../money/EngagementMoney.tsx";
import { useClients } from "../useClients.ts";
import { STATUS_TONE } from "./Engagements.tsx";

const OBLIGATION_TONE = { pending: "neutral", received: "green", late: "red" } as const;

function ConsequenceView({ consequence }: { consequence: Consequence }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!consequence.applied || consequence.moves.length === 0) {
    return (
      <Alert tone="success" data-testid="consequence">
        {t("engagement.noConsequence")}
      </Alert>
    );
  }
  return (
    <Alert
      tone="warning"
      title={t("engagement.consequenceTitle", { count: consequence.businessDays })}
      data-testid="consequence"
    >
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {consequence.moves.map((m) => (
          <li key={m.id}>
            {t("engagement.moved", {
              name: m.name,
              from: fmt.dateTime(m.from),
              to: fmt.dateTime(m.to),
            })}
          </li>
        ))}
      </ul>
      {consequence.notice && (
        <details className="mt-2">
          <summary className="cursor-pointer font-medium">
            {consequence.notice.to
              ? t("engagement.noticeTo", { to: consequence.notice.to })
              : t("engagement.noticeNoEmail")}
          </summary>
          <div
            className="mt-2 rounded-md bg-white p-3 whitespace-pre-wrap text-stone-900"
            data-testid="consequence-notice"
          >
            <p className="mb-1 font-medium">{consequence.notice.subject}</p>
            {consequence.notice.body}
          </div>
        </details>
      )}
    </Alert>
  );
}

export default function EngagementPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const clients = useClients();
  const [consequence, setConsequence] = useState<Consequence | null>(null);
  const extraNames = useExtraItemNames(id);
  const engagement = useQuery({
    queryKey: ["engagements", id],
    queryFn: () => get<Engagement>(`/engagements/${id}`),
  });
  const refresh = (next: Engagement) => {
    queryClient.setQueryData(["engagements", id], next);
    void queryClient.invalidateQueries({ queryKey: ["engagements"], exact: true });
    void queryClient.invalidateQueries({ queryKey: ["violations"] });
    void queryClient.invalidateQueries({ queryKey: ["ledger"] });
  };
  const mark = useMutation({
    mutationFn: ({ obligationId, how }: { obligationId: string; how: "late" | "received" }) =>
      post<{ engagement: Engagement; consequence: Consequence | null }>(
        `/engagements/${id}/obligations/${obligationId}/${how}`,
        how === "received" ? {} : undefined,
      ),
    onSuccess: (done) => {
      refresh(done.engagement);
      setConsequence(
        done.consequence ?? {
          applied: false,
          businessDays: 0,
          totalBusinessDays: 0,
          moves: [],
          violationId: null,
          notice: null,
        },
      );
    },
  });
  const change = useMutation({
    mutationFn: (body: Record<string, unknown>) => patch<Engagement>(`/engagements/${id}`, body),
    onSuccess: refresh,
  });

  if (engagement.isPending) return <Loading />;
  if (engagement.error) return <ErrorMessage error={engagement.error} />;
  const e = engagement.data;
  const deliverableName = new Map(e.deliverables.map((d) => [d.id, d.name]));
  const setUsage = (k: QuotaKey, delta: number) => {
    const usage = { ...e.usage, [k]: Math.max(0, (e.usage[k] ?? 0) + delta) };
    change.mutate({ usage });
  };

  return (
    <div>
      <PageHeader
        title={e.title}
        description={
          <>
            <Link to={`/app/clients/${e.clientId}`} className="text-teal-800 underline">
              {clients.byId.get(e.clientId)?.name ?? t("inbox.unknownClient")}
            </Link>
            {" · "}
            {e.offer.name}
            {e.startsOn ? ` · ${fmt.localDate(e.startsOn)}` : ""}
            {e.endsOn ? ` – ${fmt.localDate(e.endsOn)}` : ""}
          </>
        }
        actions={
          <div className="flex items-end gap-2">
            <Badge tone={STATUS_TONE[e.status]}>{t(`engagements.status.${e.status}`)}</Badge>
            <SelectField
              label={t("engagement.statusLabel")}
              labelHidden
              value={e.status}
              onChange={(ev) => change.mutate({ status: ev.target.value })}
              options={(["active", "completed", "cancelled"] as const).map((s) => ({
                value: s,
                label: t(`engagements.status.${s}`),
              }))}
            />
          </div>
        }
      />
      {(mark.error || change.error) && <ErrorMessage error={mark.error ?? change.error} />}
      <div className="grid gap-6 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <div className="space-y-6">
          <Card>
            <h2 className="mb-3 text-base font-semibold">{t("engagement.quotas")}</h2>
            <QuotaBars rows={quotaRows(e)} />
            <div className="mt-4 space-y-2">
              {QUOTA_KEYS.filter((k) => e.quota[k]).map((k) => (
                <div key={k} className="flex items-center justify-between text-sm">
                  <span className="text-stone-700">{t(`quota.${k}`)}</span>
                  <span className="flex gap-1">
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={t("engagement.useLess", { quota: t(`quota.${k}`) })}
                      onClick={() => setUsage(k, -1)}
                      disabled={change.isPending}
                    >
                      −1
                    </Button>
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={t("engagement.useMore", { quota: t(`quota.${k}`) })}
                      data-testid={`usage-${k}-plus`}
                      onClick={() => setUsage(k, 1)}
                      disabled={change.isPending}
                    >
                      +1
                    </Button>
                  </span>
                </div>
              ))}
            </div>
          </Card>
          <Card>
            <h2 className="mb-2 text-base font-semibold">{t("engagement.includes")}</h2>
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {e.offer.items.map((i) => (
                <li key={i.id}>{`${i.quantity} × ${i.name}`}</li>
              ))}
              {e.extraItems.map((i) => (
                <li key={i}>{t("engagement.extraItem", { item: extraNames.get(i) ?? i })}</li>
              ))}
            </ul>
          </Card>
        </div>
        <div className="space-y-6">
          {consequence && <ConsequenceView consequence={consequence} />}
          <Card>
            <h2 className="mb-3 text-base font-semibold">{t("engagements.deliverables")}</h2>
            <ul className="divide-y divide-stone-100" data-testid="deliverables">
              {e.deliverables.map((d) => {
                const moved = d.dueAt !== d.originalDueAt;
                return (
                  <li
                    key={d.id}
                    className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                    data-testid="deliverable"
                  >
                    <div>
                      <p className="font-medium">{d.name}</p>
                      <p className="text-stone-700">
                        <time dateTime={d.dueAt} data-testid="deliverable-due">
                          {fmt.dateTime(d.dueAt)}
                        </time>
                        {moved && (
                          <span className="ml-2 text-amber-900" data-testid="deliverable-moved">
                            {t("engagement.originally", { at: fmt.dateTime(d.originalDueAt) })}
                          </span>
                        )}
                      </p>
                    </div>
                    {d.deliveredAt ? (
                      <Badge tone="green">
                        {t("engagement.deliveredOn", { at: fmt.dateTime(d.deliveredAt) })}
                      </Badge>
                    ) : (
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() =>
                          change.mutate({
                            deliverables: [{ id: d.id, deliveredAt: new Date().toISOString() }],
                          })
                        }
                      >
                        {t("engagement.markDelivered")}
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
          </Card>
          <EngagementMoney engagement={e} />
          <Card>
            <h2 className="mb-1 text-base font-semibold">{t("engagements.obligations")}</h2>
            <p className="mb-3 text-sm text-stone-600">{t("engagement.obligationsHelp")}</p>
            <ul className="divide-y divide-stone-100" data-testid="obligations">
              {e.obligations.map((o) => (
                <li
                  key={o.id}
                  className="space-y-2 py-3 text-sm"
                  data-testid="obligation"
                  data-obligation-id={o.id}
                >
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <p className="font-medium">{o.name}</p>
                    <Badge tone={OBLIGATION_TONE[o.status]}>
                      {t(`engagement.obligationStatus.${o.status}`)}
                    </Badge>
                  </div>
                  <p className="text-stone-700">
                    {t("engagement.due", { at: fmt.dateTime(o.dueAt) })}
                    {o.receivedAt
                      ? ` · ${t("engagement.receivedOn", { at: fmt.dateTime(o.receivedAt) })}`
                      : ""}
                  </p>
                  <p className="text-stone-600">
                    {t("engagement.rule", {
                      count: o.shiftBusinessDays,
                      deliverables:
                        fmt.list(o.deliverableIds.map((d) => deliverableName.get(d) ?? d)) ||
                        t("common.none"),
                    })}
                    {o.shiftedBusinessDays > 0 &&
                      ` ${t("engagement.shiftedSoFar", { count: o.shiftedBusinessDays })}`}
                  </p>
                  {o.status !== "received" && (
                    <div className="flex gap-2">
                      <Button
                        size="sm"
                        variant="secondary"
                        data-testid="obligation-received"
                        disabled={mark.isPending}
                        onClick={() => mark.mutate({ obligationId: o.id, how: "received" })}
                      >
                        {t("engagement.markReceived")}
                      </Button>
                      {o.status === "pending" && (
                        <Button
                          size="sm"
                          variant="danger"
                          data-testid="obligation-late"
                          disabled={mark.isPending}
                          onClick={() => mark.mutate({ obligationId: o.id, how: "late" })}
                        >
                          {t("engagement.markLate")}
                        </Button>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </div>
    </div>
  );
}
