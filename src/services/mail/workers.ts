// The e-mail channel's background work for `cadre serve`: the outbox sender (every few seconds,
// and at once when an inbound message queued an auto-reply), the retry of stored-but-not-taken
// messages, the inbound SMTP listener (INBOUND_SMTP_PORT) and the IMAP poller (IMAP_URL).
import { type ImapMessageMeta, parseImapUrl, pollImapOnce } from "../../mail/imap-poller.ts";
import {
  type InboundEnvelope,
  type SmtpListener,
  startSmtpListener,
} from "../../mail/smtp-listener.ts";
import { getCursor, saveCursor } from "../../store/repositories/mail.ts";
import type { AppContext } from "../context.ts";
import { workspaceIdOfAddress, workspaceIdOfSlug } from "./mailboxes.ts";
import { receiveMail } from "./receive-mail.ts";
import { retryPendingMail } from "./retry-pending.ts";
import { closeTransports, sendDueMail } from "./send-outbox.ts";

export interface MailLog {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

const consoleLog: MailLog = {
  info: (m) => console.log(m),
  error: (m, e) => console.error(m, e),
};

export interface MailWorkers {
  /** The inbound SMTP port, when the listener runs. */
  smtpPort: number | null;
  /** Runs the outbox sender now (no overlap with a run in progress). */
  sendNow(): Promise<void>;
  /** Polls the IMAP mailbox now, when one is configured. */
  pollNow(): Promise<void>;
  stop(): Promise<void>;
}

const inFlight = new Set<Promise<void>>();

/** Runs `task` at most once at a time; a call during a run waits for one more run after it. */
function serial(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await task();
      } while (again);
    })().finally(() => {
      if (running) inFlight.delete(running);
      running = null;
    });
    inFlight.add(running);
    return running;
  };
  return run;
}

export interface MailWorkerOptions {
  log?: MailLog;
  /** Run the outbox sender on a timer (default true; tests drive it themselves). */
  outbox?: boolean;
}

export async function startMailWorkers(
  ctx: AppContext,
  options: MailWorkerOptions = {},
): Promise<MailWorkers> {
  const log = options.log ?? consoleLog;
  const runOutbox = options.outbox ?? true;
  const config = ctx.config.mail;
  const timers: ReturnType<typeof setInterval>[] = [];
  let stopped = false;

  const sendNow = serial(async () => {
    if (stopped || !runOutbox) return;
    try {
      await sendDueMail(ctx, ctx.now());
    } catch (error) {
      log.error("mail: outbox run failed", error);
    }
  });
  const retryPending = serial(async () => {
    if (stopped) return;
    try {
      await retryPendingMail(ctx, ctx.now());
    } catch (error) {
      log.error("mail: retry of pending messages failed", error);
    }
  });
  if (runOutbox) timers.push(setInterval(() => void sendNow(), config.outboxPollMs));
  timers.push(setInterval(() => void retryPending(), 60_000));

  let listener: SmtpListener | null = null;
  if (config.inboundSmtpPort !== null) {
    listener = await startSmtpListener({
      host: config.inboundSmtpHost,
      port: config.inboundSmtpPort,
      maxBytes: config.maxMessageBytes,
      ratePerMinute: config.smtpRatePerMinute,
      maxConnectionsPerIp: config.smtpMaxConnectionsPerIp,
      tls:
        config.smtpTlsKeyFile && config.smtpTlsCertFile
          ? { keyFile: config.smtpTlsKeyFile, certFile: config.smtpTlsCertFile }
          : undefined,
      acceptRecipient: async (address) => (await workspaceIdOfAddress(ctx, address)) !== null,
      onMessage: async (raw: Buffer, envelope: InboundEnvelope) => {
        const ids = await Promise.all(envelope.rcptTo.map((a) => workspaceIdOfAddress(ctx, a)));
        const results = await receiveMail(ctx, raw, {
          transport: "smtp",
          workspaceIds: ids.filter((id): id is string => id !== null),
          mailFrom: envelope.mailFrom,
          arrivedAt: envelope.arrivedAt,
        });
        if (results.some((r) => r.outcome === "taken" || r.outcome === "threaded")) void sendNow();
      },
      onError: (error) => log.error("mail: inbound SMTP error", error),
      now: ctx.now,
    });
    log.info(`mail: inbound SMTP listening on ${config.inboundSmtpHost}:${listener.port}`);
  }

  let pollNow = async () => {};
  if (config.imapUrl) {
    const mailbox = parseImapUrl(config.imapUrl);
    pollNow = serial(async () => {
      if (stopped) return;
      try {
        const workspaceId = config.imapWorkspace
          ? await workspaceIdOfSlug(ctx, config.imapWorkspace)
          : null;
        if (!workspaceId) {
          log.error(`mail: IMAP_WORKSPACE "${config.imapWorkspace ?? ""}" names no workspace`);
          return;
        }
        const { fetched } = await pollImapOnce({
          mailbox,
          maxBytes: config.maxMessageBytes,
          cursor: {
            get: (key) => getCursor(ctx.db, key),
            save: (key, validity, uid) => saveCursor(ctx.db, key, validity, uid, ctx.now()),
          },
          onMessage: async (raw: Buffer, meta: ImapMessageMeta) => {
            await receiveMail(ctx, raw, {
              transport: "imap",
              workspaceIds: [workspaceId],
              arrivedAt: Math.min(meta.internalDate ?? ctx.now(), ctx.now()),
              truncated: meta.truncated,
            });
          },
        });
        if (fetched > 0) void sendNow();
      } catch (error) {
        log.error("mail: IMAP poll failed", error);
      }
    });
    timers.push(setInterval(() => void pollNow(), config.imapPollSeconds * 1000));
    void pollNow();
    log.info(`mail: polling ${mailbox.key} every ${config.imapPollSeconds} s`);
  }
  for (const t of timers) t.unref();
  if (runOutbox && !config.smtpUrl)
    log.info("mail: no SMTP_URL, outgoing mail is kept in the outbox (held)");

  return {
    smtpPort: listener?.port ?? null,
    sendNow,
    pollNow: () => pollNow(),
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await listener?.close();
      await Promise.allSettled([...inFlight]);
      closeTransports();
    },
  };
}
