import * as clients from "../../store/repositories/clients.ts";
import type { AppContext } from "../context.ts";

export function listClients(ctx: AppContext, workspaceId: string, query: clients.ClientQuery) {
  return clients.list(ctx.db, workspaceId, query);
}
