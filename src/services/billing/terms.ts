// The money terms an invoice is issued under: the published charter's money block (payment terms,
// deposit, accepted methods, late fee, reminders), its zone, and the workspace's tax setup.
// Before any charter is published: the starter defaults (30 days, any method, no late fee).
import type { Charter } from "../../domain/charter/schema.ts";
import type { TaxSetup } from "../../domain/money/taxes.ts";
import { NO_TAXES } from "../../domain/money/taxes.ts";
import type { InvoiceTerms } from "../../store/repositories/invoices.ts";
import { getTaxSetup } from "../../store/repositories/taxes.ts";
import { workspaceById } from "../../store/repositories/workspaces.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { publishedPolicy } from "../requests/policy-cache.ts";

export const DEFAULT_REMINDERS = { beforeDays: [3], afterDays: [1, 7] };

export interface MoneyContext {
  terms: InvoiceTerms;
  currency: string;
  timezone: string;
  taxes: TaxSetup;
  charter: Charter | null;
  workspace: { id: string; name: string; locale: string; slug: string };
}

export function termsOf(charter: Charter | null, version: number | null): InvoiceTerms {
  const money = charter?.money;
  return {
    paymentTermsDays: money?.paymentTermsDays ?? 30,
    depositPercent: money?.depositPercent ?? 0,
    methods: money?.methods ?? [],
    lateFee: money?.lateFee ?? null,
    reminders: money?.reminders ?? DEFAULT_REMINDERS,
    charterVersion: version,
  };
}

export async function moneyContext(ctx: AppContext, workspaceId: string): Promise<MoneyContext> {
  const workspace = await workspaceById(ctx.db, workspaceId);
  if (!workspace) throw notFound("workspace");
  const policy = await publishedPolicy(ctx, workspaceId);
  const charter = policy?.charter ?? null;
  const taxes = (await getTaxSetup(ctx.db, workspaceId))?.setup ?? NO_TAXES;
  return {
    terms: termsOf(charter, policy?.version ?? null),
    currency: charter?.money?.currency ?? workspace.currency,
    timezone: charter?.timezone ?? workspace.timezone,
    taxes,
    charter,
    workspace: {
      id: workspace.id,
      name: workspace.name,
      locale: workspace.locale,
      slug: workspace.slug,
    },
  };
}
