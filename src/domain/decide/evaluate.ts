// evaluate(request, context) -> Decision: pure, deterministic, explainable.
import { parseIso, toIso } from "../business-time/iso.ts";
import type { Charter } from "../charter/schema.ts";
import { discountAlternatives, extraFor, offerPrice } from "../offers/pricing.ts";
import type { QuotaKey } from "../offers/types.ts";
import { renderReply } from "../replies/render.ts";
import type { Escalation, ReplyParams } from "../replies/types.ts";
import { findEntry, findPrice, offersOf } from "./catalog.ts";
import { proposeChangeOrder } from "./change-order.ts";
import { checkPersonalization } from "./personalization.ts";
import { addDuration, type CompiledPolicy, DEFAULT_RESPONSE } from "./policy.ts";
import type { ClientRequest, Decision, DecisionOption, EvaluationContext } from "./types.ts";
import { Verdict } from "./verdict.ts";

const DAY = 86_400_000;
const iso = toIso;

/** Parses an instant given as epoch ms or ISO text. */
function toEpoch(value: number | string): number {
  return typeof value === "number" ? value : parseIso(value);
}

function escalationFor(charter: Charter, times: readonly number[], now: number): Escalation | null {
  let chosen: { after: number; action: Escalation } | null = null;
  for (const step of charter.escalation) {
    const since = step.withinDays === undefined ? -Infinity : now - step.withinDays * DAY;
    let count = 1; // the violation being recorded now
    for (let i = times.length - 1; i >= 0 && times[i]! >= since; i--) if (times[i]! <= now) count++;
    if (count >= step.after && (!chosen || step.after >= chosen.after)) chosen = step;
  }
  return chosen?.action ?? null;
}

function checkChannel(v: Verdict, policy: CompiledPolicy, req: ClientRequest) {
  const compiled = policy.channels.get(req.channel);
  const channel = compiled?.channel;
  if (!channel || channel.accepted === false) {
    const redirectTo = channel?.redirectTo ?? policy.defaultChannel;
    v.hit(
      {
        id: "channel.not-accepted",
        category: "communication",
        violation: true,
        params: { channel: req.channel, redirectTo },
      },
      "redirect",
      "redirect.channel",
    );
    if (redirectTo) v.options.push({ kind: "use-channel", channel: redirectTo });
    return redirectTo ? policy.channels.get(redirectTo) : undefined;
  }
  if (channel.accepted === "by-appointment" && !req.byAppointment) {
    const meeting = policy.charter.meetings[0]?.id ?? null;
    v.hit(
      {
        id: "channel.by-appointment",
        category: "communication",
        violation: true,
        params: { channel: req.channel, meetingTypeId: meeting },
      },
      "redirect",
      "redirect.appointment",
    );
    v.options.push({ kind: "book-meeting", meetingTypeId: meeting });
    // A written request goes to the preferred written channel, which also sets the due time.
    const written = policy.defaultChannel ? policy.channels.get(policy.defaultChannel) : undefined;
    return written ?? compiled;
  }
  return compiled;
}

function checkHours(
  v: Verdict,
  policy: CompiledPolicy,
  req: ClientRequest,
  received: number,
  nextOpenAt: number,
) {
  const compiled = policy.channels.get(req.channel);
  const contact = compiled?.contact;
  const inContactHours =
    !contact ||
    (contact === "business" ? policy.calendar.isOpen(received) : contact.isOpen(received));
  if (!inContactHours) {
    v.hit(
      {
        id: "channel.contact-hours",
        category: "communication",
        violation: true,
        params: { channel: req.channel, receivedAt: iso(received), nextOpenAt: iso(nextOpenAt) },
      },
      "defer",
      "defer.contact-hours",
    );
  } else if (!policy.calendar.isOpen(received)) {
    v.hit(
      {
        id: "hours.closed",
        category: "time",
        violation: false,
        params: { receivedAt: iso(received), nextOpenAt: iso(nextOpenAt) },
      },
      "defer",
      "defer.closed",
    );
  }
}

/**
 * Whether deciding `req` can depend on the client's rushes this month: only a request needed
 * sooner than the lead time (a date, or kind "urgent") asks for a rush. Lets a caller skip
 * counting them for every other request.
 */
export function mayAskForRush(req: ClientRequest): boolean {
  return req.neededBy !== undefined || req.kind === "urgent";
}

/**
 * Whether `decision` could change with the client's earlier violations: they only choose the
 * escalation step of a decision that records a violation, under a charter whose steps count more
 * than the violation at hand. Otherwise the history need not be read.
 */
export function needsViolationHistory(charter: Charter, decision: Decision): boolean {
  return (
    decision.rules.some((rule) => rule.violation) &&
    charter.escalation.some((step) => step.after > 1)
  );
}

