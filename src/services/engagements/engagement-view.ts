// An engagement as the API shows it: with what the offer includes, what was added, what is used
// and what is left, per quota.
import type { QuotaKey } from "../../domain/offers/types.ts";
import type { Engagement } from "../../store/repositories/engagements.ts";

export interface QuotaLine {
  included: number;
  extra: number;
  used: number;
  /** Never negative; `used` may exceed what was included. */
  left: number;
}

export type EngagementView = Engagement & { quota: Partial<Record<QuotaKey, QuotaLine>> };

export function engagementView(e: Engagement): EngagementView {
  const keys = new Set([
    ...Object.keys(e.offer.quotas ?? {}),
    ...Object.keys(e.extraQuota),
    ...Object.keys(e.usage),
  ]) as Set<QuotaKey>;
  const quota: Partial<Record<QuotaKey, QuotaLine>> = {};
  for (const key of keys) {
    const included = e.offer.quotas?.[key] ?? 0;
    const extra = e.extraQuota[key] ?? 0;
    const used = e.usage[key] ?? 0;
    quota[key] = { included, extra, used, left: Math.max(0, included + extra - used) };
  }
  return { ...e, quota };
}
