// Inbound mail through the real SMTP listener on loopback: nodemailer → Cadre's smtp-server →
// stored request (same intake, decision and violations as the portal) → auto-reply in the outbox.
// Deduplication by Message-ID, threading by In-Reply-To/References, the unknown-sender queue,
// loop protection, attachments, size and rate limits, and intake retried once a charter exists.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retryPendingMail } from "../../src/services/mail/retry-pending.ts";
import { sendDueMail } from "../../src/services/mail/send-outbox.ts";
import { type MailWorkers, startMailWorkers } from "../../src/services/mail/workers.ts";
import { type MailFixture, mailFixture, sendTo } from "../helpers/mail.ts";
import { describeEngines } from "../helpers/store.ts";

const silent = { info: () => {}, error: () => {} };
const FRIDAY_NIGHT = "2026-06-20T01:30:00Z"; // Friday 19 June, 21:30 in Toronto (EDT)

describeEngines("mail: inbound SMTP", (engine) => {
  let f: MailFixture;
  let mail: MailWorkers;
  let port: number;
  let seq = 0;
  const nextId = (tag: string) => `<${tag}-${++seq}-${engine}@client.example>`;

  const requests = async (query = "") =>
    (await f.call("GET", `/api/v1/requests?limit=200${query}`)).json();
  const conversation = async (id: string) =>
    (await f.call("GET", `/api/v1/requests/${id}/messages`)).json();
  const outbox = async (query = "") =>
    (await f.call("GET", `/api/v1/outbox?limit=200${query}`)).json();
  const autoRepliesFor = async (requestId: string) =>
    (await outbox(`&requestId=${requestId}`)).items.filter(
      (m: { kind: string }) => m.kind === "auto-reply",
    );
  const requestOf = async (messageId: string) => {
    const row = await f.app.ctx.db
      .selectFrom("messages")
      .select(["request_id", "state"])
      .where("workspace_id", "=", f.pro.workspace.id)
      .where("message_id", "=", messageId.slice(1, -1))
      .executeTakeFirst();
    return row?.request_id ?? null;
  };

  beforeAll(async () => {
    f = await mailFixture(engine);
    mail = await startMailWorkers(f.app.ctx, { outbox: false, log: silent });
    port = mail.smtpPort!;
  });
  afterAll(async () => {
    await mail?.stop();
    await f?.t.close();
  });

  it("takes a Friday-night e-mail in, decides it, and queues an auto-reply in the client's language", async () => {
    f.setNow(FRIDAY_NIGHT);
    const messageId = nextId("friday");
    const sent = await sendTo(port, {
      from: "Dominique Roy <dominique@client.example>",
      to: f.address,
      subject: "Modifications du logo",
      text: "Bonjour, pourriez-vous changer la couleur du logo ?",
      messageId,
      date: new Date("2026-06-20T01:29:00Z"),
    });
    expect(sent.response).toMatch(/^250 /);

    const requestId = await requestOf(messageId);
    expect(requestId).toBeTruthy();
    const request = (await f.call("GET", `/api/v1/requests/${requestId}`)).json();
    expect(request).toMatchObject({
      clientId: f.clients.fr.id,
      channel: "email",
      source: "email",
      subject: "Modifications du logo",
      outcome: "defer",
      receivedAt: "2026-06-20T01:29:00.000Z",
      status: "open",
    });
    expect(request.body).toContain("couleur du logo");

    const [auto, ...more] = await autoRepliesFor(requestId!);
    expect(more).toHaveLength(0);
    expect(auto).toMatchObject({ to: "dominique@client.example", state: "queued" });
    const full = (await f.call("GET", `/api/v1/outbox/${auto.id}`)).json();
    expect(full.subject).toBe("Réponse automatique\u00a0: Modifications du logo");
    expect(full.text).toContain("Ceci est une réponse automatique");
    // Next check time and due time, in the client's language, zone named.
    expect(full.text).toMatch(/Je lirai votre message lundi 22 juin à 10 h 00 HAE/);
    expect(full.text).toMatch(/au plus tard (lundi|mardi|mercredi) \d+ juin à .*HAE/);
    expect(full.headers).toMatchObject({
      "Auto-Submitted": "auto-replied",
      "In-Reply-To": messageId,
      "Content-Language": "fr-CA",
    });
    expect(full.html).toContain('<html lang="fr-CA">');
  });

  it("answers an English-speaking client in English, matching the address in any case", async () => {
    f.setNow(FRIDAY_NIGHT);
    const messageId = nextId("en");
    await sendTo(port, {
      from: "SAM.LEE@client.EXAMPLE",
      to: `requests+${f.pro.workspace.slug}@in.cadre.test`,
      subject: "Invoice question",
      text: "Hi, a question about the last invoice.",
      messageId,
    });
    const requestId = await requestOf(messageId);
    const request = (await f.call("GET", `/api/v1/requests/${requestId}`)).json();
    expect(request.clientId).toBe(f.clients.en.id);
    const [auto] = await autoRepliesFor(requestId!);
    const full = (await f.call("GET", `/api/v1/outbox/${auto.id}`)).json();
    expect(full.subject).toBe("Automatic reply: Invoice question");
    expect(full.text).toMatch(/I will read your message on Monday, June 22 at 10:00\sa\.m\. EDT/);
    expect(full.text).toMatch(/you will have my answer by .* EDT at the latest/);
  });

  it("sends no auto-reply to a message read at once (accepted during open hours)", async () => {
    f.setNow("2026-06-22T14:05:00Z"); // Monday 10:05 in Toronto, just after the 10:00 check
    const messageId = nextId("monday");
    await sendTo(port, {
      from: "dominique@client.example",
      to: f.address,
      subject: "Question",
      text: "Une question rapide.",
      messageId,
    });
    const requestId = await requestOf(messageId);
    const request = (await f.call("GET", `/api/v1/requests/${requestId}`)).json();
    expect(request.outcome).toBe("accept");
    expect(await autoRepliesFor(requestId!)).toHaveLength(0);
  });

  it("keeps one request for a message delivered twice (same Message-ID)", async () => {
    f.setNow(FRIDAY_NIGHT);
    const messageId = nextId("twice");
    const message = {
      from: "dominique@client.example",
      to: f.address,
      subject: "En double",
      text: "Envoyé deux fois.",
      messageId,
    };
    await sendTo(port, message);
    await sendTo(port, message);
    const rows = await f.app.ctx.db
      .selectFrom("messages")
      .select("request_id")
      .where("workspace_id", "=", f.pro.workspace.id)
      .where("message_id", "=", messageId.slice(1, -1))
      .execute();
    expect(rows).toHaveLength(1);
    const all = await requests();
    expect(all.items.filter((r: { subject: string }) => r.subject === "En double")).toHaveLength(1);
    expect(await autoRepliesFor(rows[0]!.request_id!)).toHaveLength(1);
  });

  it("threads a reply to the request (In-Reply-To / References), one auto-reply per 24 h", async () => {
    f.setNow(FRIDAY_NIGHT);
    const first = nextId("thread");
    await sendTo(port, {
      from: "dominique@client.example",
      to: f.address,
      subject: "Maquette",
      text: "Voici ma demande.",
      messageId: first,
    });
    const requestId = (await requestOf(first))!;
    const before = (await requests()).total;

    f.setNow("2026-06-20T02:00:00Z");
    const second = nextId("thread-reply");
    await sendTo(port, {
      from: "dominique@client.example",
      to: f.address,
      subject: "Re: Maquette",
      text: "J’oubliais : la version carrée aussi.",
      messageId: second,
      inReplyTo: first,
      references: [first],
    });
    expect(await requestOf(second)).toBe(requestId);
    expect((await requests()).total).toBe(before);

    // Replying to our auto-reply (its Message-ID) joins the same request too.
    const [auto] = await autoRepliesFor(requestId);
    await sendDueMail(f.app.ctx, Date.parse("2026-06-20T02:00:00Z"), { transport: null });
    const held = (await f.call("GET", `/api/v1/outbox/${auto.id}`)).json();
    expect(held.messageId).toBeNull(); // held mail gets its Message-ID at its first attempt
    const autoMessageId = `${auto.id}@in.cadre.test`;
    await f.app.ctx.db
      .updateTable("outbox")
      .set({ message_id: autoMessageId })
      .where("id", "=", auto.id)
      .execute();
    f.setNow("2026-06-20T03:00:00Z");
    const third = nextId("reply-to-auto");
    await sendTo(port, {
      from: "dominique@client.example",
      to: f.address,
      subject: "Re: Réponse automatique : Maquette",
      text: "Merci !",
      messageId: third,
      inReplyTo: `<${autoMessageId}>`,
    });
    expect(await requestOf(third)).toBe(requestId);

    const talk = await conversation(requestId);
    const inbound = talk.items.filter((i: { direction: string }) => i.direction === "in");
    expect(inbound.map((i: { messageId: string }) => `<${i.messageId}>`)).toEqual([
      first,
      second,
      third,
    ]);
    expect(talk.items.some((i: { direction: string }) => i.direction === "out")).toBe(true);
    // Three deferred messages in one thread within 24 hours: one auto-reply.
    expect(await autoRepliesFor(requestId)).toHaveLength(1);

    // A day later the thread may get one more.
    f.setNow("2026-06-21T03:30:00Z"); // Saturday night
    const fourth = nextId("next-day");
    await sendTo(port, {
      from: "dominique@client.example",
      to: f.address,
      subject: "Re: Maquette",
      text: "Et une dernière chose.",
      messageId: fourth,
      references: [first, second],
    });
    expect(await requestOf(fourth)).toBe(requestId);
    expect(await autoRepliesFor(requestId)).toHaveLength(2);
  });

  it("reopens an answered request when the client replies in its thread", async () => {
    f.setNow("2026-06-22T14:30:00Z");
    const first = nextId("answered");
    await sendTo(port, {
      from: "dominique@client.example",
      to: f.address,
      subject: "Devis",
      text: "Un devis ?",
      messageId: first,
    });
    const requestId = (await requestOf(first))!;
    const answered = await f.call("PATCH", `/api/v1/requests/${requestId}`, { action: "answer" });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().request.status).toBe("answered");
    const reply = nextId("answered-reply");
    await sendTo(port, {
      from: "dominique@client.example",
      to: f.address,
      subject: "Re: Devis",
      text: "Merci, une autre question.",
      messageId: reply,
      inReplyTo: first,
    });
    expect(await requestOf(reply)).toBe(requestId);
    expect((await f.call("GET", `/api/v1/requests/${requestId}`)).json().status).toBe("open");
  });

  it("keeps mail from unknown senders as requests without a client, in the unknown queue, with no auto-reply", async () => {
    f.setNow(FRIDAY_NIGHT);
    const messageId = nextId("stranger");
    await sendTo(port, {
      from: "Alex Stranger <alex@elsewhere.example>",
      to: f.address,
      subject: "Vos tarifs ?",
      text: "Bonjour, quels sont vos tarifs ?",
      messageId,
    });
    const requestId = (await requestOf(messageId))!;
    const request = (await f.call("GET", `/api/v1/requests/${requestId}`)).json();
    expect(request).toMatchObject({ clientId: null, status: "open", channel: "email" });
    const unknown = (await f.call("GET", "/api/v1/inbox/unknown")).json();
    expect(unknown.items).toContainEqual(
      expect.objectContaining({
        requestId,
        fromAddress: "alex@elsewhere.example",
        subject: "Vos tarifs ?",
      }),
    );
    expect(await autoRepliesFor(requestId)).toHaveLength(0);
    expect((await conversation(requestId)).unknownSender).toBe(true);
  });

  describe("never auto-replies to automatic mail", () => {
    const cases: [string, Record<string, unknown>][] = [
      ["Auto-Submitted: auto-replied", { headers: { "Auto-Submitted": "auto-replied" } }],
      ["Auto-Submitted: auto-generated", { headers: { "Auto-Submitted": "auto-generated" } }],
      ["Precedence: bulk", { headers: { Precedence: "bulk" } }],
      ["Precedence: list", { headers: { Precedence: "list" } }],
      ["Precedence: junk", { headers: { Precedence: "junk" } }],
      ["List-Id", { headers: { "List-Id": "<news.client.example>" } }],
      ["X-Auto-Response-Suppress", { headers: { "X-Auto-Response-Suppress": "All" } }],
      ["a null envelope sender (bounce)", { envelope: { from: "", to: [] } }],
      ["Return-Path: <>", { headers: { "Return-Path": "<>" } }],
      ["a no-reply Reply-To", { replyTo: "no-reply@client.example" }],
    ];
    for (const [name, extra] of cases) {
      it(name, async () => {
        f.setNow(FRIDAY_NIGHT);
        const messageId = nextId("auto");
        const envelope = extra.envelope as { from: string } | undefined;
        await sendTo(port, {
          from: "dominique@client.example",
          to: f.address,
          subject: `Automatique (${name})`,
          text: "Message automatique.",
          messageId,
          ...extra,
          ...(envelope ? { envelope: { from: envelope.from, to: [f.address] } } : {}),
        });
        const requestId = (await requestOf(messageId))!;
        expect(requestId).toBeTruthy(); // kept as a request all the same
        expect(await autoRepliesFor(requestId)).toHaveLength(0);
      });
    }

    it("mailer-daemon and no-reply senders (unknown senders anyway, flagged automatic)", async () => {
      for (const from of [
        "MAILER-DAEMON@mx.client.example",
        "noreply@client.example",
        "postmaster@client.example",
      ]) {
        const messageId = nextId("daemon");
        await sendTo(port, { from, to: f.address, subject: "Undelivered", text: "x", messageId });
        const row = await f.app.ctx.db
          .selectFrom("messages")
          .select(["automatic", "request_id"])
          .where("message_id", "=", messageId.slice(1, -1))
          .executeTakeFirstOrThrow();
        expect(row.automatic).toBeTruthy();
        expect(await autoRepliesFor(row.request_id!)).toHaveLength(0);
      }
    });
  });

  it("keeps attachments (downloadable) and lists those over the cap without keeping them", async () => {
    f.setNow("2026-06-22T15:00:00Z");
    const cap = f.app.ctx.config.mail.maxAttachmentBytes;
    f.app.ctx.config.mail.maxAttachmentBytes = 1000;
    try {
      const messageId = nextId("files");
      await sendTo(port, {
        from: "dominique@client.example",
        to: f.address,
        subject: "Fichiers",
        text: "Voici les fichiers.",
        messageId,
        attachments: [
          { filename: "brief été.txt", content: "Le brief complet.", contentType: "text/plain" },
          {
            filename: "big.bin",
            content: Buffer.alloc(5000, 7),
            contentType: "application/octet-stream",
          },
        ],
      });
      const requestId = (await requestOf(messageId))!;
      const [message] = (await conversation(requestId)).items;
      expect(message.attachments).toHaveLength(2);
      const [small, big] = message.attachments;
      expect(small).toMatchObject({ filename: "brief été.txt", stored: true, size: 17 });
      expect(big).toMatchObject({ filename: "big.bin", stored: false, size: 5000, url: null });
      const download = await f.call("GET", small.url);
      expect(download.statusCode).toBe(200);
      expect(download.body).toBe("Le brief complet.");
      expect(download.headers["content-disposition"]).toContain(
        "filename*=UTF-8''brief%20%C3%A9t%C3%A9.txt",
      );
      const missing = await f.call("GET", `/api/v1/attachments/${big.id}`);
      expect(missing.statusCode).toBe(404);
    } finally {
      f.app.ctx.config.mail.maxAttachmentBytes = cap;
    }
  });

  it("bounds the Date header by the arrival time", async () => {
    f.setNow("2026-06-22T15:00:00Z");
    const future = nextId("future");
    await sendTo(port, {
      from: "dominique@client.example",
      to: f.address,
      subject: "Du futur",
      text: "x",
      messageId: future,
      date: new Date("2027-01-01T00:00:00Z"),
    });
    const ancient = nextId("ancient");
    await sendTo(port, {
      from: "dominique@client.example",
      to: f.address,
      subject: "Du passé",
      text: "x",
      messageId: ancient,
      date: new Date("1999-01-01T00:00:00Z"),
    });
    const get = async (id: string) =>
      (await f.call("GET", `/api/v1/requests/${await requestOf(id)}`)).json().receivedAt;
    expect(await get(future)).toBe("2026-06-22T15:00:00.000Z");
    expect(await get(ancient)).toBe("2026-06-19T15:00:00.000Z"); // at most three days early
  });

  it("refuses unknown recipients, oversized messages and senders over the rate limit", async () => {
    await expect(
      sendTo(port, {
        from: "dominique@client.example",
        to: `nobody-here@${"in.cadre.test"}`,
        subject: "x",
        text: "x",
      }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await expect(
      sendTo(port, {
        from: "dominique@client.example",
        to: `${f.pro.workspace.slug}@other.example`,
        subject: "x",
        text: "x",
      }),
    ).rejects.toMatchObject({ responseCode: 550 });

    const config = f.app.ctx.config.mail;
    const limits = { max: config.maxMessageBytes, rate: config.smtpRatePerMinute };
    await mail.stop();
    config.maxMessageBytes = 50_000;
    config.smtpRatePerMinute = 3;
    mail = await startMailWorkers(f.app.ctx, { outbox: false, log: silent });
    port = mail.smtpPort!;
    try {
      await expect(
        sendTo(port, {
          from: "dominique@client.example",
          to: f.address,
          subject: "Trop gros",
          text: "x".repeat(60_000),
        }),
      ).rejects.toMatchObject({ responseCode: 552 });
      f.setNow("2026-06-22T16:00:10Z");
      for (let i = 0; i < 3; i++) {
        await sendTo(port, {
          from: "dominique@client.example",
          to: f.address,
          subject: `r${i}`,
          text: "x",
        });
      }
      await expect(
        sendTo(port, { from: "dominique@client.example", to: f.address, subject: "r4", text: "x" }),
      ).rejects.toMatchObject({ responseCode: 451 });
      f.setNow("2026-06-22T16:01:10Z"); // the next minute
      await sendTo(port, {
        from: "dominique@client.example",
        to: f.address,
        subject: "r5",
        text: "x",
      });
    } finally {
      await mail.stop();
      config.maxMessageBytes = limits.max;
      config.smtpRatePerMinute = limits.rate;
      mail = await startMailWorkers(f.app.ctx, { outbox: false, log: silent });
      port = mail.smtpPort!;
    }
  });

  it("does not let another workspace see the conversation or the attachments", async () => {
    const other = await (await import("../helpers/auth.ts")).signUpPro(f.app);
    const [some] = (await requests()).items;
    const res = await f.app.inject({
      method: "GET",
      url: `/api/v1/requests/${some.id}/messages`,
      headers: other.asToken(),
    });
    expect(res.statusCode).toBe(404);
    const unknown = await f.app.inject({
      method: "GET",
      url: "/api/v1/inbox/unknown",
      headers: other.asToken(),
    });
    expect(unknown.json().total).toBe(0);
  });
});

describeEngines("mail: a message that arrives before any charter is published", (engine) => {
  let f: MailFixture;
  let mail: MailWorkers;
  beforeAll(async () => {
    f = await mailFixture(engine, { publish: false });
    mail = await startMailWorkers(f.app.ctx, { outbox: false, log: silent });
  });
  afterAll(async () => {
    await mail?.stop();
    await f?.t.close();
  });

  it("is stored, acknowledged, and taken in once the charter is published", async () => {
    f.setNow(FRIDAY_NIGHT);
    const sent = await sendTo(mail.smtpPort!, {
      from: "dominique@client.example",
      to: f.address,
      subject: "Avant la charte",
      text: "Bonjour !",
      messageId: "<before-charter@client.example>",
    });
    expect(sent.response).toMatch(/^250 /);
    const row = await f.app.ctx.db
      .selectFrom("messages")
      .select(["state", "request_id", "last_error"])
      .where("workspace_id", "=", f.pro.workspace.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      state: "received",
      request_id: null,
      last_error: "no_published_charter",
    });

    expect((await f.call("POST", "/api/v1/charter/publish")).statusCode).toBe(201);
    const later = Date.parse(FRIDAY_NIGHT) + 60_000;
    f.setNow(new Date(later).toISOString());
    expect(await retryPendingMail(f.app.ctx, later)).toEqual({ taken: 1, pending: 0 });
    const list = (await f.call("GET", "/api/v1/requests")).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      subject: "Avant la charte",
      clientId: f.clients.fr.id,
      outcome: "defer",
    });
  });
});

