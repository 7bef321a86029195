// Sales taxes of the workspace: start from a ready-made setup (Quebec's GST and QST, Ontario's
// HST, France's TVA or its franchise), adjust labels, rates and registration numbers, and see at
// once what they add to an example amount — each tax on the pre-tax amount, rounded half up.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePercent } from "../../components/money.tsx";
import {
  Alert,
  Button,
  Card,
  ErrorMessage,
  errorsAt,
  focusRing,
  Loading,
  PageHeader,
  TextField,
} from "../../components/ui.tsx";
import { ApiError, get, put } from "../../lib/api.ts";
import { useFormat } from "../../lib/format.tsx";
import type { TaxRate, TaxSettings, TaxSetup } from "../../lib/money.ts";
import { useSession } from "../../lib/session.ts";

const KEY = ["settings", "taxes"] as const;
const PRESET_ORDER = ["CA-QC", "CA-ON", "FR", "FR-franchise"];

interface Row {
  id: string;
  fr: string;
  en: string;
  rate: string;
  registration: string;
}

const toRows = (setup: TaxSetup): Row[] =>
  setup.taxes.map((tax) => ({
    id: tax.id,
    fr: tax.label.fr,
    en: tax.label.en,
    rate: String(tax.ratePercent),
    registration: tax.registration ?? "",
  }));

const slugOf = (text: string, index: number) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40) || `tax-${index + 1}`;

