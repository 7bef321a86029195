// What an intake reads that rarely changes — the workspace's offers, the client and their active
// engagement — kept in memory briefly, per application context. The services that write offers,
// clients and engagements call invalidateCatalog() once their write is committed, so this
// process sees a change at once; the short TTL bounds how long another instance (several servers
// on one PostgreSQL database) can see the old value. Never caches "not found".
import type { AppContext } from "../context.ts";

const TTL_MS = 2_000;
const MAX_WORKSPACES = 1_000;
const MAX_KEYS = 1_000;

interface Entry {
  value: unknown;
  loadedAt: number;
}

interface Cache {
  workspaces: Map<string, Map<string, Entry>>;
  /** Bumped by every invalidation: a read that overlapped one is not kept. */
  generation: number;
}

const caches = new WeakMap<AppContext, Cache>();

function cacheOf(ctx: AppContext): Cache {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = { workspaces: new Map(), generation: 0 };
    caches.set(ctx, cache);
  }
  return cache;
}

/**
 * The value under `key` of the workspace, from memory when loaded less than TTL_MS ago, else from
 * `load()`. A null result is returned but not kept.
 */
export async function cachedRead<T>(
  ctx: AppContext,
  workspaceId: string,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  const cache = cacheOf(ctx);
  let entries = cache.workspaces.get(workspaceId);
  const hit = entries?.get(key);
  const now = Date.now();
  if (hit && now - hit.loadedAt < TTL_MS) return hit.value as T;
  const generation = cache.generation;
  const value = await load();
  // A write committed while we were reading may or may not be in `value`: do not keep it.
  if (value === null || cache.generation !== generation) {
    if (hit) entries?.delete(key);
    return value;
  }
  entries = cache.workspaces.get(workspaceId);
  if (!entries) {
    if (cache.workspaces.size >= MAX_WORKSPACES) cache.workspaces.clear();
    entries = new Map();
    cache.workspaces.set(workspaceId, entries);
  }
  if (entries.size >= MAX_KEYS) entries.clear();
  entries.set(key, { value, loadedAt: now });
  return value;
}

/** Forgets what is cached for the workspace; call it after committing a write to its offers,
 * clients or engagements. */
export function invalidateCatalog(ctx: AppContext, workspaceId: string): void {
  const cache = cacheOf(ctx);
  cache.generation++;
  cache.workspaces.delete(workspaceId);
}
