// The inbox: requests ordered by due time with a live countdown, decision badges, rules hit,
// the drafted reply editable, answer / close / reopen; log a call or an e-mail by hand.
import * as Tabs from "@radix-ui/react-tabs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { Countdown, OptionsList, OutcomeBadge, RulesList } from "../../components/decision.tsx";
import {
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorMessage,
  focusRing,
  Loading,
  PageHeader,
  SelectField,
  TextAreaField,
  TextField,
} from "../../components/ui.tsx";
import { get, patch, query } from "../../lib/api.ts";
import { useFormat } from "../../lib/format.tsx";
import type { StoredRequest } from "../../lib/types.ts";
import { channelName, optionKind } from "../../lib/words.ts";
import { GrantExceptionDialog } from "../clients/GrantException.tsx";
import { RequestMoney } from "../money/RequestMoney.tsx";
import { useClients } from "../useClients.ts";
import { LogRequestDialog } from "./LogRequestDialog.tsx";

type Status = "open" | "answered" | "closed";
const STATUSES: Status[] = ["open", "answered", "closed"];

export default function Inbox() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as string[]).includes(params.get("status") ?? "")
    ? (params.get("status") as Status)
    : "open";
  const selectedId = params.get("r");
  const [logging, setLogging] = useState(false);
  const clients = useClients();
  const requests = useQuery({
    queryKey: ["requests", status],
    queryFn: () =>
      get<{ items: StoredRequest[]; total: number }>(`/requests${query({ status, limit: 200 })}`),
    refetchInterval: 30_000,
  });
  const items = requests.data?.items ?? [];
  const selected = items.find((r) => r.id === selectedId) ?? items[0] ?? null;
  const select = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set("r", id);
    else next.delete("r");
    setParams(next, { replace: true });
  };

  return (
    <div>
      <PageHeader
        title={t("inbox.title")}
        description={t("inbox.intro")}
        actions={
          <Button onClick={() => setLogging(true)} data-testid="log-request-open">
            {t("inbox.log")}
          </Button>
        }
      />
      <Tabs.Root
        value={status}
        onValueChange={(value) =>
          setParams(new URLSearchParams({ status: value }), { replace: true })
        }
      >
        <Tabs.List
          aria-label={t("inbox.statusLabel")}
          className="mb-4 flex gap-1 border-b border-stone-200"
        >
          {STATUSES.map((s) => (
            <Tabs.Trigger
              key={s}
              value={s}
              data-testid={`inbox-tab-${s}`}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium text-stone-700 data-[state=active]:border-teal-800 data-[state=active]:text-teal-900 border-transparent ${focusRing}`}
            >
              {t(`inbox.status.${s}`)}
              {s === status && requests.data ? ` (${requests.data.total})` : ""}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {STATUSES.map((s) => (
          <Tabs.Content key={s} value={s} className={focusRing}>
            {requests.isPending && <Loading />}
            {requests.error && <ErrorMessage error={requests.error} />}
            {requests.data && items.length === 0 && (
              <EmptyState>{t(`inbox.empty.${s}`)}</EmptyState>
            )}
            {items.length > 0 && (
              <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
                <ol
                  className="space-y-2"
                  data-testid="inbox-list"
                  aria-label={t(`inbox.status.${s}`)}
                >
                  {items.map((r) => (
                    <li key={r.id}>
                      <RequestRow
                        request={r}
                        clientName={clients.byId.get(r.clientId ?? "")?.name}
                        active={r.id === selected?.id}
                        onSelect={() => select(r.id)}
                      />
                    </li>
                  ))}
                </ol>
                <div>
                  {selected ? (
                    <RequestDetail
                      key={selected.id}
                      request={selected}
                      clientName={clients.byId.get(selected.clientId ?? "")?.name}
                    />
                  ) : (
                    <EmptyState>{t("inbox.pick")}</EmptyState>
                  )}
                </div>
              </div>
            )}
          </Tabs.Content>
        ))}
      </Tabs.Root>
      <LogRequestDialog
        open={logging}
        onOpenChange={setLogging}
        onLogged={(id) => {
          setParams(new URLSearchParams({ status: "open", r: id }), { replace: true });
        }}
      />
    </div>
  );
}

function RequestRow(props: {
  request: StoredRequest;
  clientName?: string;
  active: boolean;
  onSelect: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const r = props.request;
  return (
    <button
      type="button"
      onClick={props.onSelect}
      aria-current={props.active ? "true" : undefined}
      data-testid="inbox-item"
      data-request-id={r.id}
      className={`w-full rounded-lg border p-3 text-left transition-colors ${focusRing} ${props.active ? "border-teal-700 bg-teal-50/60" : "border-stone-200 bg-white hover:border-stone-300"}`}
    >
      <div className="flex items-start justify-between gap-2">
        <span className="line-clamp-2 font-medium text-stone-900">
          {r.subject || t("inbox.noSubject")}
        </span>
        <OutcomeBadge outcome={r.outcome} />
      </div>
      <p className="mt-1 text-xs text-stone-600">
        {props.clientName ?? t("inbox.unknownClient")} · {channelName(t, r.channel)}
      </p>
      {r.status === "open" ? (
        <p className="mt-1 text-xs">
          <span className="text-stone-600">{t("decision.dueBy")} </span>
          <time dateTime={r.dueAt} className="text-stone-800">
            {fmt.dateTime(r.dueAt)}
          </time>
          {" · "}
          <Countdown due={r.dueAt} />
        </p>
      ) : (
        <p className="mt-1 text-xs text-stone-600">
          {t(`requestStatus.${r.status}`)} ·{" "}
          {fmt.dateTime(r.answeredAt ?? r.closedAt ?? r.receivedAt)}
        </p>
      )}
    </button>
  );
}

function RequestDetail({
  request: r,
  clientName,
}: {
  request: StoredRequest;
  clientName?: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState(r.reply.subject);
  const [body, setBody] = useState(r.reply.body);
  const [chosen, setChosen] = useState(r.chosenOption ?? "");
  const [granting, setGranting] = useState(false);
  useEffect(() => {
    setSubject(r.reply.subject);
    setBody(r.reply.body);
  }, [r.reply.subject, r.reply.body]);
  const dirty = subject !== r.reply.subject || body !== r.reply.body;
  /** Answered or closed: the reply is what was sent (or not), read-only until reopened. */
  const settled = r.status !== "open";
  const act = useMutation({
    mutationFn: (action: "save" | "answer" | "close" | "reopen") =>
      patch<{ request: StoredRequest; mailId: string | null }>(`/requests/${r.id}`, {
        ...(dirty && subject && body ? { reply: { subject, body } } : {}),
        ...(action === "save" ? {} : { action }),
        ...(chosen && chosen !== r.chosenOption ? { chosenOption: chosen } : {}),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["requests"] }),
  });
  const violations = r.decision.rules.filter((rule) => rule.violation).map((rule) => rule.id);
  const optionKinds = [
    ...new Set(r.decision.options.map(optionKind).filter((k): k is string => k !== null)),
  ];

  return (
    <Card
      as="article"
      aria-labelledby={`request-${r.id}`}
      data-testid="request-detail"
      className="space-y-5"
    >
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <OutcomeBadge outcome={r.outcome} />
          <Badge>{t(`requestStatus.${r.status}`)}</Badge>
          {r.source === "phone-log" && <Badge tone="blue">{t("inbox.loggedByHand")}</Badge>}
          {r.decision.escalation && (
            <Badge tone="red">{t(`escalation.${r.decision.escalation}`)}</Badge>
          )}
        </div>
        <h2 id={`request-${r.id}`} className="text-lg font-semibold text-stone-900">
          {r.subject || t("inbox.noSubject")}
        </h2>
        <p className="text-sm text-stone-600">
          {r.clientId ? (
            <Link to={`/app/clients/${r.clientId}`} className="text-teal-800 underline">
              {clientName ?? t("inbox.unknownClient")}
            </Link>
          ) : (
            t("inbox.unknownClient")
          )}{" "}
          · {channelName(t, r.channel)} ·{" "}
          {t("inbox.receivedAt", { at: fmt.dateTime(r.receivedAt) })}
          {r.kind ? ` · ${t(`kind.${r.kind}`, { defaultValue: r.kind })}` : ""}
        </p>
        {r.status === "open" && (
          <p className="text-sm">
            <span className="text-stone-600">{t("decision.dueBy")} </span>
            <time dateTime={r.dueAt} className="font-medium" data-testid="due-at">
              {fmt.dateTime(r.dueAt)}
            </time>{" "}
            · <Countdown due={r.dueAt} />
          </p>
        )}
      </header>
      {r.body && (
        <section>
          <h3 className="mb-1 text-sm font-semibold text-stone-800">{t("inbox.message")}</h3>
          <p className="rounded-md bg-stone-50 p-3 text-sm whitespace-pre-wrap text-stone-900">
            {r.body}
          </p>
        </section>
      )}
      <section>
        <h3 className="mb-1 text-sm font-semibold text-stone-800">{t("decision.rules")}</h3>
        <RulesList rules={r.decision.rules} />
      </section>
      <OptionsList decision={r.decision} />
      <RequestMoney request={r} />
      {optionKinds.length > 0 && (
        <SelectField
          label={t("inbox.chosenOption")}
          value={chosen}
          disabled={settled}
          data-testid="chosen-option"
          onChange={(e) => setChosen(e.target.value)}
          options={[
            { value: "", label: t("inbox.noChoiceYet") },
            ...optionKinds.map((k) => ({
              value: k,
              label: t(`optionKind.${k}`, { defaultValue: k }),
            })),
          ]}
        />
      )}
      <section className="space-y-3">
        <h3 className="text-sm font-semibold text-stone-800">
          {t("decision.reply")}{" "}
          <span className="font-normal text-stone-600">({fmt.language(r.reply.locale)})</span>
        </h3>
        {settled && (
          <p className="text-sm text-stone-600" data-testid="reply-readonly-note">
            {t(r.status === "answered" ? "inbox.replySent" : "inbox.replyNotSent")}
          </p>
        )}
        <TextField
          label={t("inbox.replySubject")}
          value={subject}
          readOnly={settled}
          data-testid="reply-subject"
          onChange={(e) => setSubject(e.target.value)}
        />
        <TextAreaField
          label={t("inbox.replyBody")}
          value={body}
          rows={10}
          readOnly={settled}
          data-testid="reply-body"
          onChange={(e) => setBody(e.target.value)}
        />
      </section>
      {act.error && <ErrorMessage error={act.error} />}
      {act.isSuccess && act.data.mailId && (
        <p role="status" className="text-sm text-emerald-800">
          {t("inbox.queued")}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {r.status === "open" ? (
          <>
            <Button
              onClick={() => act.mutate("answer")}
              disabled={act.isPending}
              data-testid="reply-answer"
            >
              {t("inbox.answer")}
            </Button>
            <Button
              variant="secondary"
              onClick={() => act.mutate("save")}
              disabled={act.isPending || (!dirty && chosen === (r.chosenOption ?? ""))}
              data-testid="reply-save"
            >
              {t("inbox.saveDraft")}
            </Button>
            <Button
              variant="secondary"
              onClick={() => act.mutate("close")}
              disabled={act.isPending}
              data-testid="request-close"
            >
              {t("inbox.close")}
            </Button>
          </>
        ) : (
          <Button
            variant="secondary"
            onClick={() => act.mutate("reopen")}
            disabled={act.isPending}
            data-testid="request-reopen"
          >
            {t("inbox.reopen")}
          </Button>
        )}
        {r.clientId && (
          <Button
            variant="ghost"
            onClick={() => setGranting(true)}
            data-testid="request-grant-exception"
          >
            {t("exception.open")}
          </Button>
        )}
      </div>
      {r.clientId && (
        <GrantExceptionDialog
          open={granting}
          onOpenChange={setGranting}
          clientId={r.clientId}
          clientName={clientName ?? ""}
          requestId={r.id}
          rules={violations.length ? violations : r.decision.rules.map((x) => x.id)}
        />
      )}
    </Card>
  );
}
