// Issues a draft: the next number of the year (no gaps), today's date in the charter's zone, the
// due date by the payment terms, the current terms and taxes; the client gets it by e-mail.
import { addDays, localDateOf } from "../../domain/money/dates.ts";
import { invoiceIssuedNotice } from "../../domain/money/notices.ts";
import * as clients from "../../store/repositories/clients.ts";
import * as invoices from "../../store/repositories/invoices.ts";
import { enqueue } from "../../store/repositories/outbox.ts";
import { isUniqueViolation } from "../../store/repositories/unique-violation.ts";
import type { AppContext } from "../context.ts";
import { conflict, invalid, notFound } from "../errors.ts";
import { type InvoiceView, invoiceView } from "./invoice-view.ts";
import { refreshTotals } from "./lines.ts";
import { portalLink } from "./links.ts";
import { moneyContext } from "./terms.ts";
import "./messages.ts";

const ATTEMPTS = 3;

export async function issueInvoice(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  _actor: string | null = null,
): Promise<InvoiceView> {
  const money = await moneyContext(ctx, workspaceId);
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const invoice = await invoices.getInvoice(trx, workspaceId, id);
        if (!invoice) throw notFound("invoice");
        if (invoice.state !== "draft") throw conflict("invoice_not_draft");
        if (invoice.lines.length === 0) throw invalid("invoice_empty");
        const at = ctx.now();
        const issuedOn = localDateOf(money.timezone, at);
        const number = await invoices.nextNumber(trx, workspaceId, issuedOn.slice(0, 4));
        await refreshTotals(trx, workspaceId, id, money.taxes, at);
        await invoices.issue(trx, workspaceId, id, {
          number,
          issuedAt: at,
          issuedOn,
          dueOn: addDays(issuedOn, money.terms.paymentTermsDays),
          terms: money.terms,
          timezone: money.timezone,
        });
        const issued = (await invoices.getInvoice(trx, workspaceId, id))!;
        const client = await clients.get(trx, workspaceId, issued.clientId);
        const to = client?.emails[0];
        if (client && to) {
          const notice = invoiceIssuedNotice({
            locale: client.locale,
            clientName: client.name,
            professionalName: money.workspace.name,
            number,
            currency: issued.currency,
            total: issued.total,
            dueOn: issued.dueOn!,
            methods: issued.terms.methods,
            lateFee: issued.terms.lateFee,
            link: portalLink(ctx, `invoices/${id}`),
          });
          await enqueue(trx, {
            workspaceId,
            idempotencyKey: `invoice-issued:${id}`,
            to,
            subject: notice.subject,
            text: notice.body,
            headers: { "Content-Language": notice.locale, "X-Cadre-Notice": "invoice.issued" },
            at,
          });
        }
      });
      break;
    } catch (error) {
      // Two invoices numbered at the same time: take the next number.
      if (attempt < ATTEMPTS && isUniqueViolation(error)) continue;
      throw error;
    }
  }
  return invoiceView((await invoices.getInvoice(ctx.db, workspaceId, id))!, ctx.now());
}
