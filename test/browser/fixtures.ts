// The example public page: the example charter (examples/charter.json) and three offers, as a
// professional would publish them. Shared by the inject tests and the browser tests.

export const pageOffers = [
  {
    id: "essentiel",
    name: "Essentiel",
    description: "Une identité simple et solide pour démarrer.",
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
    description: "L’identité complète, prête pour l’impression et les réseaux sociaux.",
    currency: "CAD",
    price: 240_000,
    items: [
      { id: "logo", name: "Logo", quantity: 1, unitPrice: 60_000 },
      { id: "palette", name: "Palette de couleurs", quantity: 1, unitPrice: 20_000 },
      { id: "cards", name: "Cartes professionnelles", quantity: 1, unitPrice: 30_000 },
      { id: "guide", name: "Guide de marque", quantity: 1, unitPrice: 90_000 },
      { id: "social", name: "Gabarits réseaux sociaux", quantity: 5, unitPrice: 10_000 },
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
  {
    id: "accompagnement",
    name: "Accompagnement mensuel",
    description: "Un bloc d’heures chaque mois pour faire vivre votre marque.",
    currency: "CAD",
    price: 120_000,
    items: [
      { id: "hours", name: "Heures de design", quantity: 10, unitPrice: 12_000 },
      { id: "report", name: "Bilan mensuel", quantity: 1, unitPrice: 0 },
    ],
    quotas: { meetings: 2 },
    addOns: [
      { id: "extra-hour", name: "Heure supplémentaire", price: 13_000, grants: { hours: 1 } },
    ],
    lowerTierId: "essentiel",
  },
];

/** The size budget of the example page (HTML with its inline CSS), in bytes. */
export const PAGE_BUDGET_BYTES = 30 * 1024;
