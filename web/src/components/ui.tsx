// Small building blocks with the app's look: calm neutrals, one teal accent, visible focus rings,
// every input labelled.
import {
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useEffect,
  useId,
} from "react";
import { useTranslation } from "react-i18next";
import { ApiError, type ErrorDetail } from "../lib/api.ts";

export const focusRing =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700";

const buttonStyles = {
  primary: "bg-teal-800 text-white hover:bg-teal-900 disabled:bg-stone-400",
  secondary:
    "bg-white text-stone-800 border border-stone-300 hover:bg-stone-100 disabled:text-stone-500",
  ghost: "text-teal-900 hover:bg-teal-50 disabled:text-stone-500",
  danger: "bg-white text-rose-800 border border-rose-300 hover:bg-rose-50 disabled:text-stone-500",
} as const;

export function Button({
  variant = "primary",
  size = "md",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: keyof typeof buttonStyles;
  size?: "sm" | "md";
}) {
  const sizing = size === "sm" ? "px-2.5 py-1 text-sm" : "px-4 py-2 text-sm";
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center gap-2 rounded-md font-medium transition-colors disabled:cursor-not-allowed ${sizing} ${buttonStyles[variant]} ${focusRing} ${className}`}
      {...props}
    />
  );
}

const inputBase = `block w-full rounded-md border bg-white px-3 py-2 text-sm text-stone-900 placeholder:text-stone-500 ${focusRing}`;
const inputBorder = (invalid: boolean) => (invalid ? "border-rose-600" : "border-stone-300");

interface FieldShell {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
  labelHidden?: boolean;
}

function Shell(props: FieldShell & { id: string; children: ReactNode }) {
  const { label, hint, errors = [], className = "", labelHidden, id, children } = props;
  return (
    <div className={className}>
      <label
        htmlFor={id}
        className={labelHidden ? "sr-only" : "mb-1 block text-sm font-medium text-stone-800"}
      >
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-stone-600">
          {hint}
        </p>
      )}
      {errors.map((message) => (
        <p key={message} id={`${id}-error`} className="mt-1 text-xs font-medium text-rose-800">
          {message}
        </p>
      ))}
    </div>
  );
}

function describedBy(id: string, shell: FieldShell): string | undefined {
  const ids = [shell.hint ? `${id}-hint` : "", shell.errors?.length ? `${id}-error` : ""].filter(
    Boolean,
  );
  return ids.length ? ids.join(" ") : undefined;
}

export function TextField({
  label,
  hint,
  errors,
  className,
  labelHidden,
  ...input
}: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const shell = { label, hint, errors, className, labelHidden };
  return (
    <Shell {...shell} id={input.id ?? id}>
      <input
        id={input.id ?? id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(input.id ?? id, shell)}
        className={`${inputBase} ${inputBorder(Boolean(errors?.length))}`}
        {...input}
      />
    </Shell>
  );
}

export function NumberField(
  props: FieldShell &
    Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange"> & {
      value: number | undefined;
      onValue: (value: number | undefined) => void;
    },
) {
  const { value, onValue, ...rest } = props;
  return (
    <TextField
      {...rest}
      type="number"
      inputMode="decimal"
      value={value === undefined || Number.isNaN(value) ? "" : String(value)}
      onChange={(e) => onValue(e.target.value === "" ? undefined : Number(e.target.value))}
    />
  );
}

export function TextAreaField({
  label,
  hint,
  errors,
  className,
  labelHidden,
  ...area
}: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const shell = { label, hint, errors, className, labelHidden };
  return (
    <Shell {...shell} id={area.id ?? id}>
      <textarea
        id={area.id ?? id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(area.id ?? id, shell)}
        className={`${inputBase} ${inputBorder(Boolean(errors?.length))} min-h-24`}
        {...area}
      />
    </Shell>
  );
}

export function SelectField({
  label,
  hint,
  errors,
  className,
  labelHidden,
  options,
  ...select
}: FieldShell &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: { value: string; label: string; disabled?: boolean }[];
  }) {
  const id = useId();
  const shell = { label, hint, errors, className, labelHidden };
  return (
    <Shell {...shell} id={select.id ?? id}>
      <select
        id={select.id ?? id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(select.id ?? id, shell)}
        className={`${inputBase} ${inputBorder(Boolean(errors?.length))} pr-8`}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function Checkbox({
  label,
  className = "",
  ...input
}: { label: ReactNode; className?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={`flex items-center gap-2 ${className}`}>
      <input
        id={input.id ?? id}
        type="checkbox"
        className={`size-4 rounded border-stone-400 accent-teal-800 ${focusRing}`}
        {...input}
      />
      <label htmlFor={input.id ?? id} className="text-sm text-stone-800">
        {label}
      </label>
    </div>
  );
}

export function Card({
  children,
  className = "",
  as: Tag = "section",
  ...rest
}: {
  children: ReactNode;
  className?: string;
  as?: "section" | "div" | "article" | "li";
  "aria-labelledby"?: string;
  "data-testid"?: string;
}) {
  return (
    <Tag
      className={`rounded-lg border border-stone-200 bg-white p-5 shadow-xs ${className}`}
      {...rest}
    >
      {children}
    </Tag>
  );
}

/** The document title follows the page's heading ("Inbox — Cadre"). */
export function useDocumentTitle(title: unknown): void {
  useEffect(() => {
    if (typeof title === "string" && title) document.title = `${title} — Cadre`;
  }, [title]);
}

export function PageHeader(props: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  useDocumentTitle(props.title);
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900">{props.title}</h1>
        {props.description && (
          <p className="mt-1 max-w-2xl text-sm text-stone-600">{props.description}</p>
        )}
      </div>
      {props.actions && <div className="flex flex-wrap gap-2">{props.actions}</div>}
    </div>
  );
}

const toneStyles = {
  neutral: "bg-stone-100 text-stone-800 ring-stone-300",
  green: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  amber: "bg-amber-50 text-amber-900 ring-amber-300",
  blue: "bg-sky-50 text-sky-900 ring-sky-300",
  violet: "bg-violet-50 text-violet-900 ring-violet-300",
  red: "bg-rose-50 text-rose-900 ring-rose-300",
  teal: "bg-teal-50 text-teal-900 ring-teal-300",
} as const;
export type Tone = keyof typeof toneStyles;

export function Badge(props: {
  tone?: Tone;
  children: ReactNode;
  "data-testid"?: string;
  title?: string;
}) {
  const { tone = "neutral", children, ...rest } = props;
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${toneStyles[tone]}`}
      {...rest}
    >
      {children}
    </span>
  );
}

