// Sign up: the professional's account and their workspace (name, public address, zone,
// language, country and region for public holidays, currency).
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { Button, ErrorMessage, errorsAt, SelectField, TextField } from "../../components/ui.tsx";
import { ApiError, post } from "../../lib/api.ts";
import { useFormat } from "../../lib/format.tsx";
import {
  COMMON_CURRENCIES,
  currencyOf,
  regionOptions,
  useHolidayRegions,
} from "../../lib/places.ts";
import { useStartSession } from "../../lib/session.ts";
import { slugify } from "../../lib/slug.ts";
import { allTimeZones, viewerZone } from "../../lib/time.ts";
import type { SignedIn } from "../../lib/types.ts";
import { AuthLayout } from "./AuthLayout.tsx";

function guessCountry(): string {
  for (const l of navigator.languages ?? []) {
    const m = /-([A-Z]{2})$/.exec(l);
    if (m?.[1]) return m[1];
  }
  return "CA";
}

export function SignUp() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const startSession = useStartSession();
  const regions = useHolidayRegions();
  const zones = useMemo(() => allTimeZones(), []);
  const [form, setForm] = useState(() => {
    const country = guessCountry();
    return {
      name: "",
      email: "",
      password: "",
      workspaceName: "",
      slug: "",
      slugEdited: false,
      timezone: viewerZone(),
      language: i18n.language.startsWith("fr") ? "fr" : "en",
      country,
      region: "",
      currency: currencyOf(country) ?? "EUR",
    };
  });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const signUp = useMutation({
    mutationFn: () =>
      post<SignedIn>("/signup", {
        email: form.email,
        password: form.password,
        name: form.name,
        workspace: {
          name: form.workspaceName,
          slug: form.slug,
          timezone: form.timezone,
          locale: `${form.language}-${form.country}`,
          country: form.country,
          ...(form.region ? { region: form.region } : {}),
          currency: form.currency,
        },
      }),
    onSuccess: (done) => {
      startSession(done);
      navigate("/app/charter");
    },
  });
  const details = signUp.error instanceof ApiError ? signUp.error.details : [];

  const countries = useMemo(() => {
    const codes = Object.keys(regions.data ?? { [form.country]: {} });
    return codes
      .map((code) => ({ value: code, label: fmt.region(code) }))
      .sort((a, b) => a.label.localeCompare(b.label, fmt.locale));
  }, [regions.data, fmt, form.country]);
  const regionChoices = regionOptions(regions.data, form.country, i18n.language);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signUp.mutate();
  };

  return (
    <AuthLayout
      wide
      title={t("auth.signUpTitle")}
      intro={
        <>
          {t("auth.signUpIntro")}{" "}
          <Link to="/signin" className="text-teal-800 underline">
            {t("auth.haveAccount")}
          </Link>
        </>
      }
    >
      <form onSubmit={submit} className="space-y-6" data-testid="signup-form" noValidate>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-semibold text-stone-900">{t("auth.you")}</legend>
          <TextField
            label={t("auth.name")}
            name="name"
            autoComplete="name"
            required
            value={form.name}
            onChange={(e) => set({ name: e.target.value })}
            errors={errorsAt(details, "name")}
            className="sm:col-span-2"
          />
          <TextField
            label={t("auth.email")}
            name="email"
            type="email"
            autoComplete="email"
            required
            value={form.email}
            onChange={(e) => set({ email: e.target.value })}
            errors={errorsAt(details, "email")}
          />
          <TextField
            label={t("auth.password")}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            hint={t("auth.passwordHint")}
            value={form.password}
            onChange={(e) => set({ password: e.target.value })}
            errors={errorsAt(details, "password")}
          />
        </fieldset>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-semibold text-stone-900">
            {t("auth.workspace")}
          </legend>
          <TextField
            label={t("auth.workspaceName")}
            name="workspace-name"
            required
            value={form.workspaceName}
            onChange={(e) =>
              set({
                workspaceName: e.target.value,
                ...(form.slugEdited ? {} : { slug: slugify(e.target.value) }),
              })
            }
            errors={errorsAt(details, "workspace.name")}
          />
          <TextField
            label={t("auth.slug")}
            name="slug"
            required
            hint={t("auth.slugHint", { url: `${window.location.origin}/c/${form.slug || "…"}` })}
            value={form.slug}
            onChange={(e) => set({ slug: slugify(e.target.value), slugEdited: true })}
            errors={errorsAt(details, "workspace.slug")}
          />
          <SelectField
            label={t("auth.timezone")}
            name="timezone"
            value={form.timezone}
            onChange={(e) => set({ timezone: e.target.value })}
            options={zones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }))}
            errors={errorsAt(details, "workspace.timezone")}
          />
          <SelectField
            label={t("auth.language")}
            name="language"
            hint={t("auth.languageHint")}
            value={form.language}
            onChange={(e) => set({ language: e.target.value })}
            options={[
              { value: "fr", label: "Français" },
              { value: "en", label: "English" },
            ]}
            errors={errorsAt(details, "workspace.locale")}
          />
          <SelectField
            label={t("auth.country")}
            name="country"
            value={form.country}
            onChange={(e) =>
              set({
                country: e.target.value,
                region: "",
                currency: currencyOf(e.target.value) ?? form.currency,
              })
            }
            options={countries}
            errors={errorsAt(details, "workspace.country")}
          />
          <SelectField
            label={t("auth.region")}
            name="region"
            hint={t("auth.regionHint")}
            value={form.region}
            disabled={regionChoices.length === 0}
            onChange={(e) => set({ region: e.target.value })}
            options={[{ value: "", label: t("auth.noRegion") }, ...regionChoices]}
            errors={errorsAt(details, "workspace.region")}
          />
          <SelectField
            label={t("auth.currency")}
            name="currency"
            value={form.currency}
            onChange={(e) => set({ currency: e.target.value })}
            options={[...new Set([form.currency, ...COMMON_CURRENCIES])].map((c) => ({
              value: c,
              label: c,
            }))}
            errors={errorsAt(details, "workspace.currency")}
          />
        </fieldset>
        {signUp.error && <ErrorMessage error={signUp.error} />}
        <Button
          type="submit"
          disabled={signUp.isPending}
          data-testid="signup-submit"
          className="w-full"
        >
          {signUp.isPending ? t("common.working") : t("auth.createWorkspace")}
        </Button>
      </form>
    </AuthLayout>
  );
}
