import { describe, expect, it } from "vitest";
import { exampleCharter } from "../../../test/factories/domain.ts";
import { weeklyText, weekRows } from "./charter-view.ts";
import { pageFormat } from "./format.ts";
import { html, join, raw } from "./html.ts";
import { messages } from "./messages.ts";
import { visitorZone } from "./zones.ts";

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("html", () => {
  it("escapes values, keeps Html, joins arrays and drops template indentation", () => {
    const name = `<b onclick="x">'Tom' & Co</b>`;
    const out = html`<p title="${name}">
      ${name} ${raw("<br>")}${[html`<i>${"a<"}</i>`, "b>"]}${null}${undefined}${false}${0}
    </p>`;
    expect(out.text).toBe(
      '<p title="&lt;b onclick=&quot;x&quot;&gt;&#39;Tom&#39; &amp; Co&lt;/b&gt;">&lt;b onclick=&quot;x&quot;&gt;&#39;Tom&#39; &amp; Co&lt;/b&gt; <br><i>a&lt;</i>b&gt;0</p>',
    );
    expect(join(["<a>", html`<b></b>`], ", ").text).toBe("&lt;a&gt;, <b></b>");
  });

  it("never drops the line breaks of a value", () => {
    expect(html`<p>${"one\n  two"}</p>`.text).toBe("<p>one\n  two</p>");
  });
});

describe("hours in two zones", () => {
  const f = pageFormat("en", "en-CA");
  const m = messages("en");
  // Monday 23 November 2026, 9:00 in Toronto.
  const now = Date.parse("2026-11-23T14:00:00Z");

  it("names the visitor's day when an interval lands on another one", () => {
    const charter = exampleCharter({
      hours: { mon: [["22:00", "02:00"]], tue: [["18:00", "24:00"]] },
    });
    const rows = weekRows(charter, f, m, "Europe/Paris", now);
    expect(rows[0]!.pro.map(plain)).toEqual(["10:00 p.m. – 2:00 a.m. (next day)"]);
    expect(rows[0]!.visitor.map(plain)).toEqual(["Tue 4:00 a.m. – 8:00 a.m."]);
    expect(rows[1]!.pro.map(plain)).toEqual(["6:00 p.m. – midnight"]);
    expect(rows[1]!.visitor.map(plain)).toEqual(["Wed 12:00 a.m. – 6:00 a.m."]);
    expect(rows[2]!.pro).toEqual([]);
  });

  it("groups days with the same hours", () => {
    const charter = exampleCharter();
    expect(plain(weeklyText(charter.hours, f, m))).toBe(
      "Monday 9:00 a.m. – 12:00 p.m., 1:00 p.m. – 5:00 p.m.; Tuesday–Thursday 9:00 a.m. – 5:00 p.m.; Friday 9:00 a.m. – 3:00 p.m.",
    );
  });

  it("takes the zone from ?tz=, then the cookie, then the professional's", () => {
    expect(visitorZone("Asia/Tokyo", "Europe/Paris", "America/Toronto")).toEqual({
      zone: "Asia/Tokyo",
      source: "query",
    });
    expect(visitorZone("Mars/Olympus", "Europe/Paris", "America/Toronto")).toEqual({
      zone: "Europe/Paris",
      source: "cookie",
      rejected: "Mars/Olympus",
    });
    expect(visitorZone(undefined, "nonsense", "America/Toronto")).toEqual({
      zone: "America/Toronto",
      source: "pro",
    });
  });
});
