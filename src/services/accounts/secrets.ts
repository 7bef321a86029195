// Random secrets and their hashes: sessions, API tokens, invitations and magic links store only
// the SHA-256 of what the holder keeps.
import { hash, randomBytes, timingSafeEqual } from "node:crypto";

export const API_TOKEN_PREFIX = "cad_";

/** 32 random bytes, base64url (43 characters). */
export function randomSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomSecret()}`;
}

/** One-shot hash (no Hash object): it runs on every authenticated request. */
export function sha256(secret: string): string {
  return hash("sha256", secret, "base64url");
}

/** Constant-time equality of two strings (false at once when the lengths differ). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
