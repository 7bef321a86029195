// Checks of an offer that need the rest of the catalog: unique item and add-on ids, a lower tier
// that exists, is not the offer itself and does not lead back to it.
import type { Offer } from "../../domain/offers/types.ts";
import type { OfferRecord } from "../../store/repositories/offers.ts";
import { type ErrorDetail, invalid } from "../errors.ts";
import "../engagements/messages.ts";

function duplicateIds(list: readonly { id: string }[], path: string): ErrorDetail[] {
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  list.forEach((entry, index) => {
    if (seen.has(entry.id)) {
      details.push({
        path: `${path}[${index}].id`,
        code: "duplicate_id",
        params: { id: entry.id },
      });
    }
    seen.add(entry.id);
  });
  return details;
}

/** Throws 400 with every problem; `catalog` is the workspace's other offers. */
export function checkOffer(offer: Offer, catalog: readonly OfferRecord[]): void {
  const details = [
    ...duplicateIds(offer.items, "items"),
    ...duplicateIds(offer.addOns ?? [], "addOns"),
  ];
  const lower = offer.lowerTierId;
  if (lower !== undefined) {
    const byId = new Map(catalog.map((o) => [o.id, o]));
    if (lower === offer.id) {
      details.push({ path: "lowerTierId", code: "self_reference", params: {} });
    } else if (!byId.has(lower)) {
      const known = catalog.filter((o) => o.id !== offer.id).map((o) => o.id);
      details.push({
        path: "lowerTierId",
        code: "unknown_reference",
        params: { id: lower, known },
      });
    } else {
      // Walking down the tiers must never come back to this offer.
      const seen = new Set([offer.id]);
      for (let id: string | undefined = lower; id !== undefined; id = byId.get(id)?.lowerTierId) {
        if (seen.has(id)) {
          details.push({ path: "lowerTierId", code: "self_reference", params: {} });
          break;
        }
        seen.add(id);
      }
    }
  }
  if (details.length > 0) throw invalid("invalid_input", {}, details);
}
