// An offer (package / tier) as terms of sale. Money is in integer minor units of the currency.

export type QuotaKey = "meetings" | "revisions" | "hours";

export interface OfferItem {
  id: string;
  name: string;
  quantity: number;
  /** Price of one unit, minor units. */
  unitPrice: number;
  /** An item the client may drop to fit a smaller budget (default true). */
  removable?: boolean | undefined;
}

export interface OfferAddOn {
  id: string;
  name: string;
  price: number;
  /** What buying it adds, e.g. { meetings: 1 } for an extra call. */
  grants?: Partial<Record<QuotaKey, number>> | undefined;
}

export interface Offer {
  id: string;
  name: string;
  currency: string;
  items: OfferItem[];
  /** The package price; when absent, the sum of the items. */
  price?: number | undefined;
  quotas?: Partial<Record<QuotaKey, number>> | undefined;
  addOns?: OfferAddOn[] | undefined;
  /** The next-lower tier, proposed first when a budget is smaller. */
  lowerTierId?: string | undefined;
  personalization?: { customVariants?: number; revisionRounds?: number } | undefined;
}
