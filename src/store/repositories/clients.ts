// Clients and their e-mail addresses (unique per workspace, stored lower-case, so inbound mail
// finds its sender). Referenced clients are archived rather than deleted.
import { type Kysely, sql, type Transaction } from "kysely";
import { toIso as iso } from "../../domain/business-time/iso.ts";
import type { Database } from "../schema.ts";
import { count, instant, instantOrNull } from "../values.ts";

type Db = Kysely<Database> | Transaction<Database>;

export interface Client {
  id: string;
  name: string;
  company: string | null;
  emails: string[];
  locale: string;
  timezone: string | null;
  notes: string | null;
  /** The charter version the client acknowledged, when and from where. */
  acknowledged: { version: number; at: string; from: string | null } | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ClientFields {
  name: string;
  company: string | null;
  emails: string[];
  locale: string;
  timezone: string | null;
  notes: string | null;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

type Row = Database["clients"] extends infer T ? { [K in keyof T]: unknown } : never;

function toClient(row: Row, emails: string[]): Client {
  const version = row.acknowledged_version;
  return {
    id: row.id as string,
    name: row.name as string,
    company: row.company as string | null,
    emails,
    locale: row.locale as string,
    timezone: row.timezone as string | null,
    notes: row.notes as string | null,
    acknowledged:
      version === null || version === undefined
        ? null
        : {
            version: Number(version),
            at: instantOrNull(row.acknowledged_at) ?? "",
            from: row.acknowledged_from as string | null,
          },
    archived: Number(row.archived) === 1,
    createdAt: instant(row.created_at),
    updatedAt: instant(row.updated_at),
  };
}

async function emailsOf(db: Db, workspaceId: string, ids: string[]) {
  const byClient = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byClient;
  const rows = await db
    .selectFrom("client_emails")
    .select(["client_id", "email"])
    .where("workspace_id", "=", workspaceId)
    .where("client_id", "in", ids)
    .orderBy("position")
    .execute();
  for (const r of rows) byClient.get(r.client_id)?.push(r.email);
  return byClient;
}

async function writeEmails(db: Db, workspaceId: string, clientId: string, emails: string[]) {
  await db
    .deleteFrom("client_emails")
    .where("workspace_id", "=", workspaceId)
    .where("client_id", "=", clientId)
    .execute();
  if (emails.length === 0) return;
  await db
    .insertInto("client_emails")
    .values(
      emails.map((email, position) => ({
        workspace_id: workspaceId,
        email: normalizeEmail(email),
        client_id: clientId,
        position,
      })),
    )
    .execute();
}

/** The addresses among `emails` that another client of the workspace already uses. */
export async function emailsTaken(
  db: Db,
  workspaceId: string,
  emails: string[],
  exceptClientId?: string,
): Promise<string[]> {
  if (emails.length === 0) return [];
  let q = db
    .selectFrom("client_emails")
    .select("email")
    .where("workspace_id", "=", workspaceId)
    .where("email", "in", emails.map(normalizeEmail));
  if (exceptClientId) q = q.where("client_id", "!=", exceptClientId);
  return (await q.execute()).map((r) => r.email);
}

export async function insert(
  db: Db,
  workspaceId: string,
  id: string,
  fields: ClientFields,
  at: number,
): Promise<void> {
  await db
    .insertInto("clients")
    .values({
      workspace_id: workspaceId,
      id,
      name: fields.name,
      company: fields.company,
      locale: fields.locale,
      timezone: fields.timezone,
      notes: fields.notes,
      archived: 0,
      created_at: iso(at),
      updated_at: iso(at),
    })
    .execute();
  await writeEmails(db, workspaceId, id, fields.emails);
}

/** Changes the given fields (emails replace the list); false when there is no such client. */
export async function update(
  db: Db,
  workspaceId: string,
  id: string,
  patch: Partial<ClientFields>,
  at: number,
): Promise<boolean> {
  const { emails, ...columns } = patch;
  const result = await db
    .updateTable("clients")
    .set({ ...columns, updated_at: iso(at) })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  if (emails) await writeEmails(db, workspaceId, id, emails);
  return true;
}

export async function get(db: Db, workspaceId: string, id: string): Promise<Client | null> {
  const row = await db
    .selectFrom("clients")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const emails = await emailsOf(db, workspaceId, [id]);
  return toClient(row, emails.get(id) ?? []);
}

/** The client who owns this address (any case), for inbound mail. */
export async function findByEmail(
  db: Db,
  workspaceId: string,
  email: string,
): Promise<Client | null> {
  const row = await db
    .selectFrom("client_emails")
    .select("client_id")
    .where("workspace_id", "=", workspaceId)
    .where("email", "=", normalizeEmail(email))
    .executeTakeFirst();
  return row ? get(db, workspaceId, row.client_id) : null;
}

export interface ClientQuery {
  /** Matches name, company or an e-mail address, case-insensitively. */
  q?: string | undefined;
  includeArchived?: boolean | undefined;
  limit: number;
  offset: number;
}

/** A page of clients by name, and how many match in all. */
export async function list(
  db: Db,
  workspaceId: string,
  query: ClientQuery,
): Promise<{ items: Client[]; total: number }> {
  let q = db.selectFrom("clients").where("workspace_id", "=", workspaceId);
  if (!query.includeArchived) q = q.where("archived", "=", 0);
  if (query.q?.trim()) {
    const pattern = `%${query.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`lower(name) like ${pattern} escape '\\'`,
        sql<boolean>`lower(coalesce(company, '')) like ${pattern} escape '\\'`,
        eb.exists(
          eb
            .selectFrom("client_emails as e")
            .select("e.email")
            .whereRef("e.workspace_id", "=", "clients.workspace_id")
            .whereRef("e.client_id", "=", "clients.id")
            .where(sql<boolean>`e.email like ${pattern} escape '\\'`),
        ),
      ]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll().as("n")).executeTakeFirst();
  const rows = await q
    .selectAll()
    .orderBy("name")
    .orderBy("id")
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const emails = await emailsOf(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toClient(r, emails.get(r.id) ?? [])),
    total: count(total?.n),
  };
}

export async function setArchived(
  db: Db,
  workspaceId: string,
  id: string,
  archived: boolean,
  at: number,
) {
  await db
    .updateTable("clients")
    .set({ archived: archived ? 1 : 0, updated_at: iso(at) })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .execute();
}

export async function remove(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom("clients")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .execute();
}

/** Whether engagements, requests, the ledger, invoices or bookings point to this client. */
export async function isReferenced(db: Db, workspaceId: string, id: string): Promise<boolean> {
  for (const table of [
    "engagements",
    "requests",
    "violations",
    "exceptions",
    "invoices",
    "bookings",
  ] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as("n"))
      .where("workspace_id", "=", workspaceId)
      .where("client_id", "=", id)
      .executeTakeFirst();
    if (count(row?.n) > 0) return true;
  }
  return false;
}

/** Records that the client read and accepted a charter version. */
export async function acknowledge(
  db: Db,
  workspaceId: string,
  id: string,
  ack: { version: number; at: number; from: string | null },
): Promise<void> {
  await db
    .updateTable("clients")
    .set({
      acknowledged_version: ack.version,
      acknowledged_at: iso(ack.at),
      acknowledged_from: ack.from,
      updated_at: iso(ack.at),
    })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .execute();
}
