// E-mails about money, in the client's language and in the first person: an invoice issued, a
// reminder before or after the due date (with the late fee so far, per the charter), and a change
// order waiting for the client's answer. Dates are local dates of the charter's zone.
import { formatMoney, intlLocaleOf, type Language, languageOf } from "../replies/format.ts";
import type { Notice } from "../replies/notices.ts";
import { WORDS } from "../replies/templates.ts";
import { lateFeeRule, methodList } from "./labels.ts";
import type { LateFeePolicy } from "./late-fee.ts";

const NBSP = "\u00a0";
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A local date "YYYY-MM-DD" written out: "15 mars 2026" / "March 15, 2026". */
export function formatLocalDay(date: string, locale: string): string {
  const key = intlLocaleOf(locale);
  let f = dayFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(key, { dateStyle: "long", timeZone: "UTC" });
    dayFormats.set(key, f);
  }
  return f.format(Date.parse(`${date}T12:00:00Z`));
}

function days(n: number, language: Language): string {
  const one = n === 1;
  return language === "fr" ? `${n}${NBSP}jour${one ? "" : "s"}` : `${n} day${one ? "" : "s"}`;
}

function hello(language: Language, name: string | undefined): string {
  return (language === "fr" ? `Bonjour ${name ?? ""},` : `Hello ${name ?? ""},`).replace(" ,", ",");
}

function signed(language: Language, paragraphs: string[], professional?: string): string {
  const signOff = WORDS[language].signOff;
  paragraphs.push(professional ? `${signOff}\n${professional}` : signOff);
  return paragraphs.join("\n\n");
}

export interface InvoiceNoticeInput {
  locale: string;
  clientName?: string | undefined;
  professionalName?: string | undefined;
  number: string;
  currency: string;
  total: number;
  dueOn: string;
  methods: readonly string[];
  lateFee: LateFeePolicy | null;
  /** Where the client sees and downloads it. */
  link?: string | undefined;
}

export function invoiceIssuedNotice(i: InvoiceNoticeInput): Notice {
  const language = languageOf(i.locale);
  const amount = formatMoney(i.total, i.locale, i.currency);
  const due = formatLocalDay(i.dueOn, i.locale);
  const rule = lateFeeRule(i.lateFee, i.locale, i.currency, language);
  const methods = methodList(i.methods, language);
  const p: string[] = [hello(language, i.clientName)];
  if (language === "fr") {
    p.push(
      `Vous trouverez ma facture ${i.number}, d’un montant de ${amount}, payable au plus tard le ${due}.`,
    );
    if (methods) p.push(`Les modes de paiement que j’accepte${NBSP}: ${methods}.`);
    if (i.lateFee)
      p.push(
        `Comme le prévoit ma charte, un retard de paiement entraîne des frais${NBSP}: ${rule}.`,
      );
    if (i.link)
      p.push(`Vous pouvez la consulter et la télécharger dans votre portail${NBSP}: ${i.link}`);
    p.push("Merci de votre confiance.");
    return {
      locale: i.locale,
      subject: `Facture ${i.number}`,
      body: signed(language, p, i.professionalName),
    };
  }
  p.push(`Here is my invoice ${i.number}, for ${amount}, due by ${due}.`);
  if (methods) p.push(`The payment methods I accept: ${methods}.`);
  if (i.lateFee) p.push(`As my charter provides, late payment incurs a fee: ${rule}.`);
  if (i.link) p.push(`You can view and download it in your portal: ${i.link}`);
  p.push("Thank you for your trust.");
  return {
    locale: i.locale,
    subject: `Invoice ${i.number}`,
    body: signed(language, p, i.professionalName),
  };
}

export interface ReminderInput extends InvoiceNoticeInput {
  /** "before": the due date is coming; "after": it has passed. */
  when: "before" | "after";
  /** Days until the due date (before) or since it (after). */
  days: number;
  /** What is owed today, late fee included. */
  amountDue: number;
  /** The late fee so far. */
  feeSoFar: number;
}

