// Import: a `cadre.export/1` document becomes a workspace again, all of it in one transaction or
// nothing. Every problem in the document is reported at once (localised) before anything is
// written.
//
// Ids are kept as they are, so export → import → export gives the same bytes. Only the
// workspace id and the users are global in a database (everything else is keyed by workspace):
// - `--slug` imports under another address. When the database already holds the workspace's id
//   (a copy into the same database), the copy gets a new id derived from the old one and the new
//   slug (the same inputs always give the same id), and that id replaces the old one everywhere
//   in the document; every other id is kept.
// - A user whose id and e-mail both exist already is the same person: they become a member of
//   the imported workspace and their account is left alone. Same e-mail with another id (or the
//   reverse) is refused.
// - Users created by the import get their password hash when the export carried one
//   (`--with-secrets`); otherwise they cannot sign in until their password is set again.
// The import is not written to the audit log (that would make the next export differ).
import { createHash } from "node:crypto";
import { issuesFromZod } from "../../domain/charter/validate.ts";
import { isUniqueViolation } from "../../store/repositories/unique-violation.ts";
import {
  COLUMN_TABLES,
  type ColumnRow,
  existingUsers,
  type WorkspaceData,
  workspaceExists,
  writeWorkspace,
} from "../../store/repositories/workspace-export.ts";
import { normalizeEmail, workspaceProblems } from "../accounts/account-input.ts";
import type { AppContext } from "../context.ts";
import { conflict, type ErrorDetail, invalid } from "../errors.ts";
import { exportDocumentSchema, fromDocument, type ParsedDocument } from "./document.ts";
import "./messages.ts";

/** Stored for users imported without a password hash: no password ever matches it. */
export const NO_PASSWORD = "!no-password:imported";

export interface ImportOptions {
  /** Import under this address instead of the document's. */
  slug?: string | undefined;
}

export interface ImportResult {
  workspaceId: string;
  slug: string;
  /** True when the workspace got a new id (a copy into the database that holds the original). */
  newId: boolean;
  counts: Record<
    "members" | "offers" | "clients" | "engagements" | "requests" | "violations" | "exceptions",
    number
  >;
  /** Accounts created without a password: they need one set before they can sign in. */
  needPassword: string[];
  /** Accounts that already existed and only became members. */
  reusedAccounts: string[];
}

// ---------------------------------------------------------------------------------------------
// Checks of the document

/** Strings a database cannot keep byte for byte (NUL, lone surrogates), anywhere in the value. */
function unsafeText(value: unknown, path: string, found: ErrorDetail[]): void {
  if (found.length >= 20) return;
  if (typeof value === "string") {
    if (value.includes("\u0000") || !value.isWellFormed()) {
      found.push({ path, code: "unsafe_text", params: {} });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      unsafeText(item, `${path}[${i}]`, found);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (!key.isWellFormed() || key.includes("\u0000")) {
        found.push({ path, code: "unsafe_text", params: {} });
      }
      const step = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
      unsafeText(inner, path === "" ? step.replace(/^\./, "") : `${path}${step}`, found);
    }
  }
}

function knownList(ids: Iterable<string>): string[] {
  const list = [...ids];
  return list.length <= 10 ? list : [];
}

