// Resolved credentials kept in memory briefly, so a Bearer intake costs one hash and one map
// lookup most of the time. Per application context; entries are dropped on logout and revoke.
// With several server instances, a revoke elsewhere takes effect here within the TTL.
import type { AppContext } from "../context.ts";
import type { ResolvedCredential } from "./principal.ts";

const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  value: ResolvedCredential;
  until: number;
}

const caches = new WeakMap<AppContext, Map<string, Entry>>();

function cacheOf(ctx: AppContext): Map<string, Entry> {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new Map();
    caches.set(ctx, cache);
  }
  return cache;
}

export function cachedCredential(ctx: AppContext, hash: string): ResolvedCredential | undefined {
  const cache = cacheOf(ctx);
  const entry = cache.get(hash);
  if (!entry) return undefined;
  if (ctx.now() < entry.until) return entry.value;
  cache.delete(hash);
  return undefined;
}

export function cacheCredential(ctx: AppContext, value: ResolvedCredential): void {
  const cache = cacheOf(ctx);
  if (cache.size >= MAX_ENTRIES) {
    // Maps iterate in insertion order: drop the oldest tenth.
    let drop = MAX_ENTRIES / 10;
    for (const key of cache.keys()) {
      cache.delete(key);
      if (--drop === 0) break;
    }
  }
  cache.set(value.hash, { value, until: Math.min(ctx.now() + TTL_MS, value.expiresAt) });
}

export function forgetCredential(ctx: AppContext, hash: string): void {
  cacheOf(ctx).delete(hash);
}
