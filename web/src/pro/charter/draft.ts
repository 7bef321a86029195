// The draft being edited: normalised so every section exists, and mutated through copies.
import type { Charter, Workspace } from "../../lib/types.ts";
import { WEEKDAYS } from "../../lib/types.ts";

export type Update = (change: (draft: Charter) => void) => void;

export function normalise(raw: Partial<Charter> | null | undefined, workspace: Workspace): Charter {
  const d = structuredClone(raw ?? {}) as Partial<Charter>;
  const hours = { ...(d.hours ?? {}) };
  for (const day of WEEKDAYS) hours[day] = Array.isArray(hours[day]) ? hours[day] : [];
  return {
    ...d,
    schema: "cadre.charter/1",
    timezone: d.timezone || workspace.timezone,
    locales: d.locales?.length ? d.locales : [workspace.locale],
    hours,
    holidays: d.holidays === undefined ? { country: workspace.country } : d.holidays,
    closures: d.closures ?? [],
    overrides: d.overrides ?? [],
    channels: d.channels ?? [],
    requests: d.requests ?? {},
    meetings: d.meetings ?? [],
    money: d.money ?? { currency: workspace.currency },
    energy: d.energy ?? {},
    escalation: d.escalation ?? [],
  };
}

export const STEPS = ["hours", "channels", "meetings", "money", "offers", "publish"] as const;
export type Step = (typeof STEPS)[number];

/** Which step shows the problems of a path from the API ("hours.mon[0][0]" → hours). */
export function stepOfPath(path: string): Step {
  const head = path.split(/[.[]/)[0] ?? "";
  if (["channels", "requests"].includes(head)) return "channels";
  if (["meetings", "energy"].includes(head)) return "meetings";
  if (["money", "escalation"].includes(head)) return "money";
  return "hours";
}

/** The value at an API path such as "hours.mon[0][1]" or "channels[2].responseWithin". */
export function valueAt(doc: unknown, path: string): unknown {
  let node: unknown = doc;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The problems still true of the draft: a field changed since the refusal is being fixed. */
export function stillOpen<T extends { path: string }>(
  problems: T[],
  refused: Charter | null,
  draft: Charter,
): T[] {
  if (!refused) return problems;
  return problems.filter(
    (p) => JSON.stringify(valueAt(refused, p.path)) === JSON.stringify(valueAt(draft, p.path)),
  );
}
