// Export: a workspace as one `cadre.export/1` JSON document (see document.ts for the format).
// Sessions, API tokens, magic links and invitations are never read; link secrets in queued mails
// are redacted; password hashes are included only when asked (`cadre export --with-secrets`,
// never over HTTP). Exporting records nothing, so two exports of the same data are the same bytes.

import { listWorkspaceSlugs, readWorkspace } from "../../store/repositories/workspace-export.ts";
import { workspaceBySlug } from "../../store/repositories/workspaces.ts";
import type { AppContext } from "../context.ts";
import { AppError, notFound } from "../errors.ts";
import { type ExportDocument, serialize, toDocument } from "./document.ts";
import "./messages.ts";

export interface ExportOptions {
  /** Include users' password hashes (default false). */
  withSecrets?: boolean | undefined;
}

export async function exportWorkspace(
  ctx: AppContext,
  workspaceId: string,
  options: ExportOptions = {},
): Promise<{ document: ExportDocument; text: string }> {
  const data = await readWorkspace(ctx.db, workspaceId, {
    withSecrets: options.withSecrets === true,
    engine: ctx.store.engine,
  });
  if (!data) throw notFound("workspace");
  const document = toDocument(data);
  return { document, text: serialize(document) };
}

/** The workspace named by slug; without one, the only workspace of the database. */
export async function workspaceToExport(
  ctx: AppContext,
  slug: string | undefined,
): Promise<{ id: string; slug: string }> {
  if (slug !== undefined) {
    const found = await workspaceBySlug(ctx.db, slug);
    if (!found) throw notFound("workspace");
    return { id: found.id, slug: found.slug };
  }
  const all = await listWorkspaceSlugs(ctx.db);
  if (all.length === 0) throw new AppError("not_found", "export_no_workspace");
  if (all.length > 1) {
    throw new AppError("invalid_input", "export_choose_workspace", {
      slugs: all.map((w) => w.slug).join(", "),
    });
  }
  return all[0]!;
}
