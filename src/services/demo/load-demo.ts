// The demo workspace « Studio Boréal »: Julie Tremblay, graphic designer in Québec (fr-CA,
// America/Toronto, Québec holidays), the example charter, three offers, five clients with their
// habits, their engagements, and three months of requests ending now.
//
// Everything goes through the same use cases as the API (sign-up, publish, offers, clients,
// engagements, intake, replies, exceptions), on a clock moved back in time, so every decision,
// violation, consequence and drafted reply is the real one. The content comes from a seeded
// generator and dates relative to today: loading on the same day gives the same demo.
// Loading again when the workspace exists does nothing; a load that fails half-way removes
// what it wrote.
import { readFile } from "node:fs/promises";
import type { BusinessCalendar } from "../../domain/business-time/calendar.ts";
import { toIso as iso } from "../../domain/business-time/iso.ts";
import {
  formatLocalDate,
  localParts,
  MS_PER_DAY,
  wallToEpoch,
} from "../../domain/business-time/zone.ts";
import { parseCharter } from "../../domain/charter/validate.ts";
import { compilePolicy } from "../../domain/decide/policy.ts";
import type { ClientRequest, Decision } from "../../domain/decide/types.ts";
import type { QuotaKey } from "../../domain/offers/types.ts";
import * as engagementsRepo from "../../store/repositories/engagements.ts";
import { ledgerByClient } from "../../store/repositories/ledger.ts";
import { deleteWorkspace, markQueuedMailSent } from "../../store/repositories/workspace-export.ts";
import { workspaceBySlug } from "../../store/repositories/workspaces.ts";
import { signUp } from "../accounts/sign-up.ts";
import { publishCharter } from "../charter/publish-charter.ts";
import { saveCharterDraft } from "../charter/save-draft.ts";
import { createClient } from "../clients/create-client.ts";
import type { AppContext } from "../context.ts";
import { createEngagement } from "../engagements/create-engagement.ts";
import { markObligationLate } from "../engagements/mark-obligation-late.ts";
import { markObligationReceived } from "../engagements/mark-obligation-received.ts";
import { updateEngagement } from "../engagements/update-engagement.ts";
import { grantException } from "../ledger/grant-exception.ts";
import { createOffer } from "../offers/create-offer.ts";
import { acknowledgeCharter } from "../portal/portal.ts";
import { invalidatePolicy } from "../requests/policy-cache.ts";
import { takeRequest } from "../requests/take-request.ts";
import { patchRequest } from "../requests/update-request.ts";
import {
  DEMO_ACCOUNT,
  DEMO_CLIENTS,
  DEMO_EMAIL,
  DEMO_OFFERS,
  DEMO_PASSWORD,
  DEMO_SLUG,
  DEMO_ZONE,
  type DemoClient,
  type Habit,
  type Message,
} from "./demo-content.ts";
import { type Random, seeded } from "./prng.ts";

export { DEMO_EMAIL, DEMO_PASSWORD, DEMO_SLUG };

export interface DemoCounts {
  offers: number;
  clients: number;
  engagements: number;
  requests: number;
  violations: number;
  exceptions: number;
  /** First request received, ISO. */
  since: string;
}