export function paymentReminder(r: ReminderInput): Notice {
  const language = languageOf(r.locale);
  const due = formatLocalDay(r.dueOn, r.locale);
  const owed = formatMoney(r.amountDue, r.locale, r.currency);
  const fee = formatMoney(r.feeSoFar, r.locale, r.currency);
  const rule = lateFeeRule(r.lateFee, r.locale, r.currency, language);
  const methods = methodList(r.methods, language);
  const p: string[] = [hello(language, r.clientName)];
  if (language === "fr") {
    if (r.when === "before") {
      p.push(
        `Petit rappel${NBSP}: ma facture ${r.number} (${owed}) arrive à échéance le ${due}, dans ${days(r.days, "fr")}.`,
      );
      if (r.lateFee)
        p.push(
          `Pour éviter des frais de retard (${rule}), je vous remercie de la régler d’ici là.`,
        );
    } else {
      p.push(
        `Ma facture ${r.number} était payable le ${due}, il y a ${days(r.days, "fr")}, et je n’ai pas encore reçu son paiement.`,
      );
      if (r.feeSoFar > 0) {
        p.push(
          `Comme le prévoit ma charte (${rule}), des frais de retard de ${fee} s’ajoutent${NBSP}: le montant dû aujourd’hui est de ${owed}.`,
        );
      } else if (r.lateFee) {
        p.push(
          `Le montant dû est de ${owed}. Comme le prévoit ma charte, des frais de retard s’appliqueront (${rule}).`,
        );
      } else p.push(`Le montant dû est de ${owed}.`);
    }
    if (methods) p.push(`Modes de paiement acceptés${NBSP}: ${methods}.`);
    if (r.link) p.push(`La facture est dans votre portail${NBSP}: ${r.link}`);
    p.push("Si le paiement est déjà parti, merci de ne pas tenir compte de ce message.");
    const subject =
      r.when === "before" ? `Rappel${NBSP}: facture ${r.number}` : `Facture ${r.number} en retard`;
    return { locale: r.locale, subject, body: signed(language, p, r.professionalName) };
  }
  if (r.when === "before") {
    p.push(
      `A friendly reminder: my invoice ${r.number} (${owed}) is due on ${due}, in ${days(r.days, "en")}.`,
    );
    if (r.lateFee) p.push(`To avoid a late fee (${rule}), thank you for paying it by then.`);
  } else {
    p.push(
      `My invoice ${r.number} was due on ${due}, ${days(r.days, "en")} ago, and I have not received its payment yet.`,
    );
    if (r.feeSoFar > 0) {
      p.push(
        `As my charter provides (${rule}), a late fee of ${fee} applies: the amount due today is ${owed}.`,
      );
    } else if (r.lateFee) {
      p.push(`The amount due is ${owed}. As my charter provides, a late fee will apply (${rule}).`);
    } else p.push(`The amount due is ${owed}.`);
  }
  if (methods) p.push(`Accepted payment methods: ${methods}.`);
  if (r.link) p.push(`The invoice is in your portal: ${r.link}`);
  p.push("If the payment is already on its way, please disregard this message.");
  const subject =
    r.when === "before" ? `Reminder: invoice ${r.number}` : `Invoice ${r.number} is overdue`;
  return { locale: r.locale, subject, body: signed(language, p, r.professionalName) };
}

export interface ChangeOrderNoticeInput {
  locale: string;
  clientName?: string | undefined;
  professionalName?: string | undefined;
  title: string;
  items: readonly { name: string; quantity: number; amount: number }[];
  price: number;
  currency: string;
  deliveryShiftBusinessDays: number;
  link?: string | undefined;
}

export function changeOrderNotice(c: ChangeOrderNoticeInput): Notice {
  const language = languageOf(c.locale);
  const money = (n: number) => formatMoney(n, c.locale, c.currency);
  const lines = c.items.map(
    (i) =>
      `– ${i.quantity !== 1 ? `${i.quantity} × ` : ""}${i.name}${language === "fr" ? NBSP : ""}: ${money(i.amount)}`,
  );
  const shift = c.deliveryShiftBusinessDays;
  const p: string[] = [hello(language, c.clientName)];
  if (language === "fr") {
    p.push(`Comme convenu, voici l’avenant «${NBSP}${c.title}${NBSP}» à approuver${NBSP}:`);
    p.push([...lines, `Total (avant taxes)${NBSP}: ${money(c.price)}`].join("\n"));
    p.push(
      shift > 0
        ? `S’il est accepté, mes dates de livraison restantes se décalent de ${shift}${NBSP}jour${shift > 1 ? "s" : ""} ouvrable${shift > 1 ? "s" : ""}.`
        : "Il ne change pas mes dates de livraison.",
    );
    p.push(
      `Vous pouvez l’accepter ou le refuser dans votre portail${c.link ? `${NBSP}: ${c.link}` : "."} Le travail commencera dès qu’il sera accepté, et il s’ajoutera à votre prochaine facture.`,
    );
    return {
      locale: c.locale,
      subject: `Avenant à approuver${NBSP}: ${c.title}`,
      body: signed(language, p, c.professionalName),
    };
  }
  p.push(`As discussed, here is the change order “${c.title}” for your approval:`);
  p.push([...lines, `Total (before taxes): ${money(c.price)}`].join("\n"));
  p.push(
    shift > 0
      ? `If you accept it, my remaining delivery dates move by ${shift} business day${shift > 1 ? "s" : ""}.`
      : "It does not change my delivery dates.",
  );
  p.push(
    `You can accept or decline it in your portal${c.link ? `: ${c.link}` : "."} The work starts as soon as it is accepted, and it will be added to your next invoice.`,
  );
  return {
    locale: c.locale,
    subject: `Change order to approve: ${c.title}`,
    body: signed(language, p, c.professionalName),
  };
}
