// Client access to the portal: a member sends a single-use magic link (7 days), the client
// opens it and gets a portal session.
import { record } from "../../store/repositories/audit.ts";
import { clientForAccess } from "../../store/repositories/client-access.ts";
import { consumeMagicLink, insertMagicLink } from "../../store/repositories/magic-links.ts";
import { enqueue } from "../../store/repositories/outbox.ts";
import { type Workspace, workspaceById } from "../../store/repositories/workspaces.ts";
import type { AppContext } from "../context.ts";
import { AppError, notFound } from "../errors.ts";
import { langOf, magicLinkMail, portalUrl } from "./emails.ts";
import "./messages.ts";
import type { MemberPrincipal } from "./principal.ts";
import { randomSecret, sha256 } from "./secrets.ts";
import { type StartedSession, startSession } from "./sessions.ts";

const LINK_DAYS = 7;

export async function sendMagicLink(
  ctx: AppContext,
  by: MemberPrincipal,
  clientId: string,
): Promise<{ url: string; expiresAt: string; sentTo: string | null }> {
  const client = await clientForAccess(ctx.db, by.workspaceId, clientId);
  const workspace = await workspaceById(ctx.db, by.workspaceId);
  if (!client || !workspace) throw notFound("client");
  const secret = randomSecret();
  const tokenHash = sha256(secret);
  const now = ctx.now();
  const expiresAt = new Date(now + LINK_DAYS * 86_400_000).toISOString();
  const url = portalUrl(ctx.config.publicUrl, secret);
  const sentTo = client.emails[0] ?? null;
  await ctx.db.transaction().execute(async (tx) => {
    await insertMagicLink(tx, {
      workspaceId: workspace.id,
      clientId: client.id,
      tokenHash,
      expiresAt,
      createdAt: new Date(now).toISOString(),
    });
    if (sentTo) {
      const mail = magicLinkMail(langOf(client.locale), {
        workspace: workspace.name,
        client: client.name,
        url,
        expiresAt,
        timezone: workspace.timezone,
      });
      await enqueue(tx, {
        workspaceId: workspace.id,
        idempotencyKey: `magic-link:${tokenHash}`,
        to: sentTo,
        ...mail,
        at: now,
      });
    }
    await record(tx, {
      workspaceId: workspace.id,
      actor: `user:${by.userId}`,
      action: "magic_link.create",
      target: `client:${client.id}`,
      data: { sentTo },
      at: now,
    });
  });
  return { url, expiresAt, sentTo };
}

export interface PortalSignedIn {
  client: { id: string; name: string; locale: string };
  workspace: Workspace;
  session: StartedSession;
}

/** Consumes a magic link (once, before it expires) into a client session. */
export async function openPortalSession(ctx: AppContext, secret: string): Promise<PortalSignedIn> {
  const now = ctx.now();
  const at = new Date(now).toISOString();
  const result = await ctx.db.transaction().execute(async (tx) => {
    const link = await consumeMagicLink(tx, sha256(secret), at);
    if (!link) return null;
    const client = await clientForAccess(tx, link.workspaceId, link.clientId);
    const workspace = await workspaceById(tx, link.workspaceId);
    if (!client || !workspace) return null;
    await record(tx, {
      workspaceId: workspace.id,
      actor: `client:${client.id}`,
      action: "portal.session",
      data: {},
      at: now,
    });
    const session = await startSession(ctx, tx, {
      workspaceId: workspace.id,
      kind: "client",
      clientId: client.id,
    });
    return {
      client: { id: client.id, name: client.name, locale: client.locale },
      workspace,
      session,
    };
  });
  if (!result) throw new AppError("unauthorized", "link_invalid");
  return result;
}
