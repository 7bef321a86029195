// The built-in inbound SMTP listener (smtp-server). It accepts mail for known recipients only,
// caps the message size, limits connections and messages per client IP, and answers 250 only
// once the message is stored: a failure to store is a 4xx, so the sending server tries again.
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

export interface InboundEnvelope {
  /** The envelope sender; "" for the null sender (bounces, RFC 3834 auto-replies). */
  mailFrom: string;
  rcptTo: string[];
  remoteAddress: string;
  arrivedAt: number;
}

export interface SmtpListenerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  maxBytes: number;
  /** Messages per minute per client IP; 0 = no limit. */
  ratePerMinute: number;
  maxConnectionsPerIp: number;
  maxRecipients?: number;
  tls?: { keyFile: string; certFile: string } | undefined;
  /** Whether mail for this address is taken (a known workspace address). */
  acceptRecipient(address: string): Promise<boolean>;
  /** Stores the message; resolves once it is durable. */
  onMessage(raw: Buffer, envelope: InboundEnvelope): Promise<void>;
  onError?(error: unknown): void;
  now?: () => number;
}

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/** Fixed one-minute windows per IP; old windows are dropped as they are passed. */
class RateLimiter {
  readonly #limit: number;
  readonly #windows = new Map<string, { start: number; count: number }>();
  constructor(limit: number) {
    this.#limit = limit;
  }
  take(ip: string, now: number): boolean {
    if (this.#limit <= 0) return true;
    const start = now - (now % 60_000);
    const w = this.#windows.get(ip);
    if (!w || w.start !== start) {
      if (this.#windows.size > 10_000) this.#windows.clear();
      this.#windows.set(ip, { start, count: 1 });
      return true;
    }
    w.count++;
    return w.count <= this.#limit;
  }
}

export async function startSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const now = options.now ?? Date.now;
  const rate = new RateLimiter(options.ratePerMinute);
  const connections = new Map<string, number>();
  const tls = options.tls
    ? { key: readFileSync(options.tls.keyFile), cert: readFileSync(options.tls.certFile) }
    : null;

  const server = new SMTPServer({
    name: "cadre",
    banner: "Cadre inbound mail",
    logger: false,
    size: options.maxBytes,
    authOptional: true,
    disabledCommands: tls ? ["AUTH"] : ["AUTH", "STARTTLS"],
    ...(tls ?? {}),
    disableReverseLookup: true,
    maxRecipients: options.maxRecipients ?? 20,
    socketTimeout: 60_000,
    closeTimeout: 5_000,
    onConnect(session, callback) {
      const ip = session.remoteAddress;
      const open = connections.get(ip) ?? 0;
      if (options.maxConnectionsPerIp > 0 && open >= options.maxConnectionsPerIp) {
        return callback(smtpError(421, "4.7.0 Too many connections from your address"));
      }
      connections.set(ip, open + 1);
      (session as SMTPServerSession & { counted?: boolean }).counted = true;
      callback();
    },
    onClose(session) {
      if (!(session as SMTPServerSession & { counted?: boolean }).counted) return;
      const ip = session.remoteAddress;
      const open = (connections.get(ip) ?? 1) - 1;
      if (open <= 0) connections.delete(ip);
      else connections.set(ip, open);
    },
    onMailFrom(_address, session, callback) {
      if (!rate.take(session.remoteAddress, now())) {
        return callback(smtpError(451, "4.7.1 Too many messages from your address, try later"));
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      options.acceptRecipient(address.address).then(
        (ok) => callback(ok ? null : smtpError(550, "5.1.1 No such mailbox here")),
        (error) => {
          options.onError?.(error);
          callback(smtpError(451, "4.3.0 Temporary failure, try again later"));
        },
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let length = 0;
      stream.on("data", (chunk: Buffer) => {
        length += chunk.length;
        if (length <= options.maxBytes) chunks.push(chunk);
      });
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        if (stream.sizeExceeded || length > options.maxBytes) {
          return callback(
            smtpError(552, `5.3.4 Message too big (at most ${options.maxBytes} bytes)`),
          );
        }
        const from = session.envelope.mailFrom;
        const envelope: InboundEnvelope = {
          mailFrom: from ? from.address : "",
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          remoteAddress: session.remoteAddress,
          arrivedAt: now(),
        };
        options.onMessage(Buffer.concat(chunks, Math.min(length, options.maxBytes)), envelope).then(
          () => callback(null, "2.0.0 Message stored"),
          (error) => {
            options.onError?.(error);
            callback(smtpError(451, "4.3.0 Temporary failure, try again later"));
          },
        );
      });
    },
  });
  server.on("error", (error) => options.onError?.(error));

  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.server.once("error", failed);
    server.listen(options.port, options.host, () => {
      server.server.off("error", failed);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
