// Everything a decision needs, loaded for one client: the published policy, the client, their
// recent violations, the engagement and its offer, the workspace's offers, this month's rushes.
// The policy, the offers, the client and the engagement come from short-lived caches. The
// violations and this month's rushes, which the previous intake may have just changed, are read
// each time — but only when the decision can depend on them: the rushes for a request needed
// sooner than usual, the violations for a decision that records one (see `decide`).

import { localParts, MS_PER_DAY, wallToEpoch } from "../../domain/business-time/zone.ts";
import { evaluate, mayAskForRush, needsViolationHistory } from "../../domain/decide/evaluate.ts";
import type { ClientRequest, Decision, EvaluationContext } from "../../domain/decide/types.ts";
import { intakeSubject } from "../../store/repositories/engagements.ts";
import { violationTimes } from "../../store/repositories/ledger.ts";
import { listMembers } from "../../store/repositories/members.ts";
import * as offers from "../../store/repositories/offers.ts";
import { countChosenRush } from "../../store/repositories/requests.ts";
import type { AppContext } from "../context.ts";
import { AppError, notFound } from "../errors.ts";
import { cachedRead } from "./catalog-cache.ts";
import { publishedPolicy } from "./policy-cache.ts";

const ESCALATION_WINDOW_DAYS = 366;

const SIGNATURE_TTL_MS = 60_000;
const signatures = new Map<string, { name: string | null; at: number }>();

/** Who signs the drafted replies: the workspace's first owner, looked up once a minute. */
async function signatureName(ctx: AppContext, workspaceId: string): Promise<string | null> {
  const hit = signatures.get(workspaceId);
  const now = Date.now();
  if (hit && now - hit.at < SIGNATURE_TTL_MS) return hit.name;
  const owner = (await listMembers(ctx.db, workspaceId)).find((m) => m.role === "owner");
  const name = owner?.name ?? null;
  if (signatures.size > 10_000) signatures.clear();
  signatures.set(workspaceId, { name, at: now });
  return name;
}

export interface LoadedContext {
  context: EvaluationContext;
  clientId: string | null;
  engagementId: string | null;
  /** Reads the client's earlier violations that escalation may count (null: no client). */
  history: (() => Promise<number[]>) | null;
}

/** The first instant of the local month containing t, in the charter's zone. */
function monthStart(zone: string, t: number): number {
  const { day } = localParts(zone, t);
  const date = new Date(day * MS_PER_DAY);
  return wallToEpoch(zone, Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

export async function loadDecisionContext(
  ctx: AppContext,
  workspaceId: string,
  ids: { clientId?: string | undefined; engagementId?: string | undefined },
  request: ClientRequest,
  receivedAt: number,
): Promise<LoadedContext> {
  const policy = await publishedPolicy(ctx, workspaceId);
  if (!policy) throw new AppError("conflict", "no_published_charter");
  const catalog = await cachedRead(ctx, workspaceId, "offers", () =>
    offers.list(ctx.db, workspaceId),
  );
  const context: EvaluationContext = { now: ctx.now(), policy, offers: catalog };
  const signature = await signatureName(ctx, workspaceId);
  if (signature) context.professionalName = signature;
  if (!ids.clientId) {
    if (ids.engagementId) throw notFound("engagement");
    return { context, clientId: null, engagementId: null, history: null };
  }
  const { clientId, engagementId } = ids;
  const subject = await cachedRead(
    ctx,
    workspaceId,
    `client:${clientId}:${engagementId ?? ""}`,
    () => intakeSubject(ctx.db, workspaceId, clientId, engagementId),
  );
  if (!subject) throw notFound("client");
  const { client, engagement } = subject;
  if (engagementId && (!engagement || engagement.clientId !== client.id))
    throw notFound("engagement");
  const rushes = mayAskForRush(request)
    ? await countChosenRush(
        ctx.db,
        workspaceId,
        client.id,
        monthStart(policy.charter.timezone, receivedAt),
      )
    : 0;
  const history = () =>
    violationTimes(ctx.db, workspaceId, client.id, {
      since: receivedAt - ESCALATION_WINDOW_DAYS * MS_PER_DAY,
      until: receivedAt,
      // The violation being decided counts as one: the steps need at most `after - 1` more.
      limit: Math.max(0, ...policy.charter.escalation.map((step) => step.after - 1)),
    });
  context.client = {
    id: client.id,
    name: client.name,
    locale: client.locale,
    ...(client.timezone ? { timezone: client.timezone } : {}),
    violationTimes: [],
  };
  context.counters = { rushThisMonth: rushes };
  if (engagement) {
    context.engagement = {
      offer: engagement.offer,
      usage: engagement.usage,
      extraQuota: engagement.extraQuota,
      extraItems: engagement.extraItems,
    };
  }
  return { context, clientId: client.id, engagementId: engagement?.id ?? null, history };
}

/**
 * Decides `request` in `loaded`'s context. Decided first without the client's history; when the
 * decision records a violation that the charter's escalation could count, the earlier violations
 * are read and the request decided again with them — the same decision as with the history read
 * up front, without reading it for the many requests that break no rule.
 */
export async function decide(
  loaded: LoadedContext,
  request: ClientRequest,
  decideIn: (request: ClientRequest, context: EvaluationContext) => Decision = evaluate,
): Promise<Decision> {
  const first = decideIn(request, loaded.context);
  const client = loaded.context.client;
  if (!loaded.history || !client || !needsViolationHistory(loaded.context.policy.charter, first)) {
    return first;
  }
  client.violationTimes = await loaded.history();
  return decideIn(request, loaded.context);
}
