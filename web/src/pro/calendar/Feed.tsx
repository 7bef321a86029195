// The member's private ICS feed of bookings: create (or rotate) it — the address is shown once,
// to copy — and revoke it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../../components/Modal.tsx";
import { Alert, Button, Card, ErrorMessage, focusRing } from "../../components/ui.tsx";
import { del, get, post } from "../../lib/api.ts";
import { useFormat } from "../../lib/format.tsx";

const FEED_KEY = ["calendar", "feed"] as const;

interface Created {
  url: string;
  webcalUrl: string;
  createdAt: string;
}

export function Feed() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<Created | null>(null);
  const [confirm, setConfirm] = useState<"rotate" | "revoke" | null>(null);
  const [copied, setCopied] = useState(false);
  const [revoked, setRevoked] = useState(false);
  const status = useQuery({
    queryKey: FEED_KEY,
    queryFn: () => get<{ active: boolean; createdAt: string | null }>("/calendar/feed"),
  });
  const create = useMutation({
    mutationFn: () => post<Created>("/calendar/feed"),
    onSuccess: (data) => {
      setCreated(data);
      setCopied(false);
      setRevoked(false);
      setConfirm(null);
      return queryClient.invalidateQueries({ queryKey: FEED_KEY });
    },
  });
  const revoke = useMutation({
    mutationFn: () => del<null>("/calendar/feed"),
    onSuccess: () => {
      setCreated(null);
      setRevoked(true);
      setConfirm(null);
      return queryClient.invalidateQueries({ queryKey: FEED_KEY });
    },
  });
  // Just created or rotated: known at once, before the status is read again.
  const active = !revoked && (created !== null || (status.data?.active ?? false));
  const since = created?.createdAt ?? (active ? status.data?.createdAt : null);

  return (
    <Card aria-labelledby="feed-title" data-testid="calendar-feed">
      <h2 id="feed-title" className="text-base font-semibold text-stone-900">
        {t("calendarPage.feed.title")}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t("calendarPage.feed.help")}</p>
      {status.error && <ErrorMessage error={status.error} />}
      <p className="mt-3 text-sm text-stone-800" data-testid="calendar-feed-status">
        {since
          ? t("calendarPage.feed.active", { at: fmt.dateTime(since) })
          : revoked
            ? t("calendarPage.feed.revoked")
            : t("calendarPage.feed.inactive")}
      </p>

      {created && (
        <div className="mt-3 space-y-2 rounded-lg border border-teal-200 bg-teal-50/60 p-3">
          <label htmlFor="feed-url" className="block text-sm font-medium text-stone-800">
            {t("calendarPage.feed.url")}
          </label>
          <div className="flex gap-2">
            <input
              id="feed-url"
              readOnly
              value={created.url}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="calendar-feed-url"
              className={`block w-full min-w-0 rounded-md border border-stone-300 bg-white px-3 py-2 font-mono text-xs text-stone-900 ${focusRing}`}
            />
            <Button
              size="sm"
              variant="secondary"
              data-testid="calendar-feed-copy"
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(created.url);
                  setCopied(true);
                } catch {
                  setCopied(false);
                }
              }}
            >
              {copied ? t("calendarPage.feed.copied") : t("calendarPage.feed.copy")}
            </Button>
          </div>
          <p className="text-xs text-stone-700">{t("calendarPage.feed.shownOnce")}</p>
          <a
            href={created.webcalUrl}
            className={`inline-block text-sm font-medium text-teal-800 underline ${focusRing}`}
          >
            {t("calendarPage.feed.subscribe")}
          </a>
        </div>
      )}

      <div className="mt-4 flex flex-wrap gap-2">
        {active ? (
          <>
            <Button
              variant="secondary"
              onClick={() => setConfirm("rotate")}
              data-testid="calendar-feed-rotate"
            >
              {t("calendarPage.feed.rotate")}
            </Button>
            <Button
              variant="danger"
              onClick={() => setConfirm("revoke")}
              data-testid="calendar-feed-revoke"
            >
              {t("calendarPage.feed.revoke")}
            </Button>
          </>
        ) : (
          <Button
            onClick={() => create.mutate()}
            disabled={create.isPending || status.isPending}
            data-testid="calendar-feed-create"
          >
            {create.isPending ? t("common.working") : t("calendarPage.feed.create")}
          </Button>
        )}
      </div>
      {create.error && !confirm && <ErrorMessage error={create.error} />}

      {confirm && (
        <Modal
          open
          onOpenChange={(open) => !open && setConfirm(null)}
          title={
            confirm === "rotate" ? t("calendarPage.feed.rotate") : t("calendarPage.feed.revoke")
          }
          testId="calendar-feed-dialog"
        >
          <Alert tone="warning">
            {confirm === "rotate"
              ? t("calendarPage.feed.rotateConfirm")
              : t("calendarPage.feed.revokeConfirm")}
          </Alert>
          {(create.error || revoke.error) && <ErrorMessage error={create.error ?? revoke.error} />}
          <div className="mt-4 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirm(null)}>
              {t("common.cancel")}
            </Button>
            <Button
              variant={confirm === "revoke" ? "danger" : "primary"}
              disabled={create.isPending || revoke.isPending}
              onClick={() => (confirm === "rotate" ? create.mutate() : revoke.mutate())}
              data-testid="calendar-feed-confirm"
            >
              {confirm === "rotate" ? t("calendarPage.feed.rotate") : t("calendarPage.feed.revoke")}
            </Button>
          </div>
        </Modal>
      )}
    </Card>
  );
}
