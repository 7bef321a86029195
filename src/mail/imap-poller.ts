// Polls one IMAP mailbox (imapflow): fetches the messages with a UID above the stored cursor,
// hands each raw message over, and moves the cursor past it only once it is stored. Messages stay
// in the mailbox (flagged \Seen); a changed UIDVALIDITY starts over, and the Message-ID
// deduplication keeps already-stored messages from being taken twice.
import { ImapFlow } from "imapflow";

export interface ImapMailbox {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  mailbox: string;
  /** Accept any TLS certificate (`?insecure=1`), for a self-signed test server. */
  insecure: boolean;
  /** The cursor key: imap:user@host:port/Mailbox (no password). */
  key: string;
}

/** imap://user:pass@host:port/Mailbox (imaps:// for TLS, default ports 143 and 993). */
export function parseImapUrl(url: string): ImapMailbox {
  const u = new URL(url);
  if (u.protocol !== "imap:" && u.protocol !== "imaps:") {
    throw new Error(`IMAP_URL must start with imap:// or imaps:// (got ${u.protocol})`);
  }
  const secure = u.protocol === "imaps:";
  const port = u.port ? Number(u.port) : secure ? 993 : 143;
  const user = decodeURIComponent(u.username);
  const mailbox = decodeURIComponent(u.pathname.replace(/^\//, "")) || "INBOX";
  return {
    host: u.hostname,
    port,
    secure,
    user,
    pass: decodeURIComponent(u.password),
    mailbox,
    insecure: u.searchParams.get("insecure") === "1",
    key: `imap:${user}@${u.hostname}:${port}/${mailbox}`,
  };
}

export interface ImapMessageMeta {
  uid: number;
  /** When the mailbox received it (INTERNALDATE), epoch ms. */
  internalDate: number | null;
  size: number;
  /** True when only the first maxBytes were fetched. */
  truncated: boolean;
}

export interface ImapCursorStore {
  get(key: string): Promise<{ uidValidity: string; lastUid: number } | null>;
  save(key: string, uidValidity: string, lastUid: number): Promise<void>;
}

export interface ImapPollOptions {
  mailbox: ImapMailbox;
  cursor: ImapCursorStore;
  maxBytes: number;
  /** At most this many messages per poll (the rest wait for the next one). */
  batch?: number;
  onMessage(raw: Buffer, meta: ImapMessageMeta): Promise<void>;
}

export async function pollImapOnce(options: ImapPollOptions): Promise<{ fetched: number }> {
  const m = options.mailbox;
  const client = new ImapFlow({
    host: m.host,
    port: m.port,
    secure: m.secure,
    auth: { user: m.user, pass: m.pass },
    logger: false,
    ...(m.insecure ? { tls: { rejectUnauthorized: false } } : {}),
  });
  // A dropped connection is reported through the awaited commands; the event must not crash.
  client.on("error", () => {});
  await client.connect();
  let fetched = 0;
  try {
    const opened = await client.mailboxOpen(m.mailbox);
    const validity = String(opened.uidValidity);
    const saved = await options.cursor.get(m.key);
    const lastUid = saved && saved.uidValidity === validity ? saved.lastUid : 0;
    const found = await client.search({ uid: `${lastUid + 1}:*` }, { uid: true });
    // "n:*" always matches the highest UID, even when it is below n.
    const uids = (found || []).filter((uid) => uid > lastUid).sort((a, b) => a - b);
    for (const uid of uids.slice(0, options.batch ?? 200)) {
      const head = await client.fetchOne(
        String(uid),
        { size: true, internalDate: true },
        { uid: true },
      );
      if (!head) continue;
      const size = head.size ?? 0;
      const truncated = size > options.maxBytes;
      const message = await client.fetchOne(
        String(uid),
        { source: truncated ? { maxLength: options.maxBytes } : true },
        { uid: true },
      );
      if (message === false || !message.source) continue;
      const date = head.internalDate ? new Date(head.internalDate).getTime() : null;
      await options.onMessage(message.source, {
        uid,
        internalDate: date !== null && Number.isFinite(date) ? date : null,
        size,
        truncated,
      });
      await options.cursor.save(m.key, validity, uid);
      await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true }).catch(() => false);
      fetched++;
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return { fetched };
}
