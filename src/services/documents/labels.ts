// The words of invoices and contracts, in French and English.
import type { Language } from "../../domain/replies/format.ts";

export const PDF_WORDS = {
  fr: {
    invoice: "Facture",
    draft: "Brouillon",
    paid: "Payée",
    void: "Annulée",
    overdue: "En retard",
    number: "Numéro",
    issuedOn: "Date",
    dueOn: "Échéance",
    billedTo: "Facturé à",
    from: "De",
    engagement: "Mandat",
    description: "Description",
    quantity: "Qté",
    unitPrice: "Prix unitaire",
    amount: "Montant",
    subtotal: "Sous-total",
    total: "Total",
    paidSoFar: "Déjà payé",
    lateFee: "Frais de retard",
    amountDue: "Montant dû",
    paymentTerms: "Conditions de paiement",
    payableWithin: (days: number, due: string) =>
      days === 0
        ? `Payable à réception, au plus tard le ${due}.`
        : `Payable dans les ${days} jours, au plus tard le ${due}.`,
    methods: "Modes de paiement acceptés",
    anyMethod: "tout mode de paiement",
    lateFeeRule: "Retard de paiement",
    lateFeeSoFar: (days: number) => `${days} jour${days > 1 ? "s" : ""} de retard`,
    registration: "No d’inscription",
    payments: "Paiements reçus",
    note: "Note",
    thanks: "Merci de votre confiance.",
    page: "Page",
    // Contract
    contract: "Contrat de service",
    between: "Entre",
    and: "et",
    professional: "Le professionnel",
    client: "Le client",
    period: "Période",
    startsOn: "Début",
    endsOn: "Fin",
    notSet: "à convenir",
    offer: "Forfait",
    included: "Ce qui est inclus",
    packagePrice: "Prix du forfait",
    quotas: "Quotas inclus",
    meetings: "Rencontres",
    revisions: "Rondes de révision",
    hours: "Heures de travail",
    personalization: "Limites de personnalisation",
    customVariants: "Variantes personnalisées par livrable",
    revisionRounds: "Rondes de révision",
    addOns: "En supplément, sur demande",
    price: "Prix",
    excluded: "Ce qui n’est pas inclus",
    changeOrders: "Avenants acceptés",
    deliveryShift: (n: number) =>
      n > 0 ? `+${n} jour${n > 1 ? "s" : ""} ouvrable${n > 1 ? "s" : ""}` : "—",
    deliveries: "Livraisons",
    deliverable: "Livrable",
    due: "Date prévue",
    delivered: "Livré",
    obligations: "Vos engagements et leurs conséquences",
    obligationLine: (what: string, due: string, n: number, items: string) =>
      `Pour livrer à temps, j’ai besoin de « ${what} » au plus tard le ${due}. Si je ne le reçois pas à cette date, ${items ? `la livraison de ${items}` : "la livraison"} est reportée de ${n} jour${n > 1 ? "s" : ""} ouvrable${n > 1 ? "s" : ""}.`,
    money: "Conditions financières",
    currency: "Devise",
    deposit: "Acompte",
    depositLine: (rate: string, amount: string) =>
      `${rate} du forfait, soit ${amount}, facturé au début du mandat.`,
    noDeposit: "Aucun acompte.",
    terms: "Délai de paiement",
    termsLine: (days: number) =>
      days === 0
        ? "À réception de la facture."
        : `${days} jours à compter de la date de la facture.`,
    discounts: "Prix",
    discountsLine: {
      never: "J’applique les mêmes prix à tous mes clients et je n’offre pas de rabais.",
      alternatives:
        "J’applique les mêmes prix à tous mes clients. Si votre budget est plus petit, je vous propose un forfait plus léger, ou le même forfait sans certains éléments — jamais un rabais.",
    },
    taxes: "Taxes",
    taxesLine: "Les taxes applicables s’ajoutent aux prix indiqués.",
    charter: "Charte",
    charterLine: (version: number, at: string | null) =>
      at
        ? `Ce mandat suit ma charte, version ${version}, que vous avez acceptée le ${at}.`
        : `Ce mandat suit ma charte, version ${version}.`,
    noCharter: "Ce mandat suit ma charte publiée.",
    changesLine:
      "Toute demande hors de ce qui est inclus fait l’objet d’un avenant chiffré, que vous acceptez ou refusez avant que le travail commence.",
    signatures: "Acceptation",
    signedBy: "Signature",
    date: "Date",
    timesIn: (zone: string) => `Heures indiquées dans le fuseau ${zone}.`,
    byChangeOrder: "par avenant",
    quotedList: (names: string[]) => {
      const q = names.map((n) => `« ${n} »`);
      return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} et ${q.at(-1)}`;
    },
  },
  en: {
    invoice: "Invoice",
    draft: "Draft",
    paid: "Paid",
    void: "Void",
    overdue: "Overdue",
    number: "Number",
    issuedOn: "Date",
    dueOn: "Due",
    billedTo: "Billed to",
    from: "From",
    engagement: "Engagement",
    description: "Description",
    quantity: "Qty",
    unitPrice: "Unit price",
    amount: "Amount",
    subtotal: "Subtotal",
    total: "Total",
    paidSoFar: "Paid",
    lateFee: "Late fee",
    amountDue: "Amount due",
    paymentTerms: "Payment terms",
    payableWithin: (days: number, due: string) =>
      days === 0
        ? `Due on receipt, by ${due} at the latest.`
        : `Due within ${days} days, by ${due} at the latest.`,
    methods: "Accepted payment methods",
    anyMethod: "any payment method",
    lateFeeRule: "Late payment",
    lateFeeSoFar: (days: number) => `${days} day${days > 1 ? "s" : ""} late`,
    registration: "Registration no.",
    payments: "Payments received",
    note: "Note",
    thanks: "Thank you for your trust.",
    page: "Page",
    contract: "Service agreement",
    between: "Between",
    and: "and",
    professional: "The professional",
    client: "The client",
    period: "Period",
    startsOn: "Start",
    endsOn: "End",
    notSet: "to be agreed",
    offer: "Package",
    included: "What is included",
    packagePrice: "Package price",
    quotas: "Included quotas",
    meetings: "Meetings",
    revisions: "Revision rounds",
    hours: "Hours of work",
    personalization: "Personalization limits",
    customVariants: "Custom variants per deliverable",
    revisionRounds: "Revision rounds",
    addOns: "Extras, on request",
    price: "Price",
    excluded: "What is not included",
    changeOrders: "Accepted change orders",
    deliveryShift: (n: number) => (n > 0 ? `+${n} business day${n > 1 ? "s" : ""}` : "—"),
    deliveries: "Deliveries",
    deliverable: "Deliverable",
    due: "Due",
    delivered: "Delivered",
    obligations: "Your commitments and their consequences",
    obligationLine: (what: string, due: string, n: number, items: string) =>
      `To deliver on time, I need “${what}” by ${due}. If I don’t receive it by then, ${items ? `delivery of ${items}` : "delivery"} moves by ${n} business day${n > 1 ? "s" : ""}.`,
    money: "Money terms",
    currency: "Currency",
    deposit: "Deposit",
    depositLine: (rate: string, amount: string) =>
      `${rate} of the package, that is ${amount}, billed when the engagement starts.`,
    noDeposit: "No deposit.",
    terms: "Payment terms",
    termsLine: (days: number) =>
      days === 0 ? "On receipt of the invoice." : `${days} days from the invoice date.`,
    discounts: "Prices",
    discountsLine: {
      never: "I keep the same prices for every client, and I don’t offer discounts.",
      alternatives:
        "I keep the same prices for every client. If your budget is smaller, I offer a lighter package, or the same package without some items — never a discount.",
    },
    taxes: "Taxes",
    taxesLine: "Applicable taxes are added to the prices shown.",
    charter: "Charter",
    charterLine: (version: number, at: string | null) =>
      at
        ? `This engagement follows my charter, version ${version}, which you accepted on ${at}.`
        : `This engagement follows my charter, version ${version}.`,
    noCharter: "This engagement follows my published charter.",
    changesLine:
      "Anything outside what is included is the subject of a priced change order, which you accept or decline before the work starts.",
    signatures: "Acceptance",
    signedBy: "Signature",
    date: "Date",
    timesIn: (zone: string) => `Times are shown in the ${zone} time zone.`,
    byChangeOrder: "by change order",
    quotedList: (names: string[]) => {
      const q = names.map((n) => `“${n}”`);
      return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} and ${q.at(-1)}`;
    },
  },
} satisfies Record<Language, unknown>;

export type PdfWords = (typeof PDF_WORDS)["fr"];