function checkLeadTime(
  v: Verdict,
  ctx: EvaluationContext,
  req: ClientRequest,
  received: number,
  reply: ReplyParams,
) {
  const { charter, calendar } = ctx.policy;
  const leadTime = charter.requests.leadTime;
  const neededBy = req.neededBy
    ? parseIso(req.neededBy)
    : req.kind === "urgent"
      ? received
      : undefined;
  if (neededBy === undefined || !leadTime) return;
  const earliest = addDuration(calendar, received, leadTime);
  if (neededBy >= earliest) return;
  reply.neededBy = neededBy;
  reply.laterDate = earliest;
  v.hit({
    id: "requests.lead-time",
    category: "time",
    violation: true,
    params: {
      neededBy: iso(neededBy),
      earliestStandard: iso(earliest),
      leadTime:
        "businessDays" in leadTime ? `${leadTime.businessDays}d` : `${leadTime.businessHours}h`,
    },
  });
  const rush = charter.requests.rush;
  const used = ctx.counters?.rushThisMonth ?? 0;
  const later: DecisionOption = { kind: "later-date", dueAt: iso(earliest) };
  if (!rush?.allowed) {
    v.hit(
      { id: "requests.rush-disabled", category: "time", violation: false, params: {} },
      "decline",
      "decline.rush-disabled",
    );
    v.options.push(later);
  } else if (rush.maxPerMonth !== undefined && used >= rush.maxPerMonth) {
    reply.rushMaxPerMonth = rush.maxPerMonth;
    v.hit(
      {
        id: "requests.rush-cap",
        category: "time",
        violation: false,
        params: { maxPerMonth: rush.maxPerMonth, used },
      },
      "decline",
      "decline.rush-cap",
    );
    v.options.push(later);
  } else {
    const base = req.offerItem ? findPrice(req.offerItem, offersOf(ctx)) : null;
    const fee = base === null ? null : Math.round((base * rush.feePercent) / 100);
    const currency = charter.money?.currency ?? null;
    reply.feePercent = rush.feePercent;
    reply.fee = fee ?? undefined;
    v.hit(
      {
        id: "requests.rush-offered",
        category: "time",
        violation: false,
        params: { feePercent: rush.feePercent, fee },
      },
      "propose",
      "propose.rush",
    );
    v.options.push(
      { kind: "rush", dueAt: iso(neededBy), feePercent: rush.feePercent, fee, currency },
      later,
    );
  }
}

function checkScope(v: Verdict, ctx: EvaluationContext, req: ClientRequest, reply: ReplyParams) {
  const engagement = ctx.engagement;
  if (!engagement || !req.offerItem) return;
  const inOffer =
    engagement.offer.items.some((i) => i.id === req.offerItem) ||
    (engagement.extraItems ?? []).includes(req.offerItem);
  if (inOffer) return;
  const price = findPrice(req.offerItem, offersOf(ctx));
  const currency = engagement.offer.currency;
  // The client reads the item's name ("Site web"), not its id ("website").
  const entry = findEntry(req.offerItem, offersOf(ctx));
  reply.item = entry ? ("item" in entry ? entry.item.name : entry.addOn.name) : req.offerItem;
  reply.price = price ?? undefined;
  v.hit(
    {
      id: "scope.out-of-offer",
      category: "scope",
      violation: true,
      params: { item: req.offerItem, price },
    },
    "propose",
    "propose.change-order",
  );
  v.options.push({ kind: "change-order", item: req.offerItem, price, currency });
}

const QUOTA_OF: Partial<Record<string, QuotaKey>> = { meeting: "meetings", change: "revisions" };

function checkQuota(v: Verdict, ctx: EvaluationContext, req: ClientRequest, reply: ReplyParams) {
  const engagement = ctx.engagement;
  if (!engagement) return;
  const quota: QuotaKey | undefined =
    (req.kind && QUOTA_OF[req.kind]) || (req.estimatedHours !== undefined ? "hours" : undefined);
  if (!quota) return;
  // Revision rounds set as a personalization limit are checked there (personalization.ts).
  if (quota === "revisions" && engagement.offer.personalization?.revisionRounds !== undefined)
    return;
  const base = engagement.offer.quotas?.[quota];
  if (base === undefined) return;
  const included = base + (engagement.extraQuota?.[quota] ?? 0);
  const used = engagement.usage?.[quota] ?? 0;
  const needed = quota === "hours" ? (req.estimatedHours ?? 0) : 1;
  if (used + needed <= included) return;
  const extra = extraFor(engagement.offer, quota);
  reply.quota = quota;
  reply.included = included;
  reply.used = used;
  reply.price = extra?.price;
  v.hit(
    { id: "quota.exceeded", category: "scope", violation: true, params: { quota, included, used } },
    "propose",
    "propose.quota",
  );
  v.options.push({
    kind: "paid-extra",
    quota,
    addOnId: extra?.id ?? null,
    price: extra?.price ?? null,
    currency: engagement.offer.currency,
  });
}

