// The audit log: who did what in a workspace, append-only.
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { instant, newId, toJson } from "../values.ts";

export interface AuditEntry {
  workspaceId: string;
  /** "user:<id>", "client:<id>" or "system". */
  actor: string;
  action: string;
  target?: string | null;
  data: Record<string, unknown>;
  /** When it happened (epoch ms); defaults to the system clock. */
  at?: number;
}

export async function record(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      workspace_id: entry.workspaceId,
      id: newId(),
      actor: entry.actor,
      action: entry.action,
      target: entry.target ?? null,
      data: toJson(entry.data),
      at: new Date(entry.at ?? Date.now()).toISOString(),
    })
    .execute();
}

/** The workspace's latest entries, newest first. */
export async function recentAudit(
  db: Kysely<Database>,
  workspaceId: string,
  limit = 100,
): Promise<{ actor: string; action: string; target: string | null; at: string }[]> {
  const rows = await db
    .selectFrom("audit_log")
    .select(["actor", "action", "target", "at"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, at: instant(r.at) }));
}
