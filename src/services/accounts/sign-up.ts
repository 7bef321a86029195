// Sign-up: a user, their workspace and their owner membership, signed in, in one transaction.
import { record } from "../../store/repositories/audit.ts";
import { insertMember } from "../../store/repositories/members.ts";
import { isUniqueViolation } from "../../store/repositories/unique-violation.ts";
import { emailTaken, insertUser, type User } from "../../store/repositories/users.ts";
import {
  insertWorkspace,
  type Workspace,
  workspaceBySlug,
} from "../../store/repositories/workspaces.ts";
import { newId } from "../../store/values.ts";
import type { AppContext } from "../context.ts";
import { conflict } from "../errors.ts";
import { checkSignUpInput, normalizeEmail, type WorkspaceInput } from "./account-input.ts";
import "./messages.ts";
import { hashPassword } from "./passwords.ts";
import { type StartedSession, startSession } from "./sessions.ts";

export interface SignUpInput {
  email: string;
  password: string;
  name: string;
  workspace: WorkspaceInput;
}

export interface SignedIn {
  user: User;
  workspace: Workspace;
  role: "owner" | "member";
  session: StartedSession;
}

export async function signUp(ctx: AppContext, input: SignUpInput): Promise<SignedIn> {
  const email = normalizeEmail(input.email);
  const checked = checkSignUpInput(email, input.workspace);
  if (await emailTaken(ctx.db, email)) throw conflict("email_taken");
  if (await workspaceBySlug(ctx.db, checked.slug))
    throw conflict("slug_taken", { slug: checked.slug });
  const passwordHash = await hashPassword(input.password);
  const createdAt = new Date(ctx.now()).toISOString();
  const user: User = {
    id: newId(),
    email,
    name: input.name.trim(),
    locale: checked.locale,
    createdAt,
  };
  const workspace: Workspace = { id: newId(), ...checked, createdAt };
  try {
    const session = await ctx.db.transaction().execute(async (tx) => {
      await insertUser(tx, { ...user, passwordHash });
      await insertWorkspace(tx, workspace);
      await insertMember(tx, {
        workspaceId: workspace.id,
        userId: user.id,
        role: "owner",
        createdAt,
      });
      await record(tx, {
        workspaceId: workspace.id,
        actor: `user:${user.id}`,
        action: "signup",
        target: `workspace:${workspace.id}`,
        data: { email, slug: workspace.slug },
        at: ctx.now(),
      });
      return startSession(ctx, tx, { workspaceId: workspace.id, kind: "pro", userId: user.id });
    });
    return { user, workspace, role: "owner", session };
  } catch (error) {
    // Two sign-ups racing for the same e-mail or slug: the loser gets the same 409 as a re-try.
    if (!isUniqueViolation(error)) throw error;
    if (await emailTaken(ctx.db, email)) throw conflict("email_taken");
    throw conflict("slug_taken", { slug: checked.slug });
  }
}
