// The workspace's sales taxes: read, replace (owner), and the ready-made setups.
import { NO_TAXES, TAX_PRESETS, type TaxSetup } from "../../domain/money/taxes.ts";
import { getTaxSetup, putTaxSetup } from "../../store/repositories/taxes.ts";
import type { AppContext } from "../context.ts";
import { type ErrorDetail, invalid } from "../errors.ts";
import "../engagements/messages.ts";

export async function getTaxes(ctx: AppContext, workspaceId: string) {
  const stored = await getTaxSetup(ctx.db, workspaceId);
  return {
    ...(stored?.setup ?? NO_TAXES),
    updatedAt: stored?.updatedAt ?? null,
    presets: TAX_PRESETS,
  };
}

export async function putTaxes(ctx: AppContext, workspaceId: string, setup: TaxSetup) {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  setup.taxes.forEach((t, i) => {
    if (seen.has(t.id)) {
      details.push({ path: `taxes[${i}].id`, code: "duplicate_id", params: { id: t.id } });
    }
    seen.add(t.id);
  });
  if (details.length > 0) throw invalid("invalid_input", {}, details);
  await putTaxSetup(ctx.db, workspaceId, setup, ctx.now());
  return getTaxes(ctx, workspaceId);
}