function checkMoney(
  v: Verdict,
  ctx: EvaluationContext,
  req: ClientRequest,
  received: number,
  reply: ReplyParams,
) {
  const { charter, promotionEnds } = ctx.policy;
  if (req.promotionId) {
    const ends = promotionEnds.get(req.promotionId);
    if (ends !== undefined && received >= ends) {
      reply.promotion =
        charter.money?.promotions?.find((p) => p.id === req.promotionId)?.label ?? req.promotionId;
      v.hit(
        {
          id: "money.promotion-ended",
          category: "money",
          violation: false,
          params: { promotion: req.promotionId, endedAt: iso(ends) },
        },
        "decline",
        "decline.promotion-ended",
      );
    }
  }
  if (req.kind !== "discount") return;
  if ((charter.money?.discounts ?? "alternatives") === "never") {
    v.hit(
      { id: "money.discount-refused", category: "money", violation: true, params: {} },
      "decline",
      "decline.discount",
    );
    return;
  }
  const offers = offersOf(ctx);
  const offer = (req.offerId && offers.find((o) => o.id === req.offerId)) || ctx.engagement?.offer;
  const alternatives = offer ? discountAlternatives(offer, offers, req.budget) : [];
  if (alternatives.length === 0) {
    v.hit(
      {
        id: "money.discount-refused",
        category: "money",
        violation: false,
        params: { reason: "no-alternative" },
      },
      "decline",
      "decline.discount",
    );
    return;
  }
  v.alternatives = alternatives;
  const names = new Map(offers.map((o) => [o.id, o]));
  reply.alternatives = alternatives.map((a) => {
    const source = names.get(a.offerId);
    const removed = a.removedItems.map((id) => source?.items.find((i) => i.id === id)?.name ?? id);
    return { label: source?.name ?? a.offerId, price: a.price, removed };
  });
  reply.price = offer ? offerPrice(offer) : undefined;
  v.hit(
    {
      id: "money.discount-alternatives",
      category: "money",
      violation: false,
      params: {
        offerId: offer?.id ?? null,
        budget: req.budget ?? null,
        count: alternatives.length,
      },
    },
    "propose",
    "propose.discount",
  );
}

export function evaluate(req: ClientRequest, ctx: EvaluationContext): Decision {
  const { policy } = ctx;
  const { charter, calendar } = policy;
  const received = req.receivedAt ? parseIso(req.receivedAt) : toEpoch(ctx.now);
  const v = new Verdict();

  const responder = checkChannel(v, policy, req);
  const own = policy.channels.get(req.channel);
  const reader = v.outcome === "redirect" ? responder : own;
  const firstRead = reader?.checkMinutes.length
    ? calendar.nextCheckTime(received, reader.checkMinutes)
    : calendar.nextOpening(received);
  const dueAt = addDuration(
    calendar,
    received,
    responder?.channel.responseWithin ?? DEFAULT_RESPONSE,
  );
  const nextOpenAt = Math.min(firstRead, dueAt);

  const client = ctx.client ?? {};
  const reply: ReplyParams = {
    subject: req.subject,
    clientName: client.name,
    professionalName: ctx.professionalName,
    dueAt,
    nextOpenAt,
    channel: req.channel,
    redirectTo: v.outcome === "redirect" ? (responder?.channel.id ?? undefined) : undefined,
    currency: ctx.engagement?.offer.currency ?? charter.money?.currency,
  };

  if (v.outcome !== "redirect") {
    checkHours(v, policy, req, received, nextOpenAt);
    checkLeadTime(v, ctx, req, received, reply);
    checkScope(v, ctx, req, reply);
    checkQuota(v, ctx, req, reply);
    checkPersonalization(v, ctx, req, reply);
    checkMoney(v, ctx, req, received, reply);
  }
  const changeOrder =
    v.outcome === "propose" ? proposeChangeOrder(v.options, ctx, req, received) : null;

  const violated = v.rules.some((r) => r.violation);
  const escalation = violated
    ? escalationFor(charter, client.violationTimes ?? [], received)
    : null;
  const locale = pickLocale(client.locale, charter.locales);
  const decision: Decision = {
    outcome: v.outcome,
    dueAt: iso(dueAt),
    nextOpenAt: iso(nextOpenAt),
    rules: v.rules,
    situation: v.situation,
    options: v.options,
    escalation,
    reply: renderReply({
      situation: v.situation,
      locale,
      timeZone: client.timezone ?? charter.timezone,
      params: reply,
      escalation: escalation ?? undefined,
      overrides: ctx.templates,
    }),
    charterVersion: policy.version,
  };
  if (v.alternatives) decision.alternatives = v.alternatives;
  if (changeOrder) decision.changeOrder = changeOrder;
  return decision;
}

/** The client's locale when we write their language, else the charter's first locale. */
export function pickLocale(wanted: string | undefined, locales: readonly string[]): string {
  const fallback = locales[0] ?? "en";
  if (!wanted) return fallback;
  const lang = wanted.slice(0, 2).toLowerCase();
  if (lang === "fr" || lang === "en") return wanted;
  return fallback;
}
