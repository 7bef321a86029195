// "Forgot password": a professional asks for a single-use link (valid 1 hour) by e-mail, then
// sets a new password with it and is signed in. Asking answers the same whether the address has
// an account or not; using the link ends every session of the account.
import type { Kysely } from "kysely";
import { toIso as iso } from "../../domain/business-time/iso.ts";
import { record } from "../../store/repositories/audit.ts";
import { memberRole, membershipForLogin } from "../../store/repositories/members.ts";
import { enqueue } from "../../store/repositories/outbox.ts";
import {
  consumePasswordReset,
  countPasswordResetsSince,
  insertPasswordReset,
  type PasswordReset,
  passwordResetByHash,
  retirePasswordResets,
} from "../../store/repositories/password-resets.ts";
import { deleteUserSessions } from "../../store/repositories/sessions.ts";
import { setPasswordHash, userByEmail, userById } from "../../store/repositories/users.ts";
import { workspaceById } from "../../store/repositories/workspaces.ts";
import type { Database } from "../../store/schema.ts";
import { newId } from "../../store/values.ts";
import type { AppContext } from "../context.ts";
import { AppError, invalid } from "../errors.ts";
import { emailProblem, normalizeEmail } from "./account-input.ts";
import { langOf, PASSWORD_RESET_MAIL_KEY, passwordResetMail, passwordResetUrl } from "./emails.ts";
import "./messages.ts";
import { hashPassword } from "./passwords.ts";
import { forgetCredential } from "./principal-cache.ts";
import { randomSecret, sha256 } from "./secrets.ts";
import { startSession } from "./sessions.ts";
import type { SignedIn } from "./sign-up.ts";

const LINK_MS = 60 * 60 * 1000;
/** Reset mails per account per hour, whoever asks: past it, asking again sends nothing more. */
const MAX_PER_HOUR = 5;

/**
 * Sends a reset link to the address when it belongs to an account (through the outbox of the
 * account's oldest workspace, in the account's language, else the workspace's). Returns nothing
 * either way, so the caller cannot tell whether the account exists.
 */
export async function requestPasswordReset(
  ctx: AppContext,
  input: { email: string },
): Promise<void> {
  const email = normalizeEmail(input.email);
  const problem = emailProblem(email, "email");
  if (problem) throw invalid("invalid_input", {}, [problem]);
  const user = await userByEmail(ctx.db, email);
  if (!user) return;
  const membership = await membershipForLogin(ctx.db, user.id, undefined);
  const workspace = membership ? await workspaceById(ctx.db, membership.workspaceId) : null;
  if (!workspace) return; // no workspace to sign in to, so nothing a new password would open
  const now = ctx.now();
  if ((await countPasswordResetsSince(ctx.db, user.id, iso(now - LINK_MS))) >= MAX_PER_HOUR) return;
  const secret = randomSecret();
  const expiresAt = iso(now + LINK_MS);
  const mail = passwordResetMail(langOf(user.locale ?? workspace.locale), {
    name: user.name,
    email: user.email,
    url: passwordResetUrl(ctx.config.publicUrl, secret),
    expiresAt,
    timezone: workspace.timezone,
  });
  await ctx.db.transaction().execute(async (tx) => {
    await insertPasswordReset(tx, {
      tokenHash: sha256(secret),
      workspaceId: workspace.id,
      userId: user.id,
      expiresAt,
      createdAt: iso(now),
    });
    await enqueue(tx, {
      workspaceId: workspace.id,
      // Not derived from the secret: the key is shown and exported where the link is not.
      idempotencyKey: `${PASSWORD_RESET_MAIL_KEY}${newId()}`,
      to: user.email,
      ...mail,
      at: now,
    });
    await record(tx, {
      workspaceId: workspace.id,
      actor: "system",
      action: "password.reset_requested",
      target: `user:${user.id}`,
      data: {},
      at: now,
    });
  });
}

const unknownLink = () =>
  invalid("reset_link_invalid", {}, [{ path: "token", code: "reset_link_invalid", params: {} }]);

/** Why a reset link does not work (unknown: 400; used or expired: 410), or null when it does. */
function deadLink(reset: PasswordReset | null, now: number): AppError | null {
  if (!reset) return unknownLink();
  if (reset.usedAt !== null) {
    return new AppError("gone", "reset_link_used", {}, [
      { path: "token", code: "reset_link_used", params: {} },
    ]);
  }
  if (Date.parse(reset.expiresAt) <= now) {
    return new AppError("gone", "reset_link_expired", {}, [
      { path: "token", code: "reset_link_expired", params: {} },
    ]);
  }
  return null;
}

/** The workspace to sign in to after a reset: the one the link was sent through, else the oldest. */
async function workspaceAfterReset(db: Kysely<Database>, userId: string, preferred: string) {
  const role = await memberRole(db, preferred, userId);
  const membership = role
    ? { workspaceId: preferred, role }
    : await membershipForLogin(db, userId, undefined);
  if (!membership) return null;
  const workspace = await workspaceById(db, membership.workspaceId);
  return workspace ? { workspace, role: membership.role } : null;
}

/**
 * Sets a new password with a reset link's secret (once, within the hour) and signs the account
 * in. Every browser session of the account ends (in every workspace), and so does every other
 * reset link it still had. API tokens stay valid on purpose: they belong to scripts, are revoked
 * one by one (DELETE /api/v1/tokens/{id}), and were never derived from the password.
 */
export async function resetPassword(
  ctx: AppContext,
  input: { token: string; password: string },
): Promise<SignedIn> {
  const tokenHash = sha256(input.token);
  const found = await passwordResetByHash(ctx.db, tokenHash);
  const dead = deadLink(found, ctx.now());
  if (dead) throw dead;
  // scrypt runs before the transaction, so no write waits on it.
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  const result = await ctx.db.transaction().execute(async (tx) => {
    const reset = await consumePasswordReset(tx, tokenHash, iso(now));
    if (!reset) return null; // used or expired meanwhile
    const user = await userById(tx, reset.userId);
    const target = user ? await workspaceAfterReset(tx, user.id, reset.workspaceId) : null;
    // No workspace left to sign in to: nothing is changed (the throw rolls the use back).
    if (!user || !target) throw unknownLink();
    await setPasswordHash(tx, user.id, passwordHash);
    await retirePasswordResets(tx, user.id, iso(now));
    const ended = await deleteUserSessions(tx, user.id);
    await record(tx, {
      workspaceId: reset.workspaceId,
      actor: `user:${user.id}`,
      action: "password.reset",
      target: `user:${user.id}`,
      data: { sessionsEnded: ended.length },
      at: now,
    });
    const session = await startSession(ctx, tx, {
      workspaceId: target.workspace.id,
      kind: "pro",
      userId: user.id,
    });
    return { user, workspace: target.workspace, role: target.role, session, ended };
  });
  if (!result) {
    throw (
      deadLink(await passwordResetByHash(ctx.db, tokenHash), now) ??
      new AppError("gone", "reset_link_used")
    );
  }
  // This process stops trusting the ended sessions at once (other instances within the cache TTL).
  for (const hash of result.ended) forgetCredential(ctx, hash);
  const { ended: _, ...signedIn } = result;
  return signedIn;
}
