// Money that arises outside an invoice the professional writes — an accepted change order, a paid
// extra meeting, a late-cancellation fee — goes to the engagement's draft invoice (created when
// there is none), so that nothing owed is forgotten: the professional reviews the draft and
// issues it.
import type { Transaction } from "kysely";
import type { LineKind } from "../../store/repositories/invoices.ts";
import * as invoices from "../../store/repositories/invoices.ts";
import type { Database } from "../../store/schema.ts";
import { newId } from "../../store/values.ts";
import { refreshTotals } from "./lines.ts";
import type { MoneyContext } from "./terms.ts";

export interface DraftLine {
  kind: LineKind;
  description: string;
  amount: number;
  changeOrderId?: string | null;
}

/** Adds `lines` (one unit each) to the engagement's draft invoice; returns that invoice's id. */
export async function addToDraftInvoice(
  trx: Transaction<Database>,
  workspaceId: string,
  engagement: { id: string; clientId: string; currency: string },
  money: MoneyContext,
  lines: readonly DraftLine[],
  at: number,
): Promise<string> {
  let draft = await invoices.draftFor(trx, workspaceId, engagement.id);
  if (!draft) {
    const invoiceId = newId();
    await invoices.insertInvoice(
      trx,
      workspaceId,
      {
        id: invoiceId,
        clientId: engagement.clientId,
        engagementId: engagement.id,
        currency: engagement.currency,
        timezone: money.timezone,
        terms: money.terms,
        taxes: money.taxes,
        note: null,
      },
      at,
    );
    draft = await invoices.getInvoice(trx, workspaceId, invoiceId);
    if (!draft) throw new Error("the draft invoice just written cannot be read back");
  }
  await invoices.addLines(
    trx,
    workspaceId,
    draft.id,
    lines.map((l) => ({
      id: newId(),
      kind: l.kind,
      description: l.description,
      quantity: 1,
      unitPrice: l.amount,
      amount: l.amount,
      changeOrderId: l.changeOrderId ?? null,
    })),
    draft.lines.length,
  );
  await refreshTotals(trx, workspaceId, draft.id, money.taxes, at);
  return draft.id;
}
