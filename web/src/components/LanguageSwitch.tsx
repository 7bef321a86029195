// Français / English; the choice is remembered for this area (workspace or portal).
import { useTranslation } from "react-i18next";
import { type Area, chooseLanguage, LANGUAGES } from "../i18n/index.ts";
import { focusRing } from "./ui.tsx";

const NAMES = { fr: "Français", en: "English" } as const;

export function LanguageSwitch({ area, onChange }: { area: Area; onChange?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="flex items-center gap-1" data-testid="language-switch">
      <legend className="sr-only">{t("common.language")}</legend>
      {LANGUAGES.map((lang) => {
        const active = i18n.language === lang;
        return (
          <button
            key={lang}
            type="button"
            lang={lang}
            aria-pressed={active}
            data-testid={`lang-${lang}`}
            onClick={() => {
              chooseLanguage(lang, area);
              onChange?.();
            }}
            className={`rounded px-2 py-1 text-xs font-medium ${focusRing} ${active ? "bg-teal-800 text-white" : "text-stone-700 hover:bg-stone-200"}`}
          >
            {NAMES[lang]}
          </button>
        );
      })}
    </fieldset>
  );
}
