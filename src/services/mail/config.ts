// The e-mail channel's settings, read from the environment (see docs/mail.md for each variable).

export interface MailConfig {
  /** SMTP_URL (smtp:// or smtps://, credentials in the URL): where outgoing mail goes; null
   *  keeps every mail in the outbox, held ("not sent: no SMTP configured"). */
  smtpUrl: string | null;
  /** MAIL_FROM: the sender address of outgoing mail; the workspace's name is the display name. */
  from: string;
  /** INBOUND_DOMAIN: the domain of the workspaces' inbound addresses (`<slug>@domain`,
   *  `requests+<slug>@domain`); null accepts those local parts at any domain. */
  inboundDomain: string | null;
  /** The right-hand side of the Message-IDs Cadre generates. */
  messageIdDomain: string;
  /** INBOUND_SMTP_PORT: the built-in SMTP listener is on when set. */
  inboundSmtpPort: number | null;
  /** INBOUND_SMTP_HOST (default 127.0.0.1). */
  inboundSmtpHost: string;
  /** INBOUND_MAX_BYTES: the largest message taken (default 10 MB). */
  maxMessageBytes: number;
  /** INBOUND_ATTACHMENT_MAX_BYTES: larger attachments are listed but not kept (default 5 MB). */
  maxAttachmentBytes: number;
  /** INBOUND_SMTP_RATE_LIMIT: messages per minute per client IP (default 120; 0 = no limit). */
  smtpRatePerMinute: number;
  /** INBOUND_SMTP_MAX_CONNECTIONS_PER_IP (default 20). */
  smtpMaxConnectionsPerIp: number;
  /** INBOUND_SMTP_TLS_KEY / INBOUND_SMTP_TLS_CERT: PEM files; STARTTLS is offered when both are set. */
  smtpTlsKeyFile: string | null;
  smtpTlsCertFile: string | null;
  /** IMAP_URL (imap:// or imaps://user:password@host:port/Mailbox): the poller is on when set. */
  imapUrl: string | null;
  /** IMAP_WORKSPACE: the slug of the workspace the mailbox belongs to. */
  imapWorkspace: string | null;
  /** IMAP_POLL_SECONDS (default 60). */
  imapPollSeconds: number;
  /** OUTBOX_MAX_ATTEMPTS: attempts before a mail is marked failed (default 10). */
  outboxMaxAttempts: number;
  /** OUTBOX_RETRY_BASE_SECONDS: first retry delay, doubled each time, capped at an hour (default 30). */
  outboxRetryBaseMs: number;
  /** OUTBOX_POLL_SECONDS: how often `cadre serve` looks for due mail (default 5). */
  outboxPollMs: number;
}

function num(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

function text(value: string | undefined): string | null {
  return value && value.trim() !== "" ? value.trim() : null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || "localhost";
  } catch {
    return "localhost";
  }
}

export function mailConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  publicUrl = "http://localhost",
): MailConfig {
  const inboundDomain = text(env.INBOUND_DOMAIN)?.toLowerCase() ?? null;
  const domain = inboundDomain ?? hostOf(publicUrl);
  const port = text(env.INBOUND_SMTP_PORT);
  return {
    smtpUrl: text(env.SMTP_URL),
    from: text(env.MAIL_FROM) ?? `cadre@${domain}`,
    inboundDomain,
    messageIdDomain: domain,
    inboundSmtpPort: port === null ? null : num(port, 2525),
    inboundSmtpHost: text(env.INBOUND_SMTP_HOST) ?? "127.0.0.1",
    maxMessageBytes: num(env.INBOUND_MAX_BYTES, 10 * 1024 * 1024),
    maxAttachmentBytes: num(env.INBOUND_ATTACHMENT_MAX_BYTES, 5 * 1024 * 1024),
    smtpRatePerMinute: num(env.INBOUND_SMTP_RATE_LIMIT, 120),
    smtpMaxConnectionsPerIp: num(env.INBOUND_SMTP_MAX_CONNECTIONS_PER_IP, 20),
    smtpTlsKeyFile: text(env.INBOUND_SMTP_TLS_KEY),
    smtpTlsCertFile: text(env.INBOUND_SMTP_TLS_CERT),
    imapUrl: text(env.IMAP_URL),
    imapWorkspace: text(env.IMAP_WORKSPACE),
    imapPollSeconds: Math.max(1, num(env.IMAP_POLL_SECONDS, 60)),
    outboxMaxAttempts: Math.max(1, Math.floor(num(env.OUTBOX_MAX_ATTEMPTS, 10))),
    outboxRetryBaseMs: num(env.OUTBOX_RETRY_BASE_SECONDS, 30) * 1000,
    outboxPollMs: Math.max(0.2, num(env.OUTBOX_POLL_SECONDS, 5)) * 1000,
  };
}
