// A whole workspace read or written at once (export, import, demo clean-up): every tenant table
// except sessions, API tokens, magic links and invitations (secrets), and jobs (machinery).
// Values come out the same on both engines: instants as ISO 8601 UTC with milliseconds, JSON
// columns as values, flags as booleans. Rows are returned in no particular order; the caller
// sorts them.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema.ts";
import { fromJson, instant, instantOrNull, toJson } from "../values.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** ISO 8601 UTC with milliseconds, whatever the engine returned. */
const at = (value: unknown) => new Date(instant(value)).toISOString();
const atOrNull = (value: unknown) => {
  const text = instantOrNull(value);
  return text === null ? null : new Date(text).toISOString();
};
const int = (value: unknown) => Number(value);
const intOrNull = (value: unknown) => (value === null || value === undefined ? null : int(value));

export interface WorkspaceRow {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  locale: string;
  country: string;
  region: string | null;
  currency: string;
  createdAt: string;
}

export interface MemberData {
  userId: string;
  email: string;
  name: string;
  locale: string | null;
  userCreatedAt: string;
  /** Only when asked for (exports with secrets). */
  passwordHash?: string | undefined;
  role: string;
  hours: unknown;
  joinedAt: string;
}

export interface CharterVersionData {
  version: number;
  document: unknown;
  publishedAt: string;
  publishedBy: string | null;
}