/** References to nothing, duplicate ids and keys, a workspace with no owner. */
function integrityProblems(doc: ParsedDocument): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const unique = (
    values: (string | number | null)[],
    path: (i: number) => string,
    code = "duplicate_id",
  ) => {
    const seen = new Set<string | number>();
    values.forEach((value, i) => {
      if (value === null) return;
      if (seen.has(value)) {
        details.push({
          path: path(i),
          code,
          params: code === "duplicate_id" ? { id: value } : { value },
        });
      }
      seen.add(value);
    });
  };
  const exists = (value: string | null, known: Set<string>, path: string) => {
    if (value !== null && !known.has(value)) {
      details.push({
        path,
        code: "unknown_reference",
        params: { id: value, known: knownList(known) },
      });
    }
  };

  if (!doc.members.some((m) => m.role === "owner")) {
    details.push({ path: "members", code: "no_owner", params: {} });
  }
  unique(
    doc.members.map((m) => m.user.id),
    (i) => `members[${i}].user.id`,
  );
  unique(
    doc.members.map((m) => normalizeEmail(m.user.email)),
    (i) => `members[${i}].user.email`,
    "duplicate_value",
  );
  unique(
    doc.charter.versions.map((v) => v.version),
    (i) => `charter.versions[${i}].version`,
    "duplicate_value",
  );
  unique(
    doc.offers.map((o) => o.id),
    (i) => `offers[${i}].id`,
  );
  doc.offers.forEach((o, i) => {
    if (o.document.id !== o.id) {
      details.push({
        path: `offers[${i}].document.id`,
        code: "offer_id_mismatch",
        params: { documentId: o.document.id },
      });
    }
  });
  unique(
    doc.clients.map((c) => c.id),
    (i) => `clients[${i}].id`,
  );
  const emailPaths = doc.clients.flatMap((c, i) =>
    c.emails.map((email, j) => ({
      email: normalizeEmail(email),
      path: `clients[${i}].emails[${j}]`,
    })),
  );
  unique(
    emailPaths.map((e) => e.email),
    (i) => emailPaths[i]!.path,
    "duplicate_value",
  );

  const clients = new Set(doc.clients.map((c) => c.id));
  const offers = new Set(doc.offers.map((o) => o.id));
  const engagements = new Set(doc.engagements.map((e) => e.id));
  const requests = new Set(doc.requests.map((r) => r.id));

  unique(
    doc.engagements.map((e) => e.id),
    (i) => `engagements[${i}].id`,
  );
  const deliverablePaths = doc.engagements.flatMap((e, i) =>
    e.deliverables.map((d, j) => ({ id: d.id, path: `engagements[${i}].deliverables[${j}].id` })),
  );
  unique(
    deliverablePaths.map((d) => d.id),
    (i) => deliverablePaths[i]!.path,
  );
  const obligationPaths = doc.engagements.flatMap((e, i) =>
    e.obligations.map((o, j) => ({ id: o.id, path: `engagements[${i}].obligations[${j}].id` })),
  );
  unique(
    obligationPaths.map((o) => o.id),
    (i) => obligationPaths[i]!.path,
  );
  doc.engagements.forEach((e, i) => {
    exists(e.clientId, clients, `engagements[${i}].clientId`);
    exists(e.offerId, offers, `engagements[${i}].offerId`);
    const own = new Set(e.deliverables.map((d) => d.id));
    e.obligations.forEach((o, j) => {
      o.deliverableIds.forEach((ref, k) => {
        exists(ref, own, `engagements[${i}].obligations[${j}].deliverableIds[${k}]`);
      });
    });
  });

  unique(
    doc.requests.map((r) => r.id),
    (i) => `requests[${i}].id`,
  );
  unique(
    doc.requests.map((r) => r.idempotencyKey),
    (i) => `requests[${i}].idempotencyKey`,
    "duplicate_value",
  );
  doc.requests.forEach((r, i) => {
    exists(r.clientId, clients, `requests[${i}].clientId`);
    exists(r.engagementId, engagements, `requests[${i}].engagementId`);
  });
  for (const [list, name] of [
    [doc.violations, "violations"],
    [doc.exceptions, "exceptions"],
  ] as const) {
    unique(
      list.map((v) => v.id),
      (i) => `${name}[${i}].id`,
    );
    list.forEach((v, i) => {
      exists(v.clientId, clients, `${name}[${i}].clientId`);
      exists(v.requestId, requests, `${name}[${i}].requestId`);
    });
  }
  unique(
    doc.auditLog.map((a) => a.id),
    (i) => `auditLog[${i}].id`,
  );
  unique(
    doc.outbox.map((m) => m.id),
    (i) => `outbox[${i}].id`,
  );
  unique(
    doc.outbox.map((m) => m.idempotencyKey),
    (i) => `outbox[${i}].idempotencyKey`,
    "duplicate_value",
  );
  doc.outbox.forEach((m, i) => {
    exists(m.relatedRequestId, requests, `outbox[${i}].relatedRequestId`);
  });
  unique(
    doc.messages.map((m) => m.id),
    (i) => `messages[${i}].id`,
  );
  unique(
    doc.messages.map((m) => m.messageId),
    (i) => `messages[${i}].messageId`,
    "duplicate_value",
  );
  const attachmentPaths = doc.messages.flatMap((m, i) =>
    m.attachments.map((a, j) => ({ id: a.id, path: `messages[${i}].attachments[${j}].id` })),
  );
  unique(
    attachmentPaths.map((a) => a.id),
    (i) => attachmentPaths[i]!.path,
  );
  doc.messages.forEach((m, i) => {
    exists(m.requestId, requests, `messages[${i}].requestId`);
  });
  unique(
    doc.mailThreads.map((t) => t.requestId),
    (i) => `mailThreads[${i}].requestId`,
    "duplicate_value",
  );
  doc.mailThreads.forEach((t, i) => {
    exists(t.requestId, requests, `mailThreads[${i}].requestId`);
  });

  // Money, bookings and calendars: unique ids, references to what the document holds.
  const lists: Record<string, ColumnRow[]> = Object.fromEntries(
    COLUMN_TABLES.map((spec) => [spec.key, (doc[spec.key] as ColumnRow[] | undefined) ?? []]),
  );
  const idsOf = (key: string): Set<string> => {
    if (key === "clients") return clients;
    if (key === "engagements") return engagements;
    if (key === "requests") return requests;
    return new Set((lists[key] ?? []).map((row) => String(row.id)));
  };
  for (const spec of COLUMN_TABLES) {
    const rows = lists[spec.key]!;
    if (spec.columns.some((c) => c.key === "id")) {
      unique(
        rows.map((row) => String(row.id)),
        (i) => `${spec.key}[${i}].id`,
      );
    }
    for (const [column, target] of Object.entries(spec.refs)) {
      const known = idsOf(target);
      rows.forEach((row, i) => {
        exists((row[column] as string | null) ?? null, known, `${spec.key}[${i}].${column}`);
      });
    }
  }
  return details;
}

