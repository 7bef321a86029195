// What a client sees and does in the portal: their charter, their engagement (included vs used),
// their own requests, and acknowledging the charter.
import * as charters from "../../store/repositories/charters.ts";
import * as clients from "../../store/repositories/clients.ts";
import * as engagements from "../../store/repositories/engagements.ts";
import { listRequests } from "../../store/repositories/requests.ts";
import type { AppContext } from "../context.ts";
import { AppError, notFound } from "../errors.ts";

export async function portalOverview(ctx: AppContext, workspaceId: string, clientId: string) {
  const client = await clients.get(ctx.db, workspaceId, clientId);
  if (!client) throw notFound("client");
  const [published, engagement] = await Promise.all([
    charters.getPublished(ctx.db, workspaceId),
    engagements.activeForClient(ctx.db, workspaceId, clientId),
  ]);
  const quotas = engagement
    ? (["meetings", "revisions", "hours"] as const)
        .filter((k) => engagement.offer.quotas?.[k] !== undefined)
        .map((k) => {
          const included = (engagement.offer.quotas?.[k] ?? 0) + (engagement.extraQuota[k] ?? 0);
          const used = engagement.usage[k] ?? 0;
          return { quota: k, included, used, left: Math.max(0, included - used) };
        })
    : [];
  return {
    client: {
      id: client.id,
      name: client.name,
      locale: client.locale,
      timezone: client.timezone,
      acknowledged: client.acknowledged,
    },
    charter: published
      ? {
          version: published.version,
          publishedAt: published.publishedAt,
          acknowledged: client.acknowledged?.version === published.version,
        }
      : null,
    engagement: engagement
      ? {
          id: engagement.id,
          title: engagement.title,
          offer: {
            id: engagement.offer.id,
            name: engagement.offer.name,
            items: engagement.offer.items.map((i) => ({
              id: i.id,
              name: i.name,
              quantity: i.quantity,
            })),
          },
          quotas,
          deliverables: engagement.deliverables.map((d) => ({
            id: d.id,
            name: d.name,
            dueAt: d.dueAt,
            deliveredAt: d.deliveredAt,
          })),
        }
      : null,
  };
}

export async function acknowledgeCharter(
  ctx: AppContext,
  workspaceId: string,
  clientId: string,
  version: number,
  from: string | null,
) {
  const published = await charters.getPublished(ctx.db, workspaceId);
  if (!published) throw new AppError("conflict", "no_published_charter");
  if (published.version !== version)
    throw new AppError("conflict", "not_latest_version", { latest: published.version });
  await clients.acknowledge(ctx.db, workspaceId, clientId, { version, at: ctx.now(), from });
  return { version, acknowledgedAt: new Date(ctx.now()).toISOString() };
}

export async function clientRequests(
  ctx: AppContext,
  workspaceId: string,
  clientId: string,
  page: { limit: number; offset: number },
) {
  const { items, total } = await listRequests(ctx.db, workspaceId, { clientId, ...page });
  // A client sees their request, the decision's outcome, due time and the reply sent to them.
  return {
    total,
    items: items.map((r) => ({
      id: r.id,
      channel: r.channel,
      receivedAt: r.receivedAt,
      subject: r.subject,
      kind: r.kind,
      status: r.status,
      outcome: r.outcome,
      dueAt: r.dueAt,
      nextOpenAt: r.decision.nextOpenAt,
      alternatives: r.decision.alternatives?.length ?? 0,
      chosenOption: r.chosenOption,
      reply: r.status === "answered" || r.decision.outcome !== "accept" ? r.reply : null,
    })),
  };
}
