// An offer (package / tier) as terms of sale. Money is in integer minor units of the currency.

export type QuotaKey = "meetings" | "revisions" | "hours";

/** Personalization limits a package includes (the article's "limites de personnalisation"). */
export type PersonalizationKey = "customVariants" | "revisionRounds";

export interface Personalization {
  /** Custom variants of a deliverable a request may ask for (e.g. 2 logo directions). */
  customVariants?: number | undefined;
  /** Revision rounds included; when set, it is the limit `change` requests are held to. */
  revisionRounds?: number | undefined;
}

export interface OfferItem {
  id: string;
  name: string;
  quantity: number;
  /** Price of one unit, minor units. */
  unitPrice: number;
  /** An item the client may drop to fit a smaller budget (default true). */
  removable?: boolean | undefined;
  description?: string | undefined;
  /** Business days this item adds to delivery when it is added by a change order. */
  deliveryBusinessDays?: number | undefined;
}

export interface OfferAddOn {
  id: string;
  name: string;
  price: number;
  /** What buying it adds, e.g. { meetings: 1 } for an extra call. */
  grants?: Partial<Record<QuotaKey, number>> | undefined;
  /** Personalization it adds, e.g. { customVariants: 1 } for one more variant. */
  personalization?: Personalization | undefined;
  description?: string | undefined;
  /** Business days one unit of it adds to delivery. */
  deliveryBusinessDays?: number | undefined;
}

export interface Offer {
  id: string;
  name: string;
  description?: string | undefined;
  currency: string;
  items: OfferItem[];
  /** The package price; when absent, the sum of the items. */
  price?: number | undefined;
  quotas?: Partial<Record<QuotaKey, number>> | undefined;
  addOns?: OfferAddOn[] | undefined;
  /** The next-lower tier, proposed first when a budget is smaller. */
  lowerTierId?: string | undefined;
  personalization?: Personalization | undefined;
  /** What is not included, said plainly on the terms of sale. */
  excluded?: string[] | undefined;
}
