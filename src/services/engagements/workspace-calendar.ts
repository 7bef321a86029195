// The business calendar consequences are counted on: the published charter's, or, before
// anything is published, the starter charter's (Monday–Friday in the workspace's zone, its
// public holidays). Load it before opening a transaction (SQLite has one connection).
import type { BusinessCalendar } from "../../domain/business-time/calendar.ts";
import { compileCalendar } from "../../domain/business-time/index.ts";
import { charterSchema } from "../../domain/charter/schema.ts";
import { workspaceById } from "../../store/repositories/workspaces.ts";
import { starterCharter } from "../charter/starter-charter.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { publishedPolicy } from "../requests/policy-cache.ts";

export interface WorkspaceCalendar {
  calendar: BusinessCalendar;
  charterVersion: number | null;
  timezone: string;
}

export async function workspaceCalendar(
  ctx: AppContext,
  workspaceId: string,
): Promise<WorkspaceCalendar> {
  const policy = await publishedPolicy(ctx, workspaceId);
  if (policy) {
    return {
      calendar: policy.calendar,
      charterVersion: policy.version,
      timezone: policy.charter.timezone,
    };
  }
  const workspace = await workspaceById(ctx.db, workspaceId);
  if (!workspace) throw notFound("workspace");
  const charter = charterSchema.parse(starterCharter(workspace));
  return { calendar: compileCalendar(charter), charterVersion: null, timezone: charter.timezone };
}
