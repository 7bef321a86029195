// Looking things up in the workspace's offers: the engagement's own offer first.
import type { Offer, OfferAddOn, OfferItem } from "../offers/types.ts";
import type { EvaluationContext } from "./types.ts";

export function offersOf(ctx: EvaluationContext): readonly Offer[] {
  const offers = ctx.offers ?? [];
  const own = ctx.engagement?.offer;
  return own && !offers.includes(own) ? [own, ...offers] : offers;
}

/** The catalog entry an id names: an item of some offer, or an add-on. */
export function findEntry(
  id: string,
  offers: readonly Offer[],
): { item: OfferItem } | { addOn: OfferAddOn } | null {
  for (const offer of offers) {
    const item = offer.items.find((i) => i.id === id);
    if (item) return { item };
    const addOn = offer.addOns?.find((a) => a.id === id);
    if (addOn) return { addOn };
  }
  return null;
}

/** The unit price of an item or add-on, or null when the catalog does not know it. */
export function findPrice(id: string, offers: readonly Offer[]): number | null {
  const entry = findEntry(id, offers);
  if (!entry) return null;
  return "item" in entry ? entry.item.unitPrice : entry.addOn.price;
}
