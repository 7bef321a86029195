// Publishes the draft as the next immutable version, or refuses with every problem at once.
// Versions are numbered 1, 2, 3… per workspace: on PostgreSQL the workspace row is locked for
// the transaction, and the (workspace_id, version) key refuses a duplicate on any engine, in
// which case the publish is retried with the next number.
import { checkCharter } from "../../domain/charter/validate.ts";
import * as charters from "../../store/repositories/charters.ts";
import { isUniqueViolation } from "../../store/repositories/unique-violation.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import { invalidatePolicy } from "../requests/policy-cache.ts";
import { getCharterDraft } from "./get-draft.ts";
import "./messages.ts";

const ATTEMPTS = 8;

export async function publishCharter(
  ctx: AppContext,
  workspaceId: string,
  publishedBy: string | null,
): Promise<{ version: number; publishedAt: string }> {
  const { document, updatedAt } = await getCharterDraft(ctx, workspaceId);
  const now = ctx.now();
  const checked = checkCharter(document, { now });
  if (!checked.ok) {
    throw new AppError(
      "boundary",
      "charter_not_publishable",
      { count: checked.issues.length },
      checked.issues.map((i) => ({ path: i.pathText, code: i.code, params: i.params })),
    );
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const version = await ctx.db.transaction().execute(async (trx) => {
        if (ctx.store.engine === "postgres") {
          await trx
            .selectFrom("workspaces")
            .select("id")
            .where("id", "=", workspaceId)
            .forUpdate()
            .execute();
        }
        // A starter that was never saved becomes the draft it was published from.
        if (updatedAt === null) await charters.putDraft(trx, workspaceId, document, now);
        const next = (await charters.latestVersionNumber(trx, workspaceId)) + 1;
        await charters.insertVersion(trx, workspaceId, {
          version: next,
          charter: checked.charter,
          publishedAt: now,
          publishedBy,
        });
        return next;
      });
      invalidatePolicy(workspaceId);
      return { version, publishedAt: new Date(now).toISOString() };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}
