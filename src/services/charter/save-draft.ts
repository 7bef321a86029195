// Saves the charter draft as written: a draft may be incomplete or invalid (publishing checks it),
// but it is a `cadre.charter/1` JSON object.
import * as charters from "../../store/repositories/charters.ts";
import type { AppContext } from "../context.ts";
import { invalid } from "../errors.ts";
import "./messages.ts";

export async function saveCharterDraft(
  ctx: AppContext,
  workspaceId: string,
  document: unknown,
): Promise<{ document: Record<string, unknown>; updatedAt: string }> {
  if (
    typeof document !== "object" ||
    document === null ||
    Array.isArray(document) ||
    (document as { schema?: unknown }).schema !== "cadre.charter/1"
  ) {
    throw invalid("charter_draft_schema");
  }
  const at = ctx.now();
  const saved = document as Record<string, unknown>;
  await charters.putDraft(ctx.db, workspaceId, saved, at);
  return { document: saved, updatedAt: new Date(at).toISOString() };
}