export interface DemoResult {
  /** False when the demo workspace was already there (nothing was changed). */
  created: boolean;
  workspaceId: string;
  slug: string;
  email: string;
  password: string;
  counts: DemoCounts | null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const EXAMPLE_CHARTER = new URL("../../../examples/charter.json", import.meta.url);

type Channel = "email" | "portal" | "sms" | "phone";
type Category = keyof DemoClient["messages"];

interface RequestPlan {
  client: Habit;
  at: number;
  channel: Channel;
  message: Message;
  byAppointment?: boolean;
  /** Leave it in the inbox, unanswered. */
  keepOpen?: boolean;
  choose?: "rush";
  exception?: { rule: string; reason: string };
}

interface DeliverablePlan {
  name: string;
  due: number;
  delivered?: number;
}

interface ObligationPlan {
  name: string;
  due: number;
  shift: number;
  deliverables: number[];
  /** Day received (on time or late); absent: still pending, or marked late on `lateOn`. */
  received?: number;
  lateOn?: number;
}

interface EngagementPlan {
  client: Habit;
  offer: string;
  title: string;
  created: number;
  startsOn: number;
  endsOn: number;
  deliverables: DeliverablePlan[];
  obligations: ObligationPlan[];
  completedOn?: number;
}

/** When engagements were opened and what they hold (days relative to today). */
const ENGAGEMENTS: EngagementPlan[] = [
  {
    client: "model",
    offer: "essentiel",
    title: "Maple & Thread — Essentials",
    created: -91,
    startsOn: -91,
    endsOn: -50,
    deliverables: [
      { name: "Logo", due: -70, delivered: -71 },
      { name: "Colour palette", due: -66, delivered: -67 },
      { name: "Business cards", due: -55, delivered: -56 },
    ],
    obligations: [
      { name: "Deposit (30 %)", due: -88, shift: 5, deliverables: [0, 1, 2], received: -89 },
      { name: "Brand questionnaire", due: -85, shift: 3, deliverables: [0], received: -86 },
      { name: "Logo concept approval", due: -74, shift: 2, deliverables: [0, 2], received: -75 },
    ],
    completedOn: -52,
  },
  {
    client: "rush",
    offer: "rayonnement",
    title: "Northwind Outfitters — brand, packaging and website",
    created: -87,
    startsOn: -87,
    endsOn: 45,
    deliverables: [
      { name: "Logo & palette", due: -62, delivered: -63 },
      { name: "Brand guide", due: -35, delivered: -36 },
      { name: "Social templates (12)", due: 12 },
      { name: "Packaging (2 formats)", due: 20 },
      { name: "Website (5 pages)", due: 35 },
    ],
    obligations: [
      { name: "Deposit (30 %)", due: -86, shift: 5, deliverables: [0, 1], received: -86 },
      { name: "Product photos", due: -22, shift: 3, deliverables: [2], received: -23 },
      { name: "Packaging dielines from the printer", due: 2, shift: 3, deliverables: [3] },
      { name: "Website copy (EN/FR)", due: 8, shift: 5, deliverables: [4] },
    ],
  },
  {
    client: "night-writer",
    offer: "signature",
    title: "Boulangerie Gagnon — nouvelle identité",
    created: -84,
    startsOn: -84,
    endsOn: 21,
    deliverables: [
      { name: "Logo et palette", due: -58, delivered: -59 },
      { name: "Guide de marque", due: -30, delivered: -31 },
      { name: "Gabarits réseaux sociaux (6)", due: 9 },
      { name: "Papeterie", due: 17 },
    ],
    obligations: [
      { name: "Dépôt (30 %)", due: -82, shift: 5, deliverables: [0], received: -83 },
      { name: "Photos de la boutique", due: -72, shift: 3, deliverables: [0, 1], received: -73 },
      { name: "Approbation du logo", due: -62, shift: 2, deliverables: [1], received: -63 },
      { name: "Textes des gabarits", due: 3, shift: 3, deliverables: [2] },
    ],
  },
  {
    client: "late-materials",
    offer: "signature",
    title: "Clinique Physio Bouchard — identité et guide",
    created: -76,
    startsOn: -76,
    endsOn: 14,
    deliverables: [
      { name: "Logo et palette", due: -48, delivered: -42 },
      { name: "Guide de marque", due: -6 },
      { name: "Gabarits réseaux sociaux (6)", due: 7 },
    ],
    obligations: [
      { name: "Dépôt (30 %)", due: -74, shift: 5, deliverables: [0, 1, 2], received: -74 },
      {
        name: "Textes et photos de la clinique",
        due: -60,
        shift: 5,
        deliverables: [0, 1],
        received: -53,
      },
      {
        name: "Approbation des maquettes du guide",
        due: -9,
        shift: 3,
        deliverables: [1, 2],
        lateOn: -7,
      },
    ],
  },
  {
    client: "haggler",
    offer: "essentiel",
    title: "Café Lavoie — identité",
    created: -68,
    startsOn: -68,
    endsOn: 6,
    deliverables: [
      { name: "Logo", due: -38, delivered: -39 },
      { name: "Palette de couleurs", due: -33, delivered: -33 },
      { name: "Cartes professionnelles", due: 5 },
    ],
    obligations: [
      { name: "Dépôt (30 %)", due: -66, shift: 5, deliverables: [0, 1, 2], received: -66 },
      { name: "Choix du concept", due: -45, shift: 3, deliverables: [0], received: -46 },
    ],
  },
  {
    client: "model",
    offer: "signature",
    title: "Maple & Thread — Signature",
    created: -42,
    startsOn: -40,
    endsOn: 30,
    deliverables: [
      { name: "Brand guide", due: -12, delivered: -13 },
      { name: "Social templates (6)", due: 8 },
      { name: "Stationery", due: 20 },
    ],
    obligations: [
      { name: "Deposit (30 %)", due: -38, shift: 5, deliverables: [0, 1, 2], received: -39 },
      { name: "Product photos", due: -25, shift: 3, deliverables: [0, 1], received: -27 },
      { name: "Guide approval", due: 4, shift: 3, deliverables: [1, 2] },
    ],
  },
];

/** When each client was added (days relative to today). */
const CLIENT_ADDED: Record<Habit, number> = {
  model: -97,
  rush: -90,
  "night-writer": -86,
  "late-materials": -79,
  haggler: -71,
};

const CHARTER_V2_DAY = -60;
const FIRST_DAY = -101;

/** Category weights by habit (before the channel decides for SMS and phone messages). */
const CATEGORIES: Record<Habit, readonly (readonly [Category, number])[]> = {
  "night-writer": [
    ["question", 35],
    ["task", 20],
    ["change", 25],
    ["meeting", 10],
    ["scope", 5],
    ["urgent", 5],
  ],
  haggler: [
    ["discount", 30],
    ["question", 25],
    ["change", 15],
    ["meeting", 10],
    ["task", 20],
  ],
  rush: [
    ["urgent", 20],
    ["task", 25],
    ["question", 25],
    ["meeting", 15],
    ["change", 15],
  ],
  "late-materials": [
    ["question", 55],
    ["change", 20],
    ["task", 20],
    ["urgent", 5],
  ],
  model: [
    ["question", 40],
    ["change", 20],
    ["meeting", 20],
    ["task", 20],
  ],
};

export async function loadDemo(ctx: AppContext): Promise<DemoResult> {
  const existing = await workspaceBySlug(ctx.db, DEMO_SLUG);
  const result = {
    slug: DEMO_SLUG,
    email: DEMO_EMAIL,
    password: DEMO_PASSWORD,
  };
  if (existing) return { created: false, workspaceId: existing.id, counts: null, ...result };

  const example = JSON.parse(await readFile(EXAMPLE_CHARTER, "utf8")) as Record<string, unknown>;
  const parsed = parseCharter(example);
  if (!parsed.ok) throw new Error("examples/charter.json does not parse");
  const calendar = compilePolicy(parsed.charter).calendar;

  const now = ctx.now();
  let clock = now;
  const demo: AppContext = { ...ctx, now: () => clock };
  const setClock = (t: number) => {
    clock = Math.min(t, now);
  };
  const time = demoTime(now, calendar);

  setClock(time.wall(FIRST_DAY, "19:42"));
  const signedUp = await signUp(demo, DEMO_ACCOUNT);
  const workspaceId = signedUp.workspace.id;
  const userId = signedUp.user.id;
  try {
    const counts = await fill(demo, setClock, time, {
      workspaceId,
      userId,
      example,
      now,
    });
    return { created: true, workspaceId, counts, ...result };
  } catch (error) {
    await deleteWorkspace(ctx.db, workspaceId);
    invalidatePolicy(workspaceId);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Dates: days relative to today in Toronto, wall times, business days of the charter

interface DemoTime {
  now: number;
  /** The instant of a wall time ("HH:MM", may pass 24:00 into the next day) on a day. */
  wall(day: number, hhmm: string): number;
  wallMinutes(day: number, minutes: number): number;
  /** The day (relative to today) of an instant. */
  dayOf(t: number): number;
  isWorkday(day: number): boolean;
  /** That day, or the next working day. */
  workday(day: number): number;
  weekday(day: number): number;
  calendar: BusinessCalendar;
}

function demoTime(now: number, calendar: BusinessCalendar): DemoTime {
  const today = localParts(DEMO_ZONE, now).day;
  const wallMinutes = (day: number, minutes: number) =>
    wallToEpoch(DEMO_ZONE, (today + day) * MS_PER_DAY + minutes * MINUTE);
  const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const isWorkday = (day: number) =>
    calendar.isOpen(wallMinutes(day, 10 * 60)) || calendar.isOpen(wallMinutes(day, 14 * 60));
  return {
    now,
    wall: (day, hhmm) => wallMinutes(day, minutesOf(hhmm)),
    wallMinutes,
    dayOf: (t) => localParts(DEMO_ZONE, t).day - today,
    isWorkday,
    workday: (day) => {
      let d = day;
      while (!isWorkday(d) && d < day + 30) d++;
      return d;
    },
    weekday: (day) => localParts(DEMO_ZONE, wallMinutes(day, 12 * 60)).weekday,
    calendar,
  };
}

// ---------------------------------------------------------------------------------------------

interface FillInput {
  workspaceId: string;
  userId: string;
  example: Record<string, unknown>;
  now: number;
}

interface Scheduled {
  at: number;
  seq: number;
  run: () => Promise<void>;
}

async function fill(
  demo: AppContext,
  setClock: (t: number) => void,
  time: DemoTime,
  input: FillInput,
): Promise<DemoCounts> {
  const { workspaceId, userId, example } = input;

  // Julie sets up her charter the evening she signs up (a first version: rushes without a cap),
  // and her offers the next morning.
  setClock(time.wall(FIRST_DAY, "20:05"));
  const firstVersion = {
    ...example,
    requests: { leadTime: { businessDays: 2 }, rush: { allowed: true, feePercent: 35 } },
  };
  await saveCharterDraft(demo, workspaceId, firstVersion);
  setClock(time.wall(FIRST_DAY, "20:31"));
  await publishCharter(demo, workspaceId, userId);
  let minute = 0;
  for (const offer of DEMO_OFFERS) {
    setClock(time.wall(time.workday(FIRST_DAY + 1), "10:15") + minute++ * 25 * MINUTE);
    await createOffer(demo, workspaceId, offer);
  }

  const events: Scheduled[] = [];
  const on = (at: number, run: () => Promise<void>) => {
    if (at <= input.now) events.push({ at, seq: events.length, run });
  };
  let charterVersion = 1;

  // The charter's second version: the example charter as it stands (rush fee 50 %, one a month).
  on(time.wall(time.workday(CHARTER_V2_DAY), "10:00"), async () => {
    await saveCharterDraft(demo, workspaceId, example);
    setClock(time.wall(time.workday(CHARTER_V2_DAY), "10:20"));
    charterVersion = (await publishCharter(demo, workspaceId, userId)).version;
  });
  // A draft in progress: next summer's holidays, not yet published.
  const draftDay = time.workday(-3);
  on(time.wall(draftDay, "20:30"), async () => {
    const year = new Date(input.now).getUTCFullYear() + 1;
    const closures = [
      ...((example.closures as unknown[]) ?? []),
      { from: `${year}-07-20`, to: `${year}-08-02`, label: "Vacances d’été" },
    ];
    await saveCharterDraft(demo, workspaceId, { ...example, closures });
  });

  // Clients: added by Julie, then they read and acknowledge the charter.
  const clientIds = new Map<Habit, string>();
  for (const client of DEMO_CLIENTS) {
    const day = time.workday(CLIENT_ADDED[client.key]);
    on(time.wall(day, "09:50"), async () => {
      const created = await createClient(demo, workspaceId, {
        name: client.name,
        company: client.company,
        emails: client.emails,
        locale: client.locale,
        timezone: client.timezone,
        notes: client.notes,
      });
      clientIds.set(client.key, created.id);
      const ackAt = client.key === "night-writer" ? "23:12" : "15:40";
      setClock(time.wall(day, ackAt));
      await acknowledgeCharter(demo, workspaceId, created.id, charterVersion, client.from);
    });
  }
  // The model client reads the new version the week it is published.
  on(time.wall(time.workday(CHARTER_V2_DAY + 2), "14:05"), async () => {
    const id = clientIds.get("model")!;
    await acknowledgeCharter(demo, workspaceId, id, charterVersion, "203.0.113.8");
  });

  // Engagements, deliverables delivered, obligations received or missed.
  for (const plan of ENGAGEMENTS) scheduleEngagement(plan);

  function scheduleEngagement(plan: EngagementPlan) {
    const ref = { id: "", deliverables: [] as string[], obligations: [] as string[] };
    const due = (day: number) => time.wall(time.workday(day), "17:00");
    on(time.wall(time.workday(plan.created), "10:30"), async () => {
      const created = await createEngagement(demo, workspaceId, {
        clientId: clientIds.get(plan.client)!,
        offerId: plan.offer,
        title: plan.title,
        startsOn: formatLocalDate(localParts(DEMO_ZONE, time.wall(plan.startsOn, "12:00")).day),
        endsOn: formatLocalDate(localParts(DEMO_ZONE, time.wall(plan.endsOn, "12:00")).day),
        deliverables: plan.deliverables.map((d) => ({ name: d.name, dueAt: iso(due(d.due)) })),
        obligations: plan.obligations.map((o) => ({
          name: o.name,
          dueAt: iso(due(o.due)),
          shiftBusinessDays: o.shift,
          deliverableIds: o.deliverables,
        })),
      });
      ref.id = created.id;
      ref.deliverables = created.deliverables.map((d) => d.id);
      ref.obligations = created.obligations.map((o) => o.id);
    });
    plan.obligations.forEach((o, i) => {
      if (o.received !== undefined) {
        const at = time.wall(time.workday(o.received), o.received > o.due ? "14:10" : "11:20");
        on(at, async () => {
          setClock(at + 7 * MINUTE);
          await markObligationReceived(demo, workspaceId, ref.id, ref.obligations[i]!, iso(at));
        });
      } else if (o.lateOn !== undefined) {
        on(time.wall(time.workday(o.lateOn), "09:15"), async () => {
          await markObligationLate(demo, workspaceId, ref.id, ref.obligations[i]!);
        });
      }
    });
    plan.deliverables.forEach((d, i) => {
      if (d.delivered === undefined) return;
      const at = time.wall(time.workday(d.delivered), "16:20");
      on(at, async () => {
        await updateEngagement(demo, workspaceId, ref.id, {
          deliverables: [{ id: ref.deliverables[i]!, deliveredAt: iso(at) }],
        });
      });
    });
    if (plan.completedOn !== undefined) {
      on(time.wall(time.workday(plan.completedOn), "11:00"), async () => {
        await updateEngagement(demo, workspaceId, ref.id, { status: "completed" });
      });
    }
  }

  // Three months of requests.
  const plans = [...scriptedRequests(time), ...randomRequests(time)].filter(
    (p) => p.at <= input.now - 10 * MINUTE,
  );
  const tally = { requests: 0, exceptions: 0, since: Number.POSITIVE_INFINITY };
  const follow = seeded(0x5eed_f011);
  let paidExtraChosen = false;
  for (const plan of plans) {
    on(plan.at, async () => {
      const clientId = clientIds.get(plan.client);
      if (!clientId) return;
      const message = await withinQuota(plan);
      setClock(plan.at + follow.int(5, 50) * 1000);
      const request: ClientRequest = {
        channel: plan.channel,
        receivedAt: iso(plan.at),
        subject: message.subject,
        body: message.body,
        ...(message.kind ? { kind: message.kind } : {}),
        ...(message.offerItem ? { offerItem: message.offerItem } : {}),
        ...(message.offerId ? { offerId: message.offerId } : {}),
        ...(message.budget !== undefined ? { budget: message.budget } : {}),
        ...(message.neededBy ? { neededBy: iso(neededBy(plan.at, message.neededBy)) } : {}),
        ...(plan.byAppointment ? { byAppointment: true } : {}),
      };
      const taken = await takeRequest(demo, {
        workspaceId,
        clientId,
        request,
        source:
          plan.channel === "portal" ? "portal" : plan.channel === "email" ? "email" : "phone-log",
      });
      tally.requests++;
      tally.since = Math.min(tally.since, plan.at);
      await followUp(plan, message, clientId, taken.id, taken.decision);
    });
  }

  /** A model client never asks beyond what she bought: past the quota, she asks a question. */
  async function withinQuota(plan: RequestPlan): Promise<Message> {
    const quota = quotaOf(plan.message);
    if (plan.client !== "model" || !quota) return plan.message;
    const engagement = await engagementsRepo.activeForClient(
      demo.db,
      workspaceId,
      clientIds.get(plan.client)!,
    );
    const included = engagement
      ? (engagement.offer.quotas?.[quota] ?? 0) + (engagement.extraQuota[quota] ?? 0)
      : 0;
    const used = engagement?.usage[quota] ?? 0;
    if (engagement && used < included) return plan.message;
    const client = DEMO_CLIENTS.find((c) => c.key === plan.client)!;
    return client.messages.question[
      Math.floor(plan.at / MINUTE) % client.messages.question.length
    ]!;
  }

  function neededBy(at: number, when: { businessDays: number; at: string }): number {
    const day = time.dayOf(time.calendar.addBusinessDays(at, when.businessDays));
    return time.wall(day, when.at);
  }

  async function followUp(
    plan: RequestPlan,
    message: Message,
    clientId: string,
    id: string,
    decision: Decision,
  ) {
    const received = plan.at;
    const dueAt = Date.parse(decision.dueAt);
    const firstRead = Math.max(Date.parse(decision.nextOpenAt), received);
    const answerAt = Math.min(
      firstRead + follow.int(12, 140) * MINUTE,
      Math.max(dueAt - 10 * MINUTE, firstRead + 5 * MINUTE),
    );
    const closeAfter = follow.int(6, 96) * HOUR;
    const closes = follow.chance(0.55);
    if (plan.keepOpen || answerAt > input.now - 15 * MINUTE) return;

    const offered = decision.options.map((o) => o.kind as string);
    let chosen: string | undefined;
    if (plan.choose && offered.includes(plan.choose)) chosen = plan.choose;
    if (
      !chosen &&
      plan.client === "night-writer" &&
      !paidExtraChosen &&
      offered.includes("paid-extra")
    ) {
      chosen = "paid-extra";
      paidExtraChosen = true;
    }
    setClock(answerAt);
    await patchRequest(demo, workspaceId, id, {
      action: "answer",
      ...(chosen ? { chosenOption: chosen as "rush" } : {}),
    });

    const engagement = await engagementsRepo.activeForClient(demo.db, workspaceId, clientId);
    const quota = quotaOf(message);
    if (engagement && chosen === "paid-extra") {
      const option = decision.options.find((o) => o.kind === "paid-extra");
      const key = option && "quota" in option ? option.quota : "revisions";
      await updateEngagement(demo, workspaceId, engagement.id, {
        extraQuota: { ...engagement.extraQuota, [key]: (engagement.extraQuota[key] ?? 0) + 1 },
      });
    }
    // A call that took place, a revision round that was done: the quota is used.
    if (engagement && quota && (decision.outcome === "accept" || decision.outcome === "defer")) {
      const fresh = (await engagementsRepo.get(demo.db, workspaceId, engagement.id))!;
      await updateEngagement(demo, workspaceId, engagement.id, {
        usage: { ...fresh.usage, [quota]: (fresh.usage[quota] ?? 0) + 1 },
      });
    }

    if (plan.exception) {
      const hit =
        decision.rules.find((r) => r.id === plan.exception!.rule) ??
        decision.rules.find((r) => r.violation);
      if (hit) {
        setClock(answerAt + 2 * MINUTE);
        await grantException(demo, workspaceId, userId, {
          clientId,
          requestId: id,
          rule: hit.id,
          reason: plan.exception.reason,
        });
        tally.exceptions++;
      }
    }

    if (closes && answerAt + closeAfter <= input.now - 5 * MINUTE) {
      setClock(answerAt + closeAfter);
      await patchRequest(demo, workspaceId, id, { action: "close" });
    }
  }

  events.sort((a, b) => a.at - b.at || a.seq - b.seq);
  for (const event of events) {
    setClock(event.at);
    await event.run();
  }

  // The demo's clients are fictional: what Julie "sent" is recorded as sent, never mailed.
  await markQueuedMailSent(demo.db, workspaceId);
  const ledger = await ledgerByClient(demo.db, workspaceId);
  return {
    offers: DEMO_OFFERS.length,
    clients: clientIds.size,
    engagements: ENGAGEMENTS.length,
    requests: tally.requests,
    violations: ledger.reduce((sum, c) => sum + c.violations, 0),
    exceptions: tally.exceptions,
    since: iso(Number.isFinite(tally.since) ? tally.since : input.now),
  };
}

function quotaOf(message: Message): QuotaKey | undefined {
  return message.kind === "meeting"
    ? "meetings"
    : message.kind === "change"
      ? "revisions"
      : undefined;
}

// ---------------------------------------------------------------------------------------------
// Requests

function clientOf(key: Habit): DemoClient {
  return DEMO_CLIENTS.find((c) => c.key === key)!;
}

/** The scenes the demo always shows, whatever the generator draws. */
function scriptedRequests(time: DemoTime): RequestPlan[] {
  const plans: RequestPlan[] = [];
  const gagnon = clientOf("night-writer");
  const lavoie = clientOf("haggler");
  const ryan = clientOf("rush");
  const emilie = clientOf("late-materials");
  const priya = clientOf("model");

  // Ryan: a rush he pays for, then a second one the same month that the cap refuses — and that
  // Julie chooses to do anyway (an exception, with the reason).
  const monthOf = (day: number) => new Date(time.wall(day, "12:00")).toISOString().slice(0, 7);
  let first = -25;
  while (monthOf(first - 1) === monthOf(-25)) first--;
  const rush1 = time.workday(first + 2);
  const rush2 = time.workday(rush1 + 5);
  plans.push({
    client: "rush",
    at: time.wall(rush1, "14:10"),
    channel: "email",
    message: ryan.messages.urgent[0]!,
    choose: "rush",
  });
  plans.push({
    client: "rush",
    at: time.wall(rush2, "15:45"),
    channel: "email",
    message: ryan.messages.urgent[1]!,
    exception: {
      rule: "requests.lead-time",
      reason:
        "Réunion d’investisseurs devancée : je fais la maquette sans frais cette fois-ci, et je le lui ai dit clairement.",
    },
  });

  // Marc-André: a text on a Friday night, and one accepted while his e-mail was down.
  let friday = -50;
  while (time.weekday(friday) !== 4) friday--;
  plans.push({
    client: "night-writer",
    at: time.wall(friday, "23:40"),
    channel: "sms",
    message: gagnon.messages.sms[0]!,
  });
  plans.push({
    client: "night-writer",
    at: time.wall(-20, "20:55"),
    channel: "sms",
    message: gagnon.messages.sms[2]!,
    exception: {
      rule: "channel.not-accepted",
      reason:
        "Panne chez son fournisseur de courriel pendant deux jours : texto accepté exceptionnellement.",
    },
  });
  plans.push({
    client: "night-writer",
    at: time.wall(-1, "22:47"),
    channel: "email",
    message: gagnon.messages.task[0]!,
    keepOpen: true,
  });

  // Sophie: asks for a lower price on the bigger package (alternatives, not a discount), and
  // two templates outside her package that Julie offers anyway.
  plans.push({
    client: "haggler",
    at: time.wall(time.workday(-66), "10:20"),
    channel: "email",
    message: {
      subject: "Question de budget",
      body: "Bonjour Julie, j’aimerais beaucoup passer au forfait Signature, mais 3 200 $ dépasse mon budget. Pourriez-vous me le faire à 2 500 $ ?",
      kind: "discount",
      offerId: "signature",
      budget: 250_000,
    },
  });
  plans.push({
    client: "haggler",
    at: time.wall(time.workday(-30), "11:05"),
    channel: "portal",
    message: {
      subject: "Gabarits pour Instagram",
      body: "Pourriez-vous me faire deux gabarits pour mes publications Instagram ? Ce serait rapide, non ?",
      offerItem: "gabarits-sociaux",
    },
    exception: {
      rule: "scope.out-of-offer",
      reason:
        "Deux gabarits offerts : cliente depuis l’ouverture du café, je l’ai décidé en connaissance de cause.",
    },
  });
  plans.push({
    client: "haggler",
    at: time.wall(time.workday(-12), "09:35"),
    channel: "email",
    message: lavoie.messages.discount[0]!,
  });

  // Émilie: late herself, she asks for a poster by Friday.
  plans.push({
    client: "late-materials",
    at: time.wall(time.workday(-8), "08:40"),
    channel: "email",
    message: emilie.messages.urgent[0]!,
  });
  plans.push({
    client: "late-materials",
    at: time.wall(time.workday(-57), "13:25"),
    channel: "email",
    message: emilie.messages.question[2]!,
  });

  // Priya: her first message the day she is added, three months ago and more; she books her
  // call through the portal; today's inbox has her latest question.
  plans.push({
    client: "model",
    at: time.wall(time.workday(CLIENT_ADDED.model), "16:10"),
    channel: "portal",
    message: priya.messages.question[3]!,
  });
  plans.push({
    client: "model",
    at: time.wall(time.workday(-33), "10:05"),
    channel: "portal",
    message: priya.messages.meeting[0]!,
  });
  let last = -1;
  while (!time.isWorkday(last)) last--;
  plans.push({
    client: "model",
    at: time.wall(last, "10:05"),
    channel: "portal",
    message: priya.messages.question[2]!,
    keepOpen: true,
  });
  // Ryan writes from Vancouver this afternoon (his time).
  plans.push({
    client: "rush",
    at: time.now - 2 * HOUR - 13 * MINUTE,
    channel: "email",
    message: ryan.messages.question[1]!,
    keepOpen: true,
  });
  return plans;
}

/** Each client's ordinary days: how often they write, when, by which channel, about what. */
function randomRequests(time: DemoTime): RequestPlan[] {
  const plans: RequestPlan[] = [];
  const turns = new Map<string, number>();
  DEMO_CLIENTS.forEach((client, index) => {
    const r = seeded(0xb0_4ea1 + index * 7919);
    for (let day = time.workday(CLIENT_ADDED[client.key]) + 1; day <= 0; day++) {
      const weekend = time.weekday(day) >= 5;
      if (!r.chance(weekend ? client.rate.weekend : client.rate.weekday)) continue;
      const plan = draw(client, day, weekend, r, time, turns);
      if (plan) plans.push(plan);
    }
  });
  return plans;
}

/** The pool's messages in turn from a random start, so a client rarely repeats themself. */
function messageOf(
  client: DemoClient,
  category: Category,
  r: Random,
  turns: Map<string, number>,
): Message | undefined {
  const pool = client.messages[category];
  if (pool.length === 0) return undefined;
  const key = `${client.key}:${category}`;
  const turn = turns.get(key) ?? r.int(0, pool.length - 1);
  turns.set(key, turn + 1);
  return pool[turn % pool.length];
}

function draw(
  client: DemoClient,
  day: number,
  weekend: boolean,
  r: Random,
  time: DemoTime,
  turns: Map<string, number>,
): RequestPlan | undefined {
  const minutesBetween = (from: number, to: number) => r.int(from, to);
  let minutes: number;
  let channel: Channel;
  let byAppointment = false;
  switch (client.key) {
    case "night-writer": {
      const night = weekend || r.chance(0.65);
      minutes = night
        ? minutesBetween(21 * 60, 25 * 60 + 30)
        : minutesBetween(9 * 60 + 30, 16 * 60 + 30);
      channel = night
        ? r.weighted([
            ["email", 55],
            ["sms", 30],
            ["phone", 15],
          ] as const)
        : r.weighted([
            ["email", 50],
            ["portal", 30],
            ["phone", 20],
          ] as const);
      byAppointment = !night && channel === "phone" && r.chance(0.5);
      break;
    }
    case "haggler":
      minutes = minutesBetween(9 * 60, 17 * 60 + 30);
      channel = r.weighted([
        ["email", 60],
        ["portal", 25],
        ["phone", 15],
      ] as const);
      break;
    case "rush":
      // Vancouver office hours, in Toronto time.
      minutes = minutesBetween(12 * 60, 21 * 60 + 30);
      channel = r.weighted([
        ["email", 65],
        ["portal", 15],
        ["phone", 20],
      ] as const);
      byAppointment = channel === "phone" && r.chance(0.5);
      break;
    case "late-materials":
      minutes = minutesBetween(7 * 60 + 30, 19 * 60);
      channel = r.weighted([
        ["email", 70],
        ["portal", 30],
      ] as const);
      break;
    case "model":
      minutes = minutesBetween(9 * 60 + 30, 16 * 60);
      channel = r.weighted([
        ["portal", 85],
        ["email", 15],
      ] as const);
      break;
  }
  let message: Message | undefined;
  if (channel === "sms") message = messageOf(client, "sms", r, turns);
  else if (channel === "phone" && !byAppointment) message = messageOf(client, "phone", r, turns);
  else {
    const category = r.weighted(CATEGORIES[client.key]);
    message = messageOf(client, category, r, turns) ?? messageOf(client, "question", r, turns);
  }
  if (!message) return undefined;
  return {
    client: client.key,
    at: time.wallMinutes(day, minutes),
    channel,
    message,
    ...(byAppointment ? { byAppointment } : {}),
  };
}
