// Intake: decide a client request by the published charter, then store the request, its decision,
// its drafted reply and its violations in one transaction before answering.
import { BusinessTimeError } from "../../domain/business-time/calendar.ts";
import { toIso } from "../../domain/business-time/iso.ts";
import { evaluate } from "../../domain/decide/evaluate.ts";
import type { ClientRequest, Decision, EvaluationContext } from "../../domain/decide/types.ts";
import { renderReply } from "../../domain/replies/render.ts";
import {
  findByIdempotencyKey,
  insertRequestQuery,
  insertViolationsQuery,
  type RequestSource,
  type StoredRequest,
} from "../../store/repositories/requests.ts";
import { newId } from "../../store/values.ts";
import type { AppContext } from "../context.ts";
import { decide, loadDecisionContext } from "./decision-context.ts";

export interface IntakeInput {
  workspaceId: string;
  clientId?: string | undefined;
  engagementId?: string | undefined;
  request: ClientRequest;
  source: RequestSource;
  idempotencyKey?: string | undefined;
}

export interface IntakeResult {
  id: string;
  decision: Decision;
  created: boolean;
}

/**
 * A decision even when the charter cannot place the request in time (e.g. a closure beyond the
 * search horizon): the request is kept, due in one day, and flagged for the professional.
 */
function decideSafely(
  request: ClientRequest,
  context: EvaluationContext,
  received: number,
): Decision {
  try {
    return evaluate(request, context);
  } catch (error) {
    if (!(error instanceof BusinessTimeError)) throw error;
    const dueAt = received + 86_400_000;
    const locale = context.client?.locale ?? context.policy.charter.locales[0] ?? "en";
    return {
      outcome: "defer",
      dueAt: toIso(dueAt),
      nextOpenAt: toIso(dueAt),
      rules: [
        {
          id: "charter.no-open-time",
          category: "time",
          violation: false,
          params: { reason: error.code },
        },
      ],
      situation: "accept",
      options: [],
      escalation: null,
      reply: renderReply({
        situation: "accept",
        locale,
        timeZone: context.client?.timezone ?? context.policy.charter.timezone,
        params: {
          subject: request.subject,
          clientName: context.client?.name,
          dueAt,
          nextOpenAt: dueAt,
          channel: request.channel,
        },
      }),
      charterVersion: context.policy.version,
    };
  }
}

function fromStored(stored: StoredRequest): IntakeResult {
  return { id: stored.id, decision: stored.decision, created: false };
}

export async function takeRequest(ctx: AppContext, input: IntakeInput): Promise<IntakeResult> {
  const { workspaceId, idempotencyKey } = input;
  if (idempotencyKey) {
    const existing = await findByIdempotencyKey(ctx.db, workspaceId, idempotencyKey);
    if (existing) return fromStored(existing);
  }
  const now = ctx.now();
  const received = input.request.receivedAt ? Date.parse(input.request.receivedAt) : now;
  const request: ClientRequest = { ...input.request, receivedAt: toIso(received) };
  const loaded = await loadDecisionContext(ctx, workspaceId, input, request, received);
  const decision = await decide(loaded, request, (req, context) =>
    decideSafely(req, context, received),
  );
  const id = newId();
  const statements = [
    insertRequestQuery(ctx.db, {
      workspaceId,
      id,
      clientId: loaded.clientId,
      engagementId: loaded.engagementId,
      receivedAt: received,
      input: request,
      decision,
      source: input.source,
      idempotencyKey: idempotencyKey ?? null,
      createdAt: now,
    }),
  ];
  const clientId = loaded.clientId;
  if (clientId) {
    const violations = insertViolationsQuery(
      ctx.db,
      decision.rules
        .filter((rule) => rule.violation)
        .map((rule) => ({
          workspaceId,
          id: newId(),
          clientId,
          requestId: id,
          ruleId: rule.id,
          category: rule.category,
          params: rule.params,
          charterVersion: decision.charterVersion,
          occurredAt: received,
        })),
    );
    if (violations) statements.push(violations);
  }
  try {
    // Answered only once committed; on SQLite, intakes arriving together share the commit.
    await ctx.store.write(statements);
  } catch (error) {
    // Two deliveries of the same idempotency key raced: the first one stored it.
    if (idempotencyKey) {
      const existing = await findByIdempotencyKey(ctx.db, workspaceId, idempotencyKey);
      if (existing) return fromStored(existing);
    }
    throw error;
  }
  return { id, decision, created: true };
}
