// A readable diff of two charters ("Friday: 09:00 – 17:00 → 09:00 – 15:00"), computed in the
// browser before publishing. Each side is flattened into named facts in words, then compared.
import {
  acceptedText,
  checkTimesText,
  contactHoursText,
  dayName,
  holidaysText,
  intervalsText,
  lateCancelText,
  lateFeeText,
  meetingName,
  methodName,
  type Words,
} from "./charter-words.ts";
import { type Charter, WEEKDAYS } from "./types.ts";
import { durationText } from "./words.ts";

export type Section =
  | "general"
  | "hours"
  | "channels"
  | "requests"
  | "meetings"
  | "money"
  | "energy";

export interface DiffLine {
  section: Section;
  kind: "added" | "removed" | "changed";
  text: string;
}

interface Fact {
  section: Section;
  /** Facts of one entity (a channel, a meeting type) are summarised when it appears or goes. */
  entity?: { key: string; label: string };
  label: string;
  value: string;
}

const show = (value: unknown) =>
  value === undefined || value === null || value === "" ? "—" : String(value);

function facts(w: Words, c: Charter | null): Map<string, Fact> {
  const out = new Map<string, Fact>();
  if (!c) return out;
  const { t } = w;
  const add = (key: string, fact: Fact) => out.set(key, fact);

  add("timezone", { section: "general", label: t("diff.timezone"), value: show(c.timezone) });
  add("locales", {
    section: "general",
    label: t("diff.locales"),
    value: w.fmt.list((c.locales ?? []).map((l) => w.fmt.language(l))),
  });
  for (const day of WEEKDAYS) {
    add(`hours.${day}`, {
      section: "hours",
      label: dayName(w, day),
      value: intervalsText(w, c.hours?.[day]),
    });
  }
  add("holidays", {
    section: "hours",
    label: t("diff.holidays"),
    value: holidaysText(w, c.holidays),
  });
  for (const closure of c.closures ?? []) {
    const range = `${w.fmt.localDate(closure.from)} – ${w.fmt.localDate(closure.to)}`;
    add(`closure.${closure.from}.${closure.to}`, {
      section: "hours",
      label: t("diff.closure", { range }),
      value: closure.label || "✓",
    });
  }
  for (const o of c.overrides ?? []) {
    add(`override.${o.date}`, {
      section: "hours",
      label: t("diff.override", { date: w.fmt.localDate(o.date) }),
      value: intervalsText(w, o.hours),
    });
  }
  for (const ch of c.channels ?? []) {
    const entity = {
      key: `channel.${ch.id}`,
      label: t(`channels.${ch.id}`, { defaultValue: ch.id }),
    };
    const f = (field: string, label: string, value: string) =>
      add(`channel.${ch.id}.${field}`, {
        section: "channels",
        entity,
        label: `${entity.label} — ${label}`,
        value,
      });
    f("accepted", t("diff.channelAccepted"), acceptedText(w, ch.accepted));
    if (ch.accepted !== false) {
      f("response", t("diff.channelResponse"), durationText(t, ch.responseWithin));
      f("contact", t("diff.channelContact"), contactHoursText(w, ch));
      f("check", t("diff.channelCheck"), checkTimesText(w, ch));
    } else {
      f(
        "redirect",
        t("diff.channelRedirect"),
        ch.redirectTo ? t(`channels.${ch.redirectTo}`, { defaultValue: ch.redirectTo }) : "—",
      );
    }
  }
  const r = c.requests ?? {};
  add("requests.leadTime", {
    section: "requests",
    label: t("diff.leadTime"),
    value: durationText(t, r.leadTime),
  });
  add("requests.rush", {
    section: "requests",
    label: t("diff.rush"),
    value: r.rush?.allowed
      ? [
          t("diff.rushValue", { percent: r.rush.feePercent ?? 0 }),
          r.rush.maxPerMonth === undefined ? "" : t("diff.rushCap", { count: r.rush.maxPerMonth }),
        ]
          .filter(Boolean)
          .join(", ")
      : t("diff.rushOff"),
  });
  for (const m of c.meetings ?? []) {
    const entity = { key: `meeting.${m.id}`, label: meetingName(w, m) };
    const f = (field: string, label: string, value: string) =>
      add(`meeting.${m.id}.${field}`, {
        section: "meetings",
        entity,
        label: `${entity.label} — ${label}`,
        value,
      });
    f(
      "duration",
      t("meetings.duration"),
      t("meetings.durationValue", { count: m.durationMinutes }),
    );
    f("notice", t("meetings.minNotice"), durationText(t, m.minNotice));
    f("buffer", t("meetings.buffer"), t("meetings.bufferValue", { count: m.bufferMinutes ?? 0 }));
    f("perDay", t("meetings.maxPerDay"), show(m.maxPerDay));
    f("perWeek", t("meetings.maxPerWeek"), show(m.maxPerWeek));
    f("horizon", t("meetings.horizon"), t("meetings.horizonValue", { count: m.horizonDays ?? 30 }));
    f(
      "cancel",
      t("meetings.cancelNotice"),
      m.cancelNotice ? t("meetings.cancelValue", { count: m.cancelNotice.hours }) : "—",
    );
    f("lateCancel", t("meetings.lateCancelLabel"), lateCancelText(w, m));
  }
  const money = c.money;
  if (money) {
    const m = (field: string, label: string, value: string) =>
      add(`money.${field}`, { section: "money", label, value });
    m("currency", t("money.currency"), show(money.currency));
    m(
      "terms",
      t("money.paymentTerms"),
      t("money.termsValue", { count: money.paymentTermsDays ?? 30 }),
    );
    m("deposit", t("money.deposit"), `${money.depositPercent ?? 0} %`);
    m(
      "methods",
      t("money.methods"),
      w.fmt.list((money.methods ?? []).map((x) => methodName(w, x))) || "—",
    );
    m("lateFee", t("money.lateFee"), lateFeeText(w, money.lateFee, money.currency));
    m(
      "discounts",
      t("money.discounts"),
      t(`money.discountPolicy.${money.discounts ?? "alternatives"}`),
    );
  }
  const e = c.energy ?? {};
  add("energy.weekly", {
    section: "energy",
    label: t("energy.maxWeeklyHours"),
    value: show(e.maxWeeklyHours),
  });
  add("energy.clients", {
    section: "energy",
    label: t("energy.maxActiveClients"),
    value: show(e.maxActiveClients),
  });
  add("energy.weekend", {
    section: "energy",
    label: t("energy.weekendWork"),
    value: e.weekendWork ? t("common.yes") : t("common.no"),
  });
  return out;
}

