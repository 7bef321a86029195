// Table types for Kysely, matching migrations/. Instants are written as ISO text and read as
// text (SQLite) or Date (PostgreSQL); JSON is written as text and read as text or a value.
import type { ColumnType } from "kysely";

type Instant = ColumnType<string | Date, string, string>;
type NullableInstant = ColumnType<string | Date | null, string | null | undefined, string | null>;
type Json = ColumnType<unknown, string, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface WorkspacesTable {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  locale: string;
  country: string;
  region: string | null;
  currency: string;
  created_at: Instant;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string | null;
  created_at: Instant;
}

export interface MembersTable {
  workspace_id: string;
  user_id: string;
  role: string;
  hours: NullableJson;
  created_at: Instant;
}

export interface InvitationsTable {
  workspace_id: string;
  id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string;
  expires_at: Instant;
  accepted_at: NullableInstant;
  created_at: Instant;
}

export interface SessionsTable {
  id_hash: string;
  workspace_id: string;
  kind: string;
  user_id: string | null;
  client_id: string | null;
  csrf_token: string;
  expires_at: Instant;
  created_at: Instant;
}

export interface ApiTokensTable {
  workspace_id: string;
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Instant;
  revoked_at: NullableInstant;
}

export interface MagicLinksTable {
  token_hash: string;
  workspace_id: string;
  client_id: string;
  expires_at: Instant;
  used_at: NullableInstant;
  created_at: Instant;
}

export interface PasswordResetsTable {
  token_hash: string;
  workspace_id: string;
  user_id: string;
  expires_at: Instant;
  used_at: NullableInstant;
  created_at: Instant;
}

export interface CharterDraftsTable {
  workspace_id: string;
  document: Json;
  updated_at: Instant;
}

export interface CharterVersionsTable {
  workspace_id: string;
  version: number;
  document: Json;
  published_at: Instant;
  published_by: string | null;
}

