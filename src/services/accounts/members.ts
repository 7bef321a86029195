// Members of a workspace: invite by e-mail (owner only), accept an invitation, list.
import { record } from "../../store/repositories/audit.ts";
import {
  type Invitation,
  insertInvitation,
  listOpenInvitations,
  markInvitationAccepted,
  openInvitationByHash,
} from "../../store/repositories/invitations.ts";
import {
  insertMember,
  listMembers,
  type MemberRow,
  memberRole,
  type Role,
} from "../../store/repositories/members.ts";
import { enqueue } from "../../store/repositories/outbox.ts";
import { insertUser, type User, userByEmail, userById } from "../../store/repositories/users.ts";
import { workspaceById } from "../../store/repositories/workspaces.ts";
import { newId } from "../../store/values.ts";
import type { AppContext } from "../context.ts";
import { AppError, conflict, invalid, notFound } from "../errors.ts";
import { emailProblem, normalizeEmail } from "./account-input.ts";
import { invitationMail, invitationUrl, langOf } from "./emails.ts";
import { invalidCredentials } from "./log-in.ts";
import "./messages.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import type { MemberPrincipal } from "./principal.ts";
import { randomSecret, sha256 } from "./secrets.ts";
import { startSession } from "./sessions.ts";
import type { SignedIn } from "./sign-up.ts";

const INVITATION_DAYS = 7;

export async function inviteMember(
  ctx: AppContext,
  by: MemberPrincipal,
  input: { email: string; role: Role },
): Promise<{ id: string; url: string; expiresAt: string }> {
  const email = normalizeEmail(input.email);
  const problem = emailProblem(email, "email");
  if (problem) throw invalid("invalid_input", {}, [problem]);
  const workspace = await workspaceById(ctx.db, by.workspaceId);
  const inviter = await userById(ctx.db, by.userId);
  if (!workspace || !inviter) throw notFound("workspace");
  const existing = await userByEmail(ctx.db, email);
  if (existing && (await memberRole(ctx.db, workspace.id, existing.id))) {
    throw conflict("already_member", { email });
  }
  const id = newId();
  const secret = randomSecret();
  const now = ctx.now();
  const expiresAt = new Date(now + INVITATION_DAYS * 86_400_000).toISOString();
  const url = invitationUrl(ctx.config.publicUrl, secret);
  const mail = invitationMail(langOf(workspace.locale), {
    workspace: workspace.name,
    inviter: inviter.name,
    url,
    expiresAt,
    timezone: workspace.timezone,
  });
  await ctx.db.transaction().execute(async (tx) => {
    const createdAt = new Date(now).toISOString();
    const invitation = {
      workspaceId: workspace.id,
      id,
      email,
      role: input.role,
      expiresAt,
      createdAt,
    };
    await insertInvitation(tx, { ...invitation, tokenHash: sha256(secret), invitedBy: by.userId });
    await enqueue(tx, {
      workspaceId: workspace.id,
      idempotencyKey: `invitation:${id}`,
      to: email,
      ...mail,
      at: now,
    });
    await record(tx, {
      workspaceId: workspace.id,
      actor: `user:${by.userId}`,
      action: "invitation.create",
      target: `invitation:${id}`,
      data: { email, role: input.role },
      at: now,
    });
  });
  return { id, url, expiresAt };
}

/** The user behind an accepted invitation: a new account, or an existing one proven by its password. */
async function inviteeAccount(
  ctx: AppContext,
  invitation: Invitation,
  input: { name?: string | undefined; password: string },
): Promise<{ user: User; passwordHash: string | null }> {
  const existing = await userByEmail(ctx.db, invitation.email);
  if (existing) {
    if (!(await verifyPassword(input.password, existing.passwordHash))) throw invalidCredentials();
    const { passwordHash: _, ...user } = existing;
    return { user, passwordHash: null };
  }
  const name = input.name?.trim();
  if (!name) throw invalid("invalid_input", {}, [{ path: "name", code: "required", params: {} }]);
  const createdAt = new Date(ctx.now()).toISOString();
  const user: User = { id: newId(), email: invitation.email, name, locale: null, createdAt };
  return { user, passwordHash: await hashPassword(input.password) };
}

export async function acceptInvitation(
  ctx: AppContext,
  input: { token: string; name?: string | undefined; password: string },
): Promise<SignedIn> {
  const now = ctx.now();
  const at = new Date(now).toISOString();
  const invitation = await openInvitationByHash(ctx.db, sha256(input.token), at);
  if (!invitation) throw new AppError("unauthorized", "invitation_invalid");
  const workspace = await workspaceById(ctx.db, invitation.workspaceId);
  if (!workspace) throw new AppError("unauthorized", "invitation_invalid");
  const { user, passwordHash } = await inviteeAccount(ctx, invitation, input);
  const session = await ctx.db.transaction().execute(async (tx) => {
    const w = { workspaceId: workspace.id, id: invitation.id, at };
    if (!(await markInvitationAccepted(tx, w)))
      throw new AppError("unauthorized", "invitation_invalid");
    if (passwordHash) await insertUser(tx, { ...user, passwordHash });
    if (!(await memberRole(tx, workspace.id, user.id))) {
      await insertMember(tx, {
        workspaceId: workspace.id,
        userId: user.id,
        role: invitation.role,
        createdAt: at,
      });
    }
    await record(tx, {
      workspaceId: workspace.id,
      actor: `user:${user.id}`,
      action: "invitation.accept",
      target: `invitation:${invitation.id}`,
      data: { role: invitation.role, newAccount: passwordHash !== null },
      at: now,
    });
    return startSession(ctx, tx, { workspaceId: workspace.id, kind: "pro", userId: user.id });
  });
  const role = (await memberRole(ctx.db, workspace.id, user.id)) ?? invitation.role;
  return { user, workspace, role, session };
}

export async function membersOf(
  ctx: AppContext,
  by: MemberPrincipal,
): Promise<{ members: MemberRow[]; invitations: Invitation[] }> {
  const members = await listMembers(ctx.db, by.workspaceId);
  // Pending invitations are the owner's business (they carry e-mail addresses not yet members).
  const invitations =
    by.role === "owner"
      ? await listOpenInvitations(ctx.db, by.workspaceId, new Date(ctx.now()).toISOString())
      : [];
  return { members, invitations };
}
