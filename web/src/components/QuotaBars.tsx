// Quotas used vs included (calls, revision rounds, hours), as labelled meters.
import { useTranslation } from "react-i18next";
import type { QuotaKey } from "../lib/types.ts";

export interface QuotaRow {
  quota: QuotaKey;
  included: number;
  used: number;
  left: number;
}

export function QuotaBars({ rows }: { rows: QuotaRow[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="text-sm text-stone-600">{t("quota.none")}</p>;
  return (
    <ul className="space-y-3" data-testid="quotas">
      {rows.map((row) => {
        const ratio =
          row.included > 0 ? Math.min(1, row.used / row.included) : row.used > 0 ? 1 : 0;
        const over = row.used > row.included;
        return (
          <li key={row.quota} data-testid={`quota-${row.quota}`}>
            <div className="flex justify-between text-sm">
              <span className="font-medium text-stone-800">{t(`quota.${row.quota}`)}</span>
              <span className={over ? "font-medium text-rose-800" : "text-stone-700"}>
                {t("quota.usedOf", { used: row.used, included: row.included })} ·{" "}
                {t("quota.left", { count: Math.max(0, row.left) })}
              </span>
            </div>
            {/* biome-ignore lint/a11y/useSemanticElements: a styled bar; <meter> cannot be styled the same in every browser */}
            <div
              role="meter"
              aria-label={t(`quota.${row.quota}`)}
              aria-valuemin={0}
              aria-valuemax={row.included}
              aria-valuenow={row.used}
              aria-valuetext={t("quota.usedOf", { used: row.used, included: row.included })}
              className="mt-1 h-2 overflow-hidden rounded-full bg-stone-200"
            >
              <div
                className={`h-full rounded-full ${over ? "bg-rose-700" : ratio >= 0.75 ? "bg-amber-600" : "bg-teal-700"}`}
                style={{ width: `${Math.round(ratio * 100)}%` }}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
