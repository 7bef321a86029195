// The workspace's published charter, compiled once per version and kept briefly in memory: an
// intake must not re-parse and re-compile the charter each time.
import { parseCharter } from "../../domain/charter/validate.ts";
import { type CompiledPolicy, compilePolicy } from "../../domain/decide/policy.ts";
import { getPublished } from "../../store/repositories/charters.ts";
import type { AppContext } from "../context.ts";

const TTL_MS = 5_000;
const LIMIT = 1_000;
const cache = new Map<string, { policy: CompiledPolicy; checkedAt: number }>();

/** The compiled published charter, or null when the workspace has published none. */
export async function publishedPolicy(
  ctx: AppContext,
  workspaceId: string,
): Promise<CompiledPolicy | null> {
  const hit = cache.get(workspaceId);
  const now = Date.now();
  if (hit && now - hit.checkedAt < TTL_MS) return hit.policy;
  const published = await getPublished(ctx.db, workspaceId);
  if (!published) {
    cache.delete(workspaceId);
    return null;
  }
  if (hit && hit.policy.version === published.version) {
    hit.checkedAt = now;
    return hit.policy;
  }
  const parsed = parseCharter(published.charter);
  if (!parsed.ok) throw new Error(`Published charter v${published.version} no longer parses`);
  const policy = compilePolicy(parsed.charter, published.version);
  if (cache.size >= LIMIT) cache.clear();
  cache.set(workspaceId, { policy, checkedAt: now });
  return policy;
}

/** Called after a publish so the next decision uses the new version at once. */
export function invalidatePolicy(workspaceId: string): void {
  cache.delete(workspaceId);
}
