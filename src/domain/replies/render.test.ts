import { describe, expect, it } from "vitest";
import { PLACEHOLDERS } from "./placeholders.ts";
import { renderReply, validateTemplate } from "./render.ts";
import { DEFAULT_TEMPLATES, ESCALATION_PARAGRAPHS } from "./templates.ts";
import { type ReplyInput, type ReplyParams, SITUATIONS, type Situation } from "./types.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday, November 30, 2026, 09:00 in Toronto (winter time). */
const MONDAY_9AM = Date.UTC(2026, 10, 30, 14);

const FULL: ReplyParams = {
  subject: "Maquette de la page d’accueil",
  clientName: "Marie",
  professionalName: "Julie Tremblay",
  dueAt: MONDAY_9AM + 8 * HOUR,
  nextOpenAt: MONDAY_9AM,
  channel: "sms",
  redirectTo: "portal",
  neededBy: MONDAY_9AM + DAY,
  laterDate: MONDAY_9AM + 3 * DAY,
  currency: "CAD",
  fee: 37_500,
  feePercent: 50,
  price: 123_456,
  quota: "meetings",
  included: 4,
  used: 4,
  item: "Animation du logo",
  alternatives: [
    { label: "Essentiel", price: 80_000, removed: ["rédaction", "2e ronde"] },
    { label: "Démarrage", price: 45_000, removed: [] },
  ],
  promotion: "Rentrée 2026",
  rushMaxPerMonth: 1,
};

function render(
  situation: Situation,
  locale: string,
  extra: Partial<ReplyInput> = {},
  params: Partial<ReplyParams> = {},
) {
  return renderReply({
    situation,
    locale,
    timeZone: "America/Toronto",
    params: { ...FULL, ...params },
    ...extra,
  });
}

/** Intl separates with narrow / no-break spaces; compare with plain ones. */
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const KNOWN = new RegExp(`\\{(?:${PLACEHOLDERS.join("|")})\\}`);

