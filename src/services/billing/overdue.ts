// An invoice becomes overdue once: the day after its due date (charter's zone) with principal
// unpaid. That moment is recorded on the invoice and as a `money` violation of the client, once.

import type { Invoice } from "../../store/repositories/invoices.ts";
import * as invoices from "../../store/repositories/invoices.ts";
import { insertViolations } from "../../store/repositories/requests.ts";
import { newId } from "../../store/values.ts";
import type { AppContext } from "../context.ts";

export const OVERDUE_RULE = "money.invoice-overdue";

/** Records the invoice overdue if it is not already; returns the violation id when it did. */
export async function recordOverdue(
  db: AppContext["db"],
  workspaceId: string,
  invoice: Invoice,
  at: number,
): Promise<string | null> {
  if (!(await invoices.claimOverdue(db, workspaceId, invoice.id, at))) return null;
  const id = newId();
  await insertViolations(db, [
    {
      workspaceId,
      id,
      clientId: invoice.clientId,
      requestId: null,
      ruleId: OVERDUE_RULE,
      category: "money",
      params: {
        invoiceId: invoice.id,
        number: invoice.number,
        engagementId: invoice.engagementId,
        dueOn: invoice.dueOn,
        total: invoice.total,
        unpaid: Math.max(0, invoice.total - invoice.paidAmount),
        currency: invoice.currency,
      },
      charterVersion: invoice.terms.charterVersion,
      occurredAt: at,
    },
  ]);
  return id;
}
