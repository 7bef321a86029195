// The change order a proposal implies: the out-of-scope item, the quota add-on or the extra
// variants, each priced from the catalog, and how many business days the remaining deliveries
// would move — the items' own delivery impact, or, when none is stated, the open days the
// request's estimated hours take on the charter's calendar.
import type { BusinessCalendar } from "../business-time/calendar.ts";
import { localParts } from "../business-time/zone.ts";
import { lineAmount } from "../money/rounding.ts";
import type { OfferAddOn, QuotaKey } from "../offers/types.ts";
import { findEntry, offersOf } from "./catalog.ts";
import type {
  ChangeOrderLine,
  ChangeOrderProposal,
  ClientRequest,
  DecisionOption,
  EvaluationContext,
} from "./types.ts";

/** Open local days touched by `hours` of work starting at the next opening after `from`. */
export function openDaysFor(calendar: BusinessCalendar, from: number, hours: number): number {
  if (!(hours > 0)) return 0;
  const start = calendar.nextOpening(from);
  const end = calendar.addBusinessHours(start, hours);
  const days = new Set<number>();
  const zone = calendar.timezone;
  for (const [a, b] of calendar.openIntervals(start, end)) {
    // Both ends' local days: an interval may cross midnight.
    days.add(localParts(zone, a).day);
    days.add(localParts(zone, b - 1).day);
  }
  return days.size;
}

function addOnLine(addOn: OfferAddOn, quantity: number): ChangeOrderLine {
  return {
    id: addOn.id,
    name: addOn.name,
    quantity,
    unitPrice: addOn.price,
    amount: lineAmount(quantity, addOn.price),
    source: "add-on",
  };
}

export function proposeChangeOrder(
  options: readonly DecisionOption[],
  ctx: EvaluationContext,
  req: ClientRequest,
  received: number,
): ChangeOrderProposal | null {
  const engagement = ctx.engagement;
  if (!engagement) return null;
  const offers = offersOf(ctx);
  const items: ChangeOrderLine[] = [];
  const grants: Partial<Record<QuotaKey, number>> = {};
  let shift = 0;
  const grant = (addOn: OfferAddOn, units: number) => {
    for (const [key, n] of Object.entries(addOn.grants ?? {}) as [QuotaKey, number][]) {
      grants[key] = (grants[key] ?? 0) + n * units;
    }
    shift += (addOn.deliveryBusinessDays ?? 0) * units;
  };

  for (const option of options) {
    if (option.kind === "change-order") {
      const entry = findEntry(option.item, offers);
      if (!entry) continue;
      if ("item" in entry) {
        const { item } = entry;
        items.push({
          id: item.id,
          name: item.name,
          quantity: 1,
          unitPrice: item.unitPrice,
          amount: item.unitPrice,
          source: "item",
        });
        shift += item.deliveryBusinessDays ?? 0;
      } else {
        items.push(addOnLine(entry.addOn, 1));
        grant(entry.addOn, 1);
      }
    } else if (option.kind === "paid-extra" && option.addOnId) {
      const addOn = engagement.offer.addOns?.find((a) => a.id === option.addOnId);
      if (!addOn) continue;
      let units = 1;
      if (option.quota === "hours") {
        // Enough blocks to cover the hours beyond what is left.
        const included =
          (engagement.offer.quotas?.hours ?? 0) + (engagement.extraQuota?.hours ?? 0);
        const over = (engagement.usage?.hours ?? 0) + (req.estimatedHours ?? 0) - included;
        const per = addOn.grants?.hours ?? 1;
        units = Math.max(1, Math.ceil(over / per));
      }
      items.push(addOnLine(addOn, units));
      grant(addOn, units);
    } else if (option.kind === "extra-variants" && option.addOnId) {
      const addOn = engagement.offer.addOns?.find((a) => a.id === option.addOnId);
      if (!addOn) continue;
      const per = addOn.personalization?.customVariants ?? 1;
      const units = Math.ceil(option.count / per);
      items.push(addOnLine(addOn, units));
      grant(addOn, units);
    }
  }
  if (items.length === 0) return null;
  if (shift === 0 && req.estimatedHours !== undefined) {
    shift = openDaysFor(ctx.policy.calendar, received, req.estimatedHours);
  }
  return {
    items,
    price: items.reduce((sum, i) => sum + i.amount, 0),
    currency: engagement.offer.currency,
    deliveryShiftBusinessDays: shift,
    grants,
  };
}
