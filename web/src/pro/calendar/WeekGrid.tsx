// A week, Monday to Sunday, in the viewer's zone: open hours shaded white on a striped closed
// background, closed days and holidays named in the day header, bookings (client, meeting type)
// and imported busy times as blocks, and a line at the current time. Each day is a list, so a
// screen reader reads the week day by day.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Agenda, addDays } from "../../lib/bookings.ts";
import { useFormat } from "../../lib/format.tsx";
import { epochToWall, wallToEpoch } from "../../lib/time.ts";

const HOUR_PX = 64;
const PX_PER_MIN = HOUR_PX / 60;
const DAY_MIN = 24 * 60;

export interface WeekItem {
  id: string;
  kind: "booking" | "busy";
  start: string;
  end: string;
  title: string;
  detail: string;
}

interface Segment {
  item: WeekItem;
  top: number;
  bottom: number;
  lane: number;
  lanes: number;
}

interface Day {
  date: string;
  start: number;
  end: number;
}

const pad = (n: number) => String(n).padStart(2, "0");
const hhmm = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

function minuteOf(epoch: number, zone: string): number {
  const wall = epochToWall(epoch, zone);
  return Number(wall.slice(11, 13)) * 60 + Number(wall.slice(14, 16));
}

/** The part of [s, e) inside the day, as minutes after its midnight (wall clock). */
function clip(day: Day, s: number, e: number, zone: string): [number, number] | null {
  const a = Math.max(s, day.start);
  const b = Math.min(e, day.end);
  if (b <= a) return null;
  const top = a === day.start ? 0 : minuteOf(a, zone);
  const bottom = b === day.end ? DAY_MIN : minuteOf(b, zone) || DAY_MIN;
  return bottom > top ? [top, bottom] : null;
}

/** Side-by-side lanes for blocks that overlap. */
function layOut(segments: Omit<Segment, "lane" | "lanes">[]): Segment[] {
  const sorted = [...segments].sort((x, y) => x.top - y.top || y.bottom - x.bottom);
  const out: Segment[] = [];
  let cluster: Segment[] = [];
  let clusterEnd = -1;
  const close = () => {
    const lanes = Math.max(1, ...cluster.map((s) => s.lane + 1));
    for (const s of cluster) s.lanes = lanes;
    cluster = [];
  };
  for (const seg of sorted) {
    if (seg.top >= clusterEnd) close();
    const laneEnds: number[] = [];
    for (const c of cluster) laneEnds[c.lane] = Math.max(laneEnds[c.lane] ?? 0, c.bottom);
    let lane = laneEnds.findIndex((end) => end <= seg.top);
    if (lane === -1) lane = laneEnds.length;
    const placed = { ...seg, lane, lanes: 1 };
    cluster.push(placed);
    out.push(placed);
    clusterEnd = Math.max(clusterEnd, seg.bottom);
  }
  close();
  return out;
}

export function weekDays(monday: string, zone: string): Day[] {
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(monday, i);
    return {
      date,
      start: wallToEpoch(`${date}T00:00`, zone),
      end: wallToEpoch(`${addDays(date, 1)}T00:00`, zone),
    };
  });
}

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

const CLOSED_STRIPES = {
  backgroundImage:
    "repeating-linear-gradient(135deg, rgb(245 245 244) 0 6px, rgb(231 229 228) 6px 7px)",
};

