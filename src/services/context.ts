// What every use case receives: the database, the configuration and the clock.
import type { Kysely } from "kysely";
import type { Store } from "../store/db.ts";
import type { Database } from "../store/schema.ts";
import { type MailConfig, mailConfigFromEnv } from "./mail/config.ts";

export interface AppConfig {
  /** The address people reach the app at, for links in e-mails (magic links, invitations). */
  publicUrl: string;
  /** Set the Secure flag on cookies: "auto" = when the request is HTTPS or to localhost. */
  cookieSecure: "auto" | boolean;
  /** Session lifetime in days. */
  sessionDays: number;
  /** Attempts per minute per IP on each sign-up, sign-in and link route (CADRE_AUTH_RATE_LIMIT). */
  authRateLimit: number;
  /** The e-mail channel: outgoing SMTP, the inbound SMTP listener and IMAP poller (docs/mail.md). */
  mail: MailConfig;
}

export function defaultConfig(): AppConfig {
  const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return {
    publicUrl,
    cookieSecure:
      process.env.CADRE_COOKIE_SECURE === "0"
        ? false
        : process.env.CADRE_COOKIE_SECURE === "1"
          ? true
          : "auto",
    sessionDays: 30,
    authRateLimit: Number(process.env.CADRE_AUTH_RATE_LIMIT) || 10,
    mail: mailConfigFromEnv(process.env, publicUrl),
  };
}

export interface AppContext {
  store: Store;
  db: Kysely<Database>;
  config: AppConfig;
  now: () => number;
}
