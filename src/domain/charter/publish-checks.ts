// Publish-time checks that the schema cannot express. They read the document as written, so
// they run even when the schema rejects other parts: every piece with a bad shape is skipped
// here (the schema already reported it) and every other piece is still judged.
import Holidays from "date-holidays";
import { channelId, localDate, WEEKDAYS, type Weekday, wallTime } from "./schema.ts";

export type PublishIssue = {
  path: (string | number)[];
  code: string;
  params: Record<string, unknown>;
};
type Path = PublishIssue["path"];

const MINUTES_PER_DAY = 1440;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function minutesOf(value: unknown): number | undefined {
  if (!wallTime.safeParse(value).success) return undefined;
  const [hours, minutes] = (value as string).split(":").map(Number) as [number, number];
  return hours * 60 + minutes;
}

const isDate = (value: unknown): value is string => localDate.safeParse(value).success;
const isId = (value: unknown): value is string => channelId.safeParse(value).success;

/** One open interval laid on a minute axis (a day's, or the week's starting Monday 00:00). */
type Segment = { start: number; end: number; path: Path; label: string; day?: Weekday };

/**
 * Lays a day's intervals on the axis at `offset`; an interval whose end is not after its start
 * crosses midnight. Empty intervals and a 24:00 start are reported instead.
 */
function daySegments(
  intervals: unknown,
  path: Path,
  offset: number,
  issues: PublishIssue[],
  day?: Weekday,
): Segment[] {
  const segments: Segment[] = [];
  list(intervals).forEach((interval, index) => {
    if (!Array.isArray(interval) || interval.length !== 2) return;
    const [from, to] = [minutesOf(interval[0]), minutesOf(interval[1])];
    if (from === undefined || to === undefined) return;
    const label = `${interval[0]}–${interval[1]}`;
    if (from === MINUTES_PER_DAY) {
      issues.push({ path: [...path, index, 0], code: "start_at_24", params: { interval: label } });
    } else if (from === to) {
      issues.push({ path: [...path, index], code: "empty_interval", params: { interval: label } });
    } else {
      const end = to > from ? to : to + MINUTES_PER_DAY;
      const segment = { start: offset + from, end: offset + end, path: [...path, index], label };
      segments.push(day ? { ...segment, day } : segment);
    }
  });
  return segments;
}

/**
 * Reports each interval that starts before an earlier-starting one has ended. With `wrap`, the
 * axis is a week and Sunday's spill past midnight lands on Monday morning.
 */
function overlapIssues(segments: Segment[], wrap?: number): PublishIssue[] {
  const copies = wrap
    ? segments
        .filter((s) => s.end > wrap)
        .map((s) => ({ ...s, start: s.start - wrap, end: s.end - wrap }))
    : [];
  const axis = [...copies, ...segments].sort((a, b) => a.start - b.start);
  const issues: PublishIssue[] = [];
  let widest: Segment | undefined;
  for (const segment of axis) {
    if (widest && segment.start < widest.end && !copies.includes(segment)) {
      const params: Record<string, unknown> = { interval: segment.label, other: widest.label };
      if (widest.day !== segment.day) params.otherDay = widest.day;
      issues.push({ path: segment.path, code: "overlapping_intervals", params });
    }
    if (!widest || segment.end > widest.end) widest = segment;
  }
  return issues;
}

function weeklyHoursIssues(hours: unknown, path: Path): PublishIssue[] {
  if (!isRecord(hours)) return [];
  const issues: PublishIssue[] = [];
  const segments = WEEKDAYS.flatMap((day, index) =>
    daySegments(hours[day], [...path, day], index * MINUTES_PER_DAY, issues, day),
  );
  return [...issues, ...overlapIssues(segments, MINUTES_PER_WEEK)];
}

function overrideIssues(overrides: unknown): PublishIssue[] {
  const issues: PublishIssue[] = [];
  const seen = new Set<string>();
  list(overrides).forEach((override, index) => {
    if (!isRecord(override)) return;
    const path = ["overrides", index];
    if (isDate(override.date)) {
      if (seen.has(override.date)) {
        issues.push({
          path: [...path, "date"],
          code: "duplicate_override",
          params: { date: override.date },
        });
      }
      seen.add(override.date);
    }
    const segments = daySegments(override.hours, [...path, "hours"], 0, issues);
    issues.push(...overlapIssues(segments));
  });
  return issues;
}

