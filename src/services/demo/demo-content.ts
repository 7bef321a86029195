// What the demo workspace is made of: Studio Boréal (Julie Tremblay, graphic design, Québec),
// three offers, five clients with their habits, the words they write. Loading it is
// load-demo.ts's job; everything here is plain data.
import type { RequestKind } from "../../domain/decide/types.ts";
import type { Offer } from "../../domain/offers/types.ts";

export const DEMO_SLUG = "studio-boreal";
export const DEMO_EMAIL = "julie@studio-boreal.example";
/** Printed at start: the demo is for trying Cadre, never for a public server. */
export const DEMO_PASSWORD = "aurore-boreale-demo";
export const DEMO_ZONE = "America/Toronto";

export const DEMO_ACCOUNT = {
  email: DEMO_EMAIL,
  password: DEMO_PASSWORD,
  name: "Julie Tremblay",
  workspace: {
    name: "Studio Boréal",
    slug: DEMO_SLUG,
    timezone: DEMO_ZONE,
    locale: "fr-CA",
    country: "CA",
    region: "QC",
    currency: "CAD",
  },
};

// ---------------------------------------------------------------------------------------------
// Offers: three tiers, each pointing to the next-lower one. Prices in cents (CAD).

const logo = {
  id: "logo",
  name: "Logo (3 pistes, 1 retenue)",
  quantity: 1,
  unitPrice: 90_000,
  removable: false,
};
const palette = {
  id: "palette",
  name: "Palette de couleurs et typographies",
  quantity: 1,
  unitPrice: 25_000,
};
const cartes = {
  id: "cartes",
  name: "Cartes professionnelles (recto verso)",
  quantity: 1,
  unitPrice: 30_000,
};
const guide = { id: "guide", name: "Guide de marque (20 pages)", quantity: 1, unitPrice: 120_000 };
const papeterie = {
  id: "papeterie",
  name: "Papeterie (en-tête, enveloppe, signature courriel)",
  quantity: 1,
  unitPrice: 35_000,
};
const gabarits = (quantity: number) => ({
  id: "gabarits-sociaux",
  name: "Gabarits réseaux sociaux",
  quantity,
  unitPrice: 10_000,
});
const appel = {
  id: "appel-supplementaire",
  name: "Appel supplémentaire (30 min)",
  price: 9_500,
  grants: { meetings: 1 },
};
const revision = {
  id: "revision-supplementaire",
  name: "Ronde de révision supplémentaire",
  price: 15_000,
  grants: { revisions: 1 },
};
const affiche = { id: "affiche", name: "Affiche ou bannière", price: 45_000 };

export const DEMO_OFFERS: Offer[] = [
  {
    id: "essentiel",
    name: "Essentiel",
    currency: "CAD",
    price: 135_000,
    items: [logo, palette, cartes],
    quotas: { meetings: 2, revisions: 2 },
    addOns: [appel, revision, affiche],
    personalization: { customVariants: 3, revisionRounds: 2 },
  },
  {
    id: "signature",
    name: "Signature",
    currency: "CAD",
    price: 320_000,
    items: [logo, palette, cartes, guide, gabarits(6), papeterie],
    quotas: { meetings: 4, revisions: 3, hours: 25 },
    addOns: [
      appel,
      revision,
      affiche,
      { id: "page-accueil", name: "Page d’accueil web", price: 180_000 },
    ],
    lowerTierId: "essentiel",
    personalization: { customVariants: 5, revisionRounds: 3 },
  },
  {
    id: "rayonnement",
    name: "Rayonnement",
    currency: "CAD",
    price: 960_000,
    items: [
      logo,
      palette,
      cartes,
      guide,
      gabarits(12),
      papeterie,
      { id: "emballage", name: "Design d’emballage (2 formats)", quantity: 1, unitPrice: 160_000 },
      { id: "site-vitrine", name: "Site vitrine (5 pages)", quantity: 1, unitPrice: 480_000 },
    ],
    quotas: { meetings: 8, revisions: 4, hours: 70 },
    addOns: [
      appel,
      revision,
      affiche,
      { id: "traduction", name: "Traduction anglaise du site", price: 60_000 },
      { id: "photos", name: "Séance photo produits (demi-journée)", price: 85_000 },
    ],
    lowerTierId: "signature",
    personalization: { customVariants: 8, revisionRounds: 4 },
  },
];

// ---------------------------------------------------------------------------------------------
// Clients and what each one writes

export type Habit = "night-writer" | "haggler" | "rush" | "late-materials" | "model";

