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

export interface Database {
  workspaces: WorkspacesTable;
  users: UsersTable;
  members: MembersTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  magic_links: MagicLinksTable;
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
}
