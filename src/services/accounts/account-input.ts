// Checks of sign-up input that a schema cannot express: e-mail, slug, zone, locale, holidays,
// currency. Every problem is reported at once, each naming its field.
import {
  isKnownHolidayCountry,
  isKnownHolidayRegion,
} from "../../domain/business-time/holidays.ts";
import { isValidTimeZone } from "../../domain/business-time/zone.ts";
import { type ErrorDetail, invalid } from "../errors.ts";

const EMAIL = /^[^\s@"<>()[\],;:]+@[^\s@"<>()[\],;:]+\.[^\s@"<>()[\],;:]{2,}$/;
const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/;
const LOCALE = /^(fr|en)(-[A-Z]{2})?$/;
const RESERVED_SLUGS = new Set([
  "api",
  "app",
  "c",
  "portal",
  "admin",
  "login",
  "logout",
  "signup",
  "static",
  "assets",
  "docs",
  "public",
  "www",
  "mail",
  "invite",
  "help",
  "support",
  "settings",
  "health",
  "cadre",
]);
const CURRENCY_BY_COUNTRY: Record<string, string> = { CA: "CAD", FR: "EUR" };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The detail for an e-mail that is not one, or null. */
export function emailProblem(email: string, path: string): ErrorDetail | null {
  return EMAIL.test(email) && email.length <= 254
    ? null
    : { path, code: "email_format", params: { value: email } };
}

export interface WorkspaceInput {
  name: string;
  slug: string;
  timezone: string;
  locale: string;
  country: string;
  region?: string | undefined;
  currency?: string | undefined;
}

export interface CheckedWorkspace {
  name: string;
  slug: string;
  timezone: string;
  locale: string;
  country: string;
  region: string | null;
  currency: string;
}

/** Every problem with a workspace's fields, each at `workspace.<field>` (also used by import). */
export function workspaceProblems(w: WorkspaceInput, country: string, region: string | null) {
  const problems: ErrorDetail[] = [];
  const at = (field: string) => `workspace.${field}`;
  if (!SLUG.test(w.slug) || w.slug.includes("--")) {
    problems.push({ path: at("slug"), code: "slug_format", params: { value: w.slug } });
  } else if (RESERVED_SLUGS.has(w.slug)) {
    problems.push({ path: at("slug"), code: "slug_reserved", params: { value: w.slug } });
  }
  if (!isValidTimeZone(w.timezone)) {
    problems.push({
      path: at("timezone"),
      code: "unknown_timezone",
      params: { value: w.timezone },
    });
  }
  if (!LOCALE.test(w.locale)) {
    problems.push({ path: at("locale"), code: "locale_format", params: { value: w.locale } });
  }
  if (!isKnownHolidayCountry(country)) {
    problems.push({ path: at("country"), code: "unknown_holiday_country", params: { country } });
  } else if (region !== null && !isKnownHolidayRegion(country, region)) {
    problems.push({
      path: at("region"),
      code: "unknown_holiday_region",
      params: { country, region },
    });
  }
  if (w.currency !== undefined && !/^[A-Z]{3}$/.test(w.currency)) {
    problems.push({ path: at("currency"), code: "currency_format", params: { value: w.currency } });
  }
  return problems;
}

/** The normalised workspace and e-mail, or an invalid_input error listing every problem. */
export function checkSignUpInput(email: string, w: WorkspaceInput): CheckedWorkspace {
  const country = w.country.trim().toUpperCase();
  const region = w.region?.trim() ? w.region.trim().toUpperCase() : null;
  const slug = w.slug.trim();
  const emailIssue = emailProblem(email, "email");
  const problems = [
    ...(emailIssue ? [emailIssue] : []),
    ...workspaceProblems({ ...w, slug }, country, region),
  ];
  if (problems.length > 0) throw invalid("invalid_input", {}, problems);
  return {
    name: w.name.trim(),
    slug,
    timezone: w.timezone,
    locale: w.locale,
    country,
    region,
    currency: w.currency ?? CURRENCY_BY_COUNTRY[country] ?? "USD",
  };
}
