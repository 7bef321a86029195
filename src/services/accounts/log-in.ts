// Sign-in with e-mail and password; the same answer and about the same time whether the
// e-mail exists or not.
import { record } from "../../store/repositories/audit.ts";
import { membershipForLogin } from "../../store/repositories/members.ts";
import { userByEmail } from "../../store/repositories/users.ts";
import { workspaceById } from "../../store/repositories/workspaces.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import { normalizeEmail } from "./account-input.ts";
import "./messages.ts";
import { verifyAgainstNothing, verifyPassword } from "./passwords.ts";
import { startSession } from "./sessions.ts";
import type { SignedIn } from "./sign-up.ts";

export const invalidCredentials = () => new AppError("unauthorized", "invalid_credentials");

export async function logIn(
  ctx: AppContext,
  input: { email: string; password: string; workspace?: string | undefined },
): Promise<SignedIn> {
  const found = await userByEmail(ctx.db, normalizeEmail(input.email));
  const ok = found
    ? await verifyPassword(input.password, found.passwordHash)
    : await verifyAgainstNothing(input.password);
  if (!found || !ok) throw invalidCredentials();
  const { passwordHash: _, ...user } = found;
  const membership = await membershipForLogin(ctx.db, user.id, input.workspace?.trim());
  if (!membership) throw invalidCredentials();
  const workspace = await workspaceById(ctx.db, membership.workspaceId);
  if (!workspace) throw invalidCredentials();
  const session = await ctx.db.transaction().execute(async (tx) => {
    await record(tx, {
      workspaceId: workspace.id,
      actor: `user:${user.id}`,
      action: "login",
      data: {},
      at: ctx.now(),
    });
    return startSession(ctx, tx, { workspaceId: workspace.id, kind: "pro", userId: user.id });
  });
  return { user, workspace, role: membership.role, session };
}
