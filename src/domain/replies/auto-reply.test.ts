import { describe, expect, it } from "vitest";
import { renderAutoReply } from "./auto-reply.ts";
import { escapeHtml, textToHtml } from "./html.ts";

const params = {
  subject: "Re: Logo",
  clientName: "Dominique",
  professionalName: "Atelier Camille",
  nextOpenAt: Date.parse("2026-06-22T14:00:00Z"),
  dueAt: Date.parse("2026-06-23T21:00:00Z"),
  channel: "email",
};

describe("renderAutoReply", () => {
  it("says in French when the message will be read and answered, zone named", () => {
    const r = renderAutoReply({
      situation: "auto.defer",
      locale: "fr-CA",
      timeZone: "America/Toronto",
      params,
    });
    expect(r.subject).toBe("Réponse automatique\u00a0: Logo");
    expect(r.text).toContain("Bonjour Dominique,");
    expect(r.text).toContain("Ceci est une réponse automatique\u00a0:");
    expect(r.text).toContain("Je lirai votre message lundi 22 juin à 10 h 00 HAE");
    expect(r.text).toContain("au plus tard mardi 23 juin à 17 h 00 HAE");
    expect(r.text).toMatch(/Au plaisir,\nAtelier Camille$/);
  });

  it("says it in English, in the client's own zone", () => {
    const r = renderAutoReply({
      situation: "auto.defer",
      locale: "en-GB",
      timeZone: "Europe/London",
      params,
    });
    expect(r.subject).toBe("Automatic reply: Logo");
    expect(r.text).toContain("I will read your message on Monday 22 June at 15:00 BST");
    expect(r.text).toMatch(/by Tuesday 23 June at 22:00 BST at the latest/);
  });

  it("names the channel to use when redirecting, with its link", () => {
    const r = renderAutoReply({
      situation: "auto.redirect",
      locale: "en-CA",
      timeZone: "America/Toronto",
      params: { ...params, redirectTo: "portal" },
      link: "https://cadre.example/portal",
    });
    expect(r.text).toContain("all requests go through the client portal");
    expect(r.text).toContain("https://cadre.example/portal");
    const fr = renderAutoReply({
      situation: "auto.redirect",
      locale: "fr-CA",
      timeZone: "America/Toronto",
      params: { ...params, redirectTo: "portal" },
    });
    expect(fr.text).toContain("toutes les demandes passent par le portail client");
  });
});

describe("textToHtml", () => {
  it("keeps paragraphs and lines, escapes markup and links URLs", () => {
    const html = textToHtml(
      "Bonjour <b>x</b> & co,\n\nLigne 1\nhttps://cadre.example/p?a=1&b=2.\n",
      "fr-CA",
    );
    expect(html).toContain('<html lang="fr-CA">');
    expect(html).toContain("<p>Bonjour &lt;b&gt;x&lt;/b&gt; &amp; co,</p>");
    expect(html).toContain(
      'Ligne 1<br>\n<a href="https://cadre.example/p?a=1&amp;b=2">https://cadre.example/p?a=1&amp;b=2</a>.</p>',
    );
    expect(escapeHtml(`"'`)).toBe("&quot;&#39;");
  });
});
