import * as clients from "../../store/repositories/clients.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";

export async function getClient(ctx: AppContext, workspaceId: string, id: string) {
  const client = await clients.get(ctx.db, workspaceId, id);
  if (!client) throw notFound("client");
  return client;
}
