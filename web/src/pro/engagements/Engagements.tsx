// Engagements: every contract with its client, status, quota usage and next deliverable.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QuotaBars } from "../../components/QuotaBars.tsx";
import {
  Badge,
  Card,
  EmptyState,
  ErrorMessage,
  Loading,
  PageHeader,
} from "../../components/ui.tsx";
import { get } from "../../lib/api.ts";
import { useFormat } from "../../lib/format.tsx";
import type { Engagement } from "../../lib/types.ts";
import { quotaRows } from "../clients/ClientPage.tsx";
import { useClients } from "../useClients.ts";

export const STATUS_TONE = { active: "teal", completed: "green", cancelled: "neutral" } as const;

export default function Engagements() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const clients = useClients();
  const engagements = useQuery({
    queryKey: ["engagements"],
    queryFn: () => get<{ items: Engagement[] }>("/engagements"),
  });
  return (
    <div>
      <PageHeader
        title={t("engagements.title")}
        description={t("engagements.intro")}
        actions={
          <Link
            to="/app/engagements/new"
            data-testid="engagement-new"
            className="inline-flex items-center rounded-md bg-teal-800 px-4 py-2 text-sm font-medium text-white hover:bg-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
          >
            {t("engagements.new")}
          </Link>
        }
      />
      {engagements.isPending && <Loading />}
      {engagements.error && <ErrorMessage error={engagements.error} />}
      {engagements.data?.items.length === 0 && <EmptyState>{t("engagements.empty")}</EmptyState>}
      <ul className="grid gap-4 md:grid-cols-2" data-testid="engagements-list">
        {(engagements.data?.items ?? []).map((e) => {
          const next = e.deliverables
            .filter((d) => !d.deliveredAt)
            .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
          return (
            <Card key={e.id} as="li" data-testid="engagement-card">
              <div className="mb-3 flex items-start justify-between gap-2">
                <div>
                  <h2 className="font-semibold">
                    <Link
                      to={`/app/engagements/${e.id}`}
                      className="text-teal-800 underline-offset-2 hover:underline"
                    >
                      {e.title}
                    </Link>
                  </h2>
                  <p className="text-sm text-stone-600">
                    {clients.byId.get(e.clientId)?.name ?? "—"}
                  </p>
                </div>
                <Badge tone={STATUS_TONE[e.status]}>{t(`engagements.status.${e.status}`)}</Badge>
              </div>
              {next && (
                <p className="mb-3 text-sm text-stone-700">
                  {t("engagements.nextDeliverable", {
                    name: next.name,
                    at: fmt.dateTime(next.dueAt),
                  })}
                </p>
              )}
              <QuotaBars rows={quotaRows(e)} />
            </Card>
          );
        })}
      </ul>
    </div>
  );
}