describe("renderReply", () => {
  for (const situation of SITUATIONS) {
    for (const locale of ["fr-CA", "en-CA"]) {
      it(`drafts ${situation} in ${locale} with every value filled in`, () => {
        const reply = render(situation, locale);
        const text = `${reply.subject}\n${reply.body}`;
        expect(reply.locale).toBe(locale);
        expect(reply.subject).toBe("Re: Maquette de la page d’accueil");
        expect(text).not.toMatch(KNOWN);
        expect(text).not.toMatch(/undefined|NaN|null|\[object|à confirmer|to be confirmed/);
        expect(reply.body).toMatch(
          locale === "fr-CA" ? /^Bonjour Marie,\n\n/ : /^Hello Marie,\n\n/,
        );
        expect(reply.body).toMatch(/\n\n(Au plaisir|Warm regards),\nJulie Tremblay$/);
      });
    }
  }

  it("greets without a name when the client's name is missing", () => {
    expect(render("accept", "fr-CA", {}, { clientName: undefined }).body).toMatch(/^Bonjour,\n/);
    expect(render("accept", "en-CA", {}, { clientName: "  " }).body).toMatch(/^Hello,\n/);
  });

  it("leaves the signature name out when the professional's name is missing", () => {
    const body = render("accept", "en-CA", {}, { professionalName: undefined }).body;
    expect(body.endsWith("\n\nWarm regards,")).toBe(true);
  });

  it("picks French for any fr locale and English for everything else", () => {
    expect(render("accept", "fr").body).toMatch(/^Bonjour/);
    expect(render("accept", "fr-FR").body).toMatch(/^Bonjour/);
    const german = render("accept", "de-DE");
    expect(german.body).toMatch(/^Hello/);
    expect(german.locale).toBe("de-DE");
  });

  it("tells the time in the client's zone, with the zone named", () => {
    const toronto = spaces(render("defer.closed", "fr-CA").body);
    expect(toronto).toContain("je le lirai lundi 30 novembre à 09 h 00 HNE");
    expect(toronto).toContain("au plus tard lundi 30 novembre à 17 h 00 HNE");
    expect(spaces(render("defer.closed", "en-US").body)).toContain(
      "I will read it on Monday, November 30 at 9:00 AM EST",
    );
    const paris = spaces(render("defer.closed", "fr-FR", { timeZone: "Europe/Paris" }).body);
    expect(paris).toContain("lundi 30 novembre à 15:00 UTC+1");
    const london = spaces(render("defer.closed", "en-GB", { timeZone: "Europe/Paris" }).body);
    expect(london).toContain("Monday 30 November at 15:00 CET");
  });

  it("shows the year only for a date far from the next opening", () => {
    const far = render("decline.rush-disabled", "en-CA", {}, { laterDate: MONDAY_9AM + 400 * DAY });
    expect(far.body).toMatch(/January 4, 2028/);
    expect(far.body).not.toMatch(/2026/);
  });

  it("writes money in the client's locale from minor units", () => {
    expect(spaces(render("propose.quota", "fr-CA").body)).toMatch(/au prix de 1 234,56 \$ chacune/);
    expect(render("propose.quota", "en-CA").body).toContain("at $1,234.56 each");
    expect(spaces(render("propose.rush", "fr-CA").body)).toContain("frais d’urgence de 375,00 $");
  });

  it("offers the rush fee and the usual date as the two choices", () => {
    const body = spaces(render("propose.rush", "en-CA").body);
    expect(body).toMatch(
      /– As a rush, by Tuesday, December 1 at 9:00 a\.m\. EST: a rush fee of \$375\.00/,
    );
    expect(body).toMatch(/– At my usual lead time, at no extra cost: by Thursday, December 3/);
  });

  it("states the quota with a localised, agreeing noun", () => {
    expect(render("propose.quota", "fr-CA").body).toContain(
      "comprend 4 rencontres, et vous en avez déjà utilisé 4",
    );
    const one = render("propose.quota", "en-CA", {}, { quota: "revisions", included: 1, used: 1 });
    expect(one.body).toContain("includes 1 revision round, and you have already used 1");
    const hours = render("propose.quota", "fr-CA", {}, { quota: "hours", included: 10, used: 12 });
    expect(hours.body).toContain("comprend 10 heures");
  });

  it("says « sur devis » / on quote for a change order without a price", () => {
    const fr = spaces(render("propose.change-order", "fr-CA", {}, { price: undefined }).body);
    expect(fr).toContain("concernant Animation du logo");
    expect(fr).toContain("Prix : sur devis.");
    expect(render("propose.change-order", "en-CA", {}, { price: undefined }).body).toContain(
      "Price: on quote.",
    );
  });

  it("lists the smaller packages with their price and what they leave out", () => {
    const fr = spaces(render("propose.discount", "fr-CA").body);
    expect(fr).toContain(
      "Voici ce qui peut convenir à votre budget :\n\n– Essentiel : 800,00 $ (sans : rédaction, 2e ronde)\n– Démarrage : 450,00 $\n\n",
    );
    const en = render("propose.discount", "en-CA").body;
    expect(en).toContain(
      "– Essentiel: $800.00 (without: rédaction, 2e ronde)\n– Démarrage: $450.00",
    );
  });

  it("names the channel to leave and the one to use", () => {
    const fr = spaces(render("redirect.channel", "fr-CA").body);
    expect(fr).toContain("Je ne prends pas les demandes via les textos");
    expect(fr).toContain("via le portail client ?");
    const en = render(
      "redirect.channel",
      "en-CA",
      {},
      { channel: "phone", redirectTo: "email" },
    ).body;
    expect(en).toContain("I don’t take requests by phone");
    expect(en).toContain("through e-mail?");
    const other = render(
      "redirect.channel",
      "en-CA",
      {},
      { channel: "whatsapp", redirectTo: undefined },
    );
    expect(other.body).toContain("by whatsapp: ");
    expect(other.body).toContain("through the client portal");
  });

  it("names the promotion, or just « la promotion » when it has no name", () => {
    expect(render("decline.promotion-ended", "fr-CA").body).toContain("la promotion Rentrée 2026.");
    expect(render("decline.promotion-ended", "fr-CA", {}, { promotion: undefined }).body).toContain(
      "pour la promotion. Elle",
    );
  });

  it("says what is still to be confirmed rather than printing nothing", () => {
    const body = render("propose.rush", "en-CA", {}, { neededBy: undefined, fee: Number.NaN }).body;
    expect(body).toContain("by to be confirmed");
    expect(body).toContain("rush fee of to be confirmed");
    expect(body).not.toMatch(/NaN|undefined/);
  });

  it("does not pile up reply prefixes in the subject", () => {
    expect(render("accept", "en-CA", {}, { subject: "RE : Re: Invoice" }).subject).toBe(
      "Re: Invoice",
    );
  });

  it("appends the escalation paragraph before the signature, in the client's language", () => {
    for (const escalation of ["remind", "firm", "review-fit"] as const) {
      for (const [locale, language] of [
        ["fr-CA", "fr"],
        ["en-CA", "en"],
      ] as const) {
        const body = render("defer.closed", locale, { escalation }).body;
        const paragraph = ESCALATION_PARAGRAPHS[escalation][language];
        expect(body).toContain(`\n\n${paragraph}\n\n`);
        expect(body.indexOf(paragraph)).toBeLessThan(body.lastIndexOf("Julie Tremblay"));
      }
    }
    expect(render("defer.closed", "en-CA", { escalation: "firm" }).body).toContain(
      "this keeps happening",
    );
  });
});

describe("overrides", () => {
  const overrides = {
    "defer.closed": {
      fr: { body: "Allô {clientName} ! Je vous reviens {nextOpenTime}. {foo}" },
      en: { subject: "Your message: {subject}" },
    },
  };

  it("replace the body and keep the default subject", () => {
    const reply = render("defer.closed", "fr-CA", { overrides });
    expect(reply.subject).toBe("Re: Maquette de la page d’accueil");
    expect(spaces(reply.body)).toMatch(
      /^Allô Marie ! Je vous reviens lundi 30 novembre à 09 h 00 HNE\. /,
    );
  });

  it("replace the subject and keep the default body", () => {
    const reply = render("defer.closed", "en-CA", { overrides });
    expect(reply.subject).toBe("Your message: Maquette de la page d’accueil");
    expect(reply.body).toMatch(/^Hello Marie,\n\nThank you for your message\./);
  });

  it("leave an unknown placeholder visible", () => {
    expect(render("defer.closed", "fr-CA", { overrides }).body).toContain("{foo}");
  });

  it("only apply to their own situation and language", () => {
    expect(render("accept", "fr-CA", { overrides }).body).toMatch(/^Bonjour Marie,/);
  });

  it("fall back to the default when blank", () => {
    const blank = { accept: { en: { subject: " ", body: "" } } };
    const reply = render("accept", "en-CA", { overrides: blank });
    expect(reply.subject).toBe("Re: Maquette de la page d’accueil");
    expect(reply.body).toMatch(/^Hello Marie,\n\nThank you for your request/);
  });
});

describe("validateTemplate", () => {
  it("accepts every placeholder and flags unknown names once each", () => {
    expect(validateTemplate(PLACEHOLDERS.map((p) => `{${p}}`).join(" "))).toEqual({ ok: true });
    expect(validateTemplate("Hi {clientName}, {nope} and {nope} and {other1}")).toEqual({
      ok: false,
      unknown: ["nope", "other1"],
    });
  });

  it("ignores braces that are not placeholder names", () => {
    expect(validateTemplate("{ } {} {1st} {a b} { and }")).toEqual({ ok: true });
  });

  it("accepts every default template", () => {
    for (const situation of SITUATIONS) {
      for (const language of ["fr", "en"] as const) {
        const { subject, body } = DEFAULT_TEMPLATES[situation][language];
        expect(validateTemplate(subject)).toEqual({ ok: true });
        expect(validateTemplate(body)).toEqual({ ok: true });
      }
    }
  });
});

describe("many replies", () => {
  it("stay identical and correct over 10,000 renders with reused formatters", () => {
    const first = new Map<string, string>();
    for (let i = 0; i < 10_000; i++) {
      // Every situation with each locale and zone, whatever the number of situations.
      const situation = SITUATIONS[Math.floor(i / 4) % SITUATIONS.length]!;
      const locale = i % 2 === 0 ? "fr-CA" : "en-CA";
      const timeZone = Math.floor(i / 2) % 2 === 0 ? "Europe/Paris" : "America/Toronto";
      const key = `${situation}|${locale}|${timeZone}`;
      const body = renderReply({ situation, locale, timeZone, params: FULL }).body;
      const seen = first.get(key);
      if (seen === undefined) first.set(key, body);
      else expect(body).toBe(seen);
    }
    expect(first.size).toBe(SITUATIONS.length * 2 * 2);
  });
});