/** What publishing `after` changes compared with `before` (null: nothing published yet). */
export function diffCharters(w: Words, before: Charter | null, after: Charter): DiffLine[] {
  const a = facts(w, before);
  const b = facts(w, after);
  const lines: DiffLine[] = [];
  const entityIn = (map: Map<string, Fact>, key: string) =>
    [...map.values()].some((f) => f.entity?.key === key);
  const summarised = new Set<string>();

  for (const [key, fact] of b) {
    const old = a.get(key);
    if (fact.entity && !entityIn(a, fact.entity.key)) {
      if (summarised.has(fact.entity.key)) continue;
      summarised.add(fact.entity.key);
      lines.push({
        section: fact.section,
        kind: "added",
        text: w.t("diff.entityAdded", { what: fact.entity.label }),
      });
      continue;
    }
    if (!old) {
      lines.push({
        section: fact.section,
        kind: "added",
        text: w.t("diff.added", { what: fact.label, value: fact.value }),
      });
    } else if (old.value !== fact.value) {
      lines.push({
        section: fact.section,
        kind: "changed",
        text: w.t("diff.changed", { what: fact.label, from: old.value, to: fact.value }),
      });
    }
  }
  for (const [key, fact] of a) {
    if (b.has(key)) continue;
    if (fact.entity && !entityIn(b, fact.entity.key)) {
      if (summarised.has(fact.entity.key)) continue;
      summarised.add(fact.entity.key);
      lines.push({
        section: fact.section,
        kind: "removed",
        text: w.t("diff.entityRemoved", { what: fact.entity.label }),
      });
      continue;
    }
    lines.push({
      section: fact.section,
      kind: "removed",
      text: w.t("diff.removed", { what: fact.label, value: fact.value }),
    });
  }
  const order: Section[] = [
    "general",
    "hours",
    "channels",
    "requests",
    "meetings",
    "money",
    "energy",
  ];
  return lines.sort((x, y) => order.indexOf(x.section) - order.indexOf(y.section));
}
