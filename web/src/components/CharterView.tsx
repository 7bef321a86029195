// A compact reading of a charter: the editor's live preview and the client portal's charter.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  channelSummary,
  dayName,
  holidaysText,
  intervalsText,
  lateCancelSentence,
  lateFeeText,
  meetingName,
  meetingSummary,
  methodName,
  type Words,
} from "../lib/charter-words.ts";
import { useFormat } from "../lib/format.tsx";
import { regionLabel, useHolidayRegions } from "../lib/places.ts";
import { type Charter, type Offer, QUOTA_KEYS, WEEKDAYS } from "../lib/types.ts";
import { channelName, durationText } from "../lib/words.ts";

export function useWords(): Words {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const regions = useHolidayRegions();
  const language = i18n.language;
  return useMemo(
    () => ({
      t,
      fmt,
      regionName: (country: string, region: string) =>
        regionLabel(regions.data, country, region, language),
    }),
    [t, fmt, regions.data, language],
  );
}

export function offerPrice(offer: Offer): number {
  return offer.price ?? offer.items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
}

function Section(props: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="border-t border-stone-200 pt-3" data-testid={props.testId}>
      <h3 className="mb-1.5 text-sm font-semibold text-stone-900">{props.title}</h3>
      <div className="space-y-1 text-sm text-stone-800">{props.children}</div>
    </section>
  );
}

export function CharterView({
  charter,
  offers = [],
  title,
  compact = false,
}: {
  charter: Charter;
  offers?: Offer[];
  title?: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const w = useWords();
  const money = charter.money;
  const requests = charter.requests ?? {};
  const today = new Date().toISOString().slice(0, 10);
  const closures = (charter.closures ?? []).filter((c) => (c.to ?? "") >= today);
  const overrides = (charter.overrides ?? []).filter((o) => (o.date ?? "") >= today);
  const text = compact ? "text-xs" : "text-sm";
  return (
    <div className={`space-y-3 ${text}`} data-testid="charter-view">
      {title && <h2 className="text-lg font-semibold text-stone-900">{title}</h2>}
      <Section title={t("preview.hours")} testId="preview-hours">
        <p className="text-xs text-stone-600">
          {t("preview.zone", { zone: charter.timezone, name: safeZoneName(fmt, charter.timezone) })}
        </p>
        <table className="w-full">
          <caption className="sr-only">{t("preview.hours")}</caption>
          <tbody>
            {WEEKDAYS.map((day) => (
              <tr key={day} className="align-top">
                <th scope="row" className="w-28 py-0.5 pr-2 text-left font-medium text-stone-700">
                  {dayName(w, day)}
                </th>
                <td className="py-0.5">{intervalsText(w, charter.hours?.[day])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{t("preview.holidays", { holidays: holidaysText(w, charter.holidays) })}</p>
        {closures.map((c) => (
          <p key={`${c.from}-${c.to}`}>
            {t("preview.closure", {
              from: fmt.localDate(c.from),
              to: fmt.localDate(c.to),
            })}
            {c.label ? ` — ${c.label}` : ""}
          </p>
        ))}
        {overrides.map((o) => (
          <p key={o.date}>
            {t("preview.override", {
              date: fmt.localDate(o.date),
              hours: intervalsText(w, o.hours),
            })}
            {o.label ? ` — ${o.label}` : ""}
          </p>
        ))}
      </Section>
      <Section title={t("preview.channels")} testId="preview-channels">
        <ul className="space-y-1">
          {(charter.channels ?? []).map((c) => (
            <li key={c.id}>
              <span className="font-medium">{channelName(t, c.id)}</span> — {channelSummary(w, c)}
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t("preview.requests")}>
        <p>{t("preview.leadTime", { duration: durationText(t, requests.leadTime) })}</p>
        <p>
          {requests.rush?.allowed
            ? t("preview.rushAllowed", { percent: requests.rush.feePercent ?? 0 }) +
              (requests.rush.maxPerMonth !== undefined
                ? ` ${t("preview.rushCap", { count: requests.rush.maxPerMonth })}`
                : "")
            : t("preview.rushRefused")}
        </p>
      </Section>
      {(charter.meetings ?? []).length > 0 && (
        <Section title={t("preview.meetings")} testId="preview-meetings">
          <ul className="space-y-1">
            {(charter.meetings ?? []).map((m) => (
              <li key={m.id}>
                <span className="font-medium">{meetingName(w, m)}</span> — {meetingSummary(w, m)}.{" "}
                {lateCancelSentence(w, m)}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {money && (
        <Section title={t("preview.money")} testId="preview-money">
          <p>{t("preview.terms", { count: money.paymentTermsDays ?? 30 })}</p>
          {(money.depositPercent ?? 0) > 0 && (
            <p>{t("preview.deposit", { percent: money.depositPercent })}</p>
          )}
          {(money.methods ?? []).length > 0 && (
            <p>
              {t("preview.methods", {
                methods: fmt.list((money.methods ?? []).map((m) => methodName(w, m))),
              })}
            </p>
          )}
          <p>{lateFeeText(w, money.lateFee, money.currency)}</p>
          <p>{t(`preview.discounts.${money.discounts ?? "alternatives"}`)}</p>
        </Section>
      )}
      {offers.length > 0 && (
        <Section title={t("preview.offers")} testId="preview-offers">
          <ul className="space-y-2">
            {offers.map((offer) => (
              <li key={offer.id} id={`offer-${offer.id}`}>
                <p className="font-medium">
                  {offer.name} — {fmt.money(offerPrice(offer), offer.currency)}
                </p>
                <p className="text-stone-700">
                  {fmt.list(
                    offer.items.map((i) =>
                      i.quantity === 1 ? i.name : `${i.quantity} × ${i.name}`,
                    ),
                  )}
                </p>
                {offer.quotas && (
                  <p className="text-stone-700">
                    {fmt.list(
                      QUOTA_KEYS.filter((k) => offer.quotas?.[k] !== undefined).map((k) =>
                        t(`quota.count.${k}`, { count: offer.quotas?.[k] ?? 0 }),
                      ),
                    )}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}

function safeZoneName(fmt: ReturnType<typeof useFormat>, zone: string): string {
  try {
    return fmt.zoneName(zone);
  } catch {
    return "?";
  }
}
