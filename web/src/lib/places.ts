// Countries and their holiday regions (the codes the server's date-holidays knows), loaded on
// demand; names come from the browser (Intl.DisplayNames) in the UI language.
import { useQuery } from "@tanstack/react-query";

export type RegionTable = Record<string, Record<string, string>>;

export function useHolidayRegions() {
  return useQuery({
    queryKey: ["holiday-regions"],
    queryFn: async () => (await import("../data/holiday-regions.json")).default as RegionTable,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

const EURO = "AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MC MT NL PT SI SK SM VA AD ME XK".split(
  " ",
);
const CURRENCY: Record<string, string> = {
  CA: "CAD",
  US: "USD",
  GB: "GBP",
  CH: "CHF",
  AU: "AUD",
  NZ: "NZD",
  MA: "MAD",
  TN: "TND",
  SN: "XOF",
  CI: "XOF",
  CM: "XAF",
  JP: "JPY",
  SE: "SEK",
  NO: "NOK",
  DK: "DKK",
  PL: "PLN",
  CZ: "CZK",
  HU: "HUF",
  RO: "RON",
  MX: "MXN",
  BR: "BRL",
  IN: "INR",
  ZA: "ZAR",
  SG: "SGD",
  HK: "HKD",
  IL: "ILS",
  TR: "TRY",
  AR: "ARS",
  CL: "CLP",
  CO: "COP",
  DZ: "DZD",
  HT: "HTG",
};

export function currencyOf(country: string): string | undefined {
  return EURO.includes(country) ? "EUR" : CURRENCY[country];
}

export const COMMON_CURRENCIES = ["CAD", "EUR", "USD", "CHF", "GBP", "AUD", "XOF", "MAD"];

/** French names where date-holidays only has English ones (Canada's provinces and territories). */
const FRENCH_NAMES: Record<string, Record<string, string>> = {
  CA: {
    BC: "Colombie-Britannique",
    NB: "Nouveau-Brunswick",
    NL: "Terre-Neuve-et-Labrador",
    NS: "Nouvelle-Écosse",
    NT: "Territoires du Nord-Ouest",
    PE: "Île-du-Prince-Édouard",
    QC: "Québec",
  },
};

/** A holiday region's name in the UI language when known. */
export function regionLabel(
  table: RegionTable | undefined,
  country: string,
  region: string,
  language: string,
): string | undefined {
  if (language.startsWith("fr")) {
    const french = FRENCH_NAMES[country]?.[region];
    if (french) return french;
  }
  return table?.[country]?.[region];
}

/** The regions of a country as select options, named in the UI language. */
export function regionOptions(table: RegionTable | undefined, country: string, language: string) {
  return Object.keys(table?.[country] ?? {})
    .map((code) => ({ value: code, label: regionLabel(table, country, code, language) ?? code }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
}
