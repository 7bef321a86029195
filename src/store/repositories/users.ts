// User accounts (professionals). E-mails are stored normalised (trimmed, lower-case).
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { instant } from "../values.ts";

export interface User {
  id: string;
  email: string;
  name: string;
  locale: string | null;
  createdAt: string;
}

export interface UserWithPassword extends User {
  passwordHash: string;
}

function toUser(row: {
  id: string;
  email: string;
  name: string;
  locale: string | null;
  password_hash: string;
  created_at: unknown;
}): UserWithPassword {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    passwordHash: row.password_hash,
    createdAt: instant(row.created_at),
  };
}

export async function insertUser(db: Kysely<Database>, user: UserWithPassword): Promise<void> {
  await db
    .insertInto("users")
    .values({
      id: user.id,
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      locale: user.locale,
      created_at: user.createdAt,
    })
    .execute();
}

export async function userByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<UserWithPassword | null> {
  const row = await db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", email)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function userById(db: Kysely<Database>, id: string): Promise<User | null> {
  const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const { passwordHash: _, ...user } = toUser(row);
  return user;
}

export async function emailTaken(db: Kysely<Database>, email: string): Promise<boolean> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", email)
    .executeTakeFirst();
  return row !== undefined;
}

export async function setPasswordHash(
  db: Kysely<Database>,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_hash: passwordHash })
    .where("id", "=", userId)
    .execute();
}
