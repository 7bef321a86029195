// Texts of the public charter page, in French and English. The professional speaks in the first
// person ("I answer within…"), as in the drafted replies. Values passed in are plain text; the
// templates escape them.
import { isSingular } from "../../domain/replies/format.ts";
import type { Lang } from "../../i18n/lang.ts";

export type { Lang } from "../../i18n/lang.ts";

const NB = "\u00a0";
type Quota = "meetings" | "revisions" | "hours";

const plural = (lang: Lang, n: number, one: string, many: string) =>
  isSingular(n, lang) ? one : many;
/** Ends with one period, also after "p.m.". */
const sentence = (text: string) => (text.endsWith(".") ? text : `${text}.`);

function en() {
  const p = (n: number, one: string, many: string) => `${n} ${plural("en", n, one, many)}`;
  const quota: Record<Quota, (n: number) => string> = {
    meetings: (n) => p(n, "call", "calls"),
    revisions: (n) => p(n, "revision round", "revision rounds"),
    hours: (n) => p(n, "hour of work", "hours of work"),
  };
  return {
    langName: "English",
    skip: "Skip to content",
    navLanguage: "Language",
    navToc: "On this page",
    kicker: "Working charter and terms of sale",
    lede: "How I work with clients: when I am available, how to reach me, and what each offer includes. The same rules apply to everyone.",
    version: (v: number, date: string) => `Version ${v}, published on ${date}`,
    titles: {
      hours: "Opening hours",
      closures: "Holidays and closures",
      contact: "Contact and response times",
      requests: "How to make a request",
      meetings: "Meetings",
      money: "Payment",
      offers: "Offers and terms of sale",
    },
    toc: {
      hours: "Hours",
      closures: "Closures",
      contact: "Contact",
      requests: "Requests",
      meetings: "Meetings",
      money: "Payment",
      offers: "Offers",
    },
    openNow: (until: string) => `Open now, until ${until}.`,
    closedNow: (next: string) => `Closed now. Next opening: ${next}.`,
    yourTime: (t: string) => `${t} your time`,
    tzLabel: "Your time zone",
    tzSubmit: "Show",
    tzSame: (zone: string) => `Time zone shown: mine, ${zone}.`,
    tzBoth: (pro: string, visitor: string) =>
      `Time zones shown: mine, ${pro}, and yours, ${visitor}.`,
    tzUnknown: (given: string) => `“${given}” is not a time zone I know.`,
    nextDays:
      "Your times are those of the next 7 days; a daylight saving change may move them by an hour.",
    colDay: "Day",
    colMine: "My hours",
    colYours: "Your time",
    closed: "Closed",
    nextDay: "next day",
    noWeekend: "I do not work on weekends.",
    maxClients: (n: number) =>
      `I work with at most ${p(n, "client", "clients")} at a time, so each gets my full attention.`,
    maxWeeklyHours: (n: number) => `At most ${p(n, "hour", "hours")} of client work a week.`,
    closuresIntro: (zone: string) =>
      `The next 90 days, dates in my time zone, ${zone}. A request sent on a closed day is answered at the next opening.`,
    closuresNone: "No holidays or closures in the next 90 days.",
    colDate: "Date",
    colReason: "What",
    publicHoliday: "Public holiday",
    closure: "Closed",
    specialHours: (h: string) => `Special hours: ${h}`,
    channels: {
      portal: "Client portal",
      email: "E-mail",
      phone: "Phone",
      sms: "Text messages",
      whatsapp: "WhatsApp",
      slack: "Slack",
      teams: "Microsoft Teams",
      video: "Video call",
      linkedin: "LinkedIn",
      messenger: "Messenger",
      instagram: "Instagram",
    } as Record<string, string>,
    accepted: "Accepted",
    byAppointment: "By appointment only",
    notUsed: "Not used",
    redirect: (to: string) => `Please use instead: ${to}.`,
    whenLabel: "When",
    replyLabel: "Reply",
    contactAny: "Any time; I answer during my opening hours",
    contactBusiness: "During my opening hours only",
    contactOwn: (hours: string) => `Only ${hours}`,
    replyWithin: (d: string) => `Within ${d}`,
    noDelay: "No set delay",
    checks: (times: string, theirs?: string) =>
      sentence(`I read it at ${times}${theirs ? ` (${theirs} your time)` : ""}`),
    businessNote:
      "Business hours and business days count only my opening hours and open days: a message sent on Friday evening is counted from my next opening.",
    businessHours: (n: number) => p(n, "business hour", "business hours"),
    businessDays: (n: number) => p(n, "business day", "business days"),
    hours: (n: number) => p(n, "hour", "hours"),
    minutes: (n: number) => p(n, "minute", "minutes"),
    days: (n: number) => p(n, "day", "days"),
    steps: {
      write: (channels: string) => `Where to write: ${channels}.`,
      preferred: "preferred",
      describe: "Say what you need, by when, and share the materials you already have.",
      leadTime: (d: string) => `Allow ${d} for any new task.`,
      rush: (fee: string, max: number | undefined) =>
        `Need it sooner? A rush request costs ${fee} more${max === undefined ? "" : `, at most ${p(max, "time", "times")} a month`}.`,
      noRush: "I do not take rush requests: every request gets the lead time.",
      outside:
        "Writing outside my hours is fine: nothing is lost, and I answer at my next opening within the time shown above.",
      phone: "Phone calls are by appointment: book a meeting first.",
    },
    meeting: {
      name: (min: number) => `${min}-minute call`,
      duration: "Duration",
      notice: "Notice",
      buffer: "Between meetings",
      limits: "Limits",
      window: "Booking window",
      cancel: "Cancellation",
      noticeText: (d: string) => `Book at least ${d} ahead.`,
      noNotice: "Book any open slot.",
      bufferText: (d: string) => `${d} of buffer.`,
      perDay: (n: number) => `at most ${n} a day`,
      perWeek: (n: number) => `at most ${n} a week`,
      windowText: (d: string) => `Up to ${d} ahead.`,
      cancelFree: (d: string) => `Free up to ${d} before.`,
      cancelAny: "Free at any time.",
      lateCounts: "A later cancellation counts as a meeting used.",
      lateFee: (pct: string) => `A later cancellation is billed ${pct} of the meeting.`,
      lateFree: "A later cancellation costs nothing.",
    },
    money: {
      terms: "Payment terms",
      deposit: "Deposit",
      methods: "Payment methods",
      late: "Late payment",
      discounts: "Discounts",
      promotions: "Promotions",
      termsText: (n: number) => `Invoices are payable within ${p(n, "day", "days")}.`,
      onReceipt: "Invoices are payable on receipt.",
      depositText: (pct: string) => `${pct} at signature; it reserves your start date.`,
      noDeposit: "No deposit.",
      method: {
        transfer: "bank transfer",
        interac: "Interac e-Transfer",
        card: "credit card",
        cheque: "cheque",
        cash: "cash",
        paypal: "PayPal",
        stripe: "Stripe",
      } as Record<string, string>,
      lateFee: (fee: string, grace: number) =>
        `${fee}${grace > 0 ? `, after ${p(grace, "day", "days")} of grace` : ""}.`,
      perMonth: (pct: string) => `${pct} a month`,
      never: "Same prices for everyone. I do not give discounts.",
      alternatives:
        "Same prices for everyone; smaller packages instead of discounts. If your budget is tighter, I propose a package that fits it.",
      promotionEnds: (label: string, date: string) => `${label}: ends ${date}.`,
    },
    offers: {
      intro: "Each offer has its own link, to share or to keep.",
      none: "No offers are published yet.",
      price: "Price: ",
      included: "Included",
      notIncluded: "Not included",
      addOns: "Add-ons",
      link: "Link to this offer",
      notListed: "Anything not listed above; I quote it before any work starts.",
      beyond: (key: Quota, n: number) =>
        `Extra ${key === "meetings" ? "calls" : key === "revisions" ? "revision rounds" : "hours"} (${n} included)`,
      quota: (key: Quota, n: number) => quota[key](n),
      variants: (n: number) => p(n, "custom variant", "custom variants"),
      lowerTier: "Smaller budget? See",
      deposit: (pct: string, amount: string) => `Deposit at signature (${pct}): ${amount}`,
    },
    footer: "Made with Cadre",
    notFound: {
      title: "Page not found",
      text: "There is no published charter at this address. Check the link you received, or ask the professional who sent it.",
    },
    meta: {
      title: (name: string) => `${name}: working charter and terms of sale`,
      description: (name: string, offers: number) =>
        `${name}: opening hours, response times, meetings, payment terms and ${p(offers, "offer", "offers")}.`,
    },
  };
}

