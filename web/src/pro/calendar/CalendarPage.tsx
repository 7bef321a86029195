// /app/calendar?week=YYYY-MM-DD: the professional's week (Monday to Sunday, in their zone, named)
// with their open hours, closed days and holidays, the meetings clients booked (client, meeting
// type) and the busy times imported from their other calendars; below, the imported calendars
// and the private feed.
import "../../i18n/bookings.ts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Alert, Button, ErrorMessage, PageHeader } from "../../components/ui.tsx";
import { ApiError, get, query } from "../../lib/api.ts";
import { type Agenda, addDays, type Booking, mondayOf, timeRangeText } from "../../lib/bookings.ts";
import { useFormat } from "../../lib/format.tsx";
import { useSession } from "../../lib/session.ts";
import { todayIn } from "../../lib/time.ts";
import { useClients } from "../useClients.ts";
import { Feed } from "./Feed.tsx";
import { Sources } from "./Sources.tsx";
import { WeekGrid, type WeekItem, weekDays } from "./WeekGrid.tsx";

const isDate = (text: string | null): text is string =>
  text !== null && /^\d{4}-\d{2}-\d{2}$/.test(text);

function Legend() {
  const { t } = useTranslation();
  const swatch = "inline-block size-3.5 rounded-sm align-middle";
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-stone-700" data-testid="week-legend">
      <li className="flex items-center gap-1.5">
        <span className={`${swatch} border border-stone-300 bg-white`} />
        {t("calendarPage.legendOpen")}
      </li>
      <li className="flex items-center gap-1.5">
        <span
          className={`${swatch} border border-stone-300`}
          style={{
            backgroundImage:
              "repeating-linear-gradient(135deg, rgb(245 245 244) 0 3px, rgb(214 211 209) 3px 4px)",
          }}
        />
        {t("calendarPage.legendClosed")}
      </li>
      <li className="flex items-center gap-1.5">
        <span className={`${swatch} border-l-4 border-teal-950 bg-teal-700`} />
        {t("calendarPage.legendBooking")}
      </li>
      <li className="flex items-center gap-1.5">
        <span className={`${swatch} border border-stone-400 bg-stone-200`} />
        {t("calendarPage.legendBusy")}
      </li>
    </ul>
  );
}

export default function CalendarPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const memberId = session.data?.user?.id;
  const clients = useClients();
  const [params, setParams] = useSearchParams();
  const thisMonday = mondayOf(todayIn(fmt.zone));
  const monday = isDate(params.get("week")) ? mondayOf(params.get("week") as string) : thisMonday;
  const days = weekDays(monday, fmt.zone);
  const from = new Date(days[0]?.start ?? 0).toISOString();
  const to = new Date(days[6]?.end ?? 0).toISOString();

  const agenda = useQuery({
    queryKey: ["calendar", "agenda", from, to, i18n.language],
    queryFn: () => get<Agenda>(`/calendar/agenda${query({ from, to })}`),
    refetchInterval: 60_000,
  });
  const bookings = useQuery({
    queryKey: ["bookings", "week", memberId, from, to],
    queryFn: () =>
      get<{ items: Booking[] }>(
        `/bookings${query({ from, to, memberId, status: "booked", limit: 200 })}`,
      ),
    enabled: Boolean(memberId),
    refetchInterval: 60_000,
  });

  const noCharter = agenda.error instanceof ApiError && agenda.error.status === 409;
  const typeName = (id: string) => {
    const m = agenda.data?.meetingTypes.find((x) => x.id === id);
    return m?.name || (m ? t("meetings.unnamed", { count: m.durationMinutes }) : id);
  };
  const items: WeekItem[] = [
    ...(bookings.data?.items ?? []).map((b) => {
      const client = clients.byId.get(b.clientId)?.name ?? t("calendarPage.unknownClient");
      const time = timeRangeText(b, fmt.locale, fmt.zone);
      const type = typeName(b.meetingTypeId);
      return {
        id: b.id,
        kind: "booking" as const,
        start: b.start,
        end: b.end,
        title: client,
        detail: `${time} · ${type}${b.extraPrice !== null ? ` · ${t("calendarPage.paidExtra")}` : ""}`,
      };
    }),
    ...(agenda.data?.busy ?? []).map((b, i) => ({
      id: `busy-${b.sourceId}-${i}`,
      kind: "busy" as const,
      start: b.start,
      end: b.end,
      title: t("calendarPage.legendBusy"),
      detail: `${timeRangeText(b, fmt.locale, fmt.zone)} · ${b.label}`,
    })),
  ];
  const count = bookings.data?.items.length ?? 0;

  const rangeLabel = new Intl.DateTimeFormat(fmt.locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).formatRange(new Date(`${monday}T12:00:00Z`), new Date(`${addDays(monday, 6)}T12:00:00Z`));
  const go = (date: string) =>
    setParams(date === thisMonday ? {} : { week: date }, { replace: false });
  const charterZone = agenda.data?.timezone;

  return (
    <div className="space-y-6">
      <PageHeader title={t("calendarPage.title")} description={t("calendarPage.description")} />

      <section aria-labelledby="week-title" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2
              id="week-title"
              className="text-lg font-semibold text-stone-900"
              data-testid="week-title"
            >
              {t("calendarPage.weekOf", { range: rangeLabel })}
            </h2>
            <p className="text-sm text-stone-600" data-testid="week-zone">
              {t("calendarPage.zoneNote", { zone: fmt.zone, abbr: fmt.zoneName(fmt.zone, from) })}
              {charterZone && charterZone !== fmt.zone && (
                <> {t("calendarPage.charterZone", { zone: charterZone })}</>
              )}
              {" · "}
              <span data-testid="week-count">{t("calendarPage.meetingsThisWeek", { count })}</span>
            </p>
          </div>
          <nav className="flex flex-wrap gap-2" aria-label={t("calendarPage.weekNav")}>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => go(addDays(monday, -7))}
              data-testid="week-prev"
            >
              <span aria-hidden="true">←</span> {t("calendarPage.previousWeek")}
            </Button>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => go(thisMonday)}
              disabled={monday === thisMonday}
              data-testid="week-today"
            >
              {t("calendarPage.thisWeek")}
            </Button>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => go(addDays(monday, 7))}
              data-testid="week-next"
            >
              {t("calendarPage.nextWeek")} <span aria-hidden="true">→</span>
            </Button>
          </nav>
        </div>
        {noCharter && <Alert tone="info">{t("calendarPage.noCharter")}</Alert>}
        {agenda.error && !noCharter && <ErrorMessage error={agenda.error} />}
        {bookings.error && <ErrorMessage error={bookings.error} />}
        <Legend />
        <WeekGrid monday={monday} agenda={agenda.data ?? null} items={items} />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Sources />
        <Feed />
      </div>
    </div>
  );
}
