// Editors shared by the wizard's steps: wall times, lists of intervals, business durations.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Button, focusRing } from "../../../components/ui.tsx";
import type { ErrorDetail } from "../../../lib/api.ts";
import type { BusinessDuration, Charter, Interval, Workspace } from "../../../lib/types.ts";
import type { Update } from "../draft.ts";

export interface StepProps {
  draft: Charter;
  update: Update;
  errors: ErrorDetail[];
  workspace: Workspace;
}

const WALL = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const isWallTime = (text: string) => WALL.test(text);

/** "9", "9h", "930", "9:5" → "09:00", "09:30", "09:05" when it can tell; else as typed. */
export function tidyTime(text: string): string {
  const t = text.trim().toLowerCase().replace("h", ":");
  let m = /^(\d{1,2})$/.exec(t);
  if (m) return `${m[1]!.padStart(2, "0")}:00`;
  m = /^(\d{1,2}):(\d{1,2})?$/.exec(t);
  if (m) return `${m[1]!.padStart(2, "0")}:${(m[2] ?? "0").padStart(2, "0")}`;
  m = /^(\d{1,2})(\d{2})$/.exec(t);
  if (m) return `${m[1]!.padStart(2, "0")}:${m[2]}`;
  return text.trim();
}

export function TimeInput(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  invalid?: boolean;
}) {
  const id = useId();
  const bad = props.invalid || (props.value !== "" && !isWallTime(props.value));
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {props.label}
      </label>
      <input
        id={id}
        data-testid={props.testId}
        value={props.value}
        inputMode="numeric"
        placeholder="09:00"
        maxLength={5}
        aria-invalid={bad || undefined}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={(e) => props.onChange(tidyTime(e.target.value))}
        className={`w-20 rounded-md border bg-white px-2 py-1.5 text-center text-sm tabular-nums ${focusRing} ${bad ? "border-rose-600" : "border-stone-300"}`}
      />
    </>
  );
}

export function IntervalsEditor(props: {
  label: string;
  intervals: Interval[];
  onChange: (next: Interval[]) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const { intervals, onChange } = props;
  const set = (i: number, side: 0 | 1, value: string) => {
    const next = intervals.map((iv) => [...iv] as Interval);
    (next[i] as Interval)[side] = value;
    onChange(next);
  };
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid={props.testId}>
      {intervals.length === 0 && (
        <span className="text-sm text-stone-600">{t("hours.closed")}</span>
      )}
      {intervals.map((iv, i) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: intervals have no identity but their place
          key={i}
          className="flex items-center gap-1 rounded-md bg-stone-100 py-1 pr-1 pl-2"
        >
          <TimeInput
            label={t("hours.intervalFrom", { what: props.label, n: i + 1 })}
            value={iv[0]}
            onChange={(v) => set(i, 0, v)}
            testId={`${props.testId}-${i}-from`}
          />
          <span aria-hidden="true">–</span>
          <TimeInput
            label={t("hours.intervalTo", { what: props.label, n: i + 1 })}
            value={iv[1]}
            onChange={(v) => set(i, 1, v)}
            testId={`${props.testId}-${i}-to`}
          />
          <button
            type="button"
            aria-label={t("hours.removeInterval", { what: props.label, n: i + 1 })}
            onClick={() => onChange(intervals.filter((_, j) => j !== i))}
            className={`rounded px-1.5 text-stone-600 hover:bg-stone-200 hover:text-stone-900 ${focusRing}`}
          >
            ×
          </button>
        </span>
      ))}
      <Button
        size="sm"
        variant="ghost"
        data-testid={`${props.testId}-add`}
        aria-label={t("hours.addIntervalTo", { what: props.label })}
        onClick={() => {
          const last = intervals[intervals.length - 1];
          onChange([
            ...intervals,
            last ? [last[1], last[1] < "17:00" ? "17:00" : "24:00"] : ["09:00", "17:00"],
          ]);
        }}
      >
        + {t("hours.addInterval")}
      </Button>
    </div>
  );
}

type Unit = "businessHours" | "businessDays" | "none";

export function DurationField(props: {
  label: string;
  value: BusinessDuration | undefined;
  onChange: (value: BusinessDuration | undefined) => void;
  allowNone?: boolean;
  testId?: string;
  errors?: string[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const unit: Unit = !props.value
    ? "none"
    : "businessDays" in props.value
      ? "businessDays"
      : "businessHours";
  const amount = !props.value
    ? ""
    : "businessDays" in props.value
      ? props.value.businessDays
      : props.value.businessHours;
  const emit = (nextUnit: Unit, nextAmount: number) => {
    if (nextUnit === "none") props.onChange(undefined);
    else props.onChange({ [nextUnit]: nextAmount } as BusinessDuration);
  };
  return (
    <fieldset data-testid={props.testId}>
      <legend className="mb-1 text-sm font-medium text-stone-800">{props.label}</legend>
      <div className="flex gap-2">
        <label htmlFor={`${id}-n`} className="sr-only">
          {t("duration.amount", { what: props.label })}
        </label>
        <input
          id={`${id}-n`}
          type="number"
          min={0}
          step={unit === "businessDays" ? 1 : 0.5}
          disabled={unit === "none"}
          value={amount}
          data-testid={props.testId ? `${props.testId}-amount` : undefined}
          onChange={(e) => emit(unit, Number(e.target.value))}
          className={`w-24 rounded-md border border-stone-300 bg-white px-2 py-2 text-sm disabled:bg-stone-100 ${focusRing}`}
        />
        <label htmlFor={`${id}-u`} className="sr-only">
          {t("duration.unit", { what: props.label })}
        </label>
        <select
          id={`${id}-u`}
          value={unit}
          data-testid={props.testId ? `${props.testId}-unit` : undefined}
          onChange={(e) =>
            emit(
              e.target.value as Unit,
              Number(amount) || (e.target.value === "businessDays" ? 1 : 8),
            )
          }
          className={`rounded-md border border-stone-300 bg-white px-2 py-2 text-sm ${focusRing}`}
        >
          <option value="businessHours">{t("duration.unitHours")}</option>
          <option value="businessDays">{t("duration.unitDays")}</option>
          {props.allowNone !== false && <option value="none">{t("duration.unitNone")}</option>}
        </select>
      </div>
      {props.errors?.map((message) => (
        <p key={message} className="mt-1 text-xs font-medium text-rose-800">
          {message}
        </p>
      ))}
    </fieldset>
  );
}

export function StepSection(props: {
  title: string;
  description?: string;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-5" data-testid={props.testId}>
      <h3 className="text-base font-semibold text-stone-900">{props.title}</h3>
      {props.description && <p className="mt-1 text-sm text-stone-600">{props.description}</p>}
      <div className="mt-4 space-y-4">{props.children}</div>
    </section>
  );
}

export function FieldErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="space-y-0.5" data-testid="field-errors">
      {messages.map((m) => (
        <li key={m} className="text-xs font-medium text-rose-800">
          {m}
        </li>
      ))}
    </ul>
  );
}

/** Parse a positive number input; empty → undefined. */
export const numberOrUndefined = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? undefined : value;
