// Step 6: what changes compared with the last published version (in words), then publish.
// A refusal (422) lists every problem, each linked to the step where it is fixed.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useWords } from "../../../components/CharterView.tsx";
import { Alert, Button, Card, ErrorMessage, Loading } from "../../../components/ui.tsx";
import { ApiError, type ErrorDetail, get, post } from "../../../lib/api.ts";
import { diffCharters } from "../../../lib/charter-diff.ts";
import { useFormat } from "../../../lib/format.tsx";
import type { Charter, CharterVersion, VersionSummary, Workspace } from "../../../lib/types.ts";
import { stepOfPath } from "../draft.ts";

interface Published {
  version: number;
  publishedAt: string;
}

export function PublishStep(props: {
  draft: Charter;
  workspace: Workspace;
  flush: () => Promise<boolean>;
  problems: ErrorDetail[];
  setProblems: (details: ErrorDetail[]) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const w = useWords();
  const queryClient = useQueryClient();
  const versions = useQuery({
    queryKey: ["charter", "versions"],
    queryFn: () => get<{ items: VersionSummary[] }>("/charter/versions"),
  });
  const latest = versions.data?.items[0];
  const previous = useQuery({
    queryKey: ["charter", "version", latest?.version],
    enabled: latest !== undefined,
    queryFn: () => get<CharterVersion>(`/charter/versions/${latest?.version}`),
  });
  const publish = useMutation({
    mutationFn: async () => {
      await props.flush();
      return post<Published>("/charter/publish");
    },
    onSuccess: async () => {
      props.setProblems([]);
      await queryClient.invalidateQueries({ queryKey: ["charter"] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.details.length) props.setProblems(error.details);
    },
  });

  if (versions.isPending || (latest && previous.isPending)) return <Loading />;
  const before = previous.data?.charter ?? null;
  const lines = diffCharters(w, before, props.draft);
  const publicUrl = `/c/${props.workspace.slug}`;

  return (
    <div className="space-y-6">
      <Card data-testid="publish-diff">
        <h3 className="text-base font-semibold text-stone-900">
          {before
            ? t("publish.changesSince", {
                version: latest?.version,
                date: fmt.dateTime(latest?.publishedAt ?? ""),
              })
            : t("publish.firstVersion")}
        </h3>
        {before && lines.length === 0 && (
          <p className="mt-2 text-sm text-stone-600" data-testid="publish-no-changes">
            {t("publish.noChanges")}
          </p>
        )}
        {before ? (
          <ul className="mt-3 space-y-1.5">
            {lines.map((line) => (
              <li
                key={`${line.kind}-${line.text}`}
                className="flex gap-2 text-sm"
                data-kind={line.kind}
              >
                <span
                  aria-hidden="true"
                  className={`mt-0.5 inline-flex size-4 shrink-0 items-center justify-center rounded text-xs font-bold ${line.kind === "added" ? "bg-emerald-100 text-emerald-900" : line.kind === "removed" ? "bg-rose-100 text-rose-900" : "bg-amber-100 text-amber-900"}`}
                >
                  {line.kind === "added" ? "+" : line.kind === "removed" ? "−" : "~"}
                </span>
                <span>
                  <span className="sr-only">{t(`publish.kind.${line.kind}`)} </span>
                  <span className="text-stone-600">{t(`publish.section.${line.section}`)} · </span>
                  {line.text}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-stone-700">{t("publish.firstVersionHelp")}</p>
        )}
      </Card>

      {props.problems.length > 0 && (
        <Alert
          tone="error"
          title={t("publish.problems", { count: props.problems.length })}
          data-testid="publish-problems"
        >
          <ul className="mt-2 space-y-1">
            {props.problems.map((p) => (
              <li key={`${p.path}-${p.message}`}>
                {p.message}{" "}
                <Link className="font-medium underline" to={`/app/charter/${stepOfPath(p.path)}`}>
                  {t("publish.fixIn", { step: t(`editor.step.${stepOfPath(p.path)}`) })}
                </Link>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {publish.error && !(publish.error instanceof ApiError && publish.error.details.length) && (
        <ErrorMessage error={publish.error} />
      )}
      {publish.data && (
        <Alert
          tone="success"
          title={t("publish.done", { version: publish.data.version })}
          data-testid="publish-success"
        >
          <p>
            {t("publish.share")}{" "}
            <a
              href={publicUrl}
              target="_blank"
              rel="noreferrer"
              className="font-medium underline"
              data-testid="public-page-link"
            >
              {window.location.origin}
              {publicUrl}
            </a>
          </p>
          <p className="mt-2">
            <Link to="/app/inbox" className="font-medium underline">
              {t("publish.toInbox")}
            </Link>
          </p>
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          onClick={() => publish.mutate()}
          disabled={publish.isPending}
          data-testid="publish-button"
        >
          {publish.isPending
            ? t("common.working")
            : before
              ? t("publish.publishNext", { version: (latest?.version ?? 0) + 1 })
              : t("publish.publishFirst")}
        </Button>
        {latest && (
          <a
            href={publicUrl}
            target="_blank"
            rel="noreferrer"
            className="text-sm text-teal-800 underline"
          >
            {t("publish.viewPublic")}
          </a>
        )}
      </div>
    </div>
  );
}