export function WeekGrid(props: { monday: string; agenda: Agenda | null; items: WeekItem[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const now = useNow();
  const zone = fmt.zone;
  const days = weekDays(props.monday, zone);
  const today = epochToWall(now, zone).slice(0, 10);

  const openByDay = days.map((day) =>
    (props.agenda?.open ?? [])
      .map((o) => clip(day, Date.parse(o.start), Date.parse(o.end), zone))
      .filter((x): x is [number, number] => x !== null),
  );
  const itemsByDay = days.map((day) =>
    layOut(
      props.items
        .map((item) => {
          const c = clip(day, Date.parse(item.start), Date.parse(item.end), zone);
          return c ? { item, top: c[0], bottom: c[1] } : null;
        })
        .filter((x): x is Omit<Segment, "lane" | "lanes"> => x !== null),
    ),
  );

  // The hours shown: 08:00–18:00 at least, widened to every open hour and every block.
  let first = 8 * 60;
  let last = 18 * 60;
  for (const list of [...openByDay, ...itemsByDay.map((l) => l.map((s) => [s.top, s.bottom]))]) {
    for (const [a, b] of list as [number, number][]) {
      first = Math.min(first, a);
      last = Math.max(last, b);
    }
  }
  first = Math.max(0, Math.floor(first / 60) * 60);
  last = Math.min(DAY_MIN, Math.ceil(last / 60) * 60);
  const height = (last - first) * PX_PER_MIN;
  const hours = Array.from({ length: (last - first) / 60 }, (_, i) => first + i * 60);
  const hourLabel = (minute: number) =>
    new Intl.DateTimeFormat(fmt.locale, { hour: "numeric", timeZone: "UTC" }).format(
      new Date(Date.UTC(2000, 0, 3, minute / 60)),
    );
  const closedOf = (date: string) => props.agenda?.closedDays.find((d) => d.date === date);

  return (
    <div
      className="overflow-x-auto rounded-lg border border-stone-200 bg-white"
      data-testid="week-grid"
    >
      <div className="grid min-w-[52rem] grid-cols-[3.5rem_repeat(7,minmax(0,1fr))]">
        {/* Header row */}
        <div className="border-b border-stone-200" />
        {days.map((day, i) => {
          const closed = closedOf(day.date);
          const isToday = day.date === today;
          const noOpenTime = (openByDay[i] ?? []).length === 0;
          const label = new Intl.DateTimeFormat(fmt.locale, {
            weekday: "short",
            day: "numeric",
            timeZone: "UTC",
          }).format(new Date(`${day.date}T12:00:00Z`));
          return (
            <div
              key={day.date}
              className={`border-b border-l border-stone-200 px-2 py-2 ${isToday ? "bg-teal-50" : ""}`}
              data-testid="week-day-header"
              data-date={day.date}
            >
              <p
                className={`text-sm font-semibold ${isToday ? "text-teal-900" : "text-stone-900"}`}
                id={`day-${day.date}`}
              >
                {label}
                {isToday && <span className="sr-only"> ({t("calendarPage.today")})</span>}
              </p>
              {closed ? (
                <p
                  className="truncate text-xs font-medium text-rose-800"
                  data-testid="week-day-closed"
                  title={closed.label ?? undefined}
                >
                  {t(`calendarPage.${closed.kind}`)}
                  {closed.label ? ` · ${closed.label}` : ""}
                </p>
              ) : noOpenTime ? (
                <p className="text-xs text-stone-600" data-testid="week-day-closed">
                  {t("calendarPage.closed")}
                </p>
              ) : (
                <p className="text-xs text-stone-600">
                  {(openByDay[i] ?? [])
                    .map(([a, b]) => `${fmt.wall(hhmm(a))}\u2013${fmt.wall(hhmm(b))}`)
                    .join(", ")}
                </p>
              )}
            </div>
          );
        })}

        {/* Hour gutter */}
        <div className="relative" style={{ height }} aria-hidden="true">
          {hours.map((m) => (
            <span
              key={m}
              className={`absolute right-2 text-[11px] text-stone-600 tabular-nums ${m === first ? "translate-y-0.5" : "-translate-y-1/2"}`}
              style={{ top: (m - first) * PX_PER_MIN }}
            >
              {hourLabel(m)}
            </span>
          ))}
        </div>

        {/* Day columns */}
        {days.map((day, i) => {
          const segments = itemsByDay[i] ?? [];
          const nowMinute = day.date === today ? minuteOf(now, zone) : null;
          return (
            <div
              key={day.date}
              className="relative border-l border-stone-200"
              style={{ height, ...CLOSED_STRIPES }}
              data-testid="week-day"
              data-date={day.date}
            >
              {(openByDay[i] ?? []).map(([a, b]) => (
                <div
                  key={a}
                  className="absolute inset-x-0 bg-white"
                  style={{ top: (a - first) * PX_PER_MIN, height: (b - a) * PX_PER_MIN }}
                  data-testid="week-open"
                />
              ))}
              {hours.map((m) => (
                <div
                  key={m}
                  aria-hidden="true"
                  className="absolute inset-x-0 border-t border-stone-200/80"
                  style={{ top: (m - first) * PX_PER_MIN }}
                />
              ))}
              <ul aria-labelledby={`day-${day.date}`} className="absolute inset-0">
                {segments.map((s) => {
                  const top = (s.top - first) * PX_PER_MIN;
                  const h = Math.max(18, (s.bottom - s.top) * PX_PER_MIN - 2);
                  const width = 100 / s.lanes;
                  const booking = s.item.kind === "booking";
                  return (
                    <li
                      key={`${s.item.id}-${s.top}`}
                      data-testid={booking ? "week-booking" : "week-busy"}
                      data-id={s.item.id}
                      data-start={s.item.start}
                      title={`${s.item.title} — ${s.item.detail}`}
                      className={`absolute overflow-hidden rounded-md px-1.5 py-0.5 text-[11px] leading-tight shadow-xs ${
                        booking
                          ? "border-l-4 border-teal-950 bg-teal-700 text-white"
                          : "border border-stone-400 bg-stone-200/95 text-stone-800"
                      }`}
                      style={{
                        top: top + 1,
                        height: h,
                        left: `calc(${s.lane * width}% + 2px)`,
                        width: `calc(${width}% - 4px)`,
                      }}
                    >
                      <p className="truncate font-semibold">{s.item.title}</p>
                      <p className="truncate">{s.item.detail}</p>
                    </li>
                  );
                })}
              </ul>
              {nowMinute !== null && nowMinute >= first && nowMinute <= last && (
                <div
                  aria-hidden="true"
                  className="pointer-events-none absolute inset-x-0 z-10 border-t-2 border-rose-600"
                  style={{ top: (nowMinute - first) * PX_PER_MIN }}
                >
                  <span className="absolute -top-1.5 -left-1 size-2.5 rounded-full bg-rose-600" />
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
