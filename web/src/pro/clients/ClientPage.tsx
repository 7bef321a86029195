// One client: details, charter acknowledgement, engagements with their usage, and a timeline of
// requests, violations and exceptions; send a portal link, grant an exception, log a call.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { OutcomeBadge } from "../../components/decision.tsx";
import { QuotaBars, type QuotaRow } from "../../components/QuotaBars.tsx";
import {
  Alert,
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorMessage,
  Loading,
  PageHeader,
} from "../../components/ui.tsx";
import { get, post, query } from "../../lib/api.ts";
import { useFormat } from "../../lib/format.tsx";
import {
  type Client,
  type Engagement,
  type Ledger,
  QUOTA_KEYS,
  type StoredRequest,
  type Violation,
} from "../../lib/types.ts";
import { channelName, ruleText } from "../../lib/words.ts";
import { LogRequestDialog } from "../inbox/LogRequestDialog.tsx";
import { GrantExceptionDialog } from "./GrantException.tsx";

export function quotaRows(e: Engagement): QuotaRow[] {
  return QUOTA_KEYS.flatMap((k) => {
    const line = e.quota[k];
    return line
      ? [{ quota: k, included: line.included + line.extra, used: line.used, left: line.left }]
      : [];
  });
}

interface TimelineEntry {
  at: string;
  kind: "request" | "violation" | "exception" | "engagement";
  node: React.ReactNode;
  key: string;
}

function PortalLink({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [copied, setCopied] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      post<{ url: string; expiresAt: string; sentTo: string | null }>(
        `/clients/${clientId}/magic-link`,
      ),
  });
  return (
    <div className="space-y-3">
      <Button
        variant="secondary"
        onClick={() => send.mutate()}
        disabled={send.isPending}
        data-testid="portal-link-send"
      >
        {t("client.sendPortalLink")}
      </Button>
      {send.error && <ErrorMessage error={send.error} />}
      {send.data && (
        <Alert tone="success" data-testid="portal-link">
          <p>
            {send.data.sentTo
              ? t("client.linkSent", { to: send.data.sentTo })
              : t("client.linkNotSent")}{" "}
            {t("client.linkExpires", { at: fmt.dateTime(send.data.expiresAt) })}
          </p>
          <div className="mt-2 flex gap-2">
            <label htmlFor="portal-url" className="sr-only">
              {t("client.portalUrl")}
            </label>
            <input
              id="portal-url"
              readOnly
              value={send.data.url}
              data-testid="portal-link-url"
              onFocus={(e) => e.currentTarget.select()}
              className="w-full rounded-md border border-emerald-300 bg-white px-2 py-1 font-mono text-xs"
            />
            <Button
              size="sm"
              variant="secondary"
              data-testid="portal-link-copy"
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(send.data.url);
                  setCopied(true);
                } catch {
                  setCopied(false);
                }
              }}
            >
              {copied ? t("common.copied") : t("common.copy")}
            </Button>
          </div>
        </Alert>
      )}
    </div>
  );
}

