// The portal's page: acknowledgement, a new request with its immediate answer, the engagement,
// the requests, and the charter itself.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CharterView } from "../components/CharterView.tsx";
import { Countdown, OutcomeBadge } from "../components/decision.tsx";
import { QuotaBars } from "../components/QuotaBars.tsx";
import {
  Alert,
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorMessage,
  errorsAt,
  focusRing,
  Loading,
  SelectField,
  TextAreaField,
  TextField,
} from "../components/ui.tsx";
import { ApiError, get, post } from "../lib/api.ts";
import { FormatProvider, useFormat } from "../lib/format.tsx";
import { currencyDigits, parseMoneyInput } from "../lib/money.ts";
import { wallToEpoch } from "../lib/time.ts";
import {
  type Decision,
  type PortalCharter,
  type PortalOverview,
  type PortalRequest,
  REQUEST_KINDS,
  type Session,
} from "../lib/types.ts";
import { MeetingsCard } from "./booking/MeetingsCard.tsx";
import { PortalAlternatives, PortalChangeOrders, PortalInvoices } from "./PortalMoney.tsx";

const ME = ["portal", "me"] as const;

function Acknowledge({ overview }: { overview: PortalOverview }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const ack = useMutation({
    mutationFn: (version: number) =>
      post<{ version: number; acknowledgedAt: string }>("/portal/acknowledge", { version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME }),
  });
  const charter = overview.charter;
  if (!charter) return <Alert tone="info">{t("portal.noCharter")}</Alert>;
  if (charter.acknowledged && overview.client.acknowledged) {
    return (
      <p className="text-sm text-stone-700" data-testid="acknowledged">
        {t("portal.acknowledgedOn", {
          version: overview.client.acknowledged.version,
          at: fmt.dateTime(overview.client.acknowledged.at),
        })}
      </p>
    );
  }
  return (
    <Alert
      tone="warning"
      title={t("portal.ackTitle", { version: charter.version })}
      data-testid="acknowledge-panel"
    >
      <p>{t("portal.ackBody")}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <a
          href="#charter"
          className={`rounded-md px-3 py-2 text-sm font-medium text-amber-950 underline ${focusRing}`}
        >
          {t("portal.readCharter")}
        </a>
        <Button
          onClick={() => ack.mutate(charter.version)}
          disabled={ack.isPending}
          data-testid="acknowledge"
        >
          {t("portal.ackButton")}
        </Button>
      </div>
      {ack.error && <ErrorMessage error={ack.error} />}
    </Alert>
  );
}