/** round_half_up(base × rate / 100) on integers, as the server computes each tax. */
function taxOn(base: number, ratePercent: number): number {
  const micro = Math.round(ratePercent * 1_000_000);
  const numerator = base * micro;
  const denominator = 100_000_000;
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

export default function TaxSettingsPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const queryClient = useQueryClient();
  const percent = usePercent();
  const lang = i18n.language.startsWith("fr") ? "fr" : "en";
  const currency = session.data?.workspace.currency ?? "CAD";
  const settings = useQuery({ queryKey: KEY, queryFn: () => get<TaxSettings>("/settings/taxes") });
  const [rows, setRows] = useState<Row[]>([]);
  const [note, setNote] = useState({ fr: "", en: "" });
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (settings.data && !dirty) {
      setRows(toRows(settings.data));
      setNote(settings.data.exemptionNote ?? { fr: "", en: "" });
    }
  }, [settings.data, dirty]);
  const save = useMutation({
    mutationFn: (body: TaxSetup) => put<TaxSettings>("/settings/taxes", body),
    onSuccess: (next) => {
      queryClient.setQueryData(KEY, next);
      setDirty(false);
    },
  });
  const edit = (index: number, patch: Partial<Row>) => {
    setDirty(true);
    save.reset();
    setRows((all) => all.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  };
  const applyPreset = (id: string) => {
    const preset = settings.data?.presets[id];
    if (!preset) return;
    setDirty(true);
    save.reset();
    setRows(toRows(preset));
    setNote(preset.exemptionNote ?? { fr: "", en: "" });
  };
  const taxes: TaxRate[] = rows.map((r, i) => ({
    id: r.id || slugOf(r.en || r.fr, i),
    label: { fr: r.fr.trim(), en: r.en.trim() },
    ratePercent: Number(r.rate.replace(",", ".")),
    ...(r.registration.trim() ? { registration: r.registration.trim() } : {}),
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      taxes,
      ...(note.fr.trim() && note.en.trim()
        ? { exemptionNote: { fr: note.fr.trim(), en: note.en.trim() } }
        : {}),
    });
  };
  const details = save.error instanceof ApiError ? save.error.details : [];
  const example = 100_000;
  const amounts = taxes.map((tax) => ({
    tax,
    amount: Number.isFinite(tax.ratePercent) ? taxOn(example, tax.ratePercent) : 0,
  }));
  const total = example + amounts.reduce((s, a) => s + a.amount, 0);

  if (settings.isPending) return <Loading />;
  if (settings.error) return <ErrorMessage error={settings.error} />;
  const presets = PRESET_ORDER.filter((p) => settings.data.presets[p]).concat(
    Object.keys(settings.data.presets).filter((p) => !PRESET_ORDER.includes(p)),
  );
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to="/app/invoices" className={`text-teal-800 underline ${focusRing}`}>
          {t("invoices.back")}
        </Link>
      </p>
      <PageHeader title={t("taxes.title")} description={t("taxes.intro")} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <form onSubmit={submit} className="space-y-6" data-testid="taxes-form">
          <Card>
            <h2 className="mb-1 text-base font-semibold">{t("taxes.presets")}</h2>
            <p className="mb-3 text-sm text-stone-600">{t("taxes.presetsHelp")}</p>
            <div className="flex flex-wrap gap-2">
              {presets.map((p) => (
                <Button
                  key={p}
                  variant="secondary"
                  size="sm"
                  data-testid={`taxes-preset-${p}`}
                  onClick={() => applyPreset(p)}
                >
                  {t(`taxes.preset.${p}`, { defaultValue: p })}
                </Button>
              ))}
            </div>
          </Card>
          <Card>
            <h2 className="mb-3 text-base font-semibold">{t("taxes.rates")}</h2>
            {rows.length === 0 && (
              <p className="mb-3 text-sm text-stone-600" data-testid="taxes-none">
                {t("taxes.none")}
              </p>
            )}
            <ol className="space-y-4">
              {rows.map((row, i) => (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
                  key={i}
                  className="grid gap-3 rounded-md border border-stone-200 p-4 sm:grid-cols-2"
                  data-testid={`tax-${i}`}
                >
                  <div className="flex items-center justify-between gap-2 sm:col-span-2">
                    <h3 className="text-sm font-semibold text-stone-900">
                      {row[lang] || row.en || row.fr || t("taxes.newTax")}
                      {row.rate && (
                        <span className="ml-2 font-normal text-stone-600">
                          {Number.isFinite(Number(row.rate.replace(",", ".")))
                            ? percent(Number(row.rate.replace(",", ".")))
                            : row.rate}
                        </span>
                      )}
                    </h3>
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => {
                        setDirty(true);
                        setRows((all) => all.filter((_, j) => j !== i));
                      }}
                    >
                      {t("taxes.remove", { name: row[lang] || row.en || row.fr })}
                    </Button>
                  </div>
                  <TextField
                    label={t("taxes.nameFr")}
                    lang="fr"
                    required
                    value={row.fr}
                    data-testid={`tax-${i}-fr`}
                    errors={errorsAt(details, `taxes[${i}].label.fr`)}
                    onChange={(e) => edit(i, { fr: e.target.value })}
                  />
                  <TextField
                    label={t("taxes.nameEn")}
                    lang="en"
                    required
                    value={row.en}
                    data-testid={`tax-${i}-en`}
                    errors={errorsAt(details, `taxes[${i}].label.en`)}
                    onChange={(e) => edit(i, { en: e.target.value })}
                  />
                  <TextField
                    label={t("taxes.rate")}
                    inputMode="decimal"
                    required
                    value={row.rate}
                    data-testid={`tax-${i}-rate`}
                    errors={errorsAt(details, `taxes[${i}].ratePercent`)}
                    onChange={(e) => edit(i, { rate: e.target.value })}
                  />
                  <TextField
                    label={t("taxes.registration")}
                    value={row.registration}
                    data-testid={`tax-${i}-registration`}
                    errors={errorsAt(details, `taxes[${i}].registration`)}
                    onChange={(e) => edit(i, { registration: e.target.value })}
                  />
                </li>
              ))}
            </ol>
            <Button
              variant="secondary"
              size="sm"
              className="mt-3"
              data-testid="tax-add"
              onClick={() => {
                setDirty(true);
                setRows((all) => [...all, { id: "", fr: "", en: "", rate: "", registration: "" }]);
              }}
            >
              {t("taxes.add")}
            </Button>
          </Card>
          <Card>
            <h2 className="mb-1 text-base font-semibold">{t("taxes.exemption")}</h2>
            <p className="mb-3 text-sm text-stone-600">{t("taxes.exemptionHelp")}</p>
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                label={t("taxes.labelFr")}
                lang="fr"
                value={note.fr}
                onChange={(e) => {
                  setDirty(true);
                  setNote({ ...note, fr: e.target.value });
                }}
              />
              <TextField
                label={t("taxes.labelEn")}
                lang="en"
                value={note.en}
                onChange={(e) => {
                  setDirty(true);
                  setNote({ ...note, en: e.target.value });
                }}
              />
            </div>
          </Card>
          {save.error && <ErrorMessage error={save.error} />}
          {save.isSuccess && !dirty && (
            <Alert tone="success" data-testid="taxes-saved">
              {t("taxes.saved")}
            </Alert>
          )}
          <Button type="submit" disabled={save.isPending || !dirty} data-testid="taxes-save">
            {save.isPending ? t("common.working") : t("taxes.save")}
          </Button>
        </form>
        <aside aria-labelledby="taxes-example">
          <Card>
            <h2 id="taxes-example" className="mb-1 text-base font-semibold">
              {t("taxes.example")}
            </h2>
            <p className="mb-3 text-sm text-stone-600">{t("taxes.exampleHelp")}</p>
            <dl className="space-y-1 text-sm" data-testid="taxes-example">
              <div className="flex justify-between">
                <dt>{t("invoice.subtotal")}</dt>
                <dd className="tabular-nums">{fmt.money(example, currency)}</dd>
              </div>
              {amounts.map(({ tax, amount }, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: same rows as the form
                <div key={i} className="flex justify-between">
                  <dt>{`${tax.label[lang] || "—"} (${Number.isFinite(tax.ratePercent) ? percent(tax.ratePercent) : "?"})`}</dt>
                  <dd className="tabular-nums">{fmt.money(amount, currency)}</dd>
                </div>
              ))}
              <div className="flex justify-between border-t border-stone-200 pt-1 font-semibold">
                <dt>{t("invoice.total")}</dt>
                <dd className="tabular-nums">{fmt.money(total, currency)}</dd>
              </div>
            </dl>
            {settings.data.updatedAt && (
              <p className="mt-3 text-xs text-stone-600">
                {t("taxes.updatedAt", { at: fmt.dateTime(settings.data.updatedAt) })}
              </p>
            )}
          </Card>
        </aside>
      </div>
    </div>
  );
}
