// The working-terms sections of the charter page: channels and response times, how to make a
// request, meeting rules and money.
import {
  MS_PER_DAY,
  MS_PER_MINUTE,
  parseLocalDate,
  parseWallTime,
  wallToEpoch,
} from "../../domain/business-time/zone.ts";
import type { Channel, MeetingType } from "../../domain/charter/schema.ts";
import { formatDateTime, formatMoney, formatPercent } from "../../domain/replies/format.ts";
import { durationText, todayAt, weeklyText } from "./charter-view.ts";
import { type Html, html } from "./html.ts";
import { channelName, type PageContext } from "./page-context.ts";

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function terms(rows: [string, string | Html][]): Html {
  return html`<dl class="terms">${rows.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`;
}

function channelCard(c: PageContext, ch: Channel): Html {
  const { m, f } = c;
  const name = channelName(c, ch.id);
  if (ch.accepted === false) {
    const to = ch.redirectTo ? m.redirect(channelName(c, ch.redirectTo)) : "";
    return html`<li class="channel"><h3>${name}</h3><p class="badge no">${m.notUsed}</p>${
      to ? html`<p>${to}</p>` : ""
    }</li>`;
  }
  const when =
    ch.contactHours === "any"
      ? m.contactAny
      : ch.contactHours === "business"
        ? m.contactBusiness
        : m.contactOwn(weeklyText(ch.contactHours, f, m));
  const reply = ch.responseWithin ? m.replyWithin(durationText(m, ch.responseWithin)) : m.noDelay;
  let checks = "";
  if (ch.checkTimes?.length) {
    const minutes = ch.checkTimes.map(parseWallTime).sort((a, b) => a - b);
    const theirs =
      c.visitorZone === c.proZone
        ? undefined
        : f.list(minutes.map((t) => f.clockAt(todayAt(c.proZone, c.now, t), c.visitorZone)));
    checks = m.checks(f.list(minutes.map((t) => f.clock(t))), theirs);
  }
  const badge =
    ch.accepted === "by-appointment"
      ? html`<p class="badge warn">${m.byAppointment}</p>`
      : html`<p class="badge ok">${m.accepted}</p>`;
  return html`<li class="channel"><h3>${name}</h3>${badge}${terms([
    [m.whenLabel, when],
    [m.replyLabel, reply],
  ])}${checks ? html`<p class="small">${checks}</p>` : ""}</li>`;
}

export function contactSection(c: PageContext): Html {
  const { m } = c;
  return html`<section id="contact" aria-labelledby="contact-t">
<h2 id="contact-t">${m.titles.contact}</h2>
<ul class="channels">${c.charter.channels.map((ch) => channelCard(c, ch))}</ul>
<p class="small">${m.businessNote}</p>
</section>`;
}

export function requestsSection(c: PageContext): Html {
  const { m, charter } = c;
  const open = charter.channels.filter((ch) => ch.accepted === true);
  const names = open.map((ch, i) => {
    const name = channelName(c, ch.id);
    return i === 0 && open.length > 1 ? `${name} (${m.steps.preferred})` : name;
  });
  const { leadTime, rush } = charter.requests;
  const steps = [
    names.length ? m.steps.write(c.f.orList(names)) : "",
    m.steps.describe,
    leadTime ? m.steps.leadTime(durationText(m, leadTime)) : "",
    rush?.allowed ? m.steps.rush(formatPercent(rush.feePercent, c.f.locale), rush.maxPerMonth) : "",
    rush && !rush.allowed ? m.steps.noRush : "",
    m.steps.outside,
    charter.channels.some((ch) => ch.accepted === "by-appointment" && ch.id === "phone")
      ? m.steps.phone
      : "",
  ].filter(Boolean);
  return html`<section id="requests" aria-labelledby="requests-t">
<h2 id="requests-t">${m.titles.requests}</h2>
<ol class="steps">${steps.map((s) => html`<li>${s}</li>`)}</ol>
</section>`;
}