describeEngines("mail: e-mail is not an accepted channel", (engine) => {
  let f: MailFixture;
  let mail: MailWorkers;
  beforeAll(async () => {
    f = await mailFixture(engine, { publish: false });
    const draft = (await f.call("GET", "/api/v1/charter")).json();
    draft.channels = draft.channels.map((c: { id: string }) =>
      c.id === "email" ? { id: "email", accepted: false, redirectTo: "portal" } : c,
    );
    expect((await f.call("PUT", "/api/v1/charter", draft)).statusCode).toBe(200);
    expect((await f.call("POST", "/api/v1/charter/publish")).statusCode).toBe(201);
    mail = await startMailWorkers(f.app.ctx, { outbox: false, log: silent });
  });
  afterAll(async () => {
    await mail?.stop();
    await f?.t.close();
  });

  it("redirects to the portal, records the violation like the portal intake, and says which channel to use", async () => {
    f.setNow("2026-06-22T15:00:00Z"); // Monday 11:00 in Toronto
    await sendTo(mail.smtpPort!, {
      from: "sam.lee@client.example",
      to: f.address,
      subject: "New logo",
      text: "Could you start on the new logo?",
      messageId: "<redirect-1@client.example>",
    });
    const [request] = (await f.call("GET", "/api/v1/requests")).json().items;
    expect(request).toMatchObject({ outcome: "redirect", clientId: f.clients.en.id });
    const violations = (
      await f.call("GET", `/api/v1/violations?clientId=${f.clients.en.id}`)
    ).json();
    expect(violations.items.map((v: { ruleId: string }) => v.ruleId)).toContain(
      "channel.not-accepted",
    );
    const [auto] = (await f.call("GET", "/api/v1/outbox")).json().items;
    const full = (await f.call("GET", `/api/v1/outbox/${auto.id}`)).json();
    expect(full).toMatchObject({ kind: "auto-reply", to: "sam.lee@client.example" });
    expect(full.text).toContain("I don’t take requests by e-mail");
    expect(full.text).toContain("all requests go through the client portal");
    expect(full.text).toContain("/portal");
    expect(full.text).toMatch(/by .* EDT at the latest/);
  });
});