export function Alert(props: {
  tone?: "info" | "error" | "success" | "warning";
  title?: ReactNode;
  children?: ReactNode;
  "data-testid"?: string;
}) {
  const { tone = "info", title, children, ...rest } = props;
  const styles = {
    info: "border-sky-300 bg-sky-50 text-sky-950",
    error: "border-rose-300 bg-rose-50 text-rose-950",
    success: "border-emerald-300 bg-emerald-50 text-emerald-950",
    warning: "border-amber-300 bg-amber-50 text-amber-950",
  }[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-md border px-4 py-3 text-sm ${styles}`}
      {...rest}
    >
      {title && <p className="font-semibold">{title}</p>}
      {children && <div className={title ? "mt-1" : ""}>{children}</div>}
    </div>
  );
}

export function ErrorMessage({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : t("common.unexpectedError");
  const details: ErrorDetail[] = error instanceof ApiError ? error.details : [];
  return (
    <Alert tone="error" data-testid={testId ?? "error-message"}>
      <p>{message}</p>
      {details.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {details.map((d) => (
            <li key={`${d.path}-${d.message}`}>{d.message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="py-8 text-center text-sm text-stone-600">
      {label ?? t("common.loading")}
    </p>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg border border-dashed border-stone-300 bg-white px-4 py-8 text-center text-sm text-stone-600">
      {children}
    </p>
  );
}

/** Messages of the API's per-field details whose path starts with `prefix`, without the path
 * the server writes in front of each message (the field is right there). */
export function errorsAt(
  details: ErrorDetail[] | undefined,
  prefix: string,
  exact = false,
): string[] {
  if (!details) return [];
  return details
    .filter((d) =>
      exact
        ? d.path === prefix
        : d.path === prefix || d.path.startsWith(`${prefix}.`) || d.path.startsWith(`${prefix}[`),
    )
    .map((d) =>
      d.path && d.message.startsWith(d.path)
        ? d.message.slice(d.path.length).replace(/^[\s\u00a0\u202f]*:\s*/, "")
        : d.message,
    );
}