function NewRequest({ currency }: { currency: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const empty = { subject: "", body: "", kind: "task", neededBy: "", budget: "" };
  const [form, setForm] = useState(empty);
  const [budgetProblem, setBudgetProblem] = useState<string | null>(null);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const send = useMutation({
    mutationFn: (budget: number | undefined) =>
      post<{ id: string; decision: Decision }>("/portal/requests", {
        subject: form.subject,
        body: form.body,
        ...(form.kind ? { kind: form.kind } : {}),
        ...(form.neededBy
          ? { neededBy: new Date(wallToEpoch(form.neededBy, fmt.zone)).toISOString() }
          : {}),
        ...(budget !== undefined ? { budget } : {}),
      }),
    onSuccess: async () => {
      setForm(empty);
      await queryClient.invalidateQueries({ queryKey: ["portal"] });
    },
  });
  const details = send.error instanceof ApiError ? send.error.details : [];
  const asksBudget = form.kind === "discount";
  const submit = (e: FormEvent) => {
    e.preventDefault();
    let budget: number | undefined;
    if (asksBudget && form.budget.trim()) {
      const parsed = parseMoneyInput(form.budget, currency);
      if (parsed === null) {
        setBudgetProblem(t("money.notAnAmount"));
        return;
      }
      budget = parsed;
    }
    setBudgetProblem(null);
    send.mutate(budget);
  };
  const decision = send.data?.decision;
  return (
    <Card aria-labelledby="new-request" data-testid="portal-new-request">
      <h2 id="new-request" className="mb-1 text-lg font-semibold">
        {t("portal.newRequest")}
      </h2>
      <p className="mb-4 text-sm text-stone-600">{t("portal.newRequestHelp")}</p>
      {decision && (
        <div
          className="mb-6 space-y-3 rounded-lg border border-teal-200 bg-teal-50/50 p-4"
          data-testid="portal-decision"
          role="status"
        >
          <div className="flex flex-wrap items-center gap-2">
            <OutcomeBadge outcome={decision.outcome} />
            <p className="font-medium text-stone-900">
              {(decision.alternatives?.length ?? 0) > 0
                ? t("alternatives.outcomeLead")
                : t(`portalOutcome.${decision.outcome}`)}
            </p>
          </div>
          <p className="text-sm">
            {t("portal.answerBy")}{" "}
            <time dateTime={decision.dueAt} className="font-semibold" data-testid="portal-due-at">
              {fmt.dateTime(decision.dueAt)}
            </time>{" "}
            · <Countdown due={decision.dueAt} />
          </p>
          <p className="text-sm text-stone-700">
            {t("portal.firstRead", { at: fmt.dateTime(decision.nextOpenAt) })}
          </p>
          {send.data && (decision.alternatives?.length ?? 0) > 0 ? (
            <>
              <PortalAlternatives requestId={send.data.id} />
              <details className="text-sm">
                <summary className="cursor-pointer text-teal-800">{t("portal.readAnswer")}</summary>
                <div
                  className="mt-2 rounded-md border border-stone-200 bg-white p-3 whitespace-pre-wrap"
                  data-testid="portal-reply"
                >
                  <p className="mb-2 font-medium">{decision.reply.subject}</p>
                  {decision.reply.body}
                </div>
              </details>
            </>
          ) : (
            <div
              className="rounded-md border border-stone-200 bg-white p-3 text-sm whitespace-pre-wrap"
              data-testid="portal-reply"
            >
              <p className="mb-2 font-medium">{decision.reply.subject}</p>
              {decision.reply.body}
            </div>
          )}
          <Button variant="secondary" size="sm" onClick={() => send.reset()}>
            {t("portal.another")}
          </Button>
        </div>
      )}
      {!decision && (
        <form onSubmit={submit} className="space-y-4" data-testid="portal-request-form">
          <TextField
            label={t("portal.subject")}
            required
            value={form.subject}
            data-testid="portal-subject"
            onChange={(e) => set({ subject: e.target.value })}
            errors={errorsAt(details, "subject")}
          />
          <TextAreaField
            label={t("portal.message")}
            required
            value={form.body}
            rows={5}
            data-testid="portal-body"
            onChange={(e) => set({ body: e.target.value })}
            errors={errorsAt(details, "body")}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label={t("portal.kind")}
              value={form.kind}
              data-testid="portal-kind"
              onChange={(e) => set({ kind: e.target.value })}
              options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            />
            <TextField
              type="datetime-local"
              label={t("portal.neededBy", { zone: fmt.zoneName() })}
              hint={t("portal.neededByHelp")}
              value={form.neededBy}
              data-testid="portal-needed-by"
              onChange={(e) => set({ neededBy: e.target.value })}
              errors={errorsAt(details, "neededBy")}
            />
          </div>
          {asksBudget && (
            <TextField
              label={t("portal.budget", { currency })}
              hint={t("portal.budgetHelp", {
                example: fmt.money(2000 * 10 ** currencyDigits(currency), currency),
              })}
              inputMode="decimal"
              autoComplete="off"
              value={form.budget}
              data-testid="portal-budget"
              onChange={(e) => set({ budget: e.target.value })}
              errors={budgetProblem ? [budgetProblem] : errorsAt(details, "budget")}
            />
          )}
          {send.error && <ErrorMessage error={send.error} />}
          <Button
            type="submit"
            disabled={send.isPending || !form.subject.trim()}
            data-testid="portal-submit"
          >
            {send.isPending ? t("common.working") : t("portal.send")}
          </Button>
        </form>
      )}
    </Card>
  );
}

function Engagement({ overview }: { overview: PortalOverview }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const e = overview.engagement;
  return (
    <Card aria-labelledby="engagement" data-testid="portal-engagement">
      <h2 id="engagement" className="mb-3 text-lg font-semibold">
        {t("portal.engagement")}
      </h2>
      {!e ? (
        <p className="text-sm text-stone-600">{t("portal.noEngagement")}</p>
      ) : (
        <div className="grid gap-6 sm:grid-cols-2">
          <div>
            <h3 className="text-sm font-semibold text-stone-800">{e.title}</h3>
            <p className="mb-2 text-xs text-stone-600">{t("portal.includes")}</p>
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {e.offer.items.map((i) => (
                <li key={i.id}>{`${i.quantity} × ${i.name}`}</li>
              ))}
            </ul>
            {e.deliverables.length > 0 && (
              <>
                <h3 className="mt-4 mb-1 text-sm font-semibold text-stone-800">
                  {t("portal.deliveries")}
                </h3>
                <ul className="space-y-1 text-sm">
                  {e.deliverables.map((d) => (
                    <li key={d.id}>
                      {d.name} —{" "}
                      {d.deliveredAt ? (
                        <Badge tone="green">{t("portal.delivered")}</Badge>
                      ) : (
                        <time dateTime={d.dueAt}>{fmt.dateTime(d.dueAt)}</time>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <div>
            <h3 className="mb-2 text-sm font-semibold text-stone-800">{t("portal.left")}</h3>
            <QuotaBars rows={e.quotas} />
          </div>
        </div>
      )}
    </Card>
  );
}

function MyRequests() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const requests = useQuery({
    queryKey: ["portal", "requests"],
    queryFn: () => get<{ items: PortalRequest[]; total: number }>("/portal/requests?limit=100"),
    refetchInterval: 60_000,
  });
  return (
    <Card aria-labelledby="my-requests" data-testid="portal-requests">
      <h2 id="my-requests" className="mb-3 text-lg font-semibold">
        {t("portal.myRequests")}
      </h2>
      {requests.isPending && <Loading />}
      {requests.error && <ErrorMessage error={requests.error} />}
      {requests.data?.items.length === 0 && <EmptyState>{t("portal.noRequests")}</EmptyState>}
      <ul className="divide-y divide-stone-100">
        {(requests.data?.items ?? []).map((r) => (
          <li key={r.id} className="py-3 text-sm" data-testid="portal-request">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-medium">{r.subject || t("inbox.noSubject")}</p>
              <div className="flex gap-2">
                <OutcomeBadge outcome={r.outcome} />
                <Badge>{t(`requestStatus.${r.status}`, { defaultValue: r.status })}</Badge>
              </div>
            </div>
            <p className="mt-1 text-stone-700">
              {t("portal.sentOn", { at: fmt.dateTime(r.receivedAt) })}
              {r.status === "open" && (
                <>
                  {" · "}
                  {t("portal.answerBy")} <time dateTime={r.dueAt}>{fmt.dateTime(r.dueAt)}</time> (
                  <Countdown due={r.dueAt} />)
                </>
              )}
            </p>
            {r.kind === "discount" && r.alternatives > 0 && (
              <details className="mt-2">
                <summary
                  className="cursor-pointer text-teal-800"
                  data-testid="portal-request-alternatives"
                >
                  {r.chosenOption === "alternative"
                    ? t("alternatives.seeChosen")
                    : t("alternatives.seeOffered", { count: r.alternatives })}
                </summary>
                <div className="mt-3">
                  <PortalAlternatives requestId={r.id} />
                </div>
              </details>
            )}
            {r.reply && r.status !== "open" && (
              <details className="mt-1">
                <summary className="cursor-pointer text-teal-800">{t("portal.readAnswer")}</summary>
                <p className="mt-1 rounded-md bg-stone-50 p-3 whitespace-pre-wrap">
                  {r.reply.body}
                </p>
              </details>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function CharterSection({ name }: { name: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const charter = useQuery({
    queryKey: ["portal", "charter"],
    queryFn: () => get<PortalCharter>("/portal/charter"),
  });
  return (
    <Card aria-labelledby="charter-title" data-testid="portal-charter">
      <div id="charter" className="scroll-mt-4" />
      <h2 id="charter-title" className="text-lg font-semibold">
        {t("portal.charterTitle", { name })}
      </h2>
      {charter.data && (
        <p className="mb-3 text-xs text-stone-600">
          {t("portal.charterVersion", {
            version: charter.data.version,
            at: fmt.dateTime(charter.data.publishedAt),
          })}
        </p>
      )}
      {charter.isPending && <Loading />}
      {charter.error && <ErrorMessage error={charter.error} />}
      {charter.data && <CharterView charter={charter.data.charter} />}
    </Card>
  );
}

export function PortalHome({ session }: { session: Session }) {
  const { t } = useTranslation();
  const overview = useQuery({ queryKey: ME, queryFn: () => get<PortalOverview>("/portal/me") });
  if (overview.isPending) return <Loading />;
  if (overview.error) return <ErrorMessage error={overview.error} />;
  const o = overview.data;
  return (
    <FormatProvider zone={o.client.timezone ?? undefined}>
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight" data-testid="portal-greeting">
            {t("portal.hello", { name: o.client.name })}
          </h1>
          <p className="mt-1 text-sm text-stone-600">
            {t("portal.intro", { name: session.workspace.name })}
          </p>
        </div>
        <Acknowledge overview={o} />
        <NewRequest currency={session.workspace.currency} />
        <MeetingsCard overview={o} />
        <Engagement overview={o} />
        <PortalChangeOrders />
        <PortalInvoices />
        <MyRequests />
        <CharterSection name={session.workspace.name} />
      </div>
    </FormatProvider>
  );
}
