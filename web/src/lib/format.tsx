// Formatting in the UI language and the viewer's zone (always named), shared by every page.
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../i18n/index.ts";
import {
  formatDate,
  formatDateTime,
  formatLocalDate,
  formatWallTime,
  viewerZone,
  zoneName,
} from "./time.ts";

interface FormatSettings {
  zone: string;
  localeHint: string | null;
}

const FormatContext = createContext<FormatSettings>({ zone: viewerZone(), localeHint: null });

export function FormatProvider(props: {
  zone?: string | null;
  localeHint?: string | null;
  children: ReactNode;
}) {
  const parent = useContext(FormatContext);
  const zone = props.zone || parent.zone;
  const localeHint = props.localeHint === undefined ? parent.localeHint : props.localeHint;
  const value = useMemo(() => ({ zone, localeHint }), [zone, localeHint]);
  return <FormatContext.Provider value={value}>{props.children}</FormatContext.Provider>;
}

export function useFormat() {
  const { i18n } = useTranslation();
  const { zone, localeHint } = useContext(FormatContext);
  const locale = intlLocale(i18n.language, localeHint);
  return useMemo(
    () => ({
      locale,
      zone,
      dateTime: (value: string | number, inZone = zone) => formatDateTime(value, locale, inZone),
      date: (value: string | number, inZone = zone) => formatDate(value, locale, inZone),
      localDate: (value: string) => formatLocalDate(value, locale),
      wall: (time: string) => formatWallTime(time, locale),
      zoneName: (inZone = zone, at?: string | number) => zoneName(inZone, locale, at),
      money: (minor: number | null | undefined, currency: string | null | undefined) => {
        if (minor === null || minor === undefined) return "—";
        try {
          const f = new Intl.NumberFormat(locale, {
            style: "currency",
            currency: currency || "CAD",
          });
          // Minor units: cents for CAD and EUR, the unit itself for JPY.
          return f.format(minor / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
        } catch {
          return `${(minor / 100).toFixed(2)} ${currency ?? ""}`.trim();
        }
      },
      number: (value: number) => new Intl.NumberFormat(locale).format(value),
      list: (items: string[]) =>
        new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items),
      region: (code: string) => {
        try {
          return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
        } catch {
          return code;
        }
      },
      language: (code: string) => {
        try {
          return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
        } catch {
          return code;
        }
      },
    }),
    [locale, zone],
  );
}
