// GET /c/{slug} through inject, on both engines: language by ?lang= and Accept-Language, hours
// in both zones, closures ahead, offers with their anchors, escaping of what the professional
// wrote, no JavaScript, a localised 404, caching, and the size budget of the example page.
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { App } from "../../src/http/app.ts";
import { PAGE_BUDGET_BYTES, pageOffers } from "../browser/fixtures.ts";
import { exampleCharterInput } from "../factories/domain.ts";
import { startApp, type TestApp } from "../helpers/app.ts";
import { type Pro, signUpPro } from "../helpers/auth.ts";
import { describeEngines } from "../helpers/store.ts";

// Monday 23 November 2026, 9:00 in Toronto (EST).
const MONDAY_9AM = Date.parse("2026-11-23T14:00:00Z");
const EVIL = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

/** The page's text as a reader sees it: tags dropped, entities and no-break spaces undone. */
function text(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ");
}

async function publish(app: App, pro: Pro, offers: object[]) {
  const headers = pro.asToken();
  const put = await app.inject({
    method: "PUT",
    url: "/api/v1/charter",
    headers,
    payload: exampleCharterInput() as object,
  });
  expect(put.statusCode, put.body).toBe(200);
  const published = await app.inject({ method: "POST", url: "/api/v1/charter/publish", headers });
  expect(published.statusCode, published.body).toBe(201);
  for (const offer of offers) {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/offers",
      headers,
      payload: offer,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}

describeEngines("public charter page /c/{slug}", (engine) => {
  let t: TestApp;
  let now = MONDAY_9AM;
  let studio: Pro;
  let evil: Pro;
  let draftOnly: Pro;
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url, headers });

  beforeAll(async () => {
    t = await startApp(engine, { now: () => now });
    studio = await signUpPro(t.app, {
      workspace: { name: "Studio Tremblay", slug: "studio-tremblay" },
    });
    await publish(t.app, studio, pageOffers);
    evil = await signUpPro(t.app, { workspace: { name: `Atelier ${EVIL} & Cie` } });
    await publish(t.app, evil, [
      {
        id: "evil",
        name: EVIL,
        description: `</p>${EVIL}`,
        currency: "CAD",
        items: [{ id: "x", name: EVIL, quantity: 1, unitPrice: 100 }],
        addOns: [{ id: "y", name: EVIL, price: 100 }],
      },
    ]);
    draftOnly = await signUpPro(t.app);
  });
  afterAll(() => t.close());

  it("speaks French or English by ?lang=, then Accept-Language, then the charter's locale", async () => {
    const fr = await get("/c/studio-tremblay?lang=fr", { "accept-language": "en" });
    expect(fr.statusCode).toBe(200);
    expect(fr.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(fr.headers["content-language"]).toBe("fr");
    expect(fr.body).toContain('<html lang="fr">');
    expect(text(fr.body)).toContain("Heures d’ouverture");
    const en = await get("/c/studio-tremblay?lang=en", { "accept-language": "fr" });
    expect(en.body).toContain('<html lang="en">');
    expect(text(en.body)).toContain("Opening hours");
    const header = await get("/c/studio-tremblay", { "accept-language": "en-US,en;q=0.9" });
    expect(header.body).toContain('<html lang="en">');
    const headerFr = await get("/c/studio-tremblay", { "accept-language": "de,fr-CA;q=0.8" });
    expect(headerFr.body).toContain('<html lang="fr">');
    // The example charter's first locale is fr-CA.
    expect((await get("/c/studio-tremblay")).body).toContain('<html lang="fr">');
    expect((await get("/c/studio-tremblay?lang=de")).body).toContain('<html lang="fr">');
    // The switch: a link to each language, the current one marked.
    expect(en.body).toContain('href="/c/studio-tremblay?lang=fr" lang="fr" hreflang="fr"');
    expect(en.body).toMatch(/href="\/c\/studio-tremblay\?lang=en"[^>]*aria-current="true"/);
  });

  it("shows the hours in the professional's zone and in the visitor's, both named", async () => {
    const mine = text((await get("/c/studio-tremblay?lang=en")).body);
    expect(mine).toContain("Time zone shown: mine, Eastern Time (Toronto).");
    expect(mine).toContain("Monday 9:00 a.m. – 12:00 p.m. 1:00 p.m. – 5:00 p.m.");
    expect(mine).toContain("Open now, until 12:00 p.m. EST.");

    const paris = await get("/c/studio-tremblay?lang=fr&tz=Europe/Paris");
    const parisText = text(paris.body);
    expect(parisText).toContain(
      "le mien, heure de l’Est (Toronto), et le vôtre, heure de l’Europe centrale (Paris)",
    );
    expect(parisText).toContain(
      "lundi 9 h 00 – 12 h 00 13 h 00 – 17 h 00 15 h 00 – 18 h 00 19 h 00 – 23 h 00",
    );
    expect(paris.body).toContain('<option value="Europe/Paris" selected>');
    // The choice is remembered, and a response that sets a cookie is not shared by caches.
    expect(paris.headers["set-cookie"]).toMatch(
      /^tz=Europe(%2F|\/)Paris; Max-Age=\d+; Path=\/c; HttpOnly; SameSite=Lax/,
    );
    expect(paris.headers["cache-control"]).toBe("private, max-age=60");

    const tokyo = text(
      (await get("/c/studio-tremblay?lang=en", { cookie: "tz=Asia%2FTokyo" })).body,
    );
    expect(tokyo).toContain("yours, Japan Standard Time (Tokyo)");
    // 1:00–5:00 p.m. on Monday in Toronto is Tuesday morning in Tokyo.
    expect(tokyo).toContain("11:00 p.m. – Tue 2:00 a.m. Tue 3:00 a.m. – 7:00 a.m.");
    expect(tokyo).toContain("(Tuesday, November 24 at 2:00 a.m. GMT+9 your time)");

    const unknown = await get(`/c/studio-tremblay?lang=en&tz=${encodeURIComponent("<b>Mars</b>")}`);
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain("“&lt;b&gt;Mars&lt;/b&gt;” is not a time zone I know.");
    expect(text(unknown.body)).toContain("Time zone shown: mine, Eastern Time (Toronto).");
  });

  it("lists the holidays, closures and special days of the next 90 days", async () => {
    const winter = text((await get("/c/studio-tremblay?lang=fr")).body);
    expect(winter).toContain("mercredi 23 décembre Horaire spécial : 9 h 00 – 12 h 00");
    expect(winter).toContain("24 décembre 2026 – 4 janvier 2027 Fermeture · Holidays");
    now = Date.parse("2026-06-01T13:00:00Z");
    try {
      const fr = text((await get("/c/studio-tremblay?lang=fr")).body);
      expect(fr).toContain("mercredi 24 juin Jour férié · Fête nationale du Québec");
      expect(fr).toContain("mercredi 1er juillet Jour férié · Fête du Canada");
      const en = text((await get("/c/studio-tremblay?lang=en")).body);
      expect(en).toContain("Wednesday, July 1 Public holiday · Canada Day");
      expect(en).not.toContain("Labour Day"); // September 7: more than 90 days ahead
      expect(en).not.toContain("Closed · Holidays"); // the winter closure is further away
    } finally {
      now = MONDAY_9AM;
    }
  });

  it("writes channels, requests, meetings and money in plain words", async () => {
    const en = text((await get("/c/studio-tremblay?lang=en")).body);
    expect(en).toContain(
      "Client portal Accepted When Any time; I answer during my opening hours Reply Within 8 business hours",
    );
    expect(en).toContain("I read it at 10:00 a.m. and 3:00 p.m.");
    expect(en).toContain("Phone By appointment only When During my opening hours only");
    expect(en).toContain("Text messages Not used Please use instead: Client portal.");
    expect(en).toContain("Allow 2 business days for any new task.");
    expect(en).toContain("A rush request costs 50% more, at most 1 time a month.");
    expect(en).toContain("Book at least 24 business hours ahead.");
    expect(en).toContain(
      "Free up to 24 hours before. A later cancellation counts as a meeting used.",
    );
    expect(en).toContain("At most 3 a day and at most 8 a week.");
    expect(en).toContain("Invoices are payable within 15 days.");
    expect(en).toContain("Bank transfer, Interac e-Transfer and credit card.");
    expect(en).toContain("2% a month, after 5 days of grace.");
    expect(en).toContain("Same prices for everyone; smaller packages instead of discounts.");
    const fr = text((await get("/c/studio-tremblay?lang=fr")).body);
    expect(fr).toContain(
      "Mêmes prix pour tout le monde ; de plus petits forfaits plutôt que des rabais.",
    );
    expect(fr).toContain("Sous 16 heures ouvrables");
  });

  it("gives every offer its own anchor, price and terms of sale", async () => {
    const fr = await get("/c/studio-tremblay?lang=fr");
    for (const id of ["essentiel", "signature", "accompagnement"]) {
      expect(fr.body).toContain(`<article class="offer" id="offer-${id}"`);
      expect(fr.body).toContain(`href="http://localhost:3000/c/studio-tremblay#offer-${id}"`);
    }
    const frText = text(fr.body);
    expect(frText).toContain("Signature Prix : 2 400,00 $");
    expect(frText).toContain("5 × Gabarits réseaux sociaux");
    expect(frText).toContain("Appels supplémentaires (4 inclus)");
    expect(frText).toContain("Page d’accueil 1 800,00 $");
    expect(frText).toContain("Acompte à la signature (30 %) : 720,00 $");
    expect(fr.body).toContain(
      'Budget plus serré\u00a0? Voyez <a href="#offer-essentiel">Essentiel</a>',
    );
    const en = text((await get("/c/studio-tremblay?lang=en")).body);
    expect(en).toContain("Signature Price: $2,400.00");
    expect(en).toContain("Essentiel Price: $800.00"); // no package price: the sum of the items
    expect(en).toContain("Extra revision rounds (2 included)");
  });

  it("escapes everything the professional wrote", async () => {
    const res = await get(`/c/${evil.workspace.slug}?lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/<script|<img|<\/p>&lt;/i);
    expect(res.body).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(res.body).toContain(`<h1>Atelier &lt;script&gt;`);
    expect(res.body).toMatch(
      /<meta property="og:title" content="Atelier &lt;script&gt;[^"]*&amp; Cie/,
    );
  });

  it("sends no JavaScript, and forbids it", async () => {
    for (const url of [
      "/c/studio-tremblay?lang=fr",
      "/c/studio-tremblay?lang=en&tz=Asia/Tokyo",
      "/c/nobody?lang=fr",
    ]) {
      const res = await get(url);
      expect(res.body, url).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
      expect(res.headers["content-security-policy"]).toMatch(
        /^default-src 'none'; style-src 'sha256-/,
      );
      expect(res.headers["content-security-policy"]).not.toContain("script-src");
    }
  });

  it("has landmarks, one h1, a skip link, and OpenGraph and Twitter tags", async () => {
    const body = (await get("/c/studio-tremblay?lang=en")).body;
    for (const tag of ["<header", "<nav", "<main", "<footer"]) expect(body).toContain(tag);
    expect(body.match(/<h1[ >]/g)).toHaveLength(1);
    expect(body).toContain('<a class="skip" href="#main">Skip to content</a>');
    expect(body).toContain('<main id="main"');
    expect(body).toContain(
      '<meta property="og:title" content="Studio Tremblay: working charter and terms of sale">',
    );
    expect(body).toContain('<meta property="og:type" content="website">');
    expect(body).toContain(
      '<meta property="og:url" content="http://localhost:3000/c/studio-tremblay?lang=en">',
    );
    expect(body).toMatch(
      /<meta property="og:description" content="Studio Tremblay: opening hours[^"]*3 offers\.">/,
    );
    expect(body).toContain('<meta name="twitter:card" content="summary">');
    expect(body).toContain('<meta name="twitter:title" content="Studio Tremblay');
    expect(body).toContain('<link rel="canonical" href="http://localhost:3000/c/studio-tremblay">');
    expect(body).toContain("Version 1, published on Monday, November 23, 2026");
    expect(body).toMatch(/<style>[^<]*@media print\{/);
    expect(body.match(/<style>/g)).toHaveLength(1);
  });

  it("answers 404 in the visitor's language, with the same look", async () => {
    for (const [url, headers, lang, title] of [
      ["/c/nobody-here", { "accept-language": "fr-CA" }, "fr", "Page introuvable"],
      ["/c/nobody-here?lang=en", { "accept-language": "fr" }, "en", "Page not found"],
      [`/c/${draftOnly.workspace.slug}?lang=fr`, {}, "fr", "Page introuvable"],
      [`/c/${"x".repeat(150)}?lang=en`, {}, "en", "Page not found"],
    ] as const) {
      const res = await get(url, headers);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(res.body).toContain(`<html lang="${lang}">`);
      expect(res.body).toContain(`<h1>${title}</h1>`);
      expect(res.body).toContain('<main id="main"');
    }
  });

  it("is cacheable for a minute and answers 304 to its ETag", async () => {
    const first = await get("/c/studio-tremblay?lang=en");
    expect(first.headers["cache-control"]).toBe("public, max-age=60");
    expect(first.headers.vary).toBe("Accept-Language, Cookie");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const again = await get("/c/studio-tremblay?lang=en", { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
  });

  it("keeps the example page (3 offers) within 30 KB of HTML and CSS", async () => {
    for (const lang of ["fr", "en"]) {
      const body = (await get(`/c/studio-tremblay?lang=${lang}&tz=Europe/Paris`)).body;
      const raw = Buffer.byteLength(body);
      const gzip = gzipSync(body).length;
      console.log(
        `public page size (${lang}, 3 offers, two zones): ${raw} B raw, ${gzip} B gzip; budget ${PAGE_BUDGET_BYTES} B`,
      );
      expect(raw).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
    }
  });
});
