// The charter draft to edit: the saved one, else a starter built from the workspace.
import * as charters from "../../store/repositories/charters.ts";
import { workspaceById } from "../../store/repositories/workspaces.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { starterCharter } from "./starter-charter.ts";

export interface DraftView {
  document: Record<string, unknown>;
  /** Null for a starter that was never saved. */
  updatedAt: string | null;
}

export async function getCharterDraft(ctx: AppContext, workspaceId: string): Promise<DraftView> {
  const draft = await charters.getDraft(ctx.db, workspaceId);
  if (draft) return draft;
  const workspace = await workspaceById(ctx.db, workspaceId);
  if (!workspace) throw notFound("workspace");
  return { document: { ...starterCharter(workspace) }, updatedAt: null };
}
