// Recognises a unique-constraint violation on either engine, so a race on a unique key becomes a 409.

/** PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE (2067) or SQLITE_CONSTRAINT_PRIMARYKEY (1555). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; errcode?: unknown };
  return e.code === "23505" || e.errcode === 2067 || e.errcode === 1555;
}
