// The 404 page of /c/{slug}: same look, localised, with the language switch.
import { type Html, html } from "./html.ts";
import { layout } from "./layout.ts";
import { type Lang, messages } from "./messages.ts";

export function renderNotFoundPage(input: { lang: Lang; baseUrl: string; path: string }): Html {
  const m = messages(input.lang);
  const href = (lang: Lang) => `${input.path}?lang=${lang}`;
  return layout({
    lang: input.lang,
    title: m.notFound.title,
    description: m.notFound.text,
    url: `${input.baseUrl}${href(input.lang)}`,
    languages: (["fr", "en"] as const).map((lang) => ({ lang, href: href(lang) })),
    heading: m.notFound.title,
    main: html`<div class="card notfound"><p>${m.notFound.text}</p></div>`,
  });
}
