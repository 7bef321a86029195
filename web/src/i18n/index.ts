// i18next with the two complete catalogs (fr, en). The chosen language is remembered per area:
// the professional workspace and the client portal (which defaults to the client's locale).
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { setApiLanguage } from "../lib/api.ts";
import en from "./en.json";
import fr from "./fr.json";

export const LANGUAGES = ["fr", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export type Area = "pro" | "portal";
const storageKey = (area: Area) => (area === "portal" ? "cadre.portal.lang" : "cadre.lang");

export function asLanguage(value: string | null | undefined): Language | null {
  const base = value?.slice(0, 2).toLowerCase();
  return base === "fr" || base === "en" ? base : null;
}

function stored(area: Area): Language | null {
  try {
    return asLanguage(localStorage.getItem(storageKey(area)));
  } catch {
    return null;
  }
}

export function browserLanguage(): Language {
  for (const candidate of navigator.languages ?? [navigator.language]) {
    const lang = asLanguage(candidate);
    if (lang) return lang;
  }
  return "en";
}

export function areaOf(pathname: string): Area {
  return pathname.startsWith("/portal") ? "portal" : "pro";
}

/** True when the visitor chose a language in this area (so the client's locale does not win). */
export function hasChosenLanguage(area: Area): boolean {
  return stored(area) !== null;
}

function apply(lang: Language): void {
  document.documentElement.lang = lang;
  setApiLanguage(lang);
}

export function initI18n(pathname: string): typeof i18next {
  const lang = stored(areaOf(pathname)) ?? browserLanguage();
  apply(lang);
  void i18next.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: lang,
    fallbackLng: "en",
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  i18next.on("languageChanged", (next) => apply(asLanguage(next) ?? "en"));
  return i18next;
}

/** Switch language and remember it for this area. */
export function chooseLanguage(lang: Language, area: Area): void {
  try {
    localStorage.setItem(storageKey(area), lang);
  } catch {
    // private mode: the choice lasts for this page
  }
  void i18next.changeLanguage(lang);
}

/** Switch language without remembering it (the portal following the client's locale). */
export function followLocale(locale: string): void {
  const lang = asLanguage(locale);
  if (lang && i18next.language !== lang) void i18next.changeLanguage(lang);
}

/** The locale for Intl formatting: the browser's regional variant of the UI language if any. */
export function intlLocale(lang: string, hint?: string | null): string {
  const base = asLanguage(lang) ?? "en";
  if (hint && asLanguage(hint) === base) return hint;
  for (const candidate of navigator.languages ?? []) {
    if (asLanguage(candidate) === base && candidate.length > 2) return candidate;
  }
  return base;
}
