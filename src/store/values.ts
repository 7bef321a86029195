// Values as the two engines return them, made the same: instants as ISO text, JSON as values.

/** An instant column (ISO text on SQLite, Date on PostgreSQL) as ISO 8601 UTC text. */
export function instant(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return value.includes("T") ? value : new Date(value).toISOString();
  throw new TypeError(`Not an instant: ${String(value)}`);
}

export function instantOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : instant(value);
}

/** A JSON column (text on SQLite, jsonb on PostgreSQL) as its value. */
export function fromJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

/** Counts come back as bigint text from PostgreSQL. */
export function count(value: unknown): number {
  return Number(value ?? 0);
}

export function newId(): string {
  return crypto.randomUUID();
}
