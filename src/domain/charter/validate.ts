// Charter validation: the schema parse and the publish-time checks, every problem reported at
// once as a language-neutral issue (code + params) that `formatIssue` renders in fr or en.
import type { z } from "zod";
import { compileCalendar } from "../business-time/index.ts";
import { issueMessage, type Lang, type UnionOption, withPath } from "./messages.ts";
import { publishIssues } from "./publish-checks.ts";
import { type Charter, charterSchema } from "./schema.ts";

export type IssuePath = (string | number)[];

export type CharterIssue = {
  path: IssuePath;
  /** The path as a reader sees it: `hours.mon[1][0]`, `channels[2].redirectTo`. */
  pathText: string;
  code: string;
  params: Record<string, unknown>;
};

export type CharterResult = { ok: true; charter: Charter } | { ok: false; issues: CharterIssue[] };

/** How far ahead a published charter must have at least one open hour. */
export const OPEN_TIME_HORIZON_DAYS = 366;
const MS_PER_DAY = 86_400_000;

type ZodIssue = z.core.$ZodIssue;

export function toPathText(path: readonly (string | number)[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) text += text === "" ? key : `.${key}`;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text;
}

export function makeIssue(
  path: IssuePath,
  code: string,
  params: Record<string, unknown> = {},
): CharterIssue {
  return { path, pathText: toPathText(path), code, params };
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "number" && !Number.isInteger(value)) return "decimal";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** The offending value, echoed only when it is short and primitive. */
function echoed(issue: ZodIssue): { value?: unknown } {
  const value = issue.input;
  if (typeof value === "number" || typeof value === "boolean") return { value };
  if (typeof value === "string" && value.length <= 80) return { value };
  return {};
}

function isRequired(issue: ZodIssue): boolean {
  return issue.code === "invalid_type" && issue.input === undefined;
}

/** A branch that failed on the value's very type, rather than somewhere inside it. */
function isRootMismatch(issue: ZodIssue): boolean {
  return (
    issue.path.length === 0 &&
    (issue.code === "invalid_type" ||
      issue.code === "invalid_value" ||
      issue.code === "invalid_union")
  );
}

function unionOptions(branches: readonly ZodIssue[][]): UnionOption[] {
  const options: UnionOption[] = [];
  for (const issue of branches.flat()) {
    if (issue.path.length > 0) continue;
    if (issue.code === "invalid_type") options.push({ type: issue.expected });
    else if (issue.code === "invalid_value")
      options.push(...issue.values.map((value) => ({ value })));
    else if (issue.code === "invalid_union") options.push(...unionOptions(issue.errors));
  }
  const unique = new Map(options.map((option) => [JSON.stringify(option), option]));
  return [...unique.values()];
}

function fromUnion(issue: ZodIssue & { code: "invalid_union" }, path: IssuePath): CharterIssue[] {
  const candidates = issue.errors.filter((branch) => !branch.some(isRootMismatch));
  if (candidates.length === 0) {
    return [
      makeIssue(path, "invalid_union", { options: unionOptions(issue.errors), ...echoed(issue) }),
    ];
  }
  // The branch closest to what was written: fewest missing fields, then fewest problems.
  const cost = (branch: ZodIssue[]) => branch.reduce((sum, i) => sum + (isRequired(i) ? 10 : 1), 0);
  const closest = candidates.reduce((best, branch) => (cost(branch) < cost(best) ? branch : best));
  return closest.flatMap((inner) => fromZodIssue(inner, path));
}

function fromZodIssue(issue: ZodIssue, base: IssuePath): CharterIssue[] {
  const path = [...base, ...issue.path.map((key) => (typeof key === "number" ? key : String(key)))];
  if (issue.message.startsWith("cadre.")) {
    return [makeIssue(path, issue.message.slice("cadre.".length), echoed(issue))];
  }
  switch (issue.code) {
    case "invalid_type":
      if (isRequired(issue)) return [makeIssue(path, "required")];
      return [
        makeIssue(path, "invalid_type", {
          expected: issue.expected,
          received: typeOf(issue.input),
        }),
      ];
    case "invalid_value":
      return [makeIssue(path, "invalid_value", { values: issue.values, ...echoed(issue) })];
    case "too_small":
      return [
        makeIssue(path, "too_small", {
          origin: issue.origin,
          minimum: Number(issue.minimum),
          inclusive: issue.inclusive !== false,
          ...echoed(issue),
        }),
      ];
    case "too_big":
      return [
        makeIssue(path, "too_big", {
          origin: issue.origin,
          maximum: Number(issue.maximum),
          inclusive: issue.inclusive !== false,
          ...echoed(issue),
        }),
      ];
    case "unrecognized_keys":
      return issue.keys.map((key) => makeIssue([...path, key], "unrecognized_keys", { key }));
    case "invalid_union":
      return fromUnion(issue, path);
    case "invalid_format":
      return [makeIssue(path, "invalid_format", { format: issue.format, ...echoed(issue) })];
    case "not_multiple_of":
      return [makeIssue(path, "not_multiple_of", { divisor: issue.divisor, ...echoed(issue) })];
    default:
      return [makeIssue(path, issue.code)];
  }
}

