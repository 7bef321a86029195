// The free times of one meeting type, a week at a time, grouped by day in the viewer's zone
// (the days come grouped and labelled by the API in that zone). Each time is a button; its
// accessible name is the full date and time with the zone named.
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, focusRing } from "../../components/ui.tsx";
import { mondayOf, rangeText, type SlotDay, type TimeRange, timeText } from "../../lib/bookings.ts";
import { useFormat } from "../../lib/format.tsx";

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export function SlotPicker(props: {
  days: SlotDay[];
  zone: string;
  selected: string | null;
  onPick: (slot: TimeRange) => void;
  /** Shown on each time when the meeting would be a paid extra. */
  paid?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const weeks = useMemo(() => {
    const byWeek = new Map<string, SlotDay[]>();
    for (const day of props.days) {
      if (day.slots.length === 0) continue;
      const key = mondayOf(day.date);
      byWeek.set(key, [...(byWeek.get(key) ?? []), day]);
    }
    return [...byWeek.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [props.days]);
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (index > 0 && index >= weeks.length) setIndex(Math.max(0, weeks.length - 1));
  }, [index, weeks.length]);

  if (weeks.length === 0) {
    return (
      <p
        className="rounded-lg border border-dashed border-stone-300 px-4 py-8 text-center text-sm text-stone-600"
        data-testid="no-slots"
      >
        {t("booking.noSlots")}
      </p>
    );
  }
  const [monday, days] = weeks[Math.min(index, weeks.length - 1)] as [string, SlotDay[]];
  // Dates in the UI's locale (the API's labels follow the client's locale, which may differ).
  const dayLabel = (date: string) =>
    capitalise(
      new Intl.DateTimeFormat(fmt.locale, {
        weekday: "long",
        day: "numeric",
        month: "long",
        timeZone: "UTC",
      }).format(new Date(`${date}T12:00:00Z`)),
    );
  const weekLabel = new Intl.DateTimeFormat(fmt.locale, {
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(new Date(`${monday}T12:00:00Z`));

  return (
    <div className="space-y-3" data-testid="slot-picker">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-stone-900" data-testid="slot-week">
          {t("booking.weekOf", { date: weekLabel })}
        </h3>
        <div className="flex gap-2">
          <Button
            variant="secondary"
            size="sm"
            disabled={index === 0}
            onClick={() => setIndex((i) => Math.max(0, i - 1))}
            data-testid="slot-prev-week"
          >
            <span aria-hidden="true">←</span> {t("booking.previousWeek")}
          </Button>
          <Button
            variant="secondary"
            size="sm"
            disabled={index >= weeks.length - 1}
            onClick={() => setIndex((i) => Math.min(weeks.length - 1, i + 1))}
            data-testid="slot-next-week"
          >
            {t("booking.nextWeek")} <span aria-hidden="true">→</span>
          </Button>
        </div>
      </div>
      <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200">
        {days.map((day) => (
          <li
            key={day.date}
            className="grid gap-2 px-4 py-3 sm:grid-cols-[11rem_1fr] sm:items-start"
            data-testid="slot-day"
            data-date={day.date}
          >
            <div>
              <h4 className="text-sm font-medium text-stone-900">{dayLabel(day.date)}</h4>
              <p className="text-xs text-stone-600">
                {t("booking.slotsCount", { count: day.slots.length })}
              </p>
            </div>
            <ul className="flex flex-wrap gap-2">
              {day.slots.map((slot) => {
                const active = props.selected === slot.start;
                return (
                  <li key={slot.start}>
                    <button
                      type="button"
                      data-testid="slot"
                      data-start={slot.start}
                      aria-label={rangeText(slot, fmt.locale, props.zone)}
                      aria-pressed={active}
                      onClick={() => props.onPick(slot)}
                      className={`min-w-[5.5rem] rounded-md border px-3 py-1.5 text-sm font-medium tabular-nums transition-colors ${focusRing} ${
                        active
                          ? "border-teal-800 bg-teal-800 text-white"
                          : props.paid
                            ? "border-amber-300 bg-amber-50 text-amber-950 hover:border-amber-500"
                            : "border-teal-200 bg-teal-50 text-teal-900 hover:border-teal-500 hover:bg-teal-100"
                      }`}
                    >
                      {timeText(slot.start, fmt.locale, props.zone)}
                    </button>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
