// Imported calendars (ICS links): add one, see when each was last read and its last error
// (never silent: the last good busy times are kept and said so), read one now, remove one.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../../components/Modal.tsx";
import {
  Badge,
  Button,
  Card,
  ErrorMessage,
  errorsAt,
  Loading,
  TextField,
  type Tone,
} from "../../components/ui.tsx";
import { ApiError, del, get, post } from "../../lib/api.ts";
import type { CalendarSource } from "../../lib/bookings.ts";
import { useFormat } from "../../lib/format.tsx";

export const SOURCES_KEY = ["calendar", "sources"] as const;

const STATE_TONE: Record<string, Tone> = {
  ok: "green",
  failing: "red",
  stale: "amber",
  pending: "blue",
};

function SourceRow({ source, onRemove }: { source: CalendarSource; onRemove: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const refresh = useMutation({
    mutationFn: () => post<CalendarSource>(`/calendar/sources/${source.id}/refresh`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["calendar"] }),
  });
  const state = source.warning?.state ?? "ok";
  return (
    <li className="py-3" data-testid="calendar-source" data-source-id={source.id}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-stone-900">
            {source.label}
            <Badge tone={STATE_TONE[state] ?? "neutral"} data-testid="calendar-source-state">
              {t(`calendarPage.sources.state.${state}`)}
            </Badge>
          </p>
          <p className="truncate font-mono text-xs text-stone-600">{source.url}</p>
          <p className="mt-1 text-xs text-stone-700" data-testid="calendar-source-fetched">
            {source.lastFetchedAt
              ? t("calendarPage.sources.lastFetched", { at: fmt.dateTime(source.lastFetchedAt) })
              : t("calendarPage.sources.neverFetched")}
            {" · "}
            {t("calendarPage.sources.events", { count: source.eventCount })}
          </p>
          {source.errorMessage && (
            <p
              className="mt-1 text-xs font-medium text-rose-800"
              data-testid="calendar-source-error"
            >
              {source.errorMessage}{" "}
              {source.lastSuccessAt &&
                `(${t("calendarPage.sources.lastSuccess", { at: fmt.dateTime(source.lastSuccessAt) })}) `}
              {source.eventCount > 0 && t("calendarPage.sources.keptNote")}
            </p>
          )}
        </div>
        <div className="flex gap-2">
          <Button
            size="sm"
            variant="secondary"
            onClick={() => refresh.mutate()}
            disabled={refresh.isPending}
            data-testid="calendar-source-refresh"
          >
            {refresh.isPending ? t("common.working") : t("calendarPage.sources.refresh")}
          </Button>
          <Button
            size="sm"
            variant="danger"
            onClick={onRemove}
            data-testid="calendar-source-remove"
          >
            {t("calendarPage.sources.remove")}
          </Button>
        </div>
      </div>
      {refresh.error && <ErrorMessage error={refresh.error} />}
    </li>
  );
}

export function Sources() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ label: "", url: "" });
  const [removing, setRemoving] = useState<CalendarSource | null>(null);
  const sources = useQuery({
    queryKey: SOURCES_KEY,
    queryFn: () => get<{ items: CalendarSource[] }>("/calendar/sources"),
    // A new source is read by a job within seconds: look again while one is pending.
    refetchInterval: (q) =>
      q.state.data?.items.some((s) => s.warning?.state === "pending") ? 3_000 : 60_000,
  });
  const add = useMutation({
    mutationFn: () => post<CalendarSource>("/calendar/sources", form),
    onSuccess: () => {
      setForm({ label: "", url: "" });
      return queryClient.invalidateQueries({ queryKey: ["calendar"] });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => del<null>(`/calendar/sources/${id}`),
    onSuccess: () => {
      setRemoving(null);
      return queryClient.invalidateQueries({ queryKey: ["calendar"] });
    },
  });
  const details = add.error instanceof ApiError ? add.error.details : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const items = sources.data?.items ?? [];

  return (
    <Card aria-labelledby="sources-title" data-testid="calendar-sources">
      <h2 id="sources-title" className="text-base font-semibold text-stone-900">
        {t("calendarPage.sources.title")}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t("calendarPage.sources.help")}</p>
      {sources.isPending && <Loading />}
      {sources.error && <ErrorMessage error={sources.error} />}
      {sources.data && items.length === 0 && (
        <p className="mt-3 text-sm text-stone-600">{t("calendarPage.sources.none")}</p>
      )}
      {items.length > 0 && (
        <ul className="mt-2 divide-y divide-stone-100">
          {items.map((s) => (
            <SourceRow key={s.id} source={s} onRemove={() => setRemoving(s)} />
          ))}
        </ul>
      )}
      <form
        onSubmit={submit}
        className="mt-4 space-y-3 border-t border-stone-200 pt-4"
        data-testid="calendar-source-form"
      >
        <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
          <TextField
            label={t("calendarPage.sources.label")}
            placeholder={t("calendarPage.sources.labelPlaceholder")}
            required
            maxLength={120}
            value={form.label}
            onChange={(e) => setForm((f) => ({ ...f, label: e.target.value }))}
            data-testid="calendar-source-label"
            errors={errorsAt(details, "label")}
          />
          <TextField
            label={t("calendarPage.sources.url")}
            hint={t("calendarPage.sources.urlHint")}
            required
            type="text"
            inputMode="url"
            autoComplete="off"
            placeholder="https://…/basic.ics"
            value={form.url}
            onChange={(e) => setForm((f) => ({ ...f, url: e.target.value }))}
            data-testid="calendar-source-url"
            errors={errorsAt(details, "url")}
          />
        </div>
        {add.error && details.length === 0 && <ErrorMessage error={add.error} />}
        <Button
          type="submit"
          disabled={add.isPending || !form.label.trim() || !form.url.trim()}
          data-testid="calendar-source-add"
        >
          {add.isPending ? t("common.working") : t("calendarPage.sources.add")}
        </Button>
      </form>
      {removing && (
        <Modal
          open
          onOpenChange={(open) => !open && setRemoving(null)}
          title={t("calendarPage.sources.remove")}
          testId="calendar-source-remove-dialog"
        >
          <p className="text-sm text-stone-700">
            {t("calendarPage.sources.removeConfirm", { label: removing.label })}
          </p>
          {remove.error && <ErrorMessage error={remove.error} />}
          <div className="mt-4 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setRemoving(null)}>
              {t("common.cancel")}
            </Button>
            <Button
              variant="danger"
              onClick={() => remove.mutate(removing.id)}
              disabled={remove.isPending}
              data-testid="calendar-source-remove-confirm"
            >
              {t("calendarPage.sources.remove")}
            </Button>
          </div>
        </Modal>
      )}
    </Card>
  );
}