/** Localised issues for any zod error (request bodies and other documents use the same catalog). */
export function issuesFromZod(error: z.ZodError): CharterIssue[] {
  return error.issues.flatMap((issue) => fromZodIssue(issue, []));
}

/** Schema parse only: the document's shape, every problem at once. */
export function parseCharter(input: unknown): CharterResult {
  const result = charterSchema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, charter: result.data };
  return { ok: false, issues: result.error.issues.flatMap((issue) => fromZodIssue(issue, [])) };
}

function hasOpenTime(charter: Charter, now: number): CharterIssue[] {
  const noOpenTime = makeIssue(["hours"], "no_open_time", { days: OPEN_TIME_HORIZON_DAYS });
  const anyHours =
    Object.values(charter.hours).some((day) => day.length > 0) ||
    charter.overrides.some((override) => override.hours.length > 0);
  if (!anyHours) return [noOpenTime];
  try {
    const calendar = compileCalendar({
      timezone: charter.timezone,
      hours: charter.hours,
      holidays: charter.holidays ?? null,
      closures: charter.closures,
      overrides: charter.overrides,
    });
    const open = calendar.businessHoursBetween(now, now + OPEN_TIME_HORIZON_DAYS * MS_PER_DAY);
    return open >= 1 ? [] : [noOpenTime];
  } catch (error) {
    const reason = (error as { code?: unknown }).code;
    if (reason === "no_open_time") return [noOpenTime];
    return [
      makeIssue([], "invalid_calendar", { reason: String(reason ?? (error as Error).message) }),
    ];
  }
}

/** Where a path points in the document as written: key positions, then list indexes. */
function documentPosition(input: unknown, path: IssuePath): number[] {
  const position: number[] = [];
  let node = input;
  for (const key of path) {
    if (typeof key === "number") position.push(key);
    else if (typeof node === "object" && node !== null) {
      const index = Object.keys(node).indexOf(key);
      position.push(index === -1 ? Number.MAX_SAFE_INTEGER : index);
    } else position.push(Number.MAX_SAFE_INTEGER);
    node =
      typeof node === "object" && node !== null
        ? (node as Record<string, unknown>)[key]
        : undefined;
  }
  return position;
}

function comparePositions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
}

/** Issues in reading order, so a long list can be fixed top to bottom. */
function inDocumentOrder(input: unknown, issues: CharterIssue[]): CharterIssue[] {
  const positioned = issues.map((issue) => ({ issue, at: documentPosition(input, issue.path) }));
  positioned.sort((a, b) => comparePositions(a.at, b.at));
  return positioned.map(({ issue }) => issue);
}

/** Parse plus the checks a charter must pass to be published; never throws, never loops. */
export function checkCharter(input: unknown, opts: { now?: number } = {}): CharterResult {
  const parsed = parseCharter(input);
  const schemaIssues = parsed.ok ? [] : parsed.issues;
  const reported = new Set(schemaIssues.map((issue) => issue.pathText));
  const issues = [
    ...schemaIssues,
    ...publishIssues(input)
      .map((issue) => makeIssue(issue.path, issue.code, issue.params))
      .filter((issue) => !reported.has(issue.pathText)),
  ];
  if (issues.length > 0 || !parsed.ok) return { ok: false, issues: inDocumentOrder(input, issues) };
  const openTimeIssues = hasOpenTime(parsed.charter, opts.now ?? Date.now());
  if (openTimeIssues.length > 0) return { ok: false, issues: openTimeIssues };
  return parsed;
}

export function formatIssue(issue: CharterIssue, lang: Lang): string {
  return withPath(issue.pathText, issueMessage(issue.code, issue.params, lang), lang);
}

export function formatIssues(issues: readonly CharterIssue[], lang: Lang): string[] {
  return issues.map((issue) => formatIssue(issue, lang));
}
