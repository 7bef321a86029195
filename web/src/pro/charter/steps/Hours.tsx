// Step 1: zone and languages, weekly hours (several intervals a day), public holidays,
// closures and one-day overrides.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Button, Checkbox, errorsAt, SelectField, TextField } from "../../../components/ui.tsx";
import { useFormat } from "../../../lib/format.tsx";
import { regionOptions, useHolidayRegions } from "../../../lib/places.ts";
import { allTimeZones, todayIn } from "../../../lib/time.ts";
import { type Interval, WEEKDAYS } from "../../../lib/types.ts";
import { FieldErrors, IntervalsEditor, type StepProps, StepSection } from "./common.tsx";

export function HoursStep({ draft, update, errors, workspace }: StepProps) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const zones = useMemo(() => allTimeZones(), []);
  const regions = useHolidayRegions();
  const country = workspace.country;
  const primary = draft.locales[0] ?? workspace.locale;
  const primaryLang = primary.slice(0, 2);
  const otherLocale = `${primaryLang === "fr" ? "en" : "fr"}${primary.length > 2 ? primary.slice(2) : `-${country}`}`;
  const bilingual = draft.locales.some((l) => l.slice(0, 2) !== primaryLang);
  const holidayCountry = draft.holidays?.country ?? "";
  const countryOptions = useMemo(
    () =>
      Object.keys(regions.data ?? (holidayCountry ? { [holidayCountry]: {} } : {}))
        .map((code) => ({ value: code, label: fmt.region(code) }))
        .sort((a, b) => a.label.localeCompare(b.label, fmt.locale)),
    [regions.data, fmt, holidayCountry],
  );
  const regionChoices = regionOptions(regions.data, holidayCountry, i18n.language);

  return (
    <>
      <StepSection title={t("hours.general")} description={t("hours.generalHelp")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t("hours.timezone")}
            data-testid="charter-timezone"
            value={draft.timezone}
            onChange={(e) =>
              update((d) => {
                d.timezone = e.target.value;
              })
            }
            options={zones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }))}
            errors={errorsAt(errors, "timezone")}
          />
          <SelectField
            label={t("hours.mainLanguage")}
            hint={t("hours.mainLanguageHelp")}
            data-testid="charter-language"
            value={primaryLang}
            onChange={(e) =>
              update((d) => {
                const lang = e.target.value;
                const region = primary.length > 2 ? primary.slice(2) : `-${country}`;
                const main = `${lang}${region}`;
                const other = `${lang === "fr" ? "en" : "fr"}${region}`;
                d.locales = bilingual ? [main, other] : [main];
              })
            }
            options={[
              { value: "fr", label: "Français" },
              { value: "en", label: "English" },
            ]}
            errors={errorsAt(errors, "locales")}
          />
        </div>
        <Checkbox
          label={t("hours.alsoOther", { language: fmt.language(otherLocale.slice(0, 2)) })}
          checked={bilingual}
          data-testid="charter-bilingual"
          onChange={(e) =>
            update((d) => {
              d.locales = e.target.checked ? [primary, otherLocale] : [primary];
            })
          }
        />
      </StepSection>

      <StepSection
        title={t("hours.weekly")}
        description={t("hours.weeklyHelp", { zone: draft.timezone })}
        testId="weekly-hours"
      >
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            variant="secondary"
            data-testid="copy-monday"
            onClick={() =>
              update((d) => {
                for (const day of ["tue", "wed", "thu", "fri"] as const)
                  d.hours[day] = structuredClone(d.hours.mon ?? []);
              })
            }
          >
            {t("hours.copyMonday")}
          </Button>
        </div>
        <div className="divide-y divide-stone-100">
          {WEEKDAYS.map((day) => (
            <div key={day} className="grid gap-2 py-2 sm:grid-cols-[7rem_1fr] sm:items-center">
              <span className="text-sm font-medium text-stone-800">{t(`days.${day}`)}</span>
              <div>
                <IntervalsEditor
                  label={t(`days.${day}`)}
                  intervals={draft.hours[day] ?? []}
                  testId={`hours-${day}`}
                  onChange={(next) =>
                    update((d) => {
                      d.hours[day] = next;
                    })
                  }
                />
                <FieldErrors messages={errorsAt(errors, `hours.${day}`)} />
              </div>
            </div>
          ))}
        </div>
        <FieldErrors messages={errorsAt(errors, "hours", true)} />
        <p className="text-xs text-stone-600">{t("hours.midnightHelp")}</p>
      </StepSection>

      <StepSection
        title={t("hours.holidays")}
        description={t("hours.holidaysHelp")}
        testId="holidays"
      >
        <Checkbox
          label={t("hours.observeHolidays")}
          checked={Boolean(draft.holidays)}
          onChange={(e) =>
            update((d) => {
              d.holidays = e.target.checked
                ? {
                    country: workspace.country,
                    ...(workspace.region ? { region: workspace.region } : {}),
                  }
                : null;
            })
          }
        />
        {draft.holidays && (
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label={t("auth.country")}
              data-testid="holidays-country"
              value={holidayCountry}
              onChange={(e) =>
                update((d) => {
                  d.holidays = { country: e.target.value };
                })
              }
              options={countryOptions}
              errors={errorsAt(errors, "holidays.country")}
            />
            <SelectField
              label={t("auth.region")}
              data-testid="holidays-region"
              value={draft.holidays.region ?? ""}
              disabled={regionChoices.length === 0}
              onChange={(e) =>
                update((d) => {
                  if (!d.holidays) return;
                  if (e.target.value) d.holidays.region = e.target.value;
                  else delete d.holidays.region;
                })
              }
              options={[{ value: "", label: t("auth.noRegion") }, ...regionChoices]}
              errors={errorsAt(errors, "holidays.region")}
            />
          </div>
        )}
      </StepSection>

      <StepSection
        title={t("hours.closures")}
        description={t("hours.closuresHelp")}
        testId="closures"
      >
        {(draft.closures ?? []).map((closure, i) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            key={i}
            className="grid items-end gap-3 sm:grid-cols-[10rem_10rem_1fr_auto]"
          >
            <TextField
              type="date"
              label={t("hours.from")}
              value={closure.from}
              data-testid={`closure-${i}-from`}
              onChange={(e) =>
                update((d) => {
                  (d.closures ?? [])[i]!.from = e.target.value;
                })
              }
              errors={errorsAt(errors, `closures[${i}].from`)}
            />
            <TextField
              type="date"
              label={t("hours.to")}
              value={closure.to}
              data-testid={`closure-${i}-to`}
              onChange={(e) =>
                update((d) => {
                  (d.closures ?? [])[i]!.to = e.target.value;
                })
              }
              errors={errorsAt(errors, `closures[${i}].to`)}
            />
            <TextField
              label={t("hours.label")}
              value={closure.label ?? ""}
              data-testid={`closure-${i}-label`}
              onChange={(e) =>
                update((d) => {
                  (d.closures ?? [])[i]!.label = e.target.value;
                })
              }
            />
            <Button
              variant="danger"
              size="sm"
              className="mb-1"
              onClick={() => update((d) => void d.closures?.splice(i, 1))}
            >
              {t("common.remove")}
            </Button>
          </div>
        ))}
        <Button
          variant="secondary"
          size="sm"
          data-testid="add-closure"
          onClick={() =>
            update((d) => {
              const today = todayIn(d.timezone);
              d.closures ??= [];
              d.closures.push({ from: today, to: today, label: "" });
            })
          }
        >
          + {t("hours.addClosure")}
        </Button>
      </StepSection>

      <StepSection
        title={t("hours.overrides")}
        description={t("hours.overridesHelp")}
        testId="overrides"
      >
        {(draft.overrides ?? []).map((o, i) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            key={i}
            className="space-y-2 rounded-md border border-stone-200 p-3"
          >
            <div className="grid items-end gap-3 sm:grid-cols-[10rem_1fr_auto]">
              <TextField
                type="date"
                label={t("hours.date")}
                value={o.date}
                data-testid={`override-${i}-date`}
                onChange={(e) =>
                  update((d) => {
                    (d.overrides ?? [])[i]!.date = e.target.value;
                  })
                }
                errors={errorsAt(errors, `overrides[${i}].date`)}
              />
              <TextField
                label={t("hours.label")}
                value={o.label ?? ""}
                onChange={(e) =>
                  update((d) => {
                    (d.overrides ?? [])[i]!.label = e.target.value;
                  })
                }
              />
              <Button
                variant="danger"
                size="sm"
                className="mb-1"
                onClick={() => update((d) => void d.overrides?.splice(i, 1))}
              >
                {t("common.remove")}
              </Button>
            </div>
            <IntervalsEditor
              label={o.date || t("hours.date")}
              intervals={o.hours}
              testId={`override-${i}-hours`}
              onChange={(next: Interval[]) =>
                update((d) => {
                  (d.overrides ?? [])[i]!.hours = next;
                })
              }
            />
            <FieldErrors messages={errorsAt(errors, `overrides[${i}].hours`)} />
          </div>
        ))}
        <Button
          variant="secondary"
          size="sm"
          data-testid="add-override"
          onClick={() =>
            update((d) => {
              d.overrides ??= [];
              d.overrides.push({
                date: todayIn(d.timezone),
                hours: [["09:00", "12:00"]],
                label: "",
              });
            })
          }
        >
          + {t("hours.addOverride")}
        </Button>
      </StepSection>
    </>
  );
}
