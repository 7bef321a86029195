// The IMAP poller against a real Dovecot started by the test (a throwaway instance on loopback):
// a message APPENDed to the mailbox becomes a request; a second poll takes nothing twice; the same
// Message-ID appended again is recognised; a reply threads; the cursor survives a new UIDVALIDITY.
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type MailWorkers, startMailWorkers } from "../../src/services/mail/workers.ts";
import {
  type Dovecot,
  dovecotAvailable,
  type MailFixture,
  mailFixture,
  startDovecot,
} from "../helpers/mail.ts";
import { describeEngines } from "../helpers/store.ts";

const silent = { info: () => {}, error: () => {} };
const available = dovecotAvailable();
if (!available) {
  if (process.env.CI === "true")
    throw new Error("dovecot is not installed: the IMAP tier cannot run");
  console.warn("Dovecot not installed (apt-get install dovecot-imapd): IMAP poller tests skipped");
}

function message(id: string, subject: string, extra?: string): string {
  const headers = [
    "From: Dominique Roy <dominique@client.example>",
    "To: atelier@pro.example",
    `Subject: ${subject}`,
    `Message-ID: <${id}>`,
    "Date: Fri, 19 Jun 2026 21:30:00 -0400",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    ...(extra ? [extra] : []),
  ];
  return `${headers.join("\r\n")}\r\n\r\nBonjour, voici ma demande transférée à la boîte de Cadre.\r\n`;
}

(available ? describeEngines : () => {})("mail: the IMAP poller against Dovecot", (engine) => {
  let dovecot: Dovecot;
  let f: MailFixture;
  let workers: MailWorkers;
  let imap: ImapFlow;

  const append = async (raw: string) => {
    await imap.append("INBOX", raw, [], new Date("2026-06-20T01:30:30Z"));
  };
  const stored = () =>
    f.app.ctx.db
      .selectFrom("messages")
      .select(["message_id", "request_id", "transport", "received_at"])
      .where("workspace_id", "=", f.pro.workspace.id)
      .orderBy("received_at")
      .execute();

  beforeAll(async () => {
    dovecot = await startDovecot();
    f = await mailFixture(engine);
    f.setNow("2026-06-20T01:31:00Z");
    f.app.ctx.config.mail = {
      ...f.app.ctx.config.mail,
      inboundSmtpPort: null,
      imapUrl: dovecot.url,
      imapWorkspace: f.pro.workspace.slug,
      imapPollSeconds: 3600,
    };
    imap = new ImapFlow({
      host: "127.0.0.1",
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, pass: dovecot.pass },
      logger: false,
    });
    await imap.connect();
    workers = await startMailWorkers(f.app.ctx, { outbox: false, log: silent });
    await workers.pollNow(); // the first poll, on an empty mailbox
  });
  afterAll(async () => {
    await imap?.logout().catch(() => {});
    await workers?.stop();
    await f?.t.close();
    await dovecot?.stop();
  });

  it("takes in a message appended to the mailbox, once", async () => {
    await append(message(`imap-1-${engine}@client.example`, "Demande par IMAP"));
    await workers.pollNow();
    const rows = await stored();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ transport: "imap" });
    const request = (await f.call("GET", `/api/v1/requests/${rows[0]!.request_id}`)).json();
    expect(request).toMatchObject({
      clientId: f.clients.fr.id,
      channel: "email",
      source: "email",
      subject: "Demande par IMAP",
      outcome: "defer",
      receivedAt: "2026-06-20T01:30:00.000Z",
    });
    // The poller flags what it stored.
    const lock = await imap.getMailboxLock("INBOX");
    try {
      const flags = await imap.fetchOne("*", { flags: true });
      expect(flags && [...(flags.flags ?? [])]).toContain("\\Seen");
    } finally {
      lock.release();
    }

    await workers.pollNow();
    expect(await stored()).toHaveLength(1);
    expect((await f.call("GET", "/api/v1/requests")).json().total).toBe(1);
    const outbox = (await f.call("GET", "/api/v1/outbox")).json();
    expect(outbox.items.filter((m: { kind: string }) => m.kind === "auto-reply")).toHaveLength(1);
  });

  it("recognises the same Message-ID appended again, and threads a reply", async () => {
    await append(message(`imap-1-${engine}@client.example`, "Demande par IMAP"));
    await append(
      message(
        `imap-2-${engine}@client.example`,
        "Re: Demande par IMAP",
        `In-Reply-To: <imap-1-${engine}@client.example>`,
      ),
    );
    await workers.pollNow();
    const rows = await stored();
    expect(rows).toHaveLength(2);
    expect(rows[1]!.request_id).toBe(rows[0]!.request_id);
    expect((await f.call("GET", "/api/v1/requests")).json().total).toBe(1);
  });

  it("starts over when the mailbox's UIDVALIDITY changes, without taking anything twice", async () => {
    await f.app.ctx.db
      .updateTable("mail_cursors")
      .set({ uid_validity: "1", last_uid: 0 })
      .execute();
    await workers.pollNow();
    expect(await stored()).toHaveLength(2);
    const [cursor] = await f.app.ctx.db.selectFrom("mail_cursors").selectAll().execute();
    expect(Number(cursor?.last_uid)).toBe(3);
  });
});