const timeZones = new Set(Intl.supportedValuesOf("timeZone"));
const timeZonesByLowerCase = new Map([...timeZones].map((zone) => [zone.toLowerCase(), zone]));

function timeZoneIssues(zone: unknown): PublishIssue[] {
  if (typeof zone !== "string" || zone === "" || timeZones.has(zone)) return [];
  const path = ["timezone"];
  const suggestion = timeZonesByLowerCase.get(zone.toLowerCase());
  if (suggestion) return [{ path, code: "unknown_timezone", params: { value: zone, suggestion } }];
  // Fixed offsets such as "+01:00" are understood by Intl but are not IANA zones.
  if (!/^[+-]/.test(zone)) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return [];
    } catch {}
  }
  return [{ path, code: "unknown_timezone", params: { value: zone } }];
}

let holidays: Holidays | undefined;

function holidayIssues(spec: unknown): PublishIssue[] {
  if (!isRecord(spec) || typeof spec.country !== "string" || !/^[A-Z]{2}$/.test(spec.country)) {
    return [];
  }
  holidays ??= new Holidays();
  const country = spec.country;
  if (!(country in holidays.getCountries())) {
    return [
      { path: ["holidays", "country"], code: "unknown_holiday_country", params: { country } },
    ];
  }
  const region = spec.region;
  if (typeof region !== "string" || region === "") return [];
  const regions = holidays.getStates(country) ?? {};
  if (region in regions) return [];
  const params = { country, region, known: Object.keys(regions) };
  return [{ path: ["holidays", "region"], code: "unknown_holiday_region", params }];
}

function closureIssues(closures: unknown): PublishIssue[] {
  return list(closures).flatMap((closure, index) => {
    if (!isRecord(closure) || !isDate(closure.from) || !isDate(closure.to)) return [];
    if (closure.from <= closure.to) return [];
    const params = { from: closure.from, to: closure.to };
    return [{ path: ["closures", index], code: "closure_order", params }];
  });
}

/** Reports every entry whose `id` was already used by an earlier entry of the same list. */
function duplicateIdIssues(entries: unknown, path: Path, code: string): PublishIssue[] {
  const seen = new Set<string>();
  return list(entries).flatMap((entry, index) => {
    if (!isRecord(entry) || !isId(entry.id)) return [];
    if (!seen.has(entry.id)) {
      seen.add(entry.id);
      return [];
    }
    return [{ path: [...path, index, "id"], code, params: { id: entry.id } }];
  });
}

function channelIssues(channels: unknown): PublishIssue[] {
  const acceptedById = new Map<string, unknown>();
  for (const channel of list(channels)) {
    if (isRecord(channel) && isId(channel.id) && !acceptedById.has(channel.id)) {
      acceptedById.set(channel.id, channel.accepted);
    }
  }
  const issues = duplicateIdIssues(channels, ["channels"], "duplicate_channel");
  list(channels).forEach((channel, index) => {
    if (!isRecord(channel)) return;
    issues.push(...weeklyHoursIssues(channel.contactHours, ["channels", index, "contactHours"]));
    const target = channel.redirectTo;
    if (!isId(target)) return;
    const path = ["channels", index, "redirectTo"];
    if (!acceptedById.has(target)) {
      issues.push({ path, code: "unknown_redirect_channel", params: { id: target } });
    } else if (acceptedById.get(target) === false) {
      issues.push({ path, code: "redirect_not_accepted", params: { id: target } });
    }
  });
  return issues;
}

/** Every publish-time problem of a charter as written, except "no open time" (see validate). */
export function publishIssues(input: unknown): PublishIssue[] {
  if (!isRecord(input)) return [];
  const money = isRecord(input.money) ? input.money : {};
  return [
    ...timeZoneIssues(input.timezone),
    ...weeklyHoursIssues(input.hours, ["hours"]),
    ...holidayIssues(input.holidays),
    ...closureIssues(input.closures),
    ...overrideIssues(input.overrides),
    ...channelIssues(input.channels),
    ...duplicateIdIssues(input.meetings, ["meetings"], "duplicate_meeting"),
    ...duplicateIdIssues(money.promotions, ["money", "promotions"], "duplicate_promotion"),
  ];
}
