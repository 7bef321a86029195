// What GET /session shows about the caller: the workspace, and the user or the client.
import { clientForAccess } from "../../store/repositories/client-access.ts";
import { type User, userById } from "../../store/repositories/users.ts";
import { type Workspace, workspaceById } from "../../store/repositories/workspaces.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import type { Principal } from "./principal.ts";

export interface SessionView {
  workspace: Workspace;
  user?: User;
  role?: "owner" | "member";
  client?: { id: string; name: string; locale: string };
}

export async function describeSession(ctx: AppContext, principal: Principal): Promise<SessionView> {
  const workspace = await workspaceById(ctx.db, principal.workspaceId);
  if (!workspace) throw new AppError("unauthorized", "unauthorized");
  if (principal.kind === "member") {
    const user = await userById(ctx.db, principal.userId);
    if (!user) throw new AppError("unauthorized", "unauthorized");
    return { workspace, user, role: principal.role };
  }
  const client = await clientForAccess(ctx.db, principal.workspaceId, principal.clientId);
  if (!client) throw new AppError("unauthorized", "unauthorized");
  return { workspace, client: { id: client.id, name: client.name, locale: client.locale } };
}
