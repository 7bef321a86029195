// The document around every public page: head (meta, OpenGraph, the one inline stylesheet),
// skip link, header with the language switch, optional table of contents, main and footer.
import { type Html, html, type Renderable, raw } from "./html.ts";
import { type Lang, messages } from "./messages.ts";
import { CSS } from "./style.ts";

export interface PageLink {
  lang: Lang;
  href: string;
}

export interface LayoutInput {
  lang: Lang;
  title: string;
  description: string;
  /** Absolute URL of this page in this language (og:url). */
  url: string;
  /** Absolute URL without language or zone (rel=canonical). */
  canonical?: string | undefined;
  /** The same page in each language, for the switch. */
  languages: PageLink[];
  /** Absolute URLs of the page in each language (hreflang alternates). */
  alternates?: PageLink[] | undefined;
  kicker?: string | undefined;
  heading: string;
  /** Under the heading: the lede, version line… */
  intro?: Renderable;
  toc?: { href: string; label: string }[] | undefined;
  main: Renderable;
  footer?: Renderable;
}

const OG_LOCALE: Record<Lang, string> = { fr: "fr_CA", en: "en_CA" };

export function layout(page: LayoutInput): Html {
  const m = messages(page.lang);
  const other = page.languages.filter((l) => l.lang !== page.lang);
  return html`<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<meta name="description" content="${page.description}">
${page.canonical ? html`<link rel="canonical" href="${page.canonical}">` : ""}
${(page.alternates ?? []).map((l) => html`<link rel="alternate" hreflang="${l.lang}" href="${l.href}">`)}
<meta property="og:type" content="website">
<meta property="og:site_name" content="Cadre">
<meta property="og:title" content="${page.title}">
<meta property="og:description" content="${page.description}">
<meta property="og:url" content="${page.url}">
<meta property="og:locale" content="${OG_LOCALE[page.lang]}">
${other.map((l) => html`<meta property="og:locale:alternate" content="${OG_LOCALE[l.lang]}">`)}
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${page.title}">
<meta name="twitter:description" content="${page.description}">
<style>${raw(CSS)}</style>
</head>
<body>
<a class="skip" href="#main">${m.skip}</a>
<header class="top">
<div class="wrap">
<nav class="langs" aria-label="${m.navLanguage}">
<ul>${page.languages.map((l) => {
    const name = messages(l.lang).langName;
    return l.lang === page.lang
      ? html`<li><a href="${l.href}" lang="${l.lang}" hreflang="${l.lang}" aria-current="true">${name}</a></li>`
      : html`<li><a href="${l.href}" lang="${l.lang}" hreflang="${l.lang}">${name}</a></li>`;
  })}</ul>
</nav>
${page.kicker ? html`<p class="kicker">${page.kicker}</p>` : ""}
<h1>${page.heading}</h1>
${page.intro}
</div>
${
  page.toc
    ? html`<nav class="toc" aria-label="${m.navToc}"><div class="wrap"><ul>${page.toc.map(
        (t) => html`<li><a href="${t.href}">${t.label}</a></li>`,
      )}</ul></div></nav>`
    : ""
}
</header>
<main id="main" tabindex="-1">
<div class="wrap">${page.main}</div>
</main>
<footer class="foot">
<div class="wrap">${page.footer}<p>${m.footer}</p></div>
</footer>
</body>
</html>
`;
}
