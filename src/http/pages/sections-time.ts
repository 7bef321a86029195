// The time sections of the charter page: opening hours in both zones (with the zone form) and
// the holidays, closures and special days ahead.
import { localParts, MS_PER_DAY } from "../../domain/business-time/zone.ts";
import { formatDateTime } from "../../domain/replies/format.ts";
import { openStatus, upcomingDays, weekRows } from "./charter-view.ts";
import { type Html, html } from "./html.ts";
import type { PageContext } from "./page-context.ts";

export function hoursSection(c: PageContext): Html {
  const { m, f, charter } = c;
  const same = c.visitorZone === c.proZone;
  const rows = weekRows(charter, f, m, c.visitorZone, c.now);
  const status = openStatus(c.versionKey, charter, c.now);
  // Today's times need no date: "until 12:00 p.m. EST".
  const when = (ms: number, zone: string) =>
    localParts(zone, ms).day === localParts(zone, c.now).day
      ? f.clockZoned(ms, zone)
      : formatDateTime(ms, f.locale, zone, c.now);
  const at = (ms: number) => {
    const mine = when(ms, c.proZone);
    return same ? mine : `${mine} (${m.yourTime(when(ms, c.visitorZone))})`;
  };
  const energy = charter.energy;
  const notes = [
    energy?.weekendWork === false ? m.noWeekend : "",
    energy?.maxActiveClients ? m.maxClients(energy.maxActiveClients) : "",
  ].filter(Boolean);
  return html`<section id="hours" aria-labelledby="hours-t">
<h2 id="hours-t">${m.titles.hours}</h2>
${
  status
    ? html`<p class="status ${status.open ? "is-open" : "is-closed"}">${
        status.open ? m.openNow(at(status.at)) : m.closedNow(at(status.at))
      }</p>`
    : ""
}
<p>${same ? m.tzSame(c.proZoneName) : m.tzBoth(c.proZoneName, c.visitorZoneName)}${
    c.rejectedZone ? html` <strong>${m.tzUnknown(c.rejectedZone)}</strong>` : ""
  }</p>
${zoneForm(c)}
<div class="scroll">
<table class="hours">
<thead><tr><th scope="col">${m.colDay}</th><th scope="col">${m.colMine}<span class="zone">${c.proZoneName}</span></th>${
    same
      ? ""
      : html`<th scope="col">${m.colYours}<span class="zone">${c.visitorZoneName}</span></th>`
  }</tr></thead>
<tbody>${rows.map(
    (r) =>
      html`<tr${r.pro.length ? "" : html` class="off"`}><th scope="row">${f.weekday(r.weekday)}</th>${
        r.pro.length
          ? html`<td>${cellLines(r.pro)}</td>${same ? "" : html`<td>${cellLines(r.visitor)}</td>`}`
          : html`<td${same ? "" : html` colspan="2"`}>${m.closed}</td>`
      }</tr>`,
  )}</tbody>
</table>
</div>
${same ? "" : html`<p class="small">${m.nextDays}</p>`}
${notes.length ? html`<p>${notes.join(" ")}</p>` : ""}
</section>`;
}

function cellLines(lines: string[]): Html {
  return html`${lines.map((line, i) => html`${i ? html`<br>` : ""}<span class="nw">${line}</span>`)}`;
}

function zoneForm(c: PageContext): Html {
  const { m } = c;
  return html`<form class="tz" method="get" action="${c.formAction}">
<input type="hidden" name="lang" value="${c.lang}">
<label for="tz">${m.tzLabel}</label>
<select id="tz" name="tz">${c.zoneOptions.map((o) =>
    o.zone === c.visitorZone
      ? html`<option value="${o.zone}" selected>${o.label}</option>`
      : html`<option value="${o.zone}">${o.label}</option>`,
  )}</select>
<button type="submit">${m.tzSubmit}</button>
</form>`;
}

export function closuresSection(c: PageContext): Html {
  const { m, f } = c;
  const notes = upcomingDays(c.charter, f, m, c.lang, c.now);
  const year = (day: number) => new Date(day * MS_PER_DAY).getUTCFullYear();
  const thisYear = year(localParts(c.proZone, c.now).day);
  const dateText = (from: number, to: number) =>
    from === to ? f.date(from, year(from) !== thisYear) : f.dateRange(from, to);
  const what = (n: (typeof notes)[number]) => {
    if (n.kind === "holiday") return html`<strong>${m.publicHoliday}</strong> · ${n.name}`;
    if (n.kind === "closure")
      return html`<strong>${m.closure}</strong>${n.name ? html` · ${n.name}` : ""}`;
    return html`<strong>${m.specialHours(n.hours ?? "")}</strong>${n.name ? html` · ${n.name}` : ""}`;
  };
  return html`<section id="closures" aria-labelledby="closures-t">
<h2 id="closures-t">${m.titles.closures}</h2>
${
  notes.length
    ? html`<p>${m.closuresIntro(c.proZoneName)}</p>
<div class="scroll"><table class="dates">
<thead><tr><th scope="col">${m.colDate}</th><th scope="col">${m.colReason}</th></tr></thead>
<tbody>${notes.map(
        (n) => html`<tr><td class="nw">${dateText(n.from, n.to)}</td><td>${what(n)}</td></tr>`,
      )}</tbody>
</table></div>`
    : html`<p>${m.closuresNone}</p>`
}
</section>`;
}
