// The `cadre.export/1` document: a whole workspace as one JSON text. Same data, same bytes:
// arrays in a fixed order (by time, then id, compared as code units), the document's own fields
// in a fixed order, every embedded JSON value (charters, offers, decisions, parameters…) with
// its keys sorted, instants as ISO 8601 UTC with milliseconds, two-space indentation and a
// final newline. Nothing in it depends on the engine it came from or on when it was made.
import { z } from "zod";
import type {
  AuditData,
  ClientData,
  EngagementData,
  MessageData,
  OutboxData,
  RequestData,
  WorkspaceData,
} from "../../store/repositories/workspace-export.ts";
import {
  COLUMN_TABLES,
  type ColumnRow,
  type ColumnSpec,
  type TableSpec,
} from "../../store/repositories/workspace-export.ts";

export const EXPORT_SCHEMA = "cadre.export/1";

// ---------------------------------------------------------------------------------------------
// Canonical form

/** The value with every object's keys sorted (code-unit order), recursively. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareText)) {
      const inner = (value as Record<string, unknown>)[key];
      if (inner !== undefined) sorted[key] = canonical(inner);
    }
    return sorted;
  }
  return value;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byKeys<T>(...keys: ((item: T) => string | number)[]) {
  return (a: T, b: T) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      const d =
        typeof x === "number" && typeof y === "number" ? x - y : compareText(String(x), String(y));
      if (d !== 0) return d;
    }
    return 0;
  };
}

/** The document's text: what `cadre export` writes and `GET /api/v1/export` returns. */
export function serialize(document: ExportDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Secrets: sessions, API tokens, magic links and invitations are never read. Mails that carried
// a link hold its secret in the URL, and the magic-link mail's key holds the token's hash: both
// are replaced, the same way every time (redacting twice changes nothing).

const LINK_SECRET = /([#?&]token=)[^\s&#"'<>]+/g;
export const REDACTED = "[redacted]";

export function redactLinks(text: string): string {
  return text.replace(LINK_SECRET, `$1${REDACTED}`);
}

function redactKey(key: string, id: string): string {
  return key.startsWith("magic-link:") ? `magic-link:${REDACTED}:${id}` : key;
}

// ---------------------------------------------------------------------------------------------
// From the store to the document

const sortedArray = <T>(items: readonly T[], compare: (a: T, b: T) => number) =>
  [...items].sort(compare);

function engagementOut(e: EngagementData) {
  return {
    id: e.id,
    clientId: e.clientId,
    offerId: e.offerId,
    title: e.title,
    status: e.status,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    offer: canonical(e.offer),
    usage: canonical(e.usage),
    extraQuota: canonical(e.extraQuota),
    extraItems: canonical(e.extraItems),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    deliverables: sortedArray(
      e.deliverables,
      byKeys(
        (d) => d.position,
        (d) => d.id,
      ),
    ).map((d) => ({
      id: d.id,
      name: d.name,
      position: d.position,
      dueAt: d.dueAt,
      originalDueAt: d.originalDueAt,
      deliveredAt: d.deliveredAt,
    })),
    obligations: sortedArray(
      e.obligations,
      byKeys(
        (o) => o.position,
        (o) => o.id,
      ),
    ).map((o) => ({
      id: o.id,
      name: o.name,
      position: o.position,
      dueAt: o.dueAt,
      receivedAt: o.receivedAt,
      status: o.status,
      shiftBusinessDays: o.shiftBusinessDays,
      shiftedBusinessDays: o.shiftedBusinessDays,
      deliverableIds: canonical(o.deliverableIds),
      consequenceAppliedAt: o.consequenceAppliedAt,
    })),
  };
}

function clientOut(c: ClientData) {
  return {
    id: c.id,
    name: c.name,
    company: c.company,
    emails: c.emails,
    locale: c.locale,
    timezone: c.timezone,
    notes: c.notes,
    acknowledged:
      c.acknowledgedVersion === null
        ? null
        : { version: c.acknowledgedVersion, at: c.acknowledgedAt, from: c.acknowledgedFrom },
    archived: c.archived,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

function requestOut(r: RequestData) {
  return {
    id: r.id,
    clientId: r.clientId,
    engagementId: r.engagementId,
    channel: r.channel,
    source: r.source,
    receivedAt: r.receivedAt,
    createdAt: r.createdAt,
    kind: r.kind,
    subject: r.subject,
    body: r.body,
    input: canonical(r.input),
    idempotencyKey: r.idempotencyKey,
    outcome: r.outcome,
    dueAt: r.dueAt,
    charterVersion: r.charterVersion,
    chosenOption: r.chosenOption,
    decision: canonical(r.decision),
    reply: { locale: r.replyLocale, subject: r.replySubject, body: r.replyBody },
    status: r.status,
    answeredAt: r.answeredAt,
    closedAt: r.closedAt,
  };
}

function auditOut(a: AuditData) {
  return {
    id: a.id,
    at: a.at,
    actor: a.actor,
    action: a.action,
    target: a.target,
    data: canonical(a.data),
  };
}

function outboxOut(m: OutboxData) {
  return {
    id: m.id,
    kind: m.kind,
    idempotencyKey: redactKey(m.idempotencyKey, m.id),
    to: m.to,
    subject: m.subject,
    textBody: redactLinks(m.textBody),
    htmlBody: m.htmlBody === null ? null : redactLinks(m.htmlBody),
    headers: canonical(m.headers),
    relatedRequestId: m.relatedRequestId,
    state: m.state,
    attempts: m.attempts,
    nextAttemptAt: m.nextAttemptAt,
    lastError: m.lastError,
    lockedUntil: m.lockedUntil,
    messageId: m.messageId,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
  };
}

function messageOut(m: MessageData) {
  return {
    id: m.id,
    requestId: m.requestId,
    messageId: m.messageId,
    inReplyTo: m.inReplyTo,
    references: canonical(m.references),
    fromAddress: m.fromAddress,
    fromName: m.fromName,
    replyTo: m.replyTo,
    to: canonical(m.to),
    subject: m.subject,
    textBody: m.textBody,
    htmlBody: m.htmlBody,
    writtenAt: m.writtenAt,
    receivedAt: m.receivedAt,
    transport: m.transport,
    automatic: m.automatic,
    unknownSender: m.unknownSender,
    state: m.state,
    attempts: m.attempts,
    lastError: m.lastError,
    size: m.size,
    truncated: m.truncated,
    createdAt: m.createdAt,
    attachments: sortedArray(
      m.attachments,
      byKeys(
        (a) => a.position,
        (a) => a.id,
      ),
    ).map((a) => ({
      id: a.id,
      position: a.position,
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      sha256: a.sha256,
      createdAt: a.createdAt,
      /** Base64; null when the attachment was over the size cap and not kept. */
      content: a.content === null ? null : Buffer.from(a.content).toString("base64"),
    })),
  };
}

function columnRowsOut(spec: TableSpec, rows: readonly ColumnRow[]): ColumnRow[] {
  const sorted = sortedArray(
    rows,
    byKeys(...spec.sortBy.map((k) => (r: ColumnRow) => r[k] as string | number)),
  );
  return sorted.map((row) => {
    const out: ColumnRow = {};
    for (const c of spec.columns)
      out[c.key] = c.kind === "json" ? canonical(row[c.key]) : row[c.key];
    return out;
  });
}

export function toDocument(data: WorkspaceData) {
  const w = data.workspace;
  const columnLists: Record<string, ColumnRow[]> = {};
  for (const spec of COLUMN_TABLES)
    columnLists[spec.key] = columnRowsOut(spec, data.columns[spec.key] ?? []);
  return {
    schema: EXPORT_SCHEMA,
    workspace: {
      id: w.id,
      slug: w.slug,
      name: w.name,
      timezone: w.timezone,
      locale: w.locale,
      country: w.country,
      region: w.region,
      currency: w.currency,
      createdAt: w.createdAt,
    },
    members: sortedArray(
      data.members,
      byKeys(
        (m) => m.joinedAt,
        (m) => m.userId,
      ),
    ).map((m) => ({
      user: {
        id: m.userId,
        email: m.email,
        name: m.name,
        locale: m.locale,
        createdAt: m.userCreatedAt,
        ...(m.passwordHash !== undefined ? { passwordHash: m.passwordHash } : {}),
      },
      role: m.role,
      hours: canonical(m.hours),
      joinedAt: m.joinedAt,
    })),
    charter: {
      draft: data.charterDraft
        ? {
            updatedAt: data.charterDraft.updatedAt,
            document: canonical(data.charterDraft.document),
          }
        : null,
      versions: sortedArray(data.charterVersions, (a, b) => a.version - b.version).map((v) => ({
        version: v.version,
        publishedAt: v.publishedAt,
        publishedBy: v.publishedBy,
        document: canonical(v.document),
      })),
    },
    offers: sortedArray(
      data.offers,
      byKeys(
        (o) => o.createdAt,
        (o) => o.id,
      ),
    ).map((o) => ({
      id: o.id,
      archived: o.archived,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
      document: canonical(o.document),
    })),
    clients: sortedArray(
      data.clients,
      byKeys(
        (c) => c.createdAt,
        (c) => c.id,
      ),
    ).map(clientOut),
    engagements: sortedArray(
      data.engagements,
      byKeys(
        (e) => e.createdAt,
        (e) => e.id,
      ),
    ).map(engagementOut),
    requests: sortedArray(
      data.requests,
      byKeys(
        (r) => r.receivedAt,
        (r) => r.id,
      ),
    ).map(requestOut),
    violations: sortedArray(
      data.violations,
      byKeys(
        (v) => v.occurredAt,
        (v) => v.id,
      ),
    ).map((v) => ({
      id: v.id,
      clientId: v.clientId,
      requestId: v.requestId,
      ruleId: v.ruleId,
      category: v.category,
      charterVersion: v.charterVersion,
      occurredAt: v.occurredAt,
      params: canonical(v.params),
    })),
    exceptions: sortedArray(
      data.exceptions,
      byKeys(
        (x) => x.createdAt,
        (x) => x.id,
      ),
    ).map((x) => ({
      id: x.id,
      clientId: x.clientId,
      requestId: x.requestId,
      ruleId: x.ruleId,
      reason: x.reason,
      grantedBy: x.grantedBy,
      createdAt: x.createdAt,
    })),
    auditLog: sortedArray(
      data.auditLog,
      byKeys(
        (a) => a.at,
        (a) => a.id,
      ),
    ).map(auditOut),
    outbox: sortedArray(
      data.outbox,
      byKeys(
        (m) => m.createdAt,
        (m) => m.id,
      ),
    ).map(outboxOut),
    messages: sortedArray(
      data.messages,
      byKeys(
        (m) => m.receivedAt,
        (m) => m.id,
      ),
    ).map(messageOut),
    mailThreads: sortedArray(
      data.mailThreads,
      byKeys(
        (t) => t.createdAt,
        (t) => t.requestId,
      ),
    ).map((t) => ({
      requestId: t.requestId,
      fromAddress: t.fromAddress,
      unknownSender: t.unknownSender,
      messageCount: t.messageCount,
      lastMessageAt: t.lastMessageAt,
      lastAutoReplyAt: t.lastAutoReplyAt,
      createdAt: t.createdAt,
    })),
    ...columnLists,
  };
}

// ---------------------------------------------------------------------------------------------
// The schema an import is checked against (every problem reported at once, localised)

const FIRST = Date.parse("1971-01-01T00:00:00Z");
const LAST = Date.parse("2400-12-31T23:59:59Z");
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const instant = z.string().refine(
  (text) => {
    if (!ISO_INSTANT.test(text)) return false;
    const t = Date.parse(text);
    return Number.isFinite(t) && t >= FIRST && t <= LAST;
  },
  { error: "cadre.instant_format" },
);
const id = z.string().min(1).max(200);
const text = (max: number) => z.string().max(max);
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();
const json = z.json();
const jsonObject = z.record(z.string(), z.json());
const count = z.number().int().min(0).max(1_000_000_000);

const memberSchema = z.strictObject({
  user: z.strictObject({
    id,
    email: z.string().min(3).max(254),
    name: text(200),
    locale: nullable(text(35)),
    createdAt: instant,
    passwordHash: z.string().min(1).max(1000).optional(),
  }),
  role: z.enum(["owner", "member"]),
  hours: json.nullable(),
  joinedAt: instant,
});

const offerSchema = z.strictObject({
  id: z.string().min(1).max(64),
  archived: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
  document: z.looseObject({
    id: z.string().min(1).max(64),
    name: z.string(),
    currency: z.string(),
    items: z.array(json),
  }),
});

const clientSchema = z.strictObject({
  id,
  name: text(500),
  company: nullable(text(500)),
  emails: z.array(z.string().min(3).max(254)).max(100),
  locale: text(35),
  timezone: nullable(text(100)),
  notes: nullable(text(100_000)),
  acknowledged: z
    .strictObject({
      version: count,
      at: instant.nullable(),
      from: nullable(text(500)),
    })
    .nullable(),
  archived: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
});

const engagementSchema = z.strictObject({
  id,
  clientId: id,
  offerId: id.nullable(),
  title: text(500),
  status: z.enum(["active", "completed", "cancelled"]),
  startsOn: nullable(text(10)),
  endsOn: nullable(text(10)),
  offer: jsonObject,
  usage: jsonObject,
  extraQuota: jsonObject,
  extraItems: z.array(json),
  createdAt: instant,
  updatedAt: instant,
  deliverables: z.array(
    z.strictObject({
      id,
      name: text(500),
      position: count,
      dueAt: instant,
      originalDueAt: instant,
      deliveredAt: instant.nullable(),
    }),
  ),
  obligations: z.array(
    z.strictObject({
      id,
      name: text(500),
      position: count,
      dueAt: instant,
      receivedAt: instant.nullable(),
      status: z.enum(["pending", "received", "late"]),
      shiftBusinessDays: z.number().int().min(0).max(10_000),
      shiftedBusinessDays: z.number().int().min(0).max(10_000),
      deliverableIds: z.array(id),
      consequenceAppliedAt: instant.nullable(),
    }),
  ),
});

const requestSchema = z.strictObject({
  id,
  clientId: id.nullable(),
  engagementId: id.nullable(),
  channel: text(64),
  source: z.enum(["api", "portal", "email", "phone-log"]),
  receivedAt: instant,
  createdAt: instant,
  kind: nullable(text(64)),
  subject: text(10_000),
  body: text(1_000_000),
  input: jsonObject,
  idempotencyKey: nullable(text(500)),
  outcome: z.enum(["accept", "defer", "redirect", "propose", "decline"]),
  dueAt: instant,
  charterVersion: count.nullable(),
  chosenOption: nullable(text(64)),
  decision: jsonObject,
  reply: z.strictObject({ locale: text(35), subject: text(10_000), body: text(1_000_000) }),
  status: z.enum(["open", "answered", "closed"]),
  answeredAt: instant.nullable(),
  closedAt: instant.nullable(),
});

const violationSchema = z.strictObject({
  id,
  clientId: id,
  requestId: id.nullable(),
  ruleId: text(200),
  category: text(64),
  charterVersion: count.nullable(),
  occurredAt: instant,
  params: json,
});

const exceptionSchema = z.strictObject({
  id,
  clientId: id,
  requestId: id.nullable(),
  ruleId: text(200),
  reason: text(100_000),
  grantedBy: id.nullable(),
  createdAt: instant,
});

const auditSchema = z.strictObject({
  id,
  at: instant,
  actor: text(500),
  action: text(200),
  target: nullable(text(500)),
  data: json,
});

const outboxSchema = z.strictObject({
  id,
  kind: z.enum(["mail", "auto-reply"]),
  idempotencyKey: z.string().min(1).max(1000),
  to: z.string().min(1).max(1000),
  subject: text(10_000),
  textBody: text(1_000_000),
  htmlBody: nullable(text(2_000_000)),
  headers: jsonObject,
  relatedRequestId: id.nullable(),
  state: z.enum(["queued", "sending", "sent", "failed", "held"]),
  attempts: count,
  nextAttemptAt: instant,
  lastError: nullable(text(100_000)),
  lockedUntil: instant.nullable(),
  messageId: nullable(text(1000)),
  createdAt: instant,
  sentAt: instant.nullable(),
});

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const messageSchema = z.strictObject({
  id,
  requestId: id.nullable(),
  messageId: z.string().min(1).max(1000),
  inReplyTo: nullable(text(1000)),
  references: z.array(z.string().max(1000)),
  fromAddress: z.string().min(1).max(1000),
  fromName: nullable(text(1000)),
  replyTo: nullable(text(1000)),
  to: z.array(z.string().max(1000)),
  subject: text(10_000),
  textBody: text(10_000_000),
  htmlBody: nullable(text(20_000_000)),
  writtenAt: instant,
  receivedAt: instant,
  transport: z.enum(["smtp", "imap"]),
  automatic: nullable(text(200)),
  unknownSender: z.boolean(),
  state: z.enum(["received", "taken", "threaded"]),
  attempts: count,
  lastError: nullable(text(100_000)),
  size: count,
  truncated: z.boolean(),
  createdAt: instant,
  attachments: z.array(
    z.strictObject({
      id,
      position: count,
      filename: text(1000),
      contentType: text(255),
      size: count,
      sha256: text(128),
      createdAt: instant,
      content: z
        .string()
        .refine((b) => b.length % 4 === 0 && BASE64.test(b), { error: "cadre.base64_format" })
        .nullable(),
    }),
  ),
});

const mailThreadSchema = z.strictObject({
  requestId: id,
  fromAddress: z.string().min(1).max(1000),
  unknownSender: z.boolean(),
  messageCount: count,
  lastMessageAt: instant,
  lastAutoReplyAt: instant.nullable(),
  createdAt: instant,
});

function columnSchema(c: ColumnSpec): z.ZodType {
  const base =
    c.kind === "int"
      ? z.number().int().min(-1e15).max(1e15)
      : c.kind === "real"
        ? z.number().min(-1e15).max(1e15)
        : c.kind === "instant"
          ? instant
          : c.kind === "json"
            ? json
            : text(1_000_000);
  return c.nullable ? base.nullable() : base;
}

const columnListSchemas = Object.fromEntries(
  COLUMN_TABLES.map((spec) => [
    spec.key,
    // Lists added to the format after its first tables may be absent (older exports): none.
    z
      .array(z.strictObject(Object.fromEntries(spec.columns.map((c) => [c.key, columnSchema(c)]))))
      .default([]),
  ]),
) as Record<string, z.ZodDefault<z.ZodArray<z.ZodObject>>>;

export const exportDocumentSchema = z.strictObject({
  schema: z.literal(EXPORT_SCHEMA),
  workspace: z.strictObject({
    id,
    slug: z.string().min(1).max(64),
    name: z.string().min(1).max(200),
    timezone: text(100),
    locale: text(35),
    country: text(8),
    region: nullable(text(16)),
    currency: z.string().regex(/^[A-Z]{3}$/, { error: "cadre.currency_format" }),
    createdAt: instant,
  }),
  members: z.array(memberSchema).min(1),
  charter: z.strictObject({
    draft: z.strictObject({ updatedAt: instant, document: jsonObject }).nullable(),
    versions: z.array(
      z.strictObject({
        version: z.number().int().min(1).max(1_000_000),
        publishedAt: instant,
        publishedBy: id.nullable(),
        document: jsonObject,
      }),
    ),
  }),
  offers: z.array(offerSchema),
  clients: z.array(clientSchema),
  engagements: z.array(engagementSchema),
  requests: z.array(requestSchema),
  violations: z.array(violationSchema),
  exceptions: z.array(exceptionSchema),
  auditLog: z.array(auditSchema),
  outbox: z.array(outboxSchema),
  messages: z.array(messageSchema).default([]),
  mailThreads: z.array(mailThreadSchema).default([]),
  ...columnListSchemas,
});

export type ExportDocument = ReturnType<typeof toDocument>;
export type ParsedDocument = z.output<typeof exportDocumentSchema> & Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// From a (checked) document to the store

const iso = (text: string) => new Date(text).toISOString();
const isoOrNull = (text: string | null) => (text === null ? null : iso(text));

export function fromDocument(doc: ParsedDocument): WorkspaceData {
  return {
    workspace: { ...doc.workspace, createdAt: iso(doc.workspace.createdAt) },
    members: doc.members.map((m) => ({
      userId: m.user.id,
      email: m.user.email,
      name: m.user.name,
      locale: m.user.locale,
      userCreatedAt: iso(m.user.createdAt),
      ...(m.user.passwordHash !== undefined ? { passwordHash: m.user.passwordHash } : {}),
      role: m.role,
      hours: m.hours,
      joinedAt: iso(m.joinedAt),
    })),
    charterDraft: doc.charter.draft
      ? { document: doc.charter.draft.document, updatedAt: iso(doc.charter.draft.updatedAt) }
      : null,
    charterVersions: doc.charter.versions.map((v) => ({
      version: v.version,
      document: v.document,
      publishedAt: iso(v.publishedAt),
      publishedBy: v.publishedBy,
    })),
    offers: doc.offers.map((o) => ({
      id: o.id,
      document: o.document,
      archived: o.archived,
      createdAt: iso(o.createdAt),
      updatedAt: iso(o.updatedAt),
    })),
    clients: doc.clients.map((c) => ({
      id: c.id,
      name: c.name,
      company: c.company,
      locale: c.locale,
      timezone: c.timezone,
      notes: c.notes,
      emails: c.emails,
      acknowledgedVersion: c.acknowledged?.version ?? null,
      acknowledgedAt: isoOrNull(c.acknowledged?.at ?? null),
      acknowledgedFrom: c.acknowledged?.from ?? null,
      archived: c.archived,
      createdAt: iso(c.createdAt),
      updatedAt: iso(c.updatedAt),
    })),
    engagements: doc.engagements.map((e) => ({
      id: e.id,
      clientId: e.clientId,
      offerId: e.offerId,
      title: e.title,
      offer: e.offer,
      status: e.status,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      usage: e.usage,
      extraQuota: e.extraQuota,
      extraItems: e.extraItems,
      createdAt: iso(e.createdAt),
      updatedAt: iso(e.updatedAt),
      deliverables: e.deliverables.map((d) => ({
        id: d.id,
        name: d.name,
        dueAt: iso(d.dueAt),
        originalDueAt: iso(d.originalDueAt),
        deliveredAt: isoOrNull(d.deliveredAt),
        position: d.position,
      })),
      obligations: e.obligations.map((o) => ({
        id: o.id,
        name: o.name,
        dueAt: iso(o.dueAt),
        receivedAt: isoOrNull(o.receivedAt),
        status: o.status,
        shiftBusinessDays: o.shiftBusinessDays,
        shiftedBusinessDays: o.shiftedBusinessDays,
        deliverableIds: o.deliverableIds,
        consequenceAppliedAt: isoOrNull(o.consequenceAppliedAt),
        position: o.position,
      })),
    })),
    requests: doc.requests.map((r) => ({
      id: r.id,
      clientId: r.clientId,
      engagementId: r.engagementId,
      channel: r.channel,
      receivedAt: iso(r.receivedAt),
      subject: r.subject,
      body: r.body,
      kind: r.kind,
      input: r.input,
      outcome: r.outcome,
      dueAt: iso(r.dueAt),
      decision: r.decision,
      charterVersion: r.charterVersion,
      chosenOption: r.chosenOption,
      status: r.status,
      replyLocale: r.reply.locale,
      replySubject: r.reply.subject,
      replyBody: r.reply.body,
      answeredAt: isoOrNull(r.answeredAt),
      closedAt: isoOrNull(r.closedAt),
      source: r.source,
      idempotencyKey: r.idempotencyKey,
      createdAt: iso(r.createdAt),
    })),
    violations: doc.violations.map((v) => ({ ...v, occurredAt: iso(v.occurredAt) })),
    exceptions: doc.exceptions.map((x) => ({ ...x, createdAt: iso(x.createdAt) })),
    auditLog: doc.auditLog.map((a) => ({ ...a, at: iso(a.at) })),
    outbox: doc.outbox.map((m) => ({
      ...m,
      nextAttemptAt: iso(m.nextAttemptAt),
      lockedUntil: isoOrNull(m.lockedUntil),
      createdAt: iso(m.createdAt),
      sentAt: isoOrNull(m.sentAt),
    })),
    messages: doc.messages.map((m) => ({
      ...m,
      writtenAt: iso(m.writtenAt),
      receivedAt: iso(m.receivedAt),
      createdAt: iso(m.createdAt),
      attachments: m.attachments.map((a) => ({
        ...a,
        createdAt: iso(a.createdAt),
        content: a.content === null ? null : new Uint8Array(Buffer.from(a.content, "base64")),
      })),
    })),
    mailThreads: doc.mailThreads.map((t) => ({
      ...t,
      lastMessageAt: iso(t.lastMessageAt),
      lastAutoReplyAt: isoOrNull(t.lastAutoReplyAt),
      createdAt: iso(t.createdAt),
    })),
    columns: Object.fromEntries(
      COLUMN_TABLES.map((spec) => [
        spec.key,
        ((doc[spec.key] as ColumnRow[] | undefined) ?? []).map((row) => {
          const out: ColumnRow = {};
          for (const c of spec.columns) {
            const value = row[c.key];
            out[c.key] = c.kind === "instant" && typeof value === "string" ? iso(value) : value;
          }
          return out;
        }),
      ]),
    ),
  };
}
