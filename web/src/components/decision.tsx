// How a decision reads everywhere (Try it, inbox, portal): outcome badge, due time with a live
// countdown, the rules hit in words, the options, the drafted reply.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../lib/format.tsx";
import { remaining } from "../lib/time.ts";
import type { Decision, Outcome, RuleHit } from "../lib/types.ts";
import { OUTCOME_TONE, optionText, ruleText } from "../lib/words.ts";
import { Badge } from "./ui.tsx";

export function OutcomeBadge({ outcome }: { outcome: Outcome | string }) {
  const { t } = useTranslation();
  const tone = OUTCOME_TONE[outcome as Outcome] ?? "neutral";
  return (
    <Badge tone={tone} data-testid="outcome-badge">
      {t(`outcome.${outcome}`, { defaultValue: outcome })}
    </Badge>
  );
}

/** Re-renders every `ms` so countdowns stay live. */
export function useNow(ms = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export function countdownText(
  t: (key: string, o?: Record<string, unknown>) => string,
  due: string,
  now: number,
) {
  const r = remaining(due, now);
  const amount =
    r.days > 0
      ? t("countdown.daysHours", { d: r.days, h: r.hours })
      : r.hours > 0
        ? t("countdown.hoursMinutes", { h: r.hours, m: r.minutes })
        : t("countdown.minutes", { m: r.minutes });
  return r.overdue ? t("countdown.overdue", { amount }) : t("countdown.in", { amount });
}

export function Countdown({ due }: { due: string }) {
  const { t } = useTranslation();
  const now = useNow(1_000);
  const overdue = new Date(due).getTime() < now;
  return (
    <span
      data-testid="countdown"
      className={`whitespace-nowrap ${overdue ? "font-medium text-rose-800" : "text-stone-700"}`}
    >
      {countdownText(t, due, now)}
    </span>
  );
}

export function DueLine({
  due,
  label,
  countdown = true,
}: {
  due: string;
  label?: string;
  countdown?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <p className="text-sm">
      <span className="text-stone-600">{label ?? t("decision.dueBy")} </span>
      <time dateTime={due} className="font-medium text-stone-900" data-testid="due-at">
        {fmt.dateTime(due)}
      </time>
      {countdown && (
        <>
          {" · "}
          <Countdown due={due} />
        </>
      )}
    </p>
  );
}

export function RulesList({ rules, currency }: { rules: RuleHit[]; currency?: string | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (rules.length === 0) return <p className="text-sm text-stone-600">{t("decision.noRules")}</p>;
  return (
    <ul className="space-y-1.5" data-testid="rules-hit">
      {rules.map((rule) => (
        <li key={`${rule.id}-${JSON.stringify(rule.params)}`} className="flex gap-2 text-sm">
          <span className="shrink-0 self-start">
            <Badge tone={rule.violation ? "red" : "neutral"} title={rule.id}>
              {t(`category.${rule.category}`)}
            </Badge>
          </span>
          <span className="text-stone-800" data-rule-id={rule.id}>
            {ruleText(t, fmt, rule, currency)}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function OptionsList({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (decision.options.length === 0) return null;
  return (
    <div>
      <h4 className="mb-1 text-sm font-semibold text-stone-800">{t("decision.options")}</h4>
      <ul
        className="list-disc space-y-1 pl-5 text-sm text-stone-800"
        data-testid="decision-options"
      >
        {decision.options.map((option) => (
          <li key={JSON.stringify(option)}>{optionText(t, fmt, option)}</li>
        ))}
      </ul>
    </div>
  );
}

/** The full decision, read-only (Try it, the portal's confirmation). */
export function DecisionView({
  decision,
  currency,
  showReply = true,
  countdown = true,
}: {
  decision: Decision;
  currency?: string | null;
  showReply?: boolean;
  /** A countdown from now makes no sense for a moment picked in "Try it". */
  countdown?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <div className="space-y-4" data-testid="decision">
      <div className="flex flex-wrap items-center gap-3">
        <OutcomeBadge outcome={decision.outcome} />
        <span className="text-sm text-stone-700">{t(`outcomeHelp.${decision.outcome}`)}</span>
      </div>
      <div className="space-y-1">
        <DueLine due={decision.dueAt} countdown={countdown} />
        <p className="text-sm text-stone-700">
          {t("decision.firstRead")}{" "}
          <time dateTime={decision.nextOpenAt} data-testid="next-open-at">
            {fmt.dateTime(decision.nextOpenAt)}
          </time>
        </p>
      </div>
      <div>
        <h4 className="mb-1 text-sm font-semibold text-stone-800">{t("decision.rules")}</h4>
        <RulesList rules={decision.rules} currency={currency} />
      </div>
      <OptionsList decision={decision} />
      {showReply && (
        <div>
          <h4 className="mb-1 text-sm font-semibold text-stone-800">
            {t("decision.reply")}{" "}
            <span className="font-normal text-stone-600">
              ({fmt.language(decision.reply.locale)})
            </span>
          </h4>
          <div
            className="rounded-md border border-stone-200 bg-stone-50 p-3 text-sm whitespace-pre-wrap text-stone-900"
            data-testid="drafted-reply"
          >
            <p className="mb-2 font-medium">{decision.reply.subject}</p>
            {decision.reply.body}
          </div>
        </div>
      )}
    </div>
  );
}
