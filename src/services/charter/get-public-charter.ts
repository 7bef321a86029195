// What anyone may read at /c/{slug}: the latest published charter, who it belongs to, and the
// offers as terms of sale (each with its own anchor).
import * as charters from "../../store/repositories/charters.ts";
import * as offers from "../../store/repositories/offers.ts";
import { workspaceBySlug } from "../../store/repositories/workspaces.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";

export async function getPublicCharter(ctx: AppContext, slug: string) {
  const workspace = await workspaceBySlug(ctx.db, slug);
  if (!workspace) throw notFound("charter");
  const published = await charters.getPublished(ctx.db, workspace.id);
  if (!published) throw notFound("charter");
  const catalog = await offers.list(ctx.db, workspace.id);
  return {
    workspace: { name: workspace.name, slug: workspace.slug, timezone: workspace.timezone },
    version: published.version,
    publishedAt: published.publishedAt,
    charter: published.charter,
    offers: catalog.map(({ archived: _a, createdAt: _c, updatedAt: _u, ...offer }) => ({
      ...offer,
      anchor: `offer-${offer.id}`,
    })),
  };
}
