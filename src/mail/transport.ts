// Outgoing mail over SMTP with nodemailer. Each send says whether a failure is permanent (a 5xx
// answer: retrying cannot help) or temporary (4xx, refused or dropped connection, timeout).
import nodemailer from "nodemailer";

export interface OutgoingMessage {
  from: { name: string; address: string };
  to: string;
  replyTo?: string | undefined;
  subject: string;
  text: string;
  html: string;
  /** Without angle brackets; kept across retries so a duplicate is recognisable. */
  messageId: string;
  inReplyTo?: string | undefined;
  references?: string[] | undefined;
  headers: Record<string, string>;
  /** The null envelope sender (MAIL FROM:<>), as RFC 3834 asks of auto-replies. */
  nullSender?: boolean;
  /** A calendar invitation sent as the text/calendar alternative (a booking's .ics). */
  calendar?: { method: string; content: string } | undefined;
}

export interface MailTransport {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

export class SendError extends Error {
  readonly permanent: boolean;
  constructor(message: string, permanent: boolean) {
    super(message);
    this.name = "SendError";
    this.permanent = permanent;
  }
}

/** Connection and answer timeouts, short enough for a worker to move on from a dead server. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
/** A few reused connections: opening one costs a greeting round trip (and servers delay it). */
const POOL = { pool: true, maxConnections: 3, maxMessages: 100 };

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({ url, ...TIMEOUTS, ...POOL });
  return {
    async send(m) {
      try {
        await transporter.sendMail({
          from: m.from,
          to: m.to,
          ...(m.replyTo ? { replyTo: m.replyTo } : {}),
          subject: m.subject,
          text: m.text,
          html: m.html,
          messageId: `<${m.messageId}>`,
          ...(m.inReplyTo ? { inReplyTo: `<${m.inReplyTo}>` } : {}),
          ...(m.references?.length ? { references: m.references.map((r) => `<${r}>`) } : {}),
          headers: m.headers,
          ...(m.nullSender ? { envelope: { from: "", to: [m.to] } } : {}),
          ...(m.calendar
            ? { icalEvent: { method: m.calendar.method, content: m.calendar.content } }
            : {}),
        });
      } catch (error) {
        throw classify(error);
      }
    },
    close: () => transporter.close(),
  };
}

function classify(error: unknown): SendError {
  const e = error as {
    responseCode?: unknown;
    response?: unknown;
    code?: unknown;
    message?: unknown;
  };
  const status = typeof e.responseCode === "number" ? e.responseCode : null;
  const detail =
    typeof e.response === "string" && e.response
      ? e.response
      : typeof e.message === "string"
        ? e.message
        : String(error);
  const code = typeof e.code === "string" ? `${e.code}: ` : "";
  return new SendError(`${code}${detail}`.slice(0, 1000), status !== null && status >= 500);
}
