// API tokens for scripts and integrations: shown once at creation, revocable.
import {
  type ApiToken,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
} from "../../store/repositories/api-tokens.ts";
import { record } from "../../store/repositories/audit.ts";
import { newId } from "../../store/values.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";
import type { MemberPrincipal } from "./principal.ts";
import { forgetCredential } from "./principal-cache.ts";
import { newApiToken, sha256 } from "./secrets.ts";

export async function createApiToken(
  ctx: AppContext,
  by: MemberPrincipal,
  name: string,
): Promise<{ id: string; token: string; name: string; createdAt: string }> {
  const id = newId();
  const token = newApiToken();
  const createdAt = new Date(ctx.now()).toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await insertApiToken(tx, {
      workspaceId: by.workspaceId,
      id,
      userId: by.userId,
      name: name.trim(),
      tokenHash: sha256(token),
      createdAt,
    });
    await record(tx, {
      workspaceId: by.workspaceId,
      actor: `user:${by.userId}`,
      action: "token.create",
      target: `token:${id}`,
      data: { name: name.trim() },
      at: ctx.now(),
    });
  });
  return { id, token, name: name.trim(), createdAt };
}

/** The owner sees every token of the workspace, a member only their own. */
export function listTokens(ctx: AppContext, by: MemberPrincipal): Promise<ApiToken[]> {
  return listApiTokens(ctx.db, by.workspaceId, by.role === "owner" ? undefined : by.userId);
}

export async function revokeToken(ctx: AppContext, by: MemberPrincipal, id: string): Promise<void> {
  const hash = await ctx.db.transaction().execute(async (tx) => {
    const revoked = await revokeApiToken(tx, {
      workspaceId: by.workspaceId,
      id,
      ...(by.role === "owner" ? {} : { userId: by.userId }),
      at: new Date(ctx.now()).toISOString(),
    });
    if (!revoked) throw notFound("token");
    await record(tx, {
      workspaceId: by.workspaceId,
      actor: `user:${by.userId}`,
      action: "token.revoke",
      target: `token:${id}`,
      data: {},
      at: ctx.now(),
    });
    return revoked;
  });
  forgetCredential(ctx, hash);
}