function meetingCard(c: PageContext, mt: MeetingType): Html {
  const { m } = c;
  const mm = m.meeting;
  const limits = [
    mt.maxPerDay ? mm.perDay(mt.maxPerDay) : "",
    mt.maxPerWeek ? mm.perWeek(mt.maxPerWeek) : "",
  ].filter(Boolean);
  const late =
    mt.lateCancel === "fee"
      ? mm.lateFee(formatPercent(mt.lateCancelFeePercent ?? 100, c.f.locale))
      : mt.lateCancel === "free"
        ? mm.lateFree
        : mm.lateCounts;
  const rows: [string, string][] = [
    [mm.duration, m.minutes(mt.durationMinutes)],
    [mm.notice, mt.minNotice ? mm.noticeText(durationText(m, mt.minNotice)) : mm.noNotice],
  ];
  if (mt.bufferMinutes > 0) rows.push([mm.buffer, mm.bufferText(m.minutes(mt.bufferMinutes))]);
  if (limits.length) rows.push([mm.limits, `${capitalize(c.f.list(limits))}.`]);
  rows.push([mm.window, mm.windowText(m.days(mt.horizonDays))]);
  rows.push([
    mm.cancel,
    mt.cancelNotice ? `${mm.cancelFree(m.hours(mt.cancelNotice.hours))} ${late}` : mm.cancelAny,
  ]);
  return html`<li class="meeting"><h3>${mt.name ?? mm.name(mt.durationMinutes)}</h3>${terms(rows)}</li>`;
}

export function meetingsSection(c: PageContext): Html | "" {
  if (c.charter.meetings.length === 0) return "";
  return html`<section id="meetings" aria-labelledby="meetings-t">
<h2 id="meetings-t">${c.m.titles.meetings}</h2>
<ul class="cards">${c.charter.meetings.map((mt) => meetingCard(c, mt))}</ul>
</section>`;
}

export function moneySection(c: PageContext): Html | "" {
  const money = c.charter.money;
  if (!money) return "";
  const { m, f } = c;
  const mm = m.money;
  const rows: [string, string][] = [
    [mm.terms, money.paymentTermsDays > 0 ? mm.termsText(money.paymentTermsDays) : mm.onReceipt],
    [
      mm.deposit,
      money.depositPercent > 0
        ? mm.depositText(formatPercent(money.depositPercent, f.locale))
        : mm.noDeposit,
    ],
  ];
  if (money.methods.length) {
    const methods = money.methods.map((id) => mm.method[id] ?? id);
    rows.push([mm.methods, `${capitalize(f.list(methods))}.`]);
  }
  if (money.lateFee) {
    const fee =
      "percentPerMonth" in money.lateFee
        ? mm.perMonth(formatPercent(money.lateFee.percentPerMonth, f.locale))
        : formatMoney(money.lateFee.fixed, f.locale, money.currency);
    rows.push([mm.late, capitalize(mm.lateFee(fee, money.lateFee.graceDays))]);
  }
  const promotions = (money.promotions ?? []).flatMap((p) => {
    const [date = "", time = "00:00"] = p.endsAt.split("T");
    const wall = parseLocalDate(date) * MS_PER_DAY + parseWallTime(time) * MS_PER_MINUTE;
    const ends = wallToEpoch(c.proZone, wall);
    if (ends < c.now) return [];
    return [mm.promotionEnds(p.label ?? p.id, formatDateTime(ends, f.locale, c.proZone, c.now))];
  });
  if (promotions.length) rows.push([mm.promotions, promotions.join(" ")]);
  return html`<section id="money" aria-labelledby="money-t">
<h2 id="money-t">${m.titles.money}</h2>
<p class="callout"><strong>${mm.discounts}.</strong> ${
    money.discounts === "never" ? mm.never : mm.alternatives
  }</p>
${terms(rows)}
</section>`;
}
