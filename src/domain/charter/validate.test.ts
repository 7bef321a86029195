import fc from "fast-check";
import { describe, expect, it } from "vitest";
import example from "../../../examples/charter.json" with { type: "json" };
import { charterMessages } from "./messages.ts";
import {
  type CharterIssue,
  type CharterResult,
  checkCharter,
  formatIssue,
  formatIssues,
  parseCharter,
} from "./validate.ts";

const NOW = Date.UTC(2026, 0, 15, 12);

// biome-ignore lint/suspicious/noExplicitAny: tests mutate a plain JSON document freely
type Doc = Record<string, any>;

function charter(change: (doc: Doc) => void = () => {}): Doc {
  const doc = structuredClone(example) as Doc;
  change(doc);
  return doc;
}

function issuesOf(result: CharterResult): CharterIssue[] {
  return result.ok ? [] : result.issues;
}

function check(change: (doc: Doc) => void): CharterIssue[] {
  return issuesOf(checkCharter(charter(change), { now: NOW }));
}

function summary(issues: CharterIssue[]): string[] {
  return issues.map((issue) => `${issue.pathText} ${issue.code}`);
}

describe("parseCharter and checkCharter on the example", () => {
  it("accepts the example charter and applies defaults", () => {
    const parsed = parseCharter(example);
    expect(parsed.ok).toBe(true);
    const checked = checkCharter(example, { now: NOW });
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.charter.channels[0]!.id).toBe("portal");
  });

  it("accepts the example at any time of the coming years", () => {
    for (const year of [2025, 2026, 2027, 2030]) {
      expect(checkCharter(example, { now: Date.UTC(year, 5, 1) }).ok).toBe(true);
    }
  });
});

