// Applies a missed obligation's consequence inside the caller's transaction: the dependent
// deliverables move (see domain/engagements/consequence.ts for how far), a `time` violation is
// recorded the first time, and a notice is drafted to the client in their language and queued
// in the outbox. Applying again changes nothing unless a late arrival adds business days.

import { toIso as iso } from "../../domain/business-time/iso.ts";
import { planConsequence } from "../../domain/engagements/consequence.ts";
import { type Notice, obligationNotice } from "../../domain/replies/notices.ts";
import * as clients from "../../store/repositories/clients.ts";
import * as engagements from "../../store/repositories/engagements.ts";
import * as obligations from "../../store/repositories/obligations.ts";
import { enqueue } from "../../store/repositories/outbox.ts";
import { insertViolations } from "../../store/repositories/requests.ts";
import { workspaceById } from "../../store/repositories/workspaces.ts";
import { newId } from "../../store/values.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";
import type { WorkspaceCalendar } from "./workspace-calendar.ts";

export const LATE_RULE = "obligations.late";

export interface ConsequenceResult {
  applied: boolean;
  /** Business days added by this application. */
  businessDays: number;
  totalBusinessDays: number;
  moves: { id: string; name: string; from: string; to: string }[];
  violationId: string | null;
  notice: (Notice & { to: string | null; outboxId: string | null }) | null;
}

const NOTHING: ConsequenceResult = {
  applied: false,
  businessDays: 0,
  totalBusinessDays: 0,
  moves: [],
  violationId: null,
  notice: null,
};

export async function applyConsequence(
  db: AppContext["db"],
  time: WorkspaceCalendar,
  workspaceId: string,
  engagementId: string,
  obligationId: string,
  at: number,
): Promise<ConsequenceResult> {
  const engagement = await engagements.get(db, workspaceId, engagementId);
  if (!engagement) throw notFound("engagement");
  const obligation = engagement.obligations.find((o) => o.id === obligationId);
  if (!obligation) throw notFound("obligation");
  const dueAt = Date.parse(obligation.dueAt);
  const receivedAt = obligation.receivedAt === null ? null : Date.parse(obligation.receivedAt);
  if (receivedAt !== null && receivedAt <= dueAt) return NOTHING;

  const dependent = engagement.deliverables.filter(
    (d) => obligation.deliverableIds.includes(d.id) && d.deliveredAt === null,
  );
  const plan = planConsequence(time.calendar, {
    dueAt,
    receivedAt,
    shiftBusinessDays: obligation.shiftBusinessDays,
    shiftedBusinessDays: obligation.shiftedBusinessDays,
    deliverables: dependent.map((d) => ({ id: d.id, dueAt: Date.parse(d.dueAt) })),
  });
  const first = obligation.consequenceAppliedAt === null;
  if (!first && plan.addedBusinessDays === 0) return NOTHING;
  const previous = { applied: !first, shiftedBusinessDays: obligation.shiftedBusinessDays };
  const claimed = await obligations.claimConsequence(
    db,
    workspaceId,
    obligation.id,
    previous,
    plan.totalBusinessDays,
    at,
  );
  if (!claimed) return NOTHING;

  const names = new Map(dependent.map((d) => [d.id, d.name]));
  const moves = plan.moves.map((m) => ({
    id: m.id,
    name: names.get(m.id) ?? "",
    from: iso(m.from),
    to: iso(m.to),
  }));
  for (const m of plan.moves) {
    await obligations.updateDeliverable(db, workspaceId, engagement.id, m.id, { dueAt: m.to });
  }

  let violationId: string | null = null;
  if (first) {
    violationId = newId();
    await insertViolations(db, [
      {
        workspaceId,
        id: violationId,
        clientId: engagement.clientId,
        requestId: null,
        ruleId: LATE_RULE,
        category: "time",
        params: {
          obligation: obligation.name,
          obligationId: obligation.id,
          engagementId: engagement.id,
          dueAt: obligation.dueAt,
          ...(obligation.receivedAt ? { receivedAt: obligation.receivedAt } : {}),
          shiftBusinessDays: plan.addedBusinessDays,
          deliverables: moves.map(({ id, from, to }) => ({ id, from, to })),
        },
        charterVersion: time.charterVersion,
        occurredAt: at,
      },
    ]);
  }

  const client = await clients.get(db, workspaceId, engagement.clientId);
  const workspace = await workspaceById(db, workspaceId);
  const notice = obligationNotice({
    locale: client?.locale ?? workspace?.locale ?? "en",
    timeZone: client?.timezone ?? time.timezone,
    clientName: client?.name,
    professionalName: workspace?.name,
    obligation: obligation.name,
    dueAt,
    receivedAt: receivedAt ?? undefined,
    businessDays: plan.addedBusinessDays,
    deliverables: plan.moves.map((m) => ({ name: names.get(m.id) ?? "", from: m.from, to: m.to })),
    now: at,
  });
  const to = client?.emails[0] ?? null;
  const outboxId = to
    ? await enqueue(db, {
        workspaceId,
        idempotencyKey: `obligation-notice:${obligation.id}:${plan.totalBusinessDays}`,
        to,
        subject: notice.subject,
        text: notice.body,
        headers: { "Content-Language": notice.locale, "X-Cadre-Notice": LATE_RULE },
        at,
      })
    : null;

  return {
    applied: true,
    businessDays: plan.addedBusinessDays,
    totalBusinessDays: plan.totalBusinessDays,
    moves,
    violationId,
    notice: { ...notice, to, outboxId },
  };
}