export type Messages = ReturnType<typeof en>;

function fr(): Messages {
  const p = (n: number, one: string, many: string) => `${n}${NB}${plural("fr", n, one, many)}`;
  const quota: Record<Quota, (n: number) => string> = {
    meetings: (n) => p(n, "appel", "appels"),
    revisions: (n) => p(n, "ronde de révision", "rondes de révision"),
    hours: (n) => p(n, "heure de travail", "heures de travail"),
  };
  return {
    langName: "Français",
    skip: "Aller au contenu",
    navLanguage: "Langue",
    navToc: "Sur cette page",
    kicker: "Charte de travail et conditions de vente",
    lede: `Comment je travaille avec mes clients${NB}: quand je suis disponible, comment me joindre et ce que comprend chaque offre. Les mêmes règles s’appliquent à tout le monde.`,
    version: (v: number, date: string) => `Version ${v}, publiée le ${date}`,
    titles: {
      hours: "Heures d’ouverture",
      closures: "Congés et fermetures",
      contact: "Communication et délais de réponse",
      requests: "Comment faire une demande",
      meetings: "Rencontres",
      money: "Paiement",
      offers: "Offres et conditions de vente",
    },
    toc: {
      hours: "Heures",
      closures: "Fermetures",
      contact: "Communication",
      requests: "Demandes",
      meetings: "Rencontres",
      money: "Paiement",
      offers: "Offres",
    },
    openNow: (until: string) => `Ouvert en ce moment, jusqu’à ${until}.`,
    closedNow: (next: string) => `Fermé en ce moment. Prochaine ouverture${NB}: ${next}.`,
    yourTime: (t: string) => `soit ${t} chez vous`,
    tzLabel: "Votre fuseau horaire",
    tzSubmit: "Afficher",
    tzSame: (zone: string) => `Fuseau horaire affiché${NB}: le mien, ${zone}.`,
    tzBoth: (pro: string, visitor: string) =>
      `Fuseaux horaires affichés${NB}: le mien, ${pro}, et le vôtre, ${visitor}.`,
    tzUnknown: (given: string) => `«${NB}${given}${NB}» n’est pas un fuseau horaire connu.`,
    nextDays: `Vos heures sont celles des 7 prochains jours${NB}; un changement d’heure peut les décaler d’une heure.`,
    colDay: "Jour",
    colMine: "Mes heures",
    colYours: "Chez vous",
    closed: "Fermé",
    nextDay: "le lendemain",
    noWeekend: "Je ne travaille pas la fin de semaine.",
    maxClients: (n: number) =>
      `Je travaille avec au plus ${p(n, "client", "clients")} à la fois, pour donner à chacun toute mon attention.`,
    maxWeeklyHours: (n: number) =>
      `Au plus ${p(n, "heure", "heures")} de travail client par semaine.`,
    closuresIntro: (zone: string) =>
      `Les 90 prochains jours, dates selon mon fuseau horaire, ${zone}. Une demande envoyée un jour de fermeture reçoit sa réponse à la prochaine ouverture.`,
    closuresNone: "Aucun congé ni fermeture au cours des 90 prochains jours.",
    colDate: "Date",
    colReason: "Motif",
    publicHoliday: "Jour férié",
    closure: "Fermeture",
    specialHours: (h: string) => `Horaire spécial${NB}: ${h}`,
    channels: {
      portal: "Portail client",
      email: "Courriel",
      phone: "Téléphone",
      sms: "Textos",
      whatsapp: "WhatsApp",
      slack: "Slack",
      teams: "Microsoft Teams",
      video: "Visioconférence",
      linkedin: "LinkedIn",
      messenger: "Messenger",
      instagram: "Instagram",
    },
    accepted: "Accepté",
    byAppointment: "Sur rendez-vous seulement",
    notUsed: "Non utilisé",
    redirect: (to: string) => `Merci d’utiliser plutôt${NB}: ${to}.`,
    whenLabel: "Quand",
    replyLabel: "Réponse",
    contactAny: `En tout temps${NB}; je réponds pendant mes heures d’ouverture`,
    contactBusiness: "Pendant mes heures d’ouverture seulement",
    contactOwn: (hours: string) => `Seulement ${hours}`,
    replyWithin: (d: string) => `Sous ${d}`,
    noDelay: "Pas de délai fixé",
    checks: (times: string, theirs?: string) =>
      sentence(`Je le consulte à ${times}${theirs ? ` (soit ${theirs} chez vous)` : ""}`),
    businessNote: `Les heures et jours ouvrables ne comptent que mes heures d’ouverture et mes jours ouvrés${NB}: un message envoyé le vendredi soir est compté à partir de ma prochaine ouverture.`,
    businessHours: (n: number) => p(n, "heure ouvrable", "heures ouvrables"),
    businessDays: (n: number) => p(n, "jour ouvrable", "jours ouvrables"),
    hours: (n: number) => p(n, "heure", "heures"),
    minutes: (n: number) => p(n, "minute", "minutes"),
    days: (n: number) => p(n, "jour", "jours"),
    steps: {
      write: (channels: string) => `Où m’écrire${NB}: ${channels}.`,
      preferred: "de préférence",
      describe: "Dites-moi ce dont vous avez besoin, pour quand, et joignez le matériel déjà prêt.",
      leadTime: (d: string) => `Prévoyez ${d} pour toute nouvelle tâche.`,
      rush: (fee: string, max: number | undefined) =>
        `Besoin plus vite${NB}? Une demande urgente coûte ${fee} de plus${max === undefined ? "" : `, au plus ${p(max, "fois", "fois")} par mois`}.`,
      noRush: `Je ne prends pas de demandes urgentes${NB}: chaque demande suit le délai prévu.`,
      outside: `Écrire en dehors de mes heures ne pose aucun problème${NB}: rien ne se perd, et je réponds à ma prochaine ouverture dans le délai indiqué plus haut.`,
      phone: `Les appels se font sur rendez-vous${NB}: réservez d’abord une rencontre.`,
    },
    meeting: {
      name: (min: number) => `Appel de ${min}${NB}minutes`,
      duration: "Durée",
      notice: "Préavis",
      buffer: "Entre deux rencontres",
      limits: "Limites",
      window: "Réservation",
      cancel: "Annulation",
      noticeText: (d: string) => `Réservez au moins ${d} à l’avance.`,
      noNotice: "Réservez n’importe quelle plage libre.",
      bufferText: (d: string) => `${d} de battement.`,
      perDay: (n: number) => `au plus ${n} par jour`,
      perWeek: (n: number) => `au plus ${n} par semaine`,
      windowText: (d: string) => `Jusqu’à ${d} à l’avance.`,
      cancelFree: (d: string) => `Sans frais jusqu’à ${d} avant.`,
      cancelAny: "Sans frais en tout temps.",
      lateCounts: "Une annulation plus tardive compte comme une rencontre utilisée.",
      lateFee: (pct: string) => `Une annulation plus tardive est facturée ${pct} de la rencontre.`,
      lateFree: "Une annulation plus tardive ne coûte rien.",
    },
    money: {
      terms: "Modalités",
      deposit: "Acompte",
      methods: "Modes de paiement",
      late: "Retard de paiement",
      discounts: "Rabais",
      promotions: "Promotions",
      termsText: (n: number) => `Les factures sont payables sous ${p(n, "jour", "jours")}.`,
      onReceipt: "Les factures sont payables sur réception.",
      depositText: (pct: string) => `${pct} à la signature${NB}; il réserve votre date de début.`,
      noDeposit: "Aucun acompte.",
      method: {
        transfer: "virement bancaire",
        interac: "virement Interac",
        card: "carte de crédit",
        cheque: "chèque",
        cash: "argent comptant",
        paypal: "PayPal",
        stripe: "Stripe",
      },
      lateFee: (fee: string, grace: number) =>
        `${fee}${grace > 0 ? `, après ${p(grace, "jour", "jours")} de grâce` : ""}.`,
      perMonth: (pct: string) => `${pct} par mois`,
      never: "Mêmes prix pour tout le monde. Je n’accorde pas de rabais.",
      alternatives: `Mêmes prix pour tout le monde${NB}; de plus petits forfaits plutôt que des rabais. Si votre budget est plus serré, je vous propose un forfait qui lui convient.`,
      promotionEnds: (label: string, date: string) => `${label}${NB}: se termine le ${date}.`,
    },
    offers: {
      intro: "Chaque offre a son propre lien, à partager ou à conserver.",
      none: "Aucune offre n’est encore publiée.",
      price: `Prix${NB}: `,
      included: "Inclus",
      notIncluded: "Non inclus",
      addOns: "Options",
      link: "Lien vers cette offre",
      notListed: `Tout ce qui n’est pas indiqué ci-dessus${NB}; je le chiffre avant de commencer.`,
      beyond: (key: Quota, n: number) =>
        key === "meetings"
          ? `Appels supplémentaires (${n}${NB}inclus)`
          : `${key === "revisions" ? "Rondes de révision" : "Heures"} supplémentaires (${n}${NB}${plural("fr", n, "incluse", "incluses")})`,
      quota: (key: Quota, n: number) => quota[key](n),
      variants: (n: number) => p(n, "variante personnalisée", "variantes personnalisées"),
      lowerTier: `Budget plus serré${NB}? Voyez`,
      deposit: (pct: string, amount: string) => `Acompte à la signature (${pct})${NB}: ${amount}`,
    },
    footer: "Propulsé par Cadre",
    notFound: {
      title: "Page introuvable",
      text: "Aucune charte n’est publiée à cette adresse. Vérifiez le lien reçu ou demandez-le au professionnel qui vous l’a envoyé.",
    },
    meta: {
      title: (name: string) => `${name}${NB}: charte de travail et conditions de vente`,
      description: (name: string, offers: number) =>
        `${name}${NB}: heures d’ouverture, délais de réponse, rencontres, modalités de paiement et ${p(offers, "offre", "offres")}.`,
    },
  };
}

const catalogs: Record<Lang, Messages> = { en: en(), fr: fr() };

export function messages(lang: Lang): Messages {
  return catalogs[lang];
}
