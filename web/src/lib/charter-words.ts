// The charter in words (used by the preview, the portal and the publish diff).
import type { TFunction } from "i18next";
import type { Channel, Charter, Interval, LateFee, MeetingType, Weekday } from "./types.ts";
import { durationText } from "./words.ts";

export interface Words {
  t: TFunction;
  fmt: {
    wall: (time: string) => string;
    money: (minor: number | null | undefined, currency: string | null | undefined) => string;
    localDate: (date: string) => string;
    region: (code: string) => string;
    language: (code: string) => string;
    list: (items: string[]) => string;
  };
  /** The name of a holiday region ("QC" → "Quebec") when the region table is loaded. */
  regionName?: (country: string, region: string) => string | undefined;
}

export function intervalsText(w: Words, intervals: Interval[] | undefined): string {
  if (!intervals || intervals.length === 0) return w.t("hours.closed");
  return intervals.map(([from, to]) => `${w.fmt.wall(from)}\u00a0– ${w.fmt.wall(to)}`).join(", ");
}

export function dayName(w: Words, day: Weekday): string {
  return w.t(`days.${day}`);
}

export function acceptedText(w: Words, accepted: Channel["accepted"]): string {
  return accepted === true
    ? w.t("channel.accepted")
    : accepted === false
      ? w.t("channel.refused")
      : w.t("channel.byAppointment");
}

export function contactHoursText(w: Words, c: Channel): string {
  const hours = c.contactHours ?? "any";
  return hours === "any"
    ? w.t("channel.contactAny")
    : hours === "business"
      ? w.t("channel.contactBusiness")
      : w.t("channel.contactCustom");
}

export function checkTimesText(w: Words, c: Channel): string {
  return c.checkTimes?.length ? w.fmt.list(c.checkTimes.map(w.fmt.wall)) : w.t("common.none");
}

export function holidaysText(w: Words, h: Charter["holidays"]): string {
  if (!h?.country) return w.t("holidays.none");
  if (!h.region) return w.fmt.region(h.country);
  return `${w.fmt.region(h.country)} — ${w.regionName?.(h.country, h.region) ?? h.region}`;
}

export function lateFeeText(
  w: Words,
  fee: LateFee | undefined,
  currency: string | undefined,
): string {
  if (!fee) return w.t("money.noLateFee");
  const grace = fee.graceDays ?? 0;
  return "percentPerMonth" in fee
    ? w.t("money.lateFeePercent", { percent: fee.percentPerMonth, count: grace })
    : w.t("money.lateFeeFixed", { amount: w.fmt.money(fee.fixed, currency), count: grace });
}

export function methodName(w: Words, method: string): string {
  return w.t(`methods.${method}`, { defaultValue: method });
}

export function meetingSummary(w: Words, m: MeetingType): string {
  const parts = [w.t("meetings.durationValue", { count: m.durationMinutes })];
  if (m.minNotice)
    parts.push(w.t("meetings.noticeValue", { notice: durationText(w.t, m.minNotice) }));
  if (m.bufferMinutes) parts.push(w.t("meetings.bufferValue", { count: m.bufferMinutes }));
  if (m.maxPerDay) parts.push(w.t("meetings.perDayValue", { count: m.maxPerDay }));
  if (m.maxPerWeek) parts.push(w.t("meetings.perWeekValue", { count: m.maxPerWeek }));
  if (m.cancelNotice) parts.push(w.t("meetings.cancelValue", { count: m.cancelNotice.hours }));
  return parts.join(" · ");
}

export function lateCancelText(w: Words, m: MeetingType): string {
  const policy = m.lateCancel ?? "counts-as-used";
  return policy === "fee"
    ? w.t("meetings.lateCancelFeeValue", { percent: m.lateCancelFeePercent ?? 0 })
    : w.t(`meetings.lateCancel.${policy}`);
}

/** A late cancellation's consequence as a sentence. */
export function lateCancelSentence(w: Words, m: MeetingType): string {
  return w.t("meetings.lateCancelSentence", { policy: lateCancelText(w, m) });
}

/** The meeting type's name, or one made from its duration. */
export function meetingName(w: Words, m: MeetingType): string {
  return m.name || w.t("meetings.unnamed", { count: m.durationMinutes });
}

export function channelSummary(w: Words, c: Channel): string {
  if (c.accepted === false) {
    return c.redirectTo
      ? w.t("channel.refusedRedirect", {
          channel: w.t(`channels.${c.redirectTo}`, { defaultValue: c.redirectTo }),
        })
      : w.t("channel.refused");
  }
  const parts = [acceptedText(w, c.accepted)];
  if (c.responseWithin)
    parts.push(w.t("channel.answerWithin", { duration: durationText(w.t, c.responseWithin) }));
  parts.push(contactHoursText(w, c));
  if (c.checkTimes?.length) parts.push(w.t("channel.checkedAt", { times: checkTimesText(w, c) }));
  return parts.join(" · ");
}