export interface OfferData {
  id: string;
  document: unknown;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ClientData {
  id: string;
  name: string;
  company: string | null;
  locale: string;
  timezone: string | null;
  notes: string | null;
  emails: string[];
  acknowledgedVersion: number | null;
  acknowledgedAt: string | null;
  acknowledgedFrom: string | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface DeliverableData {
  id: string;
  name: string;
  dueAt: string;
  originalDueAt: string;
  deliveredAt: string | null;
  position: number;
}

export interface ObligationData {
  id: string;
  name: string;
  dueAt: string;
  receivedAt: string | null;
  status: string;
  shiftBusinessDays: number;
  shiftedBusinessDays: number;
  deliverableIds: unknown;
  consequenceAppliedAt: string | null;
  position: number;
}

export interface EngagementData {
  id: string;
  clientId: string;
  offerId: string | null;
  title: string;
  offer: unknown;
  status: string;
  startsOn: string | null;
  endsOn: string | null;
  usage: unknown;
  extraQuota: unknown;
  extraItems: unknown;
  createdAt: string;
  updatedAt: string;
  deliverables: DeliverableData[];
  obligations: ObligationData[];
}

export interface RequestData {
  id: string;
  clientId: string | null;
  engagementId: string | null;
  channel: string;
  receivedAt: string;
  subject: string;
  body: string;
  kind: string | null;
  input: unknown;
  outcome: string;
  dueAt: string;
  decision: unknown;
  charterVersion: number | null;
  chosenOption: string | null;
  status: string;
  replyLocale: string;
  replySubject: string;
  replyBody: string;
  answeredAt: string | null;
  closedAt: string | null;
  source: string;
  idempotencyKey: string | null;
  createdAt: string;
}

export interface ViolationData {
  id: string;
  clientId: string;
  requestId: string | null;
  ruleId: string;
  category: string;
  params: unknown;
  charterVersion: number | null;
  occurredAt: string;
}

export interface ExceptionData {
  id: string;
  clientId: string;
  requestId: string | null;
  ruleId: string;
  reason: string;
  grantedBy: string | null;
  createdAt: string;
}

export interface AuditData {
  id: string;
  actor: string;
  action: string;
  target: string | null;
  data: unknown;
  at: string;
}

export interface OutboxData {
  id: string;
  idempotencyKey: string;
  to: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  headers: unknown;
  relatedRequestId: string | null;
  state: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  kind: string;
  messageId: string | null;
  lockedUntil: string | null;
}

export interface AttachmentData {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  /** Null when the attachment was over the size cap (listed, not kept). */
  content: Uint8Array | null;
  position: number;
  createdAt: string;
}

/** An inbound e-mail, with its attachments. */
export interface MessageData {
  id: string;
  requestId: string | null;
  messageId: string;
  inReplyTo: string | null;
  references: unknown;
  fromAddress: string;
  fromName: string | null;
  replyTo: string | null;
  to: unknown;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  writtenAt: string;
  receivedAt: string;
  transport: string;
  automatic: string | null;
  unknownSender: boolean;
  state: string;
  attempts: number;
  lastError: string | null;
  size: number;
  truncated: boolean;
  createdAt: string;
  attachments: AttachmentData[];
}

export interface MailThreadData {
  requestId: string;
  fromAddress: string;
  unknownSender: boolean;
  messageCount: number;
  lastMessageAt: string;
  lastAutoReplyAt: string | null;
  createdAt: string;
}

// ---------------------------------------------------------------------------------------------
// Tables exported column for column (money, bookings, calendars): described once, read, checked
// and written from the description. A row is an object with the columns in camelCase.

export type ColumnKind = "text" | "int" | "real" | "instant" | "json";

export interface ColumnSpec {
  name: string;
  /** The document's name for it (camelCase). */
  key: string;
  kind: ColumnKind;
  nullable: boolean;
}

export interface TableSpec {
  table: keyof Database;
  /** The document's name for the list of rows. */
  key: string;
  columns: ColumnSpec[];
  /** Columns (document keys) that order the rows. */
  sortBy: string[];
  /** Columns (document keys) that must name an existing row of another list of the document. */
  refs: Record<string, string>;
  /** Columns (document keys) replaced by "[redacted]" unless secrets are asked for. */
  secret: string[];
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** "id:text fee:int? …" → column specs. */
function table(
  name: keyof Database,
  key: string,
  columns: string,
  options: { sortBy: string[]; refs?: Record<string, string>; secret?: string[] },
): TableSpec {
  return {
    table: name,
    key,
    columns: columns
      .trim()
      .split(/\s+/)
      .map((c) => {
        const [column, type] = c.split(":") as [string, string];
        return {
          name: column,
          key: camel(column),
          kind: type.replace("?", "") as ColumnKind,
          nullable: type.endsWith("?"),
        };
      }),
    sortBy: options.sortBy,
    refs: options.refs ?? {},
    secret: options.secret ?? [],
  };
}

/** In the order they are written (a row's references come first). */
export const COLUMN_TABLES: TableSpec[] = [
  table("workspace_taxes", "taxes", "document:json updated_at:instant", { sortBy: ["updatedAt"] }),
  table(
    "change_orders",
    "changeOrders",
    `id:text engagement_id:text client_id:text request_id:text? title:text items:json grants:json
     price:int currency:text delivery_shift_business_days:int state:text created_at:instant
     created_by:text? decided_at:instant? decided_by:text? invoice_id:text?`,
    {
      sortBy: ["createdAt", "id"],
      refs: {
        engagementId: "engagements",
        clientId: "clients",
        requestId: "requests",
        invoiceId: "invoices",
      },
    },
  ),
  table(
    "invoices",
    "invoices",
    `id:text number:text? client_id:text engagement_id:text? state:text currency:text timezone:text
     terms:json taxes:json subtotal:int tax_total:int total:int paid_amount:int issued_at:instant?
     issued_on:text? due_on:text? paid_at:instant? overdue_at:instant? note:text?
     created_at:instant updated_at:instant`,
    { sortBy: ["createdAt", "id"], refs: { clientId: "clients", engagementId: "engagements" } },
  ),
  table(
    "invoice_lines",
    "invoiceLines",
    `id:text invoice_id:text position:int kind:text description:text quantity:real unit_price:int
     amount:int change_order_id:text?`,
    {
      sortBy: ["invoiceId", "position", "id"],
      refs: { invoiceId: "invoices", changeOrderId: "changeOrders" },
    },
  ),
  table(
    "payments",
    "payments",
    `id:text invoice_id:text amount:int method:text paid_at:instant paid_on:text recorded_by:text?
     created_at:instant`,
    { sortBy: ["paidAt", "id"], refs: { invoiceId: "invoices" } },
  ),
  table(
    "bookings",
    "bookings",
    `id:text meeting_type_id:text client_id:text member_user_id:text engagement_id:text?
     start_at:instant end_at:instant buffer_minutes:int status:text cancelled_at:instant?
     cancelled_by:text? cancel_reason:text? counts_as_used:int fee:int? extra_price:int?
     extra_add_on_id:text? currency:text? waived_rules:json charter_version:int?
     rescheduled_from:text? created_by:text created_at:instant`,
    {
      sortBy: ["startAt", "id"],
      refs: { clientId: "clients", engagementId: "engagements", rescheduledFrom: "bookings" },
    },
  ),
  // The address of a professional's private calendar is a secret: "[redacted]" unless asked.
  table(
    "calendar_sources",
    "calendarSources",
    `id:text member_user_id:text url:text label:text created_at:instant last_fetched_at:instant?
     last_success_at:instant? last_error:text? event_count:int`,
    { sortBy: ["createdAt", "id"], secret: ["url"] },
  ),
];

/** The tables read and written field by field above (WorkspaceData). */
export const EXPORTED_TABLES = [
  "workspaces",
  "members",
  "charter_drafts",
  "charter_versions",
  "offers",
  "clients",
  "client_emails",
  "engagements",
  "deliverables",
  "obligations",
  "requests",
  "violations",
  "exceptions",
  "audit_log",
  "outbox",
  "messages",
  "attachments",
  "mail_threads",
] as const;

/**
 * Tenant tables that are never exported: secrets (sessions, tokens, links, invitations, calendar
 * feed tokens), machinery (jobs), and what is fetched again from its source (busy_events, from
 * the calendar sources).
 */
export const NOT_EXPORTED = [
  "sessions",
  "api_tokens",
  "magic_links",
  "password_resets",
  "invitations",
  "calendar_feeds",
  "jobs",
  "busy_events",
] as const;

export const REDACTED = "[redacted]";

export type ColumnRow = Record<string, unknown>;

/** The described tables are named at run time: seen through a schema-less Kysely. */
function untyped(db: Db): Kysely<Record<string, ColumnRow>> {
  return db as unknown as Kysely<Record<string, ColumnRow>>;
}

function readValue(c: ColumnSpec, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (c.kind) {
    case "int":
    case "real":
      return Number(value);
    case "instant":
      return at(value);
    case "json":
      return fromJson(value);
    default:
      return String(value);
  }
}

function writeValue(c: ColumnSpec, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return c.kind === "json" ? toJson(value) : value;
}

export interface WorkspaceData {
  workspace: WorkspaceRow;
  members: MemberData[];
  charterDraft: { document: unknown; updatedAt: string } | null;
  charterVersions: CharterVersionData[];
  offers: OfferData[];
  clients: ClientData[];
  engagements: EngagementData[];
  requests: RequestData[];
  violations: ViolationData[];
  exceptions: ExceptionData[];
  auditLog: AuditData[];
  outbox: OutboxData[];
  messages: MessageData[];
  mailThreads: MailThreadData[];
  /** The rows of COLUMN_TABLES, by their document key. */
  columns: Record<string, ColumnRow[]>;
}

/** Every workspace, oldest first (to pick the one to export). */
export async function listWorkspaceSlugs(db: Db): Promise<{ id: string; slug: string }[]> {
  return db.selectFrom("workspaces").select(["id", "slug"]).orderBy("slug").execute();
}

async function readAll(
  db: Db,
  workspaceId: string,
  withSecrets: boolean,
): Promise<WorkspaceData | null> {
  const w = await db
    .selectFrom("workspaces")
    .selectAll()
    .where("id", "=", workspaceId)
    .executeTakeFirst();
  if (!w) return null;
  const members = await db
    .selectFrom("members")
    .innerJoin("users", "users.id", "members.user_id")
    .select([
      "users.id as user_id",
      "users.email",
      "users.name",
      "users.locale",
      "users.created_at as user_created_at",
      "users.password_hash",
      "members.role",
      "members.hours",
      "members.created_at",
    ])
    .where("members.workspace_id", "=", workspaceId)
    .execute();
  const draft = await db
    .selectFrom("charter_drafts")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  const versions = await db
    .selectFrom("charter_versions")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .execute();
  const offers = await db
    .selectFrom("offers")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .execute();
  const clients = await db
    .selectFrom("clients")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .execute();
  const emails = await db
    .selectFrom("client_emails")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("client_id")
    .orderBy("position")
    .execute();
  const engagements = await db
    .selectFrom("engagements")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .execute();
  const deliverables = await db
    .selectFrom("deliverables")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .execute();
  const obligations = await db
    .selectFrom("obligations")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .execute();
  const requests = await db
    .selectFrom("requests")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .execute();
  const violations = await db
    .selectFrom("violations")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .execute();
  const exceptions = await db
    .selectFrom("exceptions")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .execute();
  const audit = await db
    .selectFrom("audit_log")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .execute();
  const outbox = await db
    .selectFrom("outbox")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .execute();
  const messages = await db
    .selectFrom("messages")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .execute();
  const attachments = await db
    .selectFrom("attachments")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .execute();
  const threads = await db
    .selectFrom("mail_threads")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .execute();
  const columns: Record<string, ColumnRow[]> = {};
  for (const spec of COLUMN_TABLES) {
    const rows = await untyped(db)
      .selectFrom(spec.table)
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .execute();
    columns[spec.key] = rows.map((row) => {
      const out: ColumnRow = {};
      for (const c of spec.columns) {
        const value = readValue(c, row[c.name]);
        out[c.key] =
          spec.secret.includes(c.key) && !withSecrets && value !== null ? REDACTED : value;
      }
      return out;
    });
  }
  const attachmentsOf = new Map<string, AttachmentData[]>();
  for (const a of attachments) {
    const list = attachmentsOf.get(a.message_id) ?? [];
    list.push({
      id: a.id,
      filename: a.filename,
      contentType: a.content_type,
      size: int(a.size),
      sha256: a.sha256,
      content: a.content === null ? null : new Uint8Array(a.content),
      position: int(a.position),
      createdAt: at(a.created_at),
    });
    attachmentsOf.set(a.message_id, list);
  }

  const emailsOf = new Map<string, { email: string; position: number }[]>();
  for (const e of emails) {
    const list = emailsOf.get(e.client_id) ?? [];
    list.push({ email: e.email, position: int(e.position) });
    emailsOf.set(e.client_id, list);
  }
  const byEngagement = <T>(rows: { engagement_id: string }[], map: (row: never) => T) => {
    const grouped = new Map<string, T[]>();
    for (const row of rows) {
      const list = grouped.get(row.engagement_id) ?? [];
      list.push(map(row as never));
      grouped.set(row.engagement_id, list);
    }
    return grouped;
  };
  const deliverablesOf = byEngagement(
    deliverables,
    (d: (typeof deliverables)[number]): DeliverableData => ({
      id: d.id,
      name: d.name,
      dueAt: at(d.due_at),
      originalDueAt: at(d.original_due_at),
      deliveredAt: atOrNull(d.delivered_at),
      position: int(d.position),
    }),
  );
  const obligationsOf = byEngagement(
    obligations,
    (o: (typeof obligations)[number]): ObligationData => ({
      id: o.id,
      name: o.name,
      dueAt: at(o.due_at),
      receivedAt: atOrNull(o.received_at),
      status: o.status,
      shiftBusinessDays: int(o.shift_business_days),
      shiftedBusinessDays: int(o.shifted_business_days ?? 0),
      deliverableIds: fromJson(o.deliverable_ids),
      consequenceAppliedAt: atOrNull(o.consequence_applied_at),
      position: int(o.position),
    }),
  );

  return {
    workspace: {
      id: w.id,
      slug: w.slug,
      name: w.name,
      timezone: w.timezone,
      locale: w.locale,
      country: w.country,
      region: w.region,
      currency: w.currency,
      createdAt: at(w.created_at),
    },
    members: members.map((m) => ({
      userId: m.user_id,
      email: m.email,
      name: m.name,
      locale: m.locale,
      userCreatedAt: at(m.user_created_at),
      ...(withSecrets ? { passwordHash: m.password_hash } : {}),
      role: m.role,
      hours: m.hours === null || m.hours === undefined ? null : fromJson(m.hours),
      joinedAt: at(m.created_at),
    })),
    charterDraft: draft
      ? { document: fromJson(draft.document), updatedAt: at(draft.updated_at) }
      : null,
    charterVersions: versions.map((v) => ({
      version: int(v.version),
      document: fromJson(v.document),
      publishedAt: at(v.published_at),
      publishedBy: v.published_by,
    })),
    offers: offers.map((o) => ({
      id: o.id,
      document: fromJson(o.document),
      archived: int(o.archived) === 1,
      createdAt: at(o.created_at),
      updatedAt: at(o.updated_at),
    })),
    clients: clients.map((c) => ({
      id: c.id,
      name: c.name,
      company: c.company,
      locale: c.locale,
      timezone: c.timezone,
      notes: c.notes,
      emails: (emailsOf.get(c.id) ?? [])
        .sort((a, b) => a.position - b.position)
        .map((e) => e.email),
      acknowledgedVersion: intOrNull(c.acknowledged_version),
      acknowledgedAt: atOrNull(c.acknowledged_at),
      acknowledgedFrom: c.acknowledged_from,
      archived: int(c.archived) === 1,
      createdAt: at(c.created_at),
      updatedAt: at(c.updated_at),
    })),
    engagements: engagements.map((e) => ({
      id: e.id,
      clientId: e.client_id,
      offerId: e.offer_id,
      title: e.title,
      offer: fromJson(e.offer),
      status: e.status,
      startsOn: e.starts_on,
      endsOn: e.ends_on,
      usage: fromJson(e.usage),
      extraQuota: fromJson(e.extra_quota),
      extraItems: fromJson(e.extra_items),
      createdAt: at(e.created_at),
      updatedAt: at(e.updated_at),
      deliverables: deliverablesOf.get(e.id) ?? [],
      obligations: obligationsOf.get(e.id) ?? [],
    })),
    requests: requests.map((r) => ({
      id: r.id,
      clientId: r.client_id,
      engagementId: r.engagement_id,
      channel: r.channel,
      receivedAt: at(r.received_at),
      subject: r.subject,
      body: r.body,
      kind: r.kind,
      input: fromJson(r.input),
      outcome: r.outcome,
      dueAt: at(r.due_at),
      decision: fromJson(r.decision),
      charterVersion: intOrNull(r.charter_version),
      chosenOption: r.chosen_option ?? null,
      status: r.status,
      replyLocale: r.reply_locale,
      replySubject: r.reply_subject,
      replyBody: r.reply_body,
      answeredAt: atOrNull(r.answered_at),
      closedAt: atOrNull(r.closed_at),
      source: r.source,
      idempotencyKey: r.idempotency_key,
      createdAt: at(r.created_at),
    })),
    violations: violations.map((v) => ({
      id: v.id,
      clientId: v.client_id,
      requestId: v.request_id,
      ruleId: v.rule_id,
      category: v.category,
      params: fromJson(v.params),
      charterVersion: intOrNull(v.charter_version),
      occurredAt: at(v.occurred_at),
    })),
    exceptions: exceptions.map((x) => ({
      id: x.id,
      clientId: x.client_id,
      requestId: x.request_id,
      ruleId: x.rule_id,
      reason: x.reason,
      grantedBy: x.granted_by,
      createdAt: at(x.created_at),
    })),
    auditLog: audit.map((a) => ({
      id: a.id,
      actor: a.actor,
      action: a.action,
      target: a.target,
      data: fromJson(a.data),
      at: at(a.at),
    })),
    outbox: outbox.map((m) => ({
      id: m.id,
      idempotencyKey: m.idempotency_key,
      to: m.to_address,
      subject: m.subject,
      textBody: m.text_body,
      htmlBody: m.html_body,
      headers: fromJson(m.headers),
      relatedRequestId: m.related_request_id,
      state: m.state,
      attempts: int(m.attempts),
      nextAttemptAt: at(m.next_attempt_at),
      lastError: m.last_error,
      createdAt: at(m.created_at),
      sentAt: atOrNull(m.sent_at),
      kind: m.kind,
      messageId: m.message_id ?? null,
      lockedUntil: atOrNull(m.locked_until),
    })),
    messages: messages.map((m) => ({
      id: m.id,
      requestId: m.request_id,
      messageId: m.message_id,
      inReplyTo: m.in_reply_to,
      references: fromJson(m.reference_ids),
      fromAddress: m.from_address,
      fromName: m.from_name,
      replyTo: m.reply_to,
      to: fromJson(m.to_addresses),
      subject: m.subject,
      textBody: m.text_body,
      htmlBody: m.html_body,
      writtenAt: at(m.written_at),
      receivedAt: at(m.received_at),
      transport: m.transport,
      automatic: m.automatic,
      unknownSender: int(m.unknown_sender) === 1,
      state: m.state,
      attempts: int(m.attempts),
      lastError: m.last_error,
      size: int(m.size),
      truncated: int(m.truncated) === 1,
      createdAt: at(m.created_at),
      attachments: attachmentsOf.get(m.id) ?? [],
    })),
    mailThreads: threads.map((t) => ({
      requestId: t.request_id,
      fromAddress: t.from_address,
      unknownSender: int(t.unknown_sender) === 1,
      messageCount: int(t.message_count),
      lastMessageAt: at(t.last_message_at),
      lastAutoReplyAt: atOrNull(t.last_auto_reply_at),
      createdAt: at(t.created_at),
    })),
    columns,
  };
}

/**
 * The whole workspace as one consistent snapshot (a repeatable-read transaction on PostgreSQL;
 * SQLite has a single connection), or null when there is no such workspace.
 */
export async function readWorkspace(
  db: Kysely<Database>,
  workspaceId: string,
  options: { withSecrets: boolean; engine: "sqlite" | "postgres" },
): Promise<WorkspaceData | null> {
  const tx = db.transaction();
  const run = options.engine === "postgres" ? tx.setIsolationLevel("repeatable read") : tx;
  return run.execute((trx) => readAll(trx, workspaceId, options.withSecrets));
}

/** Which of these user ids and e-mails already exist, with their e-mail and id. */
export async function existingUsers(
  db: Db,
  ids: string[],
  emails: string[],
): Promise<{ id: string; email: string }[]> {
  if (ids.length === 0 && emails.length === 0) return [];
  return db
    .selectFrom("users")
    .select(["id", "email"])
    .where((eb) =>
      eb.or([
        ...(ids.length > 0 ? [eb("id", "in", ids)] : []),
        ...(emails.length > 0 ? [eb("email", "in", emails)] : []),
      ]),
    )
    .execute();
}

export async function workspaceExists(
  db: Db,
  by: { id: string } | { slug: string },
): Promise<boolean> {
  const q = db.selectFrom("workspaces").select("id");
  const row = await ("id" in by ? q.where("id", "=", by.id) : q.where("slug", "=", by.slug))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

const CHUNK = 200;

async function insertChunks<R>(rows: R[], insert: (chunk: R[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Writes a whole workspace (inside the caller's transaction). Users listed in `existingUserIds`
 * are already in the database and only get their membership; the others are created with
 * `passwordHash`, or with `unusablePassword` when the data carries none.
 */
export async function writeWorkspace(
  db: Transaction<Database>,
  data: WorkspaceData,
  options: { existingUserIds: ReadonlySet<string>; unusablePassword: string },
): Promise<void> {
  const ws = data.workspace.id;
  await db
    .insertInto("workspaces")
    .values({
      id: ws,
      slug: data.workspace.slug,
      name: data.workspace.name,
      timezone: data.workspace.timezone,
      locale: data.workspace.locale,
      country: data.workspace.country,
      region: data.workspace.region,
      currency: data.workspace.currency,
      created_at: data.workspace.createdAt,
    })
    .execute();
  for (const m of data.members) {
    if (!options.existingUserIds.has(m.userId)) {
      await db
        .insertInto("users")
        .values({
          id: m.userId,
          email: m.email,
          name: m.name,
          password_hash: m.passwordHash ?? options.unusablePassword,
          locale: m.locale,
          created_at: m.userCreatedAt,
        })
        .execute();
    }
    await db
      .insertInto("members")
      .values({
        workspace_id: ws,
        user_id: m.userId,
        role: m.role,
        hours: m.hours === null ? null : toJson(m.hours),
        created_at: m.joinedAt,
      })
      .execute();
  }
  if (data.charterDraft) {
    await db
      .insertInto("charter_drafts")
      .values({
        workspace_id: ws,
        document: toJson(data.charterDraft.document),
        updated_at: data.charterDraft.updatedAt,
      })
      .execute();
  }
  await insertChunks(data.charterVersions, (rows) =>
    db
      .insertInto("charter_versions")
      .values(
        rows.map((v) => ({
          workspace_id: ws,
          version: v.version,
          document: toJson(v.document),
          published_at: v.publishedAt,
          published_by: v.publishedBy,
        })),
      )
      .execute(),
  );
  await insertChunks(data.offers, (rows) =>
    db
      .insertInto("offers")
      .values(
        rows.map((o) => ({
          workspace_id: ws,
          id: o.id,
          document: toJson(o.document),
          archived: o.archived ? 1 : 0,
          created_at: o.createdAt,
          updated_at: o.updatedAt,
        })),
      )
      .execute(),
  );
  await insertChunks(data.clients, (rows) =>
    db
      .insertInto("clients")
      .values(
        rows.map((c) => ({
          workspace_id: ws,
          id: c.id,
          name: c.name,
          company: c.company,
          locale: c.locale,
          timezone: c.timezone,
          notes: c.notes,
          acknowledged_version: c.acknowledgedVersion,
          acknowledged_at: c.acknowledgedAt,
          acknowledged_from: c.acknowledgedFrom,
          archived: c.archived ? 1 : 0,
          created_at: c.createdAt,
          updated_at: c.updatedAt,
        })),
      )
      .execute(),
  );
  const emails = data.clients.flatMap((c) =>
    c.emails.map((email, position) => ({
      workspace_id: ws,
      email,
      client_id: c.id,
      position,
    })),
  );
  await insertChunks(emails, (rows) => db.insertInto("client_emails").values(rows).execute());
  await insertChunks(data.engagements, (rows) =>
    db
      .insertInto("engagements")
      .values(
        rows.map((e) => ({
          workspace_id: ws,
          id: e.id,
          client_id: e.clientId,
          offer_id: e.offerId,
          title: e.title,
          offer: toJson(e.offer),
          status: e.status,
          starts_on: e.startsOn,
          ends_on: e.endsOn,
          usage: toJson(e.usage),
          extra_quota: toJson(e.extraQuota),
          extra_items: toJson(e.extraItems),
          created_at: e.createdAt,
          updated_at: e.updatedAt,
        })),
      )
      .execute(),
  );
  const deliverables = data.engagements.flatMap((e) =>
    e.deliverables.map((d) => ({
      workspace_id: ws,
      id: d.id,
      engagement_id: e.id,
      name: d.name,
      due_at: d.dueAt,
      original_due_at: d.originalDueAt,
      delivered_at: d.deliveredAt,
      position: d.position,
    })),
  );
  await insertChunks(deliverables, (rows) => db.insertInto("deliverables").values(rows).execute());
  const obligations = data.engagements.flatMap((e) =>
    e.obligations.map((o) => ({
      workspace_id: ws,
      id: o.id,
      engagement_id: e.id,
      name: o.name,
      due_at: o.dueAt,
      received_at: o.receivedAt,
      status: o.status,
      shift_business_days: o.shiftBusinessDays,
      shifted_business_days: o.shiftedBusinessDays,
      deliverable_ids: toJson(o.deliverableIds),
      consequence_applied_at: o.consequenceAppliedAt,
      position: o.position,
    })),
  );
  await insertChunks(obligations, (rows) => db.insertInto("obligations").values(rows).execute());
  await insertChunks(data.requests, (rows) =>
    db
      .insertInto("requests")
      .values(
        rows.map((r) => ({
          workspace_id: ws,
          id: r.id,
          client_id: r.clientId,
          engagement_id: r.engagementId,
          channel: r.channel,
          received_at: r.receivedAt,
          subject: r.subject,
          body: r.body,
          kind: r.kind,
          input: toJson(r.input),
          outcome: r.outcome,
          due_at: r.dueAt,
          decision: toJson(r.decision),
          charter_version: r.charterVersion,
          chosen_option: r.chosenOption,
          status: r.status,
          reply_locale: r.replyLocale,
          reply_subject: r.replySubject,
          reply_body: r.replyBody,
          answered_at: r.answeredAt,
          closed_at: r.closedAt,
          source: r.source,
          idempotency_key: r.idempotencyKey,
          created_at: r.createdAt,
        })),
      )
      .execute(),
  );
  await insertChunks(data.violations, (rows) =>
    db
      .insertInto("violations")
      .values(
        rows.map((v) => ({
          workspace_id: ws,
          id: v.id,
          client_id: v.clientId,
          request_id: v.requestId,
          rule_id: v.ruleId,
          category: v.category,
          params: toJson(v.params),
          charter_version: v.charterVersion,
          occurred_at: v.occurredAt,
        })),
      )
      .execute(),
  );
  await insertChunks(data.exceptions, (rows) =>
    db
      .insertInto("exceptions")
      .values(
        rows.map((x) => ({
          workspace_id: ws,
          id: x.id,
          client_id: x.clientId,
          request_id: x.requestId,
          rule_id: x.ruleId,
          reason: x.reason,
          granted_by: x.grantedBy,
          created_at: x.createdAt,
        })),
      )
      .execute(),
  );
  await insertChunks(data.auditLog, (rows) =>
    db
      .insertInto("audit_log")
      .values(
        rows.map((a) => ({
          workspace_id: ws,
          id: a.id,
          actor: a.actor,
          action: a.action,
          target: a.target,
          data: toJson(a.data),
          at: a.at,
        })),
      )
      .execute(),
  );
  await insertChunks(data.outbox, (rows) =>
    db
      .insertInto("outbox")
      .values(
        rows.map((m) => ({
          workspace_id: ws,
          id: m.id,
          idempotency_key: m.idempotencyKey,
          to_address: m.to,
          subject: m.subject,
          text_body: m.textBody,
          html_body: m.htmlBody,
          headers: toJson(m.headers),
          related_request_id: m.relatedRequestId,
          state: m.state,
          attempts: m.attempts,
          next_attempt_at: m.nextAttemptAt,
          last_error: m.lastError,
          created_at: m.createdAt,
          sent_at: m.sentAt,
          kind: m.kind,
          message_id: m.messageId,
          locked_until: m.lockedUntil,
        })),
      )
      .execute(),
  );
  await insertChunks(data.messages, (rows) =>
    db
      .insertInto("messages")
      .values(
        rows.map((m) => ({
          workspace_id: ws,
          id: m.id,
          request_id: m.requestId,
          message_id: m.messageId,
          in_reply_to: m.inReplyTo,
          reference_ids: toJson(m.references),
          from_address: m.fromAddress,
          from_name: m.fromName,
          reply_to: m.replyTo,
          to_addresses: toJson(m.to),
          subject: m.subject,
          text_body: m.textBody,
          html_body: m.htmlBody,
          written_at: m.writtenAt,
          received_at: m.receivedAt,
          transport: m.transport,
          automatic: m.automatic,
          unknown_sender: m.unknownSender ? 1 : 0,
          state: m.state,
          attempts: m.attempts,
          last_error: m.lastError,
          size: m.size,
          truncated: m.truncated ? 1 : 0,
          created_at: m.createdAt,
        })),
      )
      .execute(),
  );
  const attachments = data.messages.flatMap((m) =>
    m.attachments.map((a) => ({
      workspace_id: ws,
      id: a.id,
      message_id: m.id,
      filename: a.filename,
      content_type: a.contentType,
      size: a.size,
      sha256: a.sha256,
      content: a.content,
      position: a.position,
      created_at: a.createdAt,
    })),
  );
  // Attachments can be large: a few at a time.
  for (let i = 0; i < attachments.length; i += 10) {
    await db
      .insertInto("attachments")
      .values(attachments.slice(i, i + 10))
      .execute();
  }
  await insertChunks(data.mailThreads, (rows) =>
    db
      .insertInto("mail_threads")
      .values(
        rows.map((t) => ({
          workspace_id: ws,
          request_id: t.requestId,
          from_address: t.fromAddress,
          unknown_sender: t.unknownSender ? 1 : 0,
          message_count: t.messageCount,
          last_message_at: t.lastMessageAt,
          last_auto_reply_at: t.lastAutoReplyAt,
          created_at: t.createdAt,
        })),
      )
      .execute(),
  );
  for (const spec of COLUMN_TABLES) {
    const rows = (data.columns[spec.key] ?? []).map((row) => {
      const values: Record<string, unknown> = { workspace_id: ws };
      for (const c of spec.columns) values[c.name] = writeValue(c, row[c.key]);
      return values;
    });
    await insertChunks(rows, (chunk) => untyped(db).insertInto(spec.table).values(chunk).execute());
  }
}

/** Child tables first, so foreign keys never stand in the way. */
const TENANT_TABLES = [
  "busy_events",
  "calendar_feeds",
  "calendar_sources",
  "bookings",
  "payments",
  "invoice_lines",
  "change_orders",
  "invoices",
  "workspace_taxes",
  "attachments",
  "messages",
  "mail_threads",
  "outbox",
  "audit_log",
  "exceptions",
  "violations",
  "requests",
  "obligations",
  "deliverables",
  "engagements",
  "client_emails",
  "magic_links",
  "password_resets",
  "sessions",
  "api_tokens",
  "invitations",
  "clients",
  "offers",
  "charter_versions",
  "charter_drafts",
  "jobs",
] as const;

/**
 * Removes a workspace and everything in it, and the users who belonged to it alone, in one
 * transaction (used to undo a demo load that failed half-way).
 */
export async function deleteWorkspace(db: Kysely<Database>, workspaceId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const members = await trx
      .selectFrom("members")
      .select("user_id")
      .where("workspace_id", "=", workspaceId)
      .execute();
    for (const table of TENANT_TABLES) {
      await trx.deleteFrom(table).where("workspace_id", "=", workspaceId).execute();
    }
    await trx.deleteFrom("members").where("workspace_id", "=", workspaceId).execute();
    for (const { user_id } of members) {
      const other = await trx
        .selectFrom("members")
        .select("user_id")
        .where("user_id", "=", user_id)
        .limit(1)
        .executeTakeFirst();
      if (!other) await trx.deleteFrom("users").where("id", "=", user_id).execute();
    }
    await trx.deleteFrom("workspaces").where("id", "=", workspaceId).execute();
  });
}

/**
 * Records a workspace's queued mails as sent when they were queued, without sending them (the
 * demo's clients are fictional: a configured mail server must never write to them).
 */
export async function markQueuedMailSent(db: Kysely<Database>, workspaceId: string): Promise<void> {
  const rows = await db
    .selectFrom("outbox")
    .select(["id", "created_at"])
    .where("workspace_id", "=", workspaceId)
    .where("state", "=", "queued")
    .execute();
  for (const row of rows) {
    await db
      .updateTable("outbox")
      .set({ state: "sent", attempts: 1, sent_at: at(row.created_at) })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", row.id)
      .execute();
  }
}
