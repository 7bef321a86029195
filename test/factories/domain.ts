// Factories for domain tests and benchmarks: the example charter and a realistic offer catalog.
import { readFileSync } from "node:fs";
import { type Charter, type CharterInput, charterSchema } from "../../src/domain/charter/schema.ts";
import type { Offer } from "../../src/domain/offers/types.ts";

const examplePath = new URL("../../examples/charter.json", import.meta.url);

export function exampleCharterInput(): CharterInput {
  return JSON.parse(readFileSync(examplePath, "utf8")) as CharterInput;
}

/** The PRODUCT.md example charter, parsed, with optional changes applied on top. */
export function exampleCharter(patch: Partial<CharterInput> = {}): Charter {
  return charterSchema.parse({ ...exampleCharterInput(), ...patch });
}

export const offers: Offer[] = [
  {
    id: "essentiel",
    name: "Essentiel",
    currency: "CAD",
    items: [
      { id: "logo", name: "Logo", quantity: 1, unitPrice: 60_000 },
      { id: "palette", name: "Palette de couleurs", quantity: 1, unitPrice: 20_000 },
    ],
    quotas: { meetings: 2, revisions: 1 },
    addOns: [
      { id: "extra-call", name: "Appel supplémentaire", price: 9_000, grants: { meetings: 1 } },
    ],
  },
  {
    id: "signature",
    name: "Signature",
    currency: "CAD",
    price: 240_000,
    items: [
      { id: "logo", name: "Logo", quantity: 1, unitPrice: 60_000 },
      { id: "palette", name: "Palette de couleurs", quantity: 1, unitPrice: 20_000 },
      { id: "cards", name: "Cartes professionnelles", quantity: 1, unitPrice: 30_000 },
      { id: "guide", name: "Guide de marque", quantity: 1, unitPrice: 90_000 },
      {
        id: "social",
        name: "Gabarits réseaux sociaux",
        quantity: 5,
        unitPrice: 10_000,
        removable: true,
      },
    ],
    quotas: { meetings: 4, revisions: 2, hours: 20 },
    addOns: [
      { id: "extra-call", name: "Appel supplémentaire", price: 9_000, grants: { meetings: 1 } },
      {
        id: "extra-revision",
        name: "Ronde de révision supplémentaire",
        price: 15_000,
        grants: { revisions: 1 },
      },
      { id: "website", name: "Page d’accueil", price: 180_000 },
    ],
    lowerTierId: "essentiel",
  },
];
