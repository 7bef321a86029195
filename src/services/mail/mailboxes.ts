// Which workspace an inbound address belongs to: `<slug>@INBOUND_DOMAIN` or
// `requests+<slug>@INBOUND_DOMAIN` (any domain when INBOUND_DOMAIN is not set). Slugs are looked
// up once and remembered briefly, so a burst of mail does not ask the database for each message.
import {
  type Workspace,
  workspaceById,
  workspaceBySlug,
} from "../../store/repositories/workspaces.ts";
import type { AppContext } from "../context.ts";

const FOUND_TTL_MS = 60_000;
const MISSING_TTL_MS = 5_000;
const cache = new Map<string, { id: string | null; at: number }>();

/** The workspace slug an address names, or null when it names none. */
export function slugOfAddress(address: string, inboundDomain: string | null): string | null {
  const at = address.lastIndexOf("@");
  if (at <= 0) return null;
  const domain = address.slice(at + 1).toLowerCase();
  if (inboundDomain && domain !== inboundDomain) return null;
  let local = address.slice(0, at).toLowerCase();
  const plus = local.indexOf("+");
  if (plus >= 0) {
    if (local.slice(0, plus) !== "requests") return null;
    local = local.slice(plus + 1);
  }
  return /^[a-z0-9][a-z0-9-]{0,62}$/.test(local) ? local : null;
}

/** The workspace's inbound address (for Reply-To), when an inbound domain is set. */
export function inboundAddressOf(slug: string, inboundDomain: string | null): string | null {
  return inboundDomain ? `${slug}@${inboundDomain}` : null;
}

export async function workspaceIdOfSlug(ctx: AppContext, slug: string): Promise<string | null> {
  const now = Date.now();
  const hit = cache.get(slug);
  if (hit && now - hit.at < (hit.id ? FOUND_TTL_MS : MISSING_TTL_MS)) return hit.id;
  const workspace = await workspaceBySlug(ctx.db, slug);
  if (cache.size > 10_000) cache.clear();
  cache.set(slug, { id: workspace?.id ?? null, at: now });
  return workspace?.id ?? null;
}

export async function workspaceIdOfAddress(
  ctx: AppContext,
  address: string,
): Promise<string | null> {
  const slug = slugOfAddress(address, ctx.config.mail.inboundDomain);
  return slug ? workspaceIdOfSlug(ctx, slug) : null;
}

const workspaces = new Map<string, { workspace: Workspace | null; at: number }>();

/** The workspace (name, slug, zone, locale) for mail headers and texts, remembered a minute. */
export async function workspaceForMail(
  ctx: AppContext,
  workspaceId: string,
): Promise<Workspace | null> {
  const now = Date.now();
  const hit = workspaces.get(workspaceId);
  if (hit && now - hit.at < FOUND_TTL_MS) return hit.workspace;
  const workspace = await workspaceById(ctx.db, workspaceId);
  if (workspaces.size > 10_000) workspaces.clear();
  workspaces.set(workspaceId, { workspace, at: now });
  return workspace;
}