export default function ClientPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const [granting, setGranting] = useState(false);
  const [logging, setLogging] = useState(false);
  const client = useQuery({
    queryKey: ["clients", id],
    queryFn: () => get<Client>(`/clients/${id}`),
  });
  const requests = useQuery({
    queryKey: ["requests", "client", id],
    queryFn: () =>
      get<{ items: StoredRequest[] }>(`/requests${query({ clientId: id, limit: 200 })}`),
  });
  const violations = useQuery({
    queryKey: ["violations", id],
    queryFn: () => get<{ items: Violation[] }>(`/violations${query({ clientId: id, limit: 200 })}`),
  });
  const exceptions = useQuery({
    queryKey: ["exceptions", id],
    queryFn: () => get<Ledger>(`/exceptions${query({ clientId: id, limit: 200 })}`),
  });
  const engagements = useQuery({
    queryKey: ["engagements", "client", id],
    queryFn: () => get<{ items: Engagement[] }>(`/engagements${query({ clientId: id })}`),
  });

  if (client.isPending) return <Loading />;
  if (client.error) return <ErrorMessage error={client.error} />;
  const c = client.data;

  const entries: TimelineEntry[] = [];
  const lateRecorded = new Set(
    (violations.data?.items ?? [])
      .filter((v) => v.ruleId === "obligations.late")
      .map((v) => String(v.params.obligationId ?? "")),
  );
  for (const r of requests.data?.items ?? []) {
    entries.push({
      at: r.receivedAt,
      kind: "request",
      key: `r-${r.id}`,
      node: (
        <>
          <OutcomeBadge outcome={r.outcome} />{" "}
          <Link
            to={`/app/inbox?status=${r.status}&r=${r.id}`}
            className="font-medium text-teal-800 underline-offset-2 hover:underline"
          >
            {r.subject || t("inbox.noSubject")}
          </Link>{" "}
          <span className="text-stone-600">
            · {channelName(t, r.channel)} · {t(`requestStatus.${r.status}`)}
          </span>
        </>
      ),
    });
  }
  for (const v of violations.data?.items ?? []) {
    entries.push({
      at: v.occurredAt,
      kind: "violation",
      key: `v-${v.id}`,
      node: (
        <span>
          {ruleText(t, fmt, {
            id: v.ruleId,
            category: v.category as never,
            violation: true,
            params: v.params,
          })}
        </span>
      ),
    });
  }
  for (const x of exceptions.data?.items ?? []) {
    entries.push({
      at: x.createdAt,
      kind: "exception",
      key: `x-${x.id}`,
      node: (
        <span>
          {t("client.exceptionEntry", {
            rule: t(`ruleName.${x.ruleId}`, { defaultValue: x.ruleId }),
          })}{" "}
          <q className="text-stone-700">{x.reason}</q>
        </span>
      ),
    });
  }
  for (const e of engagements.data?.items ?? []) {
    entries.push({
      at: e.createdAt,
      kind: "engagement",
      key: `e-${e.id}`,
      node: (
        <Link
          to={`/app/engagements/${e.id}`}
          className="text-teal-800 underline-offset-2 hover:underline"
        >
          {t("client.engagementStarted", { title: e.title })}
        </Link>
      ),
    });
    for (const o of e.obligations) {
      if (o.status === "pending") continue;
      // A late obligation is already in the timeline as its violation.
      if (o.status === "late" && lateRecorded.has(o.id)) continue;
      entries.push({
        at: o.receivedAt ?? o.consequenceAppliedAt ?? o.dueAt,
        kind: "engagement",
        key: `o-${o.id}`,
        node: (
          <span>
            {o.status === "late"
              ? t("client.obligationLate", { name: o.name, count: o.shiftedBusinessDays })
              : t("client.obligationReceived", { name: o.name })}
          </span>
        ),
      });
    }
  }
  entries.sort((a, b) => b.at.localeCompare(a.at));
  const ledger = exceptions.data?.byClient.find((b) => b.clientId === id);
  const tone = {
    request: "neutral",
    violation: "red",
    exception: "amber",
    engagement: "teal",
  } as const;

  return (
    <div>
      <PageHeader
        title={c.name}
        description={[c.company, c.emails.join(", ")].filter(Boolean).join(" · ")}
        actions={
          <>
            <Button
              variant="secondary"
              onClick={() => setLogging(true)}
              data-testid="client-log-request"
            >
              {t("inbox.log")}
            </Button>
            <Button
              variant="secondary"
              onClick={() => setGranting(true)}
              data-testid="grant-exception-open"
            >
              {t("exception.open")}
            </Button>
            <Link
              to={`/app/engagements/new?clientId=${c.id}`}
              className="inline-flex items-center rounded-md bg-teal-800 px-4 py-2 text-sm font-medium text-white hover:bg-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
            >
              {t("engagements.new")}
            </Link>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <div className="space-y-6">
          <Card>
            <h2 className="mb-3 text-base font-semibold">{t("client.about")}</h2>
            <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm">
              <div className="col-span-2">
                <dt className="text-stone-600">{t("clients.language")}</dt>
                <dd>{fmt.language(c.locale)}</dd>
              </div>
              <div className="col-span-2">
                <dt className="text-stone-600">{t("clients.timezone")}</dt>
                <dd>{c.timezone ?? t("clients.sameZone")}</dd>
              </div>
              <div className="col-span-2">
                <dt className="text-stone-600">{t("clients.charter")}</dt>
                <dd data-testid="client-acknowledged">
                  {c.acknowledged
                    ? t("client.acknowledgedOn", {
                        version: c.acknowledged.version,
                        at: fmt.dateTime(c.acknowledged.at),
                      })
                    : t("clients.notAcknowledged")}
                </dd>
              </div>
              <div>
                <dt className="text-stone-600">{t("clients.violations")}</dt>
                <dd
                  className="text-lg font-semibold tabular-nums"
                  data-testid="client-violation-count"
                >
                  {ledger?.violations ?? violations.data?.items.length ?? 0}
                </dd>
              </div>
              <div>
                <dt className="text-stone-600">{t("clients.exceptions")}</dt>
                <dd
                  className="text-lg font-semibold tabular-nums"
                  data-testid="client-exception-count"
                >
                  {ledger?.exceptions ?? exceptions.data?.items.length ?? 0}
                </dd>
              </div>
            </dl>
          </Card>
          <Card>
            <h2 className="mb-1 text-base font-semibold">{t("client.portal")}</h2>
            <p className="mb-3 text-sm text-stone-600">{t("client.portalHelp")}</p>
            <PortalLink clientId={c.id} />
          </Card>
          {(engagements.data?.items ?? []).map((e) => (
            <Card key={e.id}>
              <h2 className="mb-3 text-base font-semibold">
                <Link
                  to={`/app/engagements/${e.id}`}
                  className="text-teal-800 underline-offset-2 hover:underline"
                >
                  {e.title}
                </Link>
              </h2>
              <QuotaBars rows={quotaRows(e)} />
            </Card>
          ))}
        </div>
        <Card>
          <h2 className="mb-4 text-base font-semibold">{t("client.timeline")}</h2>
          {entries.length === 0 ? (
            <EmptyState>{t("client.noHistory")}</EmptyState>
          ) : (
            <ol
              className="relative space-y-4 border-l border-stone-200 pl-5"
              data-testid="client-timeline"
            >
              {entries.map((entry) => (
                <li key={entry.key} className="text-sm" data-kind={entry.kind}>
                  <span
                    aria-hidden="true"
                    className="absolute -left-1.5 mt-1.5 size-3 rounded-full border-2 border-white bg-stone-400"
                  />
                  <div className="flex flex-wrap items-center gap-2 text-xs text-stone-600">
                    <time dateTime={entry.at}>{fmt.dateTime(entry.at)}</time>
                    <Badge tone={tone[entry.kind]}>{t(`client.kind.${entry.kind}`)}</Badge>
                  </div>
                  <div className="mt-1 text-stone-900">{entry.node}</div>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
      <GrantExceptionDialog
        open={granting}
        onOpenChange={setGranting}
        clientId={c.id}
        clientName={c.name}
      />
      <LogRequestDialog
        open={logging}
        onOpenChange={setLogging}
        clientId={c.id}
        onLogged={() => undefined}
      />
    </div>
  );
}
