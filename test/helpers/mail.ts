// Real mail servers on loopback for the e-mail tests: an SMTP sink (smtp-server) whose answers the
// test scripts, a nodemailer client to send into Cadre's listener, and a throwaway Dovecot IMAP
// server (own config in a temp folder, a free port on 127.0.0.1, passwd-file auth, maildir),
// run as an unprivileged user.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import type { LightMyRequestResponse } from "fastify";
import { simpleParser } from "mailparser";
import nodemailer, { type Mail } from "nodemailer";
import { SMTPServer } from "smtp-server";
import type { App } from "../../src/http/app.ts";
import type { Engine } from "../../src/store/engine.ts";
import { startApp, type TestApp } from "./app.ts";
import { type Pro, signUpPro } from "./auth.ts";

export interface SinkMessage {
  mailFrom: string;
  rcptTo: string[];
  raw: Buffer;
}

export interface Sink {
  port: number;
  url: string;
  received: SinkMessage[];
  /** DATA commands seen, accepted or not. */
  attempts: number;
  /** The answer to the n-th DATA (1-based): null accepts, else an SMTP error. */
  answer: (n: number) => { code: number; message: string } | null;
  close(): Promise<void>;
}

export async function startSink(answer: Sink["answer"] = () => null): Promise<Sink> {
  const sink = { received: [] as SinkMessage[], attempts: 0, answer } as Sink;
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disableReverseLookup: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        sink.attempts++;
        const error = sink.answer(sink.attempts);
        if (error) {
          return callback(Object.assign(new Error(error.message), { responseCode: error.code }));
        }
        const from = session.envelope.mailFrom;
        sink.received.push({
          mailFrom: from ? from.address : "",
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback(null, "queued");
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  sink.port = (server.server.address() as { port: number }).port;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

export function parseRaw(raw: Buffer) {
  return simpleParser(raw);
}

/** Sends a message into Cadre's SMTP listener as a mail client would. */
export async function sendTo(port: number, message: Mail.Options): Promise<{ response: string }> {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 5000,
  });
  try {
    const info = await transport.sendMail(message);
    return { response: info.response };
  } finally {
    transport.close();
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export interface Dovecot {
  port: number;
  user: string;
  pass: string;
  url: string;
  stop(): Promise<void>;
}

const DOVECOT = "/usr/sbin/dovecot";

/** True when Debian's dovecot-imapd is installed. */
export function dovecotAvailable(): boolean {
  return existsSync(DOVECOT);
}

/**
 * Starts a throwaway Dovecot: config, runtime, state, log and maildir in a temp folder, IMAP on a
 * free port of 127.0.0.1, one passwd-file user. As root it runs as `nobody` (never as root);
 * otherwise as the current user.
 */
export async function startDovecot(): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), "cadre-dovecot-"));
  const asRoot = process.getuid?.() === 0;
  const account = asRoot
    ? { name: "nobody", uid: 65534, gid: 65534, group: "nogroup" }
    : (() => {
        const me = userInfo();
        const group = execFileSync("id", ["-gn"]).toString().trim();
        return { name: me.username, uid: me.uid, gid: me.gid, group };
      })();
  for (const sub of ["run", "state", "mail", "home"]) mkdirSync(join(dir, sub));
  const port = await freePort();
  const user = "inbox";
  const pass = `pw-${Math.random().toString(36).slice(2)}`;
  writeFileSync(
    join(dir, "dovecot.conf"),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = cadre-test-${port}
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = ${dir}/dovecot.log
default_login_user = ${account.name}
default_internal_user = ${account.name}
default_internal_group = ${account.group}
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/passwd
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
`,
  );
  writeFileSync(
    join(dir, "passwd"),
    `${user}:{PLAIN}${pass}:${account.uid}:${account.gid}::${dir}/home/${user}::\n`,
  );
  if (asRoot) {
    chmodSync(dir, 0o755);
    for (const path of ["", "run", "state", "mail", "home", "dovecot.conf", "passwd"]) {
      chownSync(join(dir, path), account.uid, account.gid);
    }
  }
  const child: ChildProcess = spawn(DOVECOT, ["-F", "-c", join(dir, "dovecot.conf")], {
    stdio: ["ignore", "ignore", "pipe"],
    ...(asRoot ? { uid: account.uid, gid: account.gid } : {}),
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin" },
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Never leave a Dovecot behind, even when the test process ends without stopping it.
  const orphanGuard = () => child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      const log = existsSync(join(dir, "dovecot.log"))
        ? readFileSync(join(dir, "dovecot.log"), "utf8")
        : "";
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`dovecot exited: ${stderr}${log}`);
    }
    if (await canConnect(port)) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`dovecot did not listen on ${port}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    user,
    pass,
    url: `imap://${user}:${encodeURIComponent(pass)}@127.0.0.1:${port}/INBOX`,
    async stop() {
      process.off("exit", orphanGuard);
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    import("node:net").then(({ connect }) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
  });
}

// --- a workspace that takes mail ------------------------------------------------------------

export interface MailFixture {
  t: TestApp;
  app: App;
  pro: Pro;
  /** The workspace's inbound address (`<slug>@in.cadre.test`). */
  address: string;
  clients: { fr: { id: string; email: string }; en: { id: string; email: string } };
  setNow(iso: string): void;
  call(
    method: "GET" | "POST" | "PUT" | "PATCH",
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
}

export const INBOUND_DOMAIN = "in.cadre.test";

/** A workspace with the starter charter published (Toronto, Mon–Fri 9–17, e-mail checked at
 *  10:00 and 15:00) and two clients, one French-speaking and one English-speaking. */
export async function mailFixture(
  engine: Engine,
  options: { publish?: boolean; slug?: string } = {},
): Promise<MailFixture> {
  let now = Date.parse("2026-06-19T12:00:00Z");
  const t = await startApp(engine, { now: () => now });
  const app = t.app;
  const slug = options.slug ?? `atelier-${Math.random().toString(36).slice(2, 10)}`;
  const pro = await signUpPro(app, { workspace: { slug, name: "Atelier Camille" } });
  app.ctx.config.mail = {
    ...app.ctx.config.mail,
    smtpUrl: null,
    inboundDomain: INBOUND_DOMAIN,
    messageIdDomain: INBOUND_DOMAIN,
    from: `cadre@${INBOUND_DOMAIN}`,
    inboundSmtpPort: 0,
    smtpRatePerMinute: 0,
  };
  const call: MailFixture["call"] = (method, url, payload) =>
    app.inject({
      method,
      url,
      headers: pro.asToken(),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  if (options.publish ?? true) {
    const res = await call("POST", "/api/v1/charter/publish");
    if (res.statusCode !== 201) throw new Error(`publish: ${res.body}`);
  }
  const fr = await call("POST", "/api/v1/clients", {
    name: "Dominique Roy",
    emails: ["dominique@client.example"],
    locale: "fr-CA",
  });
  const en = await call("POST", "/api/v1/clients", {
    name: "Sam Lee",
    emails: ["Sam.Lee@Client.example"],
    locale: "en-CA",
  });
  if (fr.statusCode !== 201 || en.statusCode !== 201)
    throw new Error(`clients: ${fr.body} ${en.body}`);
  return {
    t,
    app,
    pro,
    address: `${slug}@${INBOUND_DOMAIN}`,
    clients: {
      fr: { id: fr.json().id, email: "dominique@client.example" },
      en: { id: en.json().id, email: "sam.lee@client.example" },
    },
    setNow: (iso) => {
      now = Date.parse(iso);
    },
    call,
  };
}