describe("every fault at once", () => {
  it("reports schema and publish faults together, with paths, in document order", () => {
    const issues = check((doc) => {
      doc.schema = "cadre.charter/2";
      doc.timezone = "Mars/Olympus";
      doc.locales = ["french"];
      doc.hours.mon = [["9:00", "12:00"], ["09:00", "12:00"], ["11:00", "13:00"], "10-12"];
      doc.hours.tue = [["09:00", "09:00"]];
      doc.holidays = { country: "ZZ" };
      doc.closures = [{ from: "2026-05-10", to: "2026-05-01" }];
      doc.channels[1].id = "portal";
      doc.channels[2].responseWithin = { businessHours: -3 };
      doc.channels[3].redirectTo = "chat";
      doc.meetings[0].durationMinutes = 2;
      doc.money.currency = "dollars";
    });
    expect(summary(issues)).toEqual([
      "schema invalid_value",
      "timezone unknown_timezone",
      "locales[0] locale_format",
      "hours.mon[0][0] time_format",
      "hours.mon[2] overlapping_intervals",
      "hours.mon[3] invalid_type",
      "hours.tue[0] empty_interval",
      "holidays.country unknown_holiday_country",
      "closures[0] closure_order",
      "channels[1].id duplicate_channel",
      "channels[2].responseWithin.businessHours too_small",
      "channels[3].redirectTo unknown_redirect_channel",
      "meetings[0].durationMinutes too_small",
      "money.currency currency_format",
    ]);
    expect(issues.find((i) => i.code === "overlapping_intervals")!.path).toEqual([
      "hours",
      "mon",
      2,
    ]);
  });

  it("parseCharter reports only the shape, all at once", () => {
    const result = parseCharter(
      charter((doc) => {
        delete doc.timezone;
        doc.channels = [];
        doc.hours.wed = [["09:00", "17:00", "18:00"]];
        doc.closures[0].to = "2027-02-30";
        doc.timezone2 = "ignored";
      }),
    );
    expect(summary(issuesOf(result))).toEqual([
      "timezone required",
      "hours.wed[0] too_big",
      "closures[0].to date_format",
      "channels too_small",
    ]);
  });

  it("never throws, whatever the input", () => {
    for (const input of [null, undefined, 42, "charter", [], [example], { hours: "x" }]) {
      const result = checkCharter(input, { now: NOW });
      expect(result.ok).toBe(false);
    }
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(checkCharter(input, { now: NOW }).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("survives random damage to a valid charter", () => {
    const values = fc.oneof(
      fc.anything(),
      fc.constantFrom("24:00", "00:00", "22:00", "2026-01-01", "portal", "CA"),
      fc.tuple(fc.constantFrom("22:00", "24:00", "09:00"), fc.constantFrom("02:00", "09:00")),
    );
    const paths = fc.constantFrom(
      ["timezone"],
      ["hours", "mon"],
      ["hours", "sun", 0],
      ["holidays"],
      ["holidays", "region"],
      ["closures", 0, "from"],
      ["overrides", 0, "hours", 0],
      ["channels", 3, "redirectTo"],
      ["channels", 0, "contactHours"],
      ["money", "promotions"],
    );
    fc.assert(
      fc.property(paths, values, (path, value) => {
        const doc = charter();
        let node: Doc = doc;
        for (const key of path.slice(0, -1)) node = node[key];
        node[path.at(-1)!] = value;
        const result = checkCharter(doc, { now: NOW });
        for (const issue of issuesOf(result)) expect(issue.code in charterMessages.en).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("formats and dates", () => {
  it("reports a malformed date once", () => {
    expect(summary(check((doc) => (doc.closures[0].from = "Dec 24")))).toEqual([
      "closures[0].from date_format",
    ]);
  });

  it("rejects days that do not exist and accepts 29 February of leap years", () => {
    expect(summary(check((doc) => (doc.overrides[0].date = "2027-02-29")))).toEqual([
      "overrides[0].date date_format",
    ]);
    expect(check((doc) => (doc.overrides[0].date = "2028-02-29"))).toEqual([]);
  });

  it("checks promotion end times", () => {
    const issues = check((doc) => {
      doc.money.promotions = [
        { id: "spring", endsAt: "2026-04-31T23:59" },
        { id: "summer", endsAt: "2026-06-30T25:00" },
        { id: "spring", endsAt: "2026-05-31T23:59" },
      ];
    });
    expect(summary(issues)).toEqual([
      "money.promotions[0].endsAt datetime_format",
      "money.promotions[1].endsAt datetime_format",
      "money.promotions[2].id duplicate_promotion",
    ]);
  });

  it("follows the closest branch of a union to the faulty field", () => {
    const issues = check((doc) => {
      doc.channels[0].contactHours = { mon: [["8h", "17:00"]] };
      doc.channels[1].responseWithin = { businessHours: 8, minutes: 3 };
      doc.channels[2].accepted = "maybe";
    });
    expect(summary(issues)).toEqual([
      "channels[0].contactHours.mon[0][0] time_format",
      "channels[1].responseWithin.minutes unrecognized_keys",
      "channels[2].accepted invalid_union",
    ]);
    expect(issues[2]!.params.options).toEqual([{ type: "boolean" }, { value: "by-appointment" }]);
  });
});

describe("time zone", () => {
  it("rejects an unknown zone", () => {
    const issues = check((doc) => (doc.timezone = "Mars/Olympus"));
    expect(issues).toEqual([
      {
        path: ["timezone"],
        pathText: "timezone",
        code: "unknown_timezone",
        params: { value: "Mars/Olympus" },
      },
    ]);
  });

  it("accepts canonical names and aliases", () => {
    for (const zone of ["Europe/Paris", "UTC", "Etc/UTC", "US/Eastern", "Asia/Calcutta"]) {
      expect(check((doc) => (doc.timezone = zone))).toEqual([]);
    }
  });

  it("rejects fixed offsets and suggests the right spelling", () => {
    expect(summary(check((doc) => (doc.timezone = "+01:00")))).toEqual([
      "timezone unknown_timezone",
    ]);
    const [issue] = check((doc) => (doc.timezone = "europe/paris"));
    expect(issue!.params.suggestion).toBe("Europe/Paris");
  });
});

describe("intervals", () => {
  it("reports overlapping intervals of a day on the later one", () => {
    const issues = check(
      (doc) =>
        (doc.hours.mon = [
          ["09:00", "12:00"],
          ["11:00", "13:00"],
        ]),
    );
    expect(issues).toEqual([
      {
        path: ["hours", "mon", 1],
        pathText: "hours.mon[1]",
        code: "overlapping_intervals",
        params: { interval: "11:00–13:00", other: "09:00–12:00" },
      },
    ]);
  });

  it("reports every interval inside a wider one", () => {
    const issues = check((doc) => {
      doc.hours.tue = [
        ["08:00", "18:00"],
        ["09:00", "10:00"],
        ["12:00", "13:00"],
      ];
    });
    expect(summary(issues)).toEqual([
      "hours.tue[1] overlapping_intervals",
      "hours.tue[2] overlapping_intervals",
    ]);
  });

  it("accepts touching intervals, a 24:00 end and an interval across midnight", () => {
    const issues = check((doc) => {
      doc.hours.mon = [
        ["00:00", "09:00"],
        ["09:00", "24:00"],
      ];
      doc.hours.sat = [["22:00", "02:00"]];
      doc.hours.sun = [["02:00", "04:00"]];
    });
    expect(issues).toEqual([]);
  });

  it("sees an interval across midnight overlap another of the same day", () => {
    const issues = check(
      (doc) =>
        (doc.hours.fri = [
          ["22:00", "02:00"],
          ["23:00", "23:30"],
        ]),
    );
    expect(issues.map((i) => [i.pathText, i.params])).toEqual([
      ["hours.fri[1]", { interval: "23:00–23:30", other: "22:00–02:00" }],
    ]);
  });

  it("sees an interval across midnight overlap the next day's hours", () => {
    const issues = check((doc) => {
      doc.hours.wed = [["20:00", "03:00"]];
      doc.hours.thu = [["02:00", "05:00"]];
    });
    expect(issues.map((i) => [i.pathText, i.params])).toEqual([
      ["hours.thu[0]", { interval: "02:00–05:00", other: "20:00–03:00", otherDay: "wed" }],
    ]);
  });

  it("wraps Sunday night into Monday morning", () => {
    const issues = check((doc) => (doc.hours.sun = [["23:00", "09:30"]]));
    expect(issues.map((i) => [i.pathText, i.params])).toEqual([
      ["hours.mon[0]", { interval: "09:00–12:00", other: "23:00–09:30", otherDay: "sun" }],
    ]);
  });

  it("rejects empty intervals and a 24:00 start", () => {
    const issues = check(
      (doc) =>
        (doc.hours.sat = [
          ["09:00", "09:00"],
          ["24:00", "02:00"],
        ]),
    );
    expect(summary(issues)).toEqual(["hours.sat[0] empty_interval", "hours.sat[1][0] start_at_24"]);
  });

  it("checks overrides and channel contact hours too", () => {
    const issues = check((doc) => {
      doc.overrides = [
        {
          date: "2026-12-23",
          hours: [
            ["09:00", "12:00"],
            ["10:00", "11:00"],
          ],
        },
        { date: "2026-12-23", hours: [["13:00", "13:00"]] },
      ];
      doc.channels[2].contactHours = {
        mon: [
          ["09:00", "12:00"],
          ["11:30", "12:30"],
        ],
      };
    });
    expect(summary(issues)).toEqual([
      "overrides[0].hours[1] overlapping_intervals",
      "overrides[1].date duplicate_override",
      "overrides[1].hours[0] empty_interval",
      "channels[2].contactHours.mon[1] overlapping_intervals",
    ]);
  });
});

describe("holidays, closures, channels, meetings", () => {
  it("rejects an unknown holiday country", () => {
    const issues = check((doc) => (doc.holidays = { country: "ZZ", region: "QC" }));
    expect(summary(issues)).toEqual(["holidays.country unknown_holiday_country"]);
  });

  it("rejects an unknown region and lists the known ones", () => {
    const [issue, ...rest] = check((doc) => (doc.holidays = { country: "CA", region: "XX" }));
    expect(rest).toEqual([]);
    expect(issue!.pathText).toBe("holidays.region");
    expect(issue!.code).toBe("unknown_holiday_region");
    expect(issue!.params.known).toContain("QC");
  });

  it("accepts no holidays at all", () => {
    expect(check((doc) => (doc.holidays = null))).toEqual([]);
    expect(check((doc) => delete doc.holidays)).toEqual([]);
    expect(check((doc) => (doc.holidays = { country: "FR" }))).toEqual([]);
  });

  it("rejects a closure that ends before it starts, and accepts a one-day closure", () => {
    expect(check((doc) => (doc.closures = [{ from: "2026-08-01", to: "2026-08-01" }]))).toEqual([]);
    const issues = check((doc) => doc.closures.push({ from: "2026-08-15", to: "2026-08-01" }));
    expect(issues.map((i) => [i.pathText, i.code, i.params])).toEqual([
      ["closures[1]", "closure_order", { from: "2026-08-15", to: "2026-08-01" }],
    ]);
  });

  it("rejects a channel described twice", () => {
    const issues = check((doc) => doc.channels.push({ id: "email", accepted: false }));
    expect(summary(issues)).toEqual(["channels[4].id duplicate_channel"]);
  });

  it("rejects a redirect to an unknown or refused channel", () => {
    const issues = check((doc) => {
      doc.channels[3].redirectTo = "whatsapp";
      doc.channels.push({ id: "fax", accepted: false, redirectTo: "sms" });
    });
    expect(summary(issues)).toEqual([
      "channels[3].redirectTo unknown_redirect_channel",
      "channels[4].redirectTo redirect_not_accepted",
    ]);
  });

  it("rejects a meeting type described twice", () => {
    const issues = check((doc) => doc.meetings.push({ id: "call-30", durationMinutes: 60 }));
    expect(summary(issues)).toEqual(["meetings[1].id duplicate_meeting"]);
  });
});

describe("open time", () => {
  const allClosed = (doc: Doc) => {
    for (const day of Object.keys(doc.hours)) doc.hours[day] = [];
    doc.overrides = [];
  };

  it("rejects a charter with no hours at all", () => {
    expect(check(allClosed)).toEqual([
      { path: ["hours"], pathText: "hours", code: "no_open_time", params: { days: 366 } },
    ]);
  });

  it("rejects a charter whose only open days are closed for two years", () => {
    const issues = check((doc) => {
      doc.hours = { wed: [["09:00", "17:00"]] };
      doc.overrides = [];
      doc.closures = [{ from: "2026-01-01", to: "2027-12-31" }];
    });
    expect(summary(issues)).toEqual(["hours no_open_time"]);
  });

  it("accepts a long closure that ends within the year", () => {
    const issues = check((doc) => (doc.closures = [{ from: "2026-01-01", to: "2026-12-31" }]));
    expect(issues).toEqual([]);
  });

  it("counts an override as open time", () => {
    const issues = check((doc) => {
      allClosed(doc);
      doc.overrides = [{ date: "2026-06-01", hours: [["09:00", "10:00"]] }];
    });
    expect(issues).toEqual([]);
  });

  it("is only judged once everything else is valid", () => {
    const issues = check((doc) => {
      allClosed(doc);
      doc.timezone = "Mars/Olympus";
    });
    expect(summary(issues)).toEqual(["timezone unknown_timezone"]);
  });
});

describe("messages", () => {
  const codes = Object.keys(charterMessages.en);

  it("exist in French and English for the same codes, none empty", () => {
    expect(Object.keys(charterMessages.fr).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      for (const lang of ["fr", "en"] as const) {
        const message = charterMessages[lang][code]!({});
        expect(message.trim().length, `${lang}.${code}`).toBeGreaterThan(0);
      }
    }
  });

  it("cover every code a faulty charter produces", () => {
    const issues = [
      ...check((doc) => {
        doc.hours.mon = [
          ["09:00", "12:00"],
          ["11:00", "13:00"],
          ["08:00", "08:00"],
          ["24:00", "01:00"],
        ];
        doc.holidays = { country: "CA", region: "XX" };
        doc.closures = [{ from: "2026-05-10", to: "2026-05-01" }];
        doc.overrides.push({ ...doc.overrides[0] });
        doc.channels.push({ id: "sms", accepted: false, redirectTo: "fax" });
        doc.channels.push({ id: "fax2", accepted: false, redirectTo: "sms" });
        doc.meetings.push({ id: "call-30", durationMinutes: 30 });
      }),
      ...check((doc) => (doc.timezone = "Mars/Olympus")),
      ...check((doc) => (doc.holidays = { country: "ZZ" })),
    ];
    expect(new Set(issues.map((i) => i.code)).size).toBeGreaterThanOrEqual(10);
    for (const issue of issues) {
      expect(codes, issue.code).toContain(issue.code);
      for (const lang of ["fr", "en"] as const) {
        expect(formatIssue(issue, lang)).not.toMatch(/undefined|\[object Object\]|NaN/);
      }
    }
  });

  it("start with the path and read in the chosen language", () => {
    const issues = check(
      (doc) =>
        (doc.hours.mon = [
          ["09:00", "12:00"],
          ["11:00", "13:00"],
        ]),
    );
    expect(formatIssues(issues, "en")).toEqual([
      "hours.mon[1]: the interval 11:00–13:00 overlaps 09:00–12:00",
    ]);
    expect(formatIssues(issues, "fr")).toEqual([
      "hours.mon[1]\u00a0: l’intervalle 11:00–13:00 chevauche 09:00–12:00",
    ]);
  });

  it("name the day of an overlap across midnight", () => {
    const issues = check((doc) => (doc.hours.sun = [["23:00", "09:30"]]));
    expect(formatIssue(issues[0]!, "fr")).toContain("du dimanche");
    expect(formatIssue(issues[0]!, "en")).toContain("on Sunday");
  });

  it("contain the path of every issue", () => {
    const issues = check((doc) => {
      doc.locales = [];
      doc.channels[0].accepted = "yes";
      doc.money.lateFee = { percentPerMonth: 150 };
    });
    expect(issues).toHaveLength(3);
    for (const issue of issues) {
      for (const lang of ["fr", "en"] as const) {
        expect(formatIssue(issue, lang).startsWith(issue.pathText)).toBe(true);
      }
    }
    expect(formatIssue(issues[2]!, "en")).toBe(
      "money.lateFee.percentPerMonth: must be at most 100 (got 150)",
    );
    expect(formatIssue(issues[1]!, "fr")).toBe(
      "channels[0].accepted\u00a0: valeur non reconnue (reçu\u00a0: «\u00a0yes\u00a0»)\u00a0; valeurs possibles\u00a0: true ou false ou «\u00a0by-appointment\u00a0»",
    );
  });

  it("read as a sentence when the whole document is wrong", () => {
    const [issue] = issuesOf(checkCharter([], { now: NOW }));
    expect(issue!.pathText).toBe("");
    expect(formatIssue(issue!, "en")).toMatch(/^Expected a group of fields/);
  });
});