export interface OffersTable {
  workspace_id: string;
  id: string;
  document: Json;
  archived: Defaulted<number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ClientsTable {
  workspace_id: string;
  id: string;
  name: string;
  company: string | null;
  locale: string;
  timezone: string | null;
  notes: string | null;
  acknowledged_version: number | null;
  acknowledged_at: NullableInstant;
  acknowledged_from: string | null;
  archived: Defaulted<number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ClientEmailsTable {
  workspace_id: string;
  email: string;
  client_id: string;
  position: number;
}

export interface EngagementsTable {
  workspace_id: string;
  id: string;
  client_id: string;
  offer_id: string | null;
  title: string;
  offer: Json;
  status: string;
  starts_on: string | null;
  ends_on: string | null;
  usage: Json;
  extra_quota: Json;
  extra_items: Json;
  created_at: Instant;
  updated_at: Instant;
}

export interface DeliverablesTable {
  workspace_id: string;
  id: string;
  engagement_id: string;
  name: string;
  due_at: Instant;
  original_due_at: Instant;
  delivered_at: NullableInstant;
  position: number;
}

export interface ObligationsTable {
  workspace_id: string;
  id: string;
  engagement_id: string;
  name: string;
  due_at: Instant;
  received_at: NullableInstant;
  status: string;
  shift_business_days: number;
  deliverable_ids: Json;
  consequence_applied_at: NullableInstant;
  position: number;
  shifted_business_days: Defaulted<number>;
}

export interface RequestsTable {
  workspace_id: string;
  id: string;
  client_id: string | null;
  engagement_id: string | null;
  channel: string;
  received_at: Instant;
  subject: string;
  body: string;
  kind: string | null;
  input: Json;
  outcome: string;
  due_at: Instant;
  decision: Json;
  charter_version: number | null;
  status: string;
  reply_locale: string;
  reply_subject: string;
  reply_body: string;
  answered_at: NullableInstant;
  closed_at: NullableInstant;
  source: string;
  idempotency_key: string | null;
  created_at: Instant;
  chosen_option: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ViolationsTable {
  workspace_id: string;
  id: string;
  client_id: string;
  request_id: string | null;
  rule_id: string;
  category: string;
  params: Json;
  charter_version: number | null;
  occurred_at: Instant;
}

export interface ExceptionsTable {
  workspace_id: string;
  id: string;
  client_id: string;
  request_id: string | null;
  rule_id: string;
  reason: string;
  granted_by: string | null;
  created_at: Instant;
}

export interface AuditLogTable {
  workspace_id: string;
  id: string;
  actor: string;
  action: string;
  target: string | null;
  data: Json;
  at: Instant;
}

export interface OutboxTable {
  workspace_id: string;
  id: string;
  idempotency_key: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  headers: Json;
  related_request_id: string | null;
  state: string;
  attempts: Defaulted<number>;
  next_attempt_at: Instant;
  last_error: string | null;
  created_at: Instant;
  sent_at: NullableInstant;
  message_id: ColumnType<string | null, string | null | undefined, string | null>;
  locked_until: NullableInstant;
  kind: Defaulted<string>;
}

export interface MessagesTable {
  workspace_id: string;
  id: string;
  request_id: string | null;
  message_id: string;
  in_reply_to: string | null;
  reference_ids: Json;
  from_address: string;
  from_name: string | null;
  reply_to: string | null;
  to_addresses: Json;
  subject: string;
  text_body: string;
  html_body: string | null;
  written_at: Instant;
  received_at: Instant;
  transport: string;
  automatic: string | null;
  unknown_sender: Defaulted<number>;
  state: string;
  attempts: Defaulted<number>;
  last_error: string | null;
  size: number;
  truncated: Defaulted<number>;
  created_at: Instant;
}

export interface AttachmentsTable {
  workspace_id: string;
  id: string;
  message_id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Uint8Array | null;
  position: number;
  created_at: Instant;
}

export interface MailThreadsTable {
  workspace_id: string;
  request_id: string;
  from_address: string;
  unknown_sender: Defaulted<number>;
  message_count: Defaulted<number>;
  last_message_at: Instant;
  last_auto_reply_at: NullableInstant;
  created_at: Instant;
}

export interface MailCursorsTable {
  id: string;
  uid_validity: string;
  last_uid: number;
  updated_at: Instant;
}

export interface JobsTable {
  id: string;
  workspace_id: string | null;
  kind: string;
  payload: Json;
  idempotency_key: string | null;
  state: string;
  run_at: Instant;
  locked_until: NullableInstant;
  attempts: Defaulted<number>;
  last_error: string | null;
  created_at: Instant;
}

export interface BookingsTable {
  workspace_id: string;
  id: string;
  meeting_type_id: string;
  client_id: string;
  member_user_id: string;
  engagement_id: string | null;
  start_at: Instant;
  end_at: Instant;
  buffer_minutes: Defaulted<number>;
  status: string;
  cancelled_at: NullableInstant;
  cancelled_by: ColumnType<string | null, string | null | undefined, string | null>;
  cancel_reason: ColumnType<string | null, string | null | undefined, string | null>;
  counts_as_used: Defaulted<number>;
  fee: ColumnType<number | null, number | null | undefined, number | null>;
  extra_price: ColumnType<number | null, number | null | undefined, number | null>;
  extra_add_on_id: ColumnType<string | null, string | null | undefined, string | null>;
  change_order_id: ColumnType<string | null, string | null | undefined, string | null>;
  currency: ColumnType<string | null, string | null | undefined, string | null>;
  waived_rules: Json;
  charter_version: number | null;
  rescheduled_from: string | null;
  created_by: string;
  created_at: Instant;
}

export interface CalendarSourcesTable {
  workspace_id: string;
  id: string;
  member_user_id: string;
  url: string;
  label: string;
  created_at: Instant;
  last_fetched_at: NullableInstant;
  last_success_at: NullableInstant;
  last_error: string | null;
  event_count: Defaulted<number>;
}

export interface BusyEventsTable {
  workspace_id: string;
  source_id: string;
  member_user_id: string;
  start_at: Instant;
  end_at: Instant;
}

export interface CalendarFeedsTable {
  workspace_id: string;
  id: string;
  member_user_id: string;
  token_hash: string;
  created_at: Instant;
  revoked_at: NullableInstant;
}

/** bigint money column: a number on SQLite, text from PostgreSQL (read it with Number()). */
type Money = ColumnType<number | string | bigint, number, number>;

export interface ChangeOrdersTable {
  workspace_id: string;
  id: string;
  engagement_id: string;
  client_id: string;
  request_id: string | null;
  title: string;
  items: Json;
  grants: Json;
  price: Money;
  currency: string;
  delivery_shift_business_days: number;
  state: string;
  created_at: Instant;
  created_by: string | null;
  decided_at: NullableInstant;
  decided_by: string | null;
  invoice_id: string | null;
}

export interface InvoicesTable {
  workspace_id: string;
  id: string;
  number: string | null;
  client_id: string;
  engagement_id: string | null;
  state: string;
  currency: string;
  timezone: string;
  terms: Json;
  taxes: Json;
  subtotal: Money;
  tax_total: Money;
  total: Money;
  paid_amount: ColumnType<number | string | bigint, number | undefined, number>;
  issued_at: NullableInstant;
  issued_on: string | null;
  due_on: string | null;
  paid_at: NullableInstant;
  overdue_at: NullableInstant;
  note: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface InvoiceLinesTable {
  workspace_id: string;
  id: string;
  invoice_id: string;
  position: number;
  kind: string;
  description: string;
  quantity: number;
  unit_price: Money;
  amount: Money;
  change_order_id: string | null;
}

export interface PaymentsTable {
  workspace_id: string;
  id: string;
  invoice_id: string;
  amount: Money;
  method: string;
  paid_at: Instant;
  paid_on: string;
  recorded_by: string | null;
  created_at: Instant;
}

export interface WorkspaceTaxesTable {
  workspace_id: string;
  document: Json;
  updated_at: Instant;
}

export interface Database {
  workspaces: WorkspacesTable;
  users: UsersTable;
  members: MembersTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  magic_links: MagicLinksTable;
  password_resets: PasswordResetsTable;
  charter_drafts: CharterDraftsTable;
  charter_versions: CharterVersionsTable;
  offers: OffersTable;
  clients: ClientsTable;
  client_emails: ClientEmailsTable;
  engagements: EngagementsTable;
  deliverables: DeliverablesTable;
  obligations: ObligationsTable;
  requests: RequestsTable;
  violations: ViolationsTable;
  exceptions: ExceptionsTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  jobs: JobsTable;
  messages: MessagesTable;
  attachments: AttachmentsTable;
  mail_threads: MailThreadsTable;
  mail_cursors: MailCursorsTable;
  bookings: BookingsTable;
  calendar_sources: CalendarSourcesTable;
  busy_events: BusyEventsTable;
  calendar_feeds: CalendarFeedsTable;
  change_orders: ChangeOrdersTable;
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  payments: PaymentsTable;
  workspace_taxes: WorkspaceTaxesTable;
}
