// The names a template may use in braces, e.g. "{dueAt}".

export const PLACEHOLDERS = [
  "subject",
  "clientName",
  "professionalName",
  "dueAt",
  "nextOpenAt",
  "nextOpenTime",
  "channel",
  "redirectTo",
  "neededBy",
  "laterDate",
  "currency",
  "fee",
  "feePercent",
  "price",
  "quota",
  "included",
  "used",
  "item",
  "alternatives",
  "promotion",
  "rushMaxPerMonth",
] as const;

export type Placeholder = (typeof PLACEHOLDERS)[number];

const KNOWN: ReadonlySet<string> = new Set(PLACEHOLDERS);

export function isPlaceholder(name: string): name is Placeholder {
  return KNOWN.has(name);
}
