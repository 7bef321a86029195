// The public charter page /c/{slug}: who, hours in both zones, closures ahead, channels,
// requests, meetings, money, offers, version. Server-rendered, no JavaScript.
import { localParts } from "../../domain/business-time/zone.ts";
import type { Charter } from "../../domain/charter/schema.ts";
import { languageOf } from "../../domain/replies/format.ts";
import { pageFormat, zoneName } from "./format.ts";
import { type Html, html } from "./html.ts";
import { layout } from "./layout.ts";
import { type Lang, messages } from "./messages.ts";
import { offersSection, type PublicOffer } from "./offers.ts";
import type { PageContext } from "./page-context.ts";
import {
  contactSection,
  meetingsSection,
  moneySection,
  requestsSection,
} from "./sections-terms.ts";
import { closuresSection, hoursSection } from "./sections-time.ts";
import { type VisitorZone, zoneOptions } from "./zones.ts";

export interface CharterPageInput {
  lang: Lang;
  /** The public address of the app, without a trailing slash. */
  baseUrl: string;
  slug: string;
  workspace: { name: string; locale: string };
  version: number;
  publishedAt: string;
  charter: Charter;
  offers: PublicOffer[];
  visitor: VisitorZone;
  now: number;
}

/** The Intl locale for a language: the charter's own (fr-CA), else the workspace's, else fr/en. */
export function pageLocale(lang: Lang, charter: Charter | null, workspaceLocale: string): string {
  const candidates = [...(charter?.locales ?? []), workspaceLocale];
  return candidates.find((l) => languageOf(l) === lang) ?? lang;
}

/** /c/{slug}?lang=…[&tz=…] (tz only when the visitor chose it in the query). */
export function pagePath(slug: string, lang: Lang, tz?: string): string {
  const query = new URLSearchParams({ lang });
  if (tz) query.set("tz", tz);
  return `/c/${encodeURIComponent(slug)}?${query}`;
}

export function renderCharterPage(input: CharterPageInput): Html {
  const { lang, charter, now } = input;
  const m = messages(lang);
  const f = pageFormat(lang, pageLocale(lang, charter, input.workspace.locale));
  const path = `/c/${encodeURIComponent(input.slug)}`;
  const absoluteUrl = `${input.baseUrl}${path}`;
  const proZone = charter.timezone;
  const chosenTz = input.visitor.source === "query" ? input.visitor.zone : undefined;
  const c: PageContext = {
    lang,
    m,
    f,
    now,
    charter,
    proZone,
    proZoneName: zoneName(proZone, f.locale, now),
    visitorZone: input.visitor.zone,
    visitorZoneName: zoneName(input.visitor.zone, f.locale, now),
    rejectedZone: input.visitor.rejected,
    zoneOptions: zoneOptions([proZone, input.visitor.zone], f.locale, now),
    formAction: `${path}#hours`,
    absoluteUrl,
    versionKey: `${input.slug}/${input.version}/${input.publishedAt}`,
  };
  const published = Date.parse(input.publishedAt);
  const publishedDay = localParts(proZone, published).day;
  const versionLine = m.version(input.version, f.date(publishedDay, true));
  const languages = (["fr", "en"] as const).map((l) => ({
    lang: l,
    href: pagePath(input.slug, l, chosenTz),
  }));
  const toc = (["hours", "closures", "contact", "requests", "meetings", "money", "offers"] as const)
    .filter((id) =>
      id === "meetings" ? charter.meetings.length > 0 : id !== "money" || charter.money,
    )
    .map((id) => ({ href: `#${id}`, label: m.toc[id] }));
  return layout({
    lang,
    title: m.meta.title(input.workspace.name),
    description: m.meta.description(input.workspace.name, input.offers.length),
    url: `${input.baseUrl}${pagePath(input.slug, lang)}`,
    canonical: absoluteUrl,
    languages,
    alternates: (["fr", "en"] as const).map((l) => ({
      lang: l,
      href: `${input.baseUrl}${pagePath(input.slug, l)}`,
    })),
    kicker: m.kicker,
    heading: input.workspace.name,
    intro: html`<p class="lede">${m.lede}</p><p class="meta">${versionLine}</p>`,
    toc,
    main: [
      hoursSection(c),
      closuresSection(c),
      contactSection(c),
      requestsSection(c),
      meetingsSection(c),
      moneySection(c),
      offersSection(c, input.offers),
    ],
    footer: html`<p>${versionLine}. <a href="${absoluteUrl}">${absoluteUrl}</a></p>`,
  });
}
