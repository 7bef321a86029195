import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { formatDayLabel, formatSlotLabel, formatSlotTime, groupSlotsByDay } from "./labels.ts";
import type { TimeRange } from "./types.ts";

const MIN = 60_000;
const at = (wall: string, zone = "America/Toronto") =>
  Temporal.PlainDateTime.from(wall).toZonedDateTime(zone).epochMilliseconds;
const slot = (wall: string, minutes = 30): TimeRange => ({
  start: at(wall),
  end: at(wall) + minutes * MIN,
});

describe("slot labels", () => {
  it("names the zone, in the booker's locale", () => {
    const s = slot("2027-03-01T09:00");
    expect(formatSlotTime(s, "en-CA", "America/Toronto")).toMatch(/^9:00\s?–\s?9:30\sa\.m\.\sEST$/);
    expect(formatSlotTime(s, "fr-CA", "America/Toronto")).toMatch(/9 h 00.*9 h 30 HNE$/);
    expect(formatSlotLabel(s, "en-CA", "America/Toronto")).toMatch(/^Monday, March 1, 9:00.*EST$/);
    // French writes the first of the month "1er", as the drafted replies do.
    expect(formatSlotLabel(s, "fr-CA", "America/Toronto")).toMatch(/^lundi 1er mars.*HNE$/);
  });

  it("shows the booker's own zone: a Toronto 09:00 is 15:00 in Paris", () => {
    const s = slot("2027-03-01T09:00");
    expect(formatSlotTime(s, "fr-FR", "Europe/Paris")).toMatch(/^15:00\s?–\s?15:30 UTC\+1$/);
  });

  it("tells EST from EDT for the same wall time on both sides of a change (cached per offset)", () => {
    const before = slot("2027-03-12T09:00");
    const after = slot("2027-03-15T09:00");
    expect(formatSlotTime(before, "en-US", "America/Toronto")).toMatch(/EST$/);
    expect(formatSlotTime(after, "en-US", "America/Toronto")).toMatch(/EDT$/);
  });

  it("labels a slot crossing local midnight with both dates", () => {
    const late = slot("2027-03-01T23:45", 30);
    expect(formatSlotTime(late, "en-US", "America/Toronto")).toMatch(/3\/1\/2027.*3\/2\/2027/);
  });

  it("formats day headings", () => {
    const day = Math.floor(Date.UTC(2027, 2, 1) / 86_400_000);
    expect(formatDayLabel(day, "fr-CA")).toBe("lundi 1er mars");
    expect(formatDayLabel(day + 1, "en-CA")).toBe("Tuesday, March 2");
  });

  it("groups slots by the booker's local day", () => {
    // 17:30 and 18:30 Toronto are 23:30 and 00:30 in Paris: two Paris days.
    const slots = [slot("2027-03-01T16:30"), slot("2027-03-01T17:30"), slot("2027-03-01T18:30")];
    const toronto = groupSlotsByDay(slots, "en-CA", "America/Toronto");
    expect(toronto.map((d) => [d.date, d.slots.length])).toEqual([["2027-03-01", 3]]);
    const paris = groupSlotsByDay(slots, "fr-FR", "Europe/Paris");
    expect(paris.map((d) => [d.date, d.label, d.slots.length])).toEqual([
      ["2027-03-01", "lundi 1er mars", 2],
      ["2027-03-02", "mardi 2 mars", 1],
    ]);
    expect(paris[1]!.slots[0]).toEqual({
      start: "2027-03-01T23:30:00.000Z",
      end: "2027-03-02T00:00:00.000Z",
      label: expect.stringMatching(/^00:30\s?–\s?01:00 UTC\+1$/),
    });
  });

  it("falls back to UTC, named, for an unknown zone", () => {
    expect(formatSlotTime(slot("2027-03-01T09:00"), "en-US", "Nowhere/Land")).toMatch(/UTC$/);
  });
});
