// Case: addBusinessHours — t plus N open hours on a Mon–Fri 09:00–17:00 calendar in
// America/Toronto with Quebec public holidays, over random instants of 2027.
import { Temporal } from "temporal-polyfill";
import { compileCalendar } from "../../src/domain/business-time/index.ts";
import {
  type Contender,
  compare,
  FULL_TIMING,
  type Outcome,
  QUICK_TIMING,
} from "../lib/harness.ts";
import { intBetween, mulberry32 } from "../lib/prng.ts";
import type { CaseOptions, CaseResult } from "../lib/types.ts";
import {
  CLOSE,
  HOLIDAY_YEARS,
  OPEN,
  quebecPublicHolidays,
  TIMEZONE,
} from "../peers/business-calendar.ts";
import { makeDayjsAddBusinessHours } from "../peers/dayjs-business-time.ts";
import { makeMomentAddBusinessHours } from "../peers/moment-business-time.ts";
import { makeOpeningHoursAddBusinessHours } from "../peers/opening-hours.ts";
import { makeReferenceAddBusinessHours } from "../reference/add-business-hours.ts";

export const name = "addBusinessHours";

const SEED = 0x2027;
const FULL_INPUTS = 10_000;
const QUICK_INPUTS = 2_000;
/** Share of inputs with a fractional (quarter-hour) amount; the rest are whole hours 1..40. */
const FRACTIONAL_SHARE = 0.15;

interface Input {
  t: number;
  hours: number;
}

/**
 * Instants uniform over calendar year 2027 in Toronto, at whole-minute resolution (sub-minute
 * starts trip a truncation in the moment/dayjs peers, see bench/README.md); hours mostly whole
 * 1..40, some quarter-hours (which are whole minutes, so the minute-stepping peers are exact).
 */
export function makeInputs(count: number, seed = SEED): Input[] {
  const random = mulberry32(seed);
  const from = Temporal.ZonedDateTime.from(`2027-01-01T00:00[${TIMEZONE}]`).epochMilliseconds;
  const to = Temporal.ZonedDateTime.from(`2028-01-01T00:00[${TIMEZONE}]`).epochMilliseconds;
  const minutes = (to - from) / 60_000;
  const inputs: Input[] = [];
  for (let i = 0; i < count; i++) {
    const t = from + Math.floor(random() * minutes) * 60_000;
    const hours =
      random() < FRACTIONAL_SHARE
        ? intBetween(random, 0, 39) + intBetween(random, 1, 3) / 4
        : intBetween(random, 1, 40);
    inputs.push({ t, hours });
  }
  return inputs;
}

const WEEKDAYS = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "Fri 2027-03-12T15:00:00-05:00" */
export function formatInstant(ms: number): string {
  const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(TIMEZONE);
  return `${WEEKDAYS[z.dayOfWeek]} ${z.toString({ timeZoneName: "never", smallestUnit: "second" })}`;
}

function show(outcome: Outcome<number>): string {
  return outcome.ok ? formatInstant(outcome.value) : `threw: ${outcome.error}`;
}

export default async function addBusinessHoursCase(options: CaseOptions): Promise<CaseResult> {
  const holidays = quebecPublicHolidays();
  const inputs = makeInputs(options.quick ? QUICK_INPUTS : FULL_INPUTS);
  const day: [string, string][] = [[OPEN, CLOSE]];

  // Ours: compiled once, outside the timed loop (the correctness pass and warm-up exercise it).
  const calendar = compileCalendar({
    timezone: TIMEZONE,
    hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
    holidays: { country: "CA", region: "QC" },
    closures: [],
    overrides: [],
  });
  const reference = makeReferenceAddBusinessHours({
    timezone: TIMEZONE,
    weekly: { 1: day, 2: day, 3: day, 4: day, 5: day },
    holidays,
  });

  const ours: Contender<Input, number> = {
    name: "cadre compileCalendar(spec).addBusinessHours (src/domain/business-time)",
    run: ({ t, hours }) => calendar.addBusinessHours(t, hours),
  };
  const moment = makeMomentAddBusinessHours(TIMEZONE, holidays);
  const dayjs = makeDayjsAddBusinessHours(holidays);
  const openingHours = makeOpeningHoursAddBusinessHours(holidays);
  const peers: Contender<Input, number>[] = [
    {
      name: "moment-business-time",
      run: ({ t, hours }) => moment(t, hours),
      notes: [
        "moment-timezone inputs (moment.tz(t, 'America/Toronto')), .addWorkingTime(h, 'hours').valueOf()",
      ],
    },
    {
      name: "dayjs-business-time",
      run: ({ t, hours }) => dayjs(t, hours),
      notes: ["local-zone dayjs(t) under TZ=America/Toronto, .addBusinessHours(h).valueOf()"],
    },
    {
      name: "opening_hours",
      run: ({ t, hours }) => openingHours(t, hours),
      notes: [
        "local zone under TZ=America/Toronto; iterator walk (setDate, getState, advance) summing open spans",
      ],
    },
    {
      name: "bench reference (day walk, Temporal)",
      run: ({ t, hours }) => reference(t, hours),
      notes: ["correctness oracle in bench/reference, not a library; its speed is not a goal"],
    },
  ];

  return compare({
    name,
    inputs,
    ours,
    peers,
    timing: options.quick ? QUICK_TIMING : FULL_TIMING,
    example: (input, o, p) => ({
      input: formatInstant(input.t),
      inputMs: input.t,
      hours: input.hours,
      ours: show(o),
      peer: show(p),
      reference: show(
        (() => {
          try {
            return { ok: true, value: reference(input.t, input.hours) } as const;
          } catch (error) {
            return { ok: false, error: String(error) } as const;
          }
        })(),
      ),
    }),
    notes: [
      `calendar: Mon–Fri ${OPEN}–${CLOSE} ${TIMEZONE}; ours uses holidays {country: CA, region: QC}; ` +
        `peers get the same dates as a list (date-holidays CA/QC type public, ${HOLIDAY_YEARS.join("–")}): ` +
        holidays.join(" "),
      `inputs: ${inputs.length} instants uniform over 2027 (Toronto), whole minutes, seed ${SEED}; ` +
        `hours 1..40 whole, ${Math.round(FRACTIONAL_SHARE * 100)}% quarter-hour fractions`,
      "one op = one addBusinessHours call on one input, including the peer's own object " +
        "construction from epoch ms and conversion back to epoch ms",
      "process runs with TZ=America/Toronto (dayjs-business-time and opening_hours need it; " +
        "ours and moment-timezone take the zone explicitly)",
    ],
  });
}
