// Prices of packages and the smaller packages offered instead of a discount.
import type { Offer, OfferItem, PersonalizationKey, QuotaKey } from "./types.ts";

export function itemsTotal(items: readonly OfferItem[]): number {
  let total = 0;
  for (const item of items) total += item.quantity * item.unitPrice;
  return total;
}

/** The package price: the stated price, or the sum of its items. */
export function offerPrice(offer: Offer): number {
  return offer.price ?? itemsTotal(offer.items);
}

/**
 * Price of the offer without some items. A stated package price keeps its ratio to the items'
 * sum (a bundle discount stays proportional), rounded half up to the minor unit.
 */
export function priceWithout(offer: Offer, removed: readonly string[]): number {
  const full = itemsTotal(offer.items);
  const kept = itemsTotal(offer.items.filter((i) => !removed.includes(i.id)));
  if (offer.price === undefined || full === 0) return kept;
  return Math.round((offer.price * kept) / full);
}

export interface Alternative {
  offerId: string;
  removedItems: string[];
  price: number;
}

const MAX_REMOVED = 3;
const MAX_ALTERNATIVES = 5;

/**
 * Smaller packages instead of a discount: the next-lower tier, and the same offer minus one to
 * three removable items, each cheaper than the offer. The lower tier is always among them; the
 * rest are the closest to the budget. Ordered by closeness to the budget (ties: the lower price,
 * then fewer items removed); without a budget, the closest to the full price first.
 */
export function discountAlternatives(
  offer: Offer,
  catalog: readonly Offer[],
  budget?: number,
): Alternative[] {
  const full = offerPrice(offer);
  const found: Alternative[] = [];
  const lower = offer.lowerTierId ? catalog.find((o) => o.id === offer.lowerTierId) : undefined;
  const tier =
    lower && offerPrice(lower) < full
      ? { offerId: lower.id, removedItems: [], price: offerPrice(lower) }
      : undefined;
  const removable = offer.items.filter((i) => i.removable !== false).map((i) => i.id);
  const keepsSomething = (removed: string[]) => removed.length < offer.items.length;
  const visit = (start: number, removed: string[]) => {
    if (removed.length > 0 && keepsSomething(removed)) {
      const price = priceWithout(offer, removed);
      if (price < full) found.push({ offerId: offer.id, removedItems: [...removed], price });
    }
    if (removed.length === MAX_REMOVED) return;
    for (let i = start; i < removable.length && i < 16; i++) {
      removed.push(removable[i]!);
      visit(i + 1, removed);
      removed.pop();
    }
  };
  visit(0, []);
  const target = budget ?? full;
  const closer = (a: Alternative, b: Alternative) => {
    const d = Math.abs(a.price - target) - Math.abs(b.price - target);
    if (d !== 0) return d;
    if (a.price !== b.price) return a.price - b.price;
    return a.removedItems.length - b.removedItems.length;
  };
  found.sort(closer);
  const chosen = found.slice(0, tier ? MAX_ALTERNATIVES - 1 : MAX_ALTERNATIVES);
  if (tier) chosen.push(tier);
  return chosen.sort(closer);
}

/** The add-on that sells one more unit of a quota, if the offer has one. */
export function extraFor(offer: Offer, quota: QuotaKey) {
  return offer.addOns?.find((a) => (a.grants?.[quota] ?? 0) > 0);
}

/**
 * The add-on that sells one more unit of a personalization limit: one that says so, or, for
 * revision rounds, the add-on that grants one more revision.
 */
export function extraPersonalizationFor(offer: Offer, key: PersonalizationKey) {
  const own = offer.addOns?.find((a) => (a.personalization?.[key] ?? 0) > 0);
  if (own || key !== "revisionRounds") return own;
  return extraFor(offer, "revisions");
}
