// A parsed charter prepared once for many decisions: calendars compiled, channels indexed.
import { type BusinessCalendar, compileCalendar } from "../business-time/calendar.ts";
import { parseWallTime, wallToEpoch } from "../business-time/zone.ts";
import type { BusinessDuration, Channel, Charter } from "../charter/schema.ts";

export interface CompiledChannel {
  channel: Channel;
  /** Contact hours as a calendar, or null when contact is fine at any time. */
  contact: BusinessCalendar | "business" | null;
  checkMinutes: number[];
}

export interface CompiledPolicy {
  charter: Charter;
  version: number | null;
  calendar: BusinessCalendar;
  channels: Map<string, CompiledChannel>;
  /** The channel a refused channel points to when it names none. */
  defaultChannel: string | null;
  promotionEnds: Map<string, number>;
}

export const DEFAULT_RESPONSE: BusinessDuration = { businessHours: 8 };

export function compilePolicy(charter: Charter, version: number | null = null): CompiledPolicy {
  const calendar = compileCalendar(charter);
  const channels = new Map<string, CompiledChannel>();
  for (const channel of charter.channels) {
    const hours = channel.contactHours;
    const contact =
      hours === "any"
        ? null
        : hours === "business"
          ? "business"
          : compileCalendar({ ...charter, hours, overrides: [] });
    channels.set(channel.id, {
      channel,
      contact,
      checkMinutes: (channel.checkTimes ?? []).map(parseWallTime).sort((a, b) => a - b),
    });
  }
  const preferred =
    charter.channels.find((c) => c.id === "portal" && c.accepted === true) ??
    charter.channels.find((c) => c.accepted === true);
  const promotionEnds = new Map<string, number>();
  for (const promo of charter.money?.promotions ?? []) {
    const [date, time] = promo.endsAt.split("T") as [string, string];
    const wall = Date.parse(`${date}T00:00:00Z`) + parseWallTime(time) * 60_000;
    promotionEnds.set(promo.id, wallToEpoch(charter.timezone, wall));
  }
  return {
    charter,
    version,
    calendar,
    channels,
    defaultChannel: preferred?.id ?? null,
    promotionEnds,
  };
}

/** Adds a business duration to t on the calendar. */
export function addDuration(calendar: BusinessCalendar, t: number, d: BusinessDuration): number {
  return "businessHours" in d
    ? calendar.addBusinessHours(t, d.businessHours)
    : calendar.addBusinessDays(t, d.businessDays);
}