/** The checked document, or an invalid_input error listing every problem. */
export function checkDocument(value: unknown): ParsedDocument {
  const parsed = exportDocumentSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const details = issuesFromZod(parsed.error).map((issue) => ({
      path: issue.pathText,
      code: issue.code,
      params: issue.params,
    }));
    throw invalid("import_invalid", { count: details.length }, details);
  }
  const details: ErrorDetail[] = [];
  unsafeText(parsed.data, "", details);
  if (details.length === 0) details.push(...integrityProblems(parsed.data));
  // The slug is checked where it is chosen (it may be replaced by --slug).
  details.push(...fieldProblems(parsed.data).filter((p) => p.path !== "workspace.slug"));
  if (details.length > 0) throw invalid("import_invalid", { count: details.length }, details);
  return parsed.data;
}

function fieldProblems(doc: ParsedDocument, slug = doc.workspace.slug): ErrorDetail[] {
  const w = doc.workspace;
  return workspaceProblems({ ...w, slug, region: w.region ?? undefined }, w.country, w.region);
}

// ---------------------------------------------------------------------------------------------
// Ids

/** A UUID (version 8, "custom") from SHA-256 of the inputs: the same inputs, the same id. */
export function derivedId(...parts: string[]): string {
  const hex = createHash("sha256").update(parts.join("\u0000")).digest("hex");
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The value with the workspace id replaced wherever it appears whole or as `workspace:<id>`. */
function replaceWorkspaceId<T>(value: T, from: string, to: string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      if (v === from) return to;
      return v.includes(`workspace:${from}`)
        ? v.replaceAll(`workspace:${from}`, `workspace:${to}`)
        : v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
    }
    return v;
  };
  return walk(value) as T;
}

// ---------------------------------------------------------------------------------------------

export async function importWorkspace(
  ctx: AppContext,
  value: unknown,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const doc = checkDocument(value);
  const slug = options.slug?.trim() ?? doc.workspace.slug;
  const slugProblems = fieldProblems(doc, slug).filter((p) => p.path === "workspace.slug");
  if (slugProblems.length > 0) {
    const path = options.slug === undefined ? "workspace.slug" : "--slug";
    const details = slugProblems.map((p) => ({ ...p, path }));
    throw invalid("import_invalid", { count: details.length }, details);
  }

  let data: WorkspaceData = fromDocument(doc);
  data.workspace.slug = slug;
  if (await workspaceExists(ctx.db, { slug })) throw conflict("import_slug_taken", { slug });
  let newId = false;
  if (await workspaceExists(ctx.db, { id: data.workspace.id })) {
    if (options.slug === undefined || slug === doc.workspace.slug) {
      throw conflict("import_workspace_exists");
    }
    const id = derivedId("cadre.import", data.workspace.id, slug);
    data = replaceWorkspaceId(data, data.workspace.id, id);
    newId = true;
    if (await workspaceExists(ctx.db, { id })) throw conflict("import_workspace_exists");
  }

  const found = await existingUsers(
    ctx.db,
    data.members.map((m) => m.userId),
    data.members.map((m) => m.email),
  );
  const reused = new Set<string>();
  for (const m of data.members) {
    const byId = found.find((u) => u.id === m.userId);
    const byEmail = found.find((u) => u.email === m.email);
    if (byId && byEmail && byId === byEmail) reused.add(m.userId);
    else if (byId || byEmail) throw conflict("import_user_conflict", { email: m.email });
  }

  try {
    await ctx.db
      .transaction()
      .execute((trx) =>
        writeWorkspace(trx, data, { existingUserIds: reused, unusablePassword: NO_PASSWORD }),
      );
  } catch (error) {
    // Someone took the slug or an account between the checks and the transaction.
    if (isUniqueViolation(error)) throw conflict("import_conflict");
    throw error;
  }

  return {
    workspaceId: data.workspace.id,
    slug,
    newId,
    counts: {
      members: data.members.length,
      offers: data.offers.length,
      clients: data.clients.length,
      engagements: data.engagements.length,
      requests: data.requests.length,
      violations: data.violations.length,
      exceptions: data.exceptions.length,
    },
    needPassword: data.members
      .filter((m) => !reused.has(m.userId) && m.passwordHash === undefined)
      .map((m) => m.email),
    reusedAccounts: data.members.filter((m) => reused.has(m.userId)).map((m) => m.email),
  };
}
