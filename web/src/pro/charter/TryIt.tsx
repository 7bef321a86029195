// "Try it": a moment, a channel and a kind of request → the decision the draft would give
// (outcome, due time, rules hit, drafted reply), via POST /evaluate with the draft inline.
// Once tried, it re-runs as the draft changes: a live preview of decisions.
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { DecisionView } from "../../components/decision.tsx";
import { Button, ErrorMessage, SelectField, TextField } from "../../components/ui.tsx";
import { get, post } from "../../lib/api.ts";
import { FormatProvider } from "../../lib/format.tsx";
import { epochToWall, wallToEpoch } from "../../lib/time.ts";
import { type Charter, type Client, type Decision, REQUEST_KINDS } from "../../lib/types.ts";
import { channelName } from "../../lib/words.ts";

interface Scenario {
  moment: string;
  channel: string;
  kind: string;
  clientId: string;
  neededBy: string;
  offerItem: string;
}

/** The next given weekday (0 = Sunday) at hh:mm, as a wall time in the zone. */
function nextWeekday(zone: string, weekday: number, time: string): string {
  const today = epochToWall(Date.now(), zone).slice(0, 10);
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const ahead = (weekday - date.getUTCDay() + 7) % 7 || 7;
  date.setUTCDate(date.getUTCDate() + ahead);
  return `${date.toISOString().slice(0, 10)}T${time}`;
}

export function TryIt({ draft }: { draft: Charter }) {
  const { t } = useTranslation();
  const zone = draft.timezone;
  const clients = useQuery({
    queryKey: ["clients", "all"],
    queryFn: () => get<{ items: Client[]; total: number }>("/clients?limit=200"),
  });
  const [s, setS] = useState<Scenario>(() => ({
    moment: nextWeekday(zone, 5, "21:30"),
    channel: draft.channels.find((c) => c.id === "email")?.id ?? draft.channels[0]?.id ?? "email",
    kind: "task",
    clientId: "",
    neededBy: "",
    offerItem: "",
  }));
  const set = (patch: Partial<Scenario>) => setS((x) => ({ ...x, ...patch }));

  const evaluate = useMutation({
    mutationFn: (input: { scenario: Scenario; charter: Charter }) => {
      const { scenario, charter } = input;
      const at = wallToEpoch(scenario.moment, charter.timezone);
      const needed = scenario.neededBy
        ? wallToEpoch(scenario.neededBy, charter.timezone)
        : Number.NaN;
      return post<Decision>("/evaluate", {
        charter,
        ...(scenario.clientId ? { clientId: scenario.clientId } : {}),
        request: {
          channel: scenario.channel,
          receivedAt: new Date(Number.isNaN(at) ? Date.now() : at).toISOString(),
          subject: t("tryIt.sampleSubject"),
          body: t("tryIt.sampleBody"),
          ...(scenario.kind ? { kind: scenario.kind } : {}),
          ...(Number.isNaN(needed) ? {} : { neededBy: new Date(needed).toISOString() }),
          ...(scenario.offerItem ? { offerItem: scenario.offerItem } : {}),
        },
      });
    },
  });
  const tried = useRef(false);
  const run = (scenario = s) => {
    tried.current = true;
    evaluate.mutate({ scenario, charter: draft });
  };
  // The live part: the same scenario again when the draft changes.
  const { mutate } = evaluate;
  const scenarioRef = useRef(s);
  scenarioRef.current = s;
  useEffect(() => {
    if (!tried.current) return;
    const timer = setTimeout(() => mutate({ scenario: scenarioRef.current, charter: draft }), 800);
    return () => clearTimeout(timer);
  }, [draft, mutate]);

  const presets: { key: string; scenario: Partial<Scenario> }[] = [
    {
      key: "fridayNight",
      scenario: {
        moment: nextWeekday(zone, 5, "21:30"),
        channel: "email",
        kind: "task",
        neededBy: "",
      },
    },
    {
      key: "rush",
      scenario: {
        moment: nextWeekday(zone, 2, "10:00"),
        channel: "portal",
        kind: "urgent",
        neededBy: "",
      },
    },
    {
      key: "sms",
      scenario: {
        moment: nextWeekday(zone, 3, "14:00"),
        channel: "sms",
        kind: "question",
        neededBy: "",
      },
    },
    {
      key: "discount",
      scenario: {
        moment: nextWeekday(zone, 1, "11:00"),
        channel: "email",
        kind: "discount",
        neededBy: "",
      },
    },
  ];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    run();
  };
  const channelIds = [...new Set([...draft.channels.map((c) => c.id), s.channel])];

  return (
    <div className="space-y-4" data-testid="try-it">
      <p className="text-sm text-stone-700">{t("tryIt.intro")}</p>
      <div className="flex flex-wrap gap-1.5">
        {presets.map((p) => (
          <Button
            key={p.key}
            size="sm"
            variant="secondary"
            data-testid={`try-preset-${p.key}`}
            onClick={() => {
              const next = { ...s, ...p.scenario };
              setS(next);
              run(next);
            }}
          >
            {t(`tryIt.preset.${p.key}`)}
          </Button>
        ))}
      </div>
      <form onSubmit={submit} className="grid gap-3" data-testid="try-form">
        <TextField
          type="datetime-local"
          label={t("tryIt.moment", { zone })}
          value={s.moment}
          data-testid="try-moment"
          onChange={(e) => set({ moment: e.target.value })}
        />
        <div className="grid grid-cols-2 gap-3">
          <SelectField
            label={t("tryIt.channel")}
            value={s.channel}
            data-testid="try-channel"
            onChange={(e) => set({ channel: e.target.value })}
            options={channelIds.map((id) => ({ value: id, label: channelName(t, id) }))}
          />
          <SelectField
            label={t("tryIt.kind")}
            value={s.kind}
            data-testid="try-kind"
            onChange={(e) => set({ kind: e.target.value })}
            options={[
              { value: "", label: t("common.none") },
              ...REQUEST_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
            ]}
          />
        </div>
        <SelectField
          label={t("tryIt.client")}
          hint={t("tryIt.clientHelp")}
          value={s.clientId}
          data-testid="try-client"
          onChange={(e) => set({ clientId: e.target.value })}
          options={[
            { value: "", label: t("tryIt.anyClient") },
            ...(clients.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
        <details className="text-sm">
          <summary className="cursor-pointer text-stone-700">{t("tryIt.more")}</summary>
          <div className="mt-3 grid gap-3">
            <TextField
              type="datetime-local"
              label={t("tryIt.neededBy", { zone })}
              value={s.neededBy}
              data-testid="try-needed-by"
              onChange={(e) => set({ neededBy: e.target.value })}
            />
            <TextField
              label={t("tryIt.offerItem")}
              hint={t("tryIt.offerItemHelp")}
              value={s.offerItem}
              onChange={(e) => set({ offerItem: e.target.value })}
            />
          </div>
        </details>
        <Button type="submit" disabled={evaluate.isPending} data-testid="try-submit">
          {evaluate.isPending ? t("common.working") : t("tryIt.run")}
        </Button>
      </form>
      {evaluate.error && <ErrorMessage error={evaluate.error} testId="try-error" />}
      {evaluate.data && !evaluate.error && (
        <div className="border-t border-stone-200 pt-4" data-testid="try-result">
          <FormatProvider zone={zone}>
            <DecisionView
              decision={evaluate.data}
              currency={draft.money?.currency}
              countdown={false}
            />
          </FormatProvider>
        </div>
      )}
    </div>
  );
}
