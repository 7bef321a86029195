// POST /evaluate: a decision against the published charter (or a charter given inline), stored
// nowhere. Lets a professional try a charter before publishing it.
import { checkCharter } from "../../domain/charter/validate.ts";
import { evaluate } from "../../domain/decide/evaluate.ts";
import { compilePolicy } from "../../domain/decide/policy.ts";
import type { ClientRequest, Decision } from "../../domain/decide/types.ts";
import * as offers from "../../store/repositories/offers.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import { decide, loadDecisionContext } from "./decision-context.ts";

export async function dryRun(
  ctx: AppContext,
  workspaceId: string,
  input: {
    request: ClientRequest;
    charter?: unknown;
    clientId?: string | undefined;
    engagementId?: string | undefined;
  },
): Promise<Decision> {
  const received = input.request.receivedAt ? Date.parse(input.request.receivedAt) : ctx.now();
  if (input.charter !== undefined) {
    const checked = checkCharter(input.charter, { now: ctx.now() });
    if (!checked.ok) {
      throw new AppError(
        "boundary",
        "charter_invalid",
        { count: checked.issues.length },
        checked.issues.map((i) => ({
          path: i.pathText ? `charter.${i.pathText}` : "charter",
          code: i.code,
          params: i.params,
        })),
      );
    }
    const catalog = await offers.list(ctx.db, workspaceId);
    return evaluate(input.request, {
      now: ctx.now(),
      policy: compilePolicy(checked.charter),
      offers: catalog,
    });
  }
  const loaded = await loadDecisionContext(ctx, workspaceId, input, input.request, received);
  return decide(loaded, input.request);
}