/** Something a client writes. `neededBy` is in business days after arrival, at a wall time. */
export interface Message {
  subject: string;
  body: string;
  kind?: RequestKind;
  offerItem?: string;
  offerId?: string;
  budget?: number;
  neededBy?: { businessDays: number; at: string };
}

export interface DemoClient {
  key: Habit;
  name: string;
  company: string;
  emails: string[];
  locale: "fr-CA" | "en-CA";
  timezone: string | null;
  notes: string;
  /** Requests a day on weekdays and on weekends, and when they tend to write (Toronto time). */
  rate: { weekday: number; weekend: number };
  /** From where the client acknowledged the charter (documentation addresses). */
  from: string;
  messages: {
    question: Message[];
    task: Message[];
    change: Message[];
    meeting: Message[];
    urgent: Message[];
    discount: Message[];
    scope: Message[];
    sms: Message[];
    phone: Message[];
  };
}

const fr = "fr-CA" as const;
const en = "en-CA" as const;

export const DEMO_CLIENTS: DemoClient[] = [
  {
    key: "night-writer",
    name: "Marc-André Gagnon",
    company: "Boulangerie Gagnon & fils",
    emails: ["marc-andre@boulangerie-gagnon.example"],
    locale: fr,
    timezone: null,
    notes:
      "Écrit surtout le soir après la fermeture, parfois par texto. Très sympathique, pense à voix haute.",
    rate: { weekday: 0.26, weekend: 0.2 },
    from: "198.51.100.23",
    messages: {
      question: [
        {
          subject: "Le logo pour les sacs",
          body: "Bonsoir Julie ! Mon imprimeur demande le logo en vectoriel pour les sacs de papier. C’est lequel des fichiers que tu m’as envoyés ?",
        },
        {
          subject: "Les heures sur la vitrine",
          body: "Je me demandais en fermant : est-ce qu’on met les heures d’ouverture sur le lettrage de la vitrine ou seulement le logo ?",
        },
        {
          subject: "Police du menu",
          body: "Petite question de fin de soirée : la police du menu, je peux l’installer sur l’ordi de la caisse ?",
        },
        {
          subject: "Les boîtes à gâteaux",
          body: "Mon fournisseur de boîtes veut savoir si le logo va au centre ou dans le coin. T’en penses quoi ?",
        },
        {
          subject: "Facebook",
          body: "Est-ce que je dois changer la photo de profil Facebook tout de suite ou attendre les gabarits ?",
        },
      ],
      task: [
        {
          subject: "Idée pour l’affiche des fêtes",
          body: "Salut Julie, je pensais à ça en faisant la fermeture : pourrait-on préparer une version de l’affiche pour les fêtes ? J’aimerais la voir avant la fin de semaine.",
          neededBy: { businessDays: 3, at: "12:00" },
        },
        {
          subject: "Publication pour la bûche de Noël",
          body: "Il me faudrait une publication pour annoncer les précommandes de bûches. Même style que les gabarits !",
        },
      ],
      change: [
        {
          subject: "Le doré du croissant",
          body: "Finalement je trouve le doré un peu terne sur l’écran du téléphone. On peut essayer plus chaud ?",
          kind: "change",
        },
        {
          subject: "Nom sur l’en-tête",
          body: "Mon fils veut que son nom apparaisse sur le papier à en-tête aussi. On peut l’ajouter ?",
          kind: "change",
        },
        {
          subject: "Le blé dans le logo",
          body: "J’ai montré le logo à ma mère, elle trouve l’épi de blé trop petit. On pourrait le grossir un peu ?",
          kind: "change",
        },
      ],
      meeting: [
        {
          subject: "Un appel cette semaine ?",
          body: "On pourrait se parler 30 minutes pour les gabarits ? Je suis libre le matin avant 7 h ou après 19 h, haha.",
          kind: "meeting",
        },
      ],
      urgent: [
        {
          subject: "Pour demain matin",
          body: "Le vitrier passe demain à 7 h, il me faudrait le fichier de la vitrine ce soir si possible…",
          kind: "urgent",
        },
      ],
      discount: [],
      scope: [
        {
          subject: "Une affiche pour le marché de Noël",
          body: "On a une table au marché de Noël du quartier, il me faudrait une grande affiche. Tu peux m’en faire une ?",
          offerItem: "affiche",
        },
      ],
      sms: [
        {
          subject: "Texto",
          body: "Tu dors ? 😅 Petite question rapide : le fichier pour la vitrine c’est lequel ?",
        },
        { subject: "Texto", body: "Oublie pas mes gabarits !! Merci 🥐" },
        {
          subject: "Texto",
          body: "As-tu reçu mes photos ? Je les ai envoyées sur ton autre courriel je pense",
        },
      ],
      phone: [
        {
          subject: "Message vocal – gabarits",
          body: "Message vocal laissé en soirée : veut savoir si les gabarits seront prêts la semaine prochaine.",
        },
        {
          subject: "Message vocal – vitrine",
          body: "Message vocal : le vitrier a besoin des mesures exactes, rappeler Marc-André.",
        },
      ],
    },
  },
  {
    key: "haggler",
    name: "Sophie Lavoie",
    company: "Café Lavoie",
    emails: ["sophie@cafe-lavoie.example"],
    locale: fr,
    timezone: null,
    notes: "Négocie chaque prix. Toujours courtoise ; proposer les options plutôt qu’un rabais.",
    rate: { weekday: 0.12, weekend: 0.02 },
    from: "203.0.113.41",
    messages: {
      question: [
        {
          subject: "Formats des fichiers du logo",
          body: "Bonjour Julie, quels formats vais-je recevoir pour le logo ? Mon imprimeur demande un PDF vectoriel.",
        },
        {
          subject: "Paiement par Interac",
          body: "Est-ce que je peux payer le solde par virement Interac ?",
        },
      ],
      task: [
        {
          subject: "Fichiers pour les tasses",
          body: "Pourriez-vous préparer le logo en une couleur pour l’impression sur nos tasses ?",
        },
      ],
      change: [
        {
          subject: "Petite retouche sur la palette",
          body: "Le vert me semble un peu foncé sur les tasses, on peut l’éclaircir légèrement ?",
          kind: "change",
        },
      ],
      meeting: [
        {
          subject: "Rencontre pour les cartes",
          body: "Pourrait-on se voir 30 minutes pour choisir le papier des cartes ?",
          kind: "meeting",
        },
      ],
      urgent: [],
      discount: [
        {
          subject: "Rabais sur les cartes ?",
          body: "Si je prends aussi la papeterie plus tard, vous me feriez un prix sur les cartes ?",
          kind: "discount",
        },
        {
          subject: "Promo de la rentrée",
          body: "Une amie a eu 15 % de rabais en septembre. Est-ce que c’est encore possible pour moi ?",
          kind: "discount",
        },
      ],
      scope: [],
      sms: [],
      phone: [
        {
          subject: "Appel – prix des cartes",
          body: "Sophie a appelé sans rendez-vous pour rediscuter du prix des cartes professionnelles.",
        },
      ],
    },
  },
  {
    key: "rush",
    name: "Ryan Mitchell",
    company: "Northwind Outfitters",
    emails: ["ryan@northwind-outfitters.example", "orders@northwind-outfitters.example"],
    locale: en,
    timezone: "America/Vancouver",
    notes:
      "Based in Vancouver (3 h behind). Launch dates move often; asks for rushes. Pays quickly.",
    rate: { weekday: 0.16, weekend: 0.04 },
    from: "192.0.2.77",
    messages: {
      question: [
        {
          subject: "Web fonts for the site",
          body: "Hi Julie, which web fonts are we licensing for the site? Our developer is asking.",
        },
        {
          subject: "Packaging printer specs",
          body: "The printer says they need 3 mm bleed on the box files — is that already in there?",
        },
      ],
      task: [
        {
          subject: "Instagram launch posts",
          body: "Could we get the three launch posts for Thursday? Sorry for the short notice!",
          neededBy: { businessDays: 1, at: "15:00" },
        },
        {
          subject: "Email header for the fall sale",
          body: "We’re sending the fall sale email next week — can you do a header in the new style?",
          neededBy: { businessDays: 4, at: "12:00" },
        },
      ],
      change: [
        {
          subject: "Box logo a bit bigger",
          body: "Can we make the logo on the box about 10 % bigger? The team feels it gets lost on the shelf.",
          kind: "change",
        },
      ],
      meeting: [
        {
          subject: "Quick call about the site map?",
          body: "Do you have 30 minutes this week to walk through the site map with our developer?",
          kind: "meeting",
        },
      ],
      urgent: [
        {
          subject: "Need the trade-show banner by tomorrow",
          body: "Hey Julie — our trade-show booth got moved up. Could you send the banner file by tomorrow noon? Happy to pay extra if needed.",
          kind: "urgent",
          offerItem: "gabarits-sociaux",
          neededBy: { businessDays: 1, at: "12:00" },
        },
        {
          subject: "Product page mock-up ASAP",
          body: "Investors meeting moved to tomorrow morning — any chance of a product page mock-up tonight?",
          kind: "urgent",
          offerItem: "site-vitrine",
          neededBy: { businessDays: 1, at: "09:30" },
        },
      ],
      discount: [],
      scope: [],
      sms: [],
      phone: [
        {
          subject: "Call — website timeline",
          body: "Ryan called without booking to ask whether the website launch can move two weeks earlier.",
        },
      ],
    },
  },
  {
    key: "late-materials",
    name: "Émilie Bouchard",
    company: "Clinique Physio Bouchard",
    emails: ["emilie@physio-bouchard.example"],
    locale: fr,
    timezone: null,
    notes:
      "Très occupée par la clinique : les textes et les approbations arrivent en retard. Rappeler les conséquences avec douceur.",
    rate: { weekday: 0.1, weekend: 0 },
    from: "198.51.100.140",
    messages: {
      question: [
        {
          subject: "Où en est le logo ?",
          body: "Bonjour Julie, je voulais savoir où en était le logo. Nous aimerions l’utiliser pour notre journée portes ouvertes.",
        },
        {
          subject: "Nouvelle date de livraison ?",
          body: "J’ai bien reçu votre avis sur le report. Pouvez-vous me confirmer la nouvelle date pour le guide ?",
        },
        {
          subject: "Photos de l’équipe",
          body: "Désolée du délai ! Je vous envoie les photos de l’équipe d’ici vendredi, promis.",
        },
      ],
      task: [
        {
          subject: "Signature courriel des physios",
          body: "Pourriez-vous préparer la signature courriel pour nos quatre physiothérapeutes ?",
        },
      ],
      change: [
        {
          subject: "Modification de la page 3 du guide",
          body: "J’ai reçu de nouveaux textes de l’équipe : peut-on remplacer la page 3 du guide ?",
          kind: "change",
        },
      ],
      meeting: [],
      urgent: [
        {
          subject: "Affiche pour vendredi ?",
          body: "Serait-il possible d’avoir l’affiche de la journée portes ouvertes pour vendredi ? Je sais que c’est serré…",
          kind: "urgent",
          neededBy: { businessDays: 1, at: "12:00" },
        },
      ],
      discount: [],
      scope: [],
      sms: [],
      phone: [],
    },
  },
  {
    key: "model",
    name: "Priya Sharma",
    company: "Maple & Thread",
    emails: ["priya@maple-and-thread.example"],
    locale: en,
    timezone: "America/Toronto",
    notes: "Uses the portal, books calls ahead, sends materials early. A pleasure.",
    rate: { weekday: 0.12, weekend: 0 },
    from: "203.0.113.8",
    messages: {
      question: [
        {
          subject: "Photo style in the guide",
          body: "Hi Julie, for the brand guide: should product photos always be on white, or is a linen texture fine? No rush at all.",
        },
        {
          subject: "Invoice received",
          body: "Just confirming I received the invoice — payment sent by Interac today. Thank you!",
        },
        {
          subject: "Logo files for the website",
          body: "Our web developer would like the logo as SVG. Could you add it to the shared folder when you have a moment?",
        },
        {
          subject: "Getting started",
          body: "Hi Julie, thank you for the call! I’ve read your charter and the Essentials package looks right for us. What do you need from me to begin?",
        },
        {
          subject: "Fabric swatches",
          body: "I’m sending fabric swatches by post this week so you can see the real colours. They should arrive Thursday.",
        },
      ],
      task: [
        {
          subject: "Holiday newsletter header",
          body: "Could you prepare a header for our holiday newsletter? We would need it in about two weeks.",
          neededBy: { businessDays: 9, at: "12:00" },
        },
        {
          subject: "Hang tags for the new collection",
          body: "When you have time in the next weeks: could the hang tags follow the new guide? We print them at the end of the month.",
          neededBy: { businessDays: 12, at: "12:00" },
        },
      ],
      change: [
        {
          subject: "Round 2 notes on the palette",
          body: "Thanks for the new palette! Two small notes: a slightly warmer beige, and could we test a deeper green? Whenever it suits your schedule.",
          kind: "change",
        },
      ],
      meeting: [
        {
          subject: "Booking our review call",
          body: "I’d like to book our 30-minute review for next week — I’ll pick a slot that works for you.",
          kind: "meeting",
        },
      ],
      urgent: [],
      discount: [],
      scope: [],
      sms: [],
      phone: [],
    },
  },
];
