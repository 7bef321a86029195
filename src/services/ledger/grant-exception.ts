// An exception: a boundary the professional chose to waive for a client, with the reason. It is
// recorded beside the client's violations so fairness across clients stays visible.
import * as clients from "../../store/repositories/clients.ts";
import {
  type Exception,
  insertException,
  listExceptions,
} from "../../store/repositories/ledger.ts";
import { getRequest } from "../../store/repositories/requests.ts";
import { newId } from "../../store/values.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";

export async function grantException(
  ctx: AppContext,
  workspaceId: string,
  grantedBy: string,
  input: { clientId: string; requestId?: string | undefined; rule: string; reason: string },
): Promise<Exception> {
  const client = await clients.get(ctx.db, workspaceId, input.clientId);
  if (!client) throw notFound("client");
  if (input.requestId) {
    const request = await getRequest(ctx.db, workspaceId, input.requestId);
    if (!request || request.clientId !== input.clientId) throw notFound("request");
  }
  const id = newId();
  await insertException(ctx.db, workspaceId, {
    id,
    clientId: input.clientId,
    requestId: input.requestId ?? null,
    ruleId: input.rule,
    reason: input.reason,
    grantedBy,
    createdAt: ctx.now(),
  });
  const [created] = await listExceptions(ctx.db, workspaceId, {
    clientId: input.clientId,
    limit: 1,
    offset: 0,
  });
  return created!;
}
