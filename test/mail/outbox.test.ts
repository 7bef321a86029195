// The outbox sender against real SMTP servers on loopback: a sink that answers 4xx then accepts
// (delivered exactly once, same Message-ID on every attempt), a server that is down (retried with
// growing backoff, then failed with the last error), a 5xx (failed at once), two senders at once
// (each mail once), a sender that died mid-send (taken back, same Message-ID), no SMTP at all
// (held, localised), and the whole path from an inbound e-mail to the auto-reply delivered.
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { closeTransports, retryDelay, sendDueMail } from "../../src/services/mail/send-outbox.ts";
import { startMailWorkers } from "../../src/services/mail/workers.ts";
import { claimDueMail, enqueue } from "../../src/store/repositories/outbox.ts";
import {
  freePort,
  type MailFixture,
  mailFixture,
  parseRaw,
  type Sink,
  sendTo,
  startSink,
} from "../helpers/mail.ts";
import { describeEngines } from "../helpers/store.ts";

const T0 = Date.parse("2026-06-22T14:00:00Z");

describeEngines("mail: the outbox sender", (engine) => {
  let f: MailFixture;
  let sink: Sink | null = null;
  let n = 0;

  const queue = async (extra: { kind?: "mail" | "auto-reply"; to?: string } = {}) => {
    const key = `test:${++n}`;
    return enqueue(f.app.ctx.db, {
      workspaceId: f.pro.workspace.id,
      idempotencyKey: key,
      to: extra.to ?? "dominique@client.example",
      subject: `Message ${n}`,
      text: `Bonjour,\n\nVoici le message ${n} : https://cadre.test/portal\n\nAu plaisir,`,
      headers: { "Content-Language": "fr-CA" },
      kind: extra.kind ?? "mail",
      at: f.app.ctx.now(),
    });
  };
  const row = (id: string) =>
    f.app.ctx.db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const settleAll = async () => {
    // Finish everything left from a test, so the next one starts with an empty queue.
    await f.app.ctx.db
      .updateTable("outbox")
      .set({ state: "sent" })
      .where("state", "!=", "sent")
      .execute();
  };

  beforeAll(async () => {
    f = await mailFixture(engine);
    f.setNow(new Date(T0).toISOString());
  });
  afterEach(async () => {
    closeTransports();
    await sink?.close();
    sink = null;
    await settleAll();
  });
  afterAll(() => f?.t.close());

  it("holds mail without SMTP, says so in the caller's language, and sends it once SMTP exists", async () => {
    f.app.ctx.config.mail.smtpUrl = null;
    const id = await queue();
    expect(await sendDueMail(f.app.ctx, T0)).toMatchObject({ held: 1, sent: 0 });
    const fr = (
      await f.app.inject({
        method: "GET",
        url: "/api/v1/outbox",
        headers: { ...f.pro.asToken(), "accept-language": "fr-CA" },
      })
    ).json();
    const mine = fr.items.find((m: { id: string }) => m.id === id);
    expect(mine).toMatchObject({
      state: "held",
      stateLabel: "Non envoyé\u00a0: aucun serveur SMTP n’est configuré",
      attempts: 0,
      nextAttemptAt: new Date(T0).toISOString(),
    });
    expect(mine.lastError).toContain("aucun serveur SMTP");
    const en = (
      await f.app.inject({
        method: "GET",
        url: `/api/v1/outbox/${id}`,
        headers: { ...f.pro.asToken(), "accept-language": "en" },
      })
    ).json();
    expect(en).toMatchObject({ state: "held", stateLabel: "Not sent: no SMTP configured" });
    expect(en.lastError).toBe("not sent: no SMTP configured (SMTP_URL)");
    expect(en.text).toContain("Voici le message");

    sink = await startSink();
    f.app.ctx.config.mail.smtpUrl = sink.url;
    expect(await sendDueMail(f.app.ctx, T0 + 1000)).toMatchObject({ sent: 1 });
    expect(sink.received).toHaveLength(1);
    expect((await row(id)).state).toBe("sent");
  });

  it("sends a booking's invitation as a text/calendar part, not as text", async () => {
    const ics = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "METHOD:REQUEST",
      "BEGIN:VEVENT",
      "UID:b1@cadre.test",
      "DTSTART:20260623T140000Z",
      "DTEND:20260623T143000Z",
      "SUMMARY:Appel",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    await enqueue(f.app.ctx.db, {
      workspaceId: f.pro.workspace.id,
      idempotencyKey: `test:ics:${++n}`,
      to: "dominique@client.example",
      subject: "Rendez-vous confirmé",
      text: `Bonjour,\n\nVotre appel est confirmé.\n-- invitation.ics --\n${ics}`,
      headers: { "Content-Language": "fr-CA", "X-Cadre-Calendar": "REQUEST" },
      kind: "mail",
      at: f.app.ctx.now(),
    });
    sink = await startSink();
    f.app.ctx.config.mail.smtpUrl = sink.url;
    expect(await sendDueMail(f.app.ctx, T0 + 2000)).toMatchObject({ sent: 1 });
    const raw = sink.received[0]!.raw.toString("utf8");
    expect(raw).toMatch(/text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(raw).not.toContain("X-Cadre-Calendar");
    const parsed = await parseRaw(sink.received[0]!.raw);
    expect(parsed.text).not.toContain("BEGIN:VCALENDAR");
    expect(parsed.text).toContain("Votre appel est confirmé.");
  });

  it("retries a 4xx with backoff and delivers exactly once, with the same Message-ID", async () => {
    const seenIds: string[] = [];
    sink = await startSink((attempt) =>
      attempt === 1 ? { code: 451, message: "4.3.0 try later" } : null,
    );
    const rawSeen = sink;
    f.app.ctx.config.mail.smtpUrl = sink.url;
    const id = await queue();

    const first = await sendDueMail(f.app.ctx, T0);
    expect(first).toMatchObject({ sent: 0, retried: 1 });
    const afterFirst = await row(id);
    expect(afterFirst).toMatchObject({ state: "queued", attempts: 1 });
    expect(afterFirst.last_error).toMatch(/451/);
    const next = new Date(afterFirst.next_attempt_at as string).getTime();
    expect(next - T0).toBeGreaterThanOrEqual(30_000);
    expect(next - T0).toBeLessThanOrEqual(37_500);

    expect(await sendDueMail(f.app.ctx, next - 1)).toMatchObject({ sent: 0, retried: 0 });
    expect(await sendDueMail(f.app.ctx, next)).toMatchObject({ sent: 1 });
    expect(await sendDueMail(f.app.ctx, next + 3_600_000)).toMatchObject({ sent: 0 });
    expect(rawSeen.attempts).toBe(2);
    expect(rawSeen.received).toHaveLength(1);

    const sent = await row(id);
    expect(sent).toMatchObject({ state: "sent", attempts: 2, last_error: null });
    const parsed = await parseRaw(rawSeen.received[0]!.raw);
    seenIds.push(parsed.messageId ?? "");
    expect(parsed.messageId).toBe(`<${id}@in.cadre.test>`);
    expect(sent.message_id).toBe(`${id}@in.cadre.test`);
    // Multipart: the text and an HTML rendering of the same words.
    expect(parsed.text).toContain("Voici le message");
    expect(parsed.html).toContain('<a href="https://cadre.test/portal">');
    expect(
      String(
        parsed.headers.get("content-type") &&
          (parsed.headers.get("content-type") as { value: string }).value,
      ),
    ).toBe("multipart/alternative");
    expect(parsed.from?.value[0]).toMatchObject({
      name: "Atelier Camille",
      address: "cadre@in.cadre.test",
    });
    expect(parsed.replyTo?.value[0]?.address).toBe(`${f.pro.workspace.slug}@in.cadre.test`);
  });

  it("retries a server that is down with growing delays, then marks the mail failed", async () => {
    f.app.ctx.config.mail.smtpUrl = `smtp://127.0.0.1:${await freePort()}`;
    const max = f.app.ctx.config.mail.outboxMaxAttempts;
    f.app.ctx.config.mail.outboxMaxAttempts = 5;
    try {
      const id = await queue();
      let now = T0;
      const delays: number[] = [];
      for (let attempt = 1; attempt < 5; attempt++) {
        expect(await sendDueMail(f.app.ctx, now)).toMatchObject({ retried: 1 });
        const r = await row(id);
        expect(r).toMatchObject({ state: "queued", attempts: attempt });
        expect(r.last_error).toMatch(/ECONNREFUSED|ECONNECTION|connect/i);
        const next = new Date(r.next_attempt_at as string).getTime();
        delays.push(next - now);
        now = next;
      }
      for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
      expect(delays[0]).toBeGreaterThanOrEqual(30_000);
      expect(await sendDueMail(f.app.ctx, now)).toMatchObject({ failed: 1 });
      const failed = await row(id);
      expect(failed).toMatchObject({ state: "failed", attempts: 5 });
      const listed = (await f.call("GET", "/api/v1/outbox?state=failed")).json();
      expect(listed.items.find((m: { id: string }) => m.id === id)).toMatchObject({
        state: "failed",
        stateLabel: "Not delivered: sending failed",
        nextAttemptAt: null,
      });
      // Failed stays failed until someone asks for it again.
      expect(await sendDueMail(f.app.ctx, now + 86_400_000)).toMatchObject({ sent: 0, failed: 0 });
      sink = await startSink();
      f.app.ctx.config.mail.smtpUrl = sink.url;
      const retried = await f.call("POST", `/api/v1/outbox/${id}/retry`);
      expect(retried.statusCode).toBe(200);
      expect(retried.json()).toMatchObject({ state: "queued", attempts: 0 });
      expect(await sendDueMail(f.app.ctx, T0 + 1)).toMatchObject({ sent: 1 });
      const again = await f.call("POST", `/api/v1/outbox/${id}/retry`);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toContain("already sent");
    } finally {
      f.app.ctx.config.mail.outboxMaxAttempts = max;
    }
  });

  it("marks a mail failed at once on a permanent (5xx) answer", async () => {
    sink = await startSink(() => ({ code: 550, message: "5.1.1 no such user" }));
    f.app.ctx.config.mail.smtpUrl = sink.url;
    const id = await queue({ to: "gone@client.example" });
    expect(await sendDueMail(f.app.ctx, T0)).toMatchObject({ failed: 1 });
    const r = await row(id);
    expect(r).toMatchObject({ state: "failed", attempts: 1 });
    expect(r.last_error).toMatch(/550/);
  });

  it("never lets two senders send the same mail", async () => {
    sink = await startSink();
    f.app.ctx.config.mail.smtpUrl = sink.url;
    const ids = [];
    for (let i = 0; i < 30; i++) ids.push(await queue());
    const [a, b] = await Promise.all([sendDueMail(f.app.ctx, T0), sendDueMail(f.app.ctx, T0)]);
    expect(a.sent + b.sent).toBe(30);
    expect(sink.received).toHaveLength(30);
    const messageIds = await Promise.all(
      sink.received.map(async (m) => (await parseRaw(m.raw)).messageId),
    );
    expect(new Set(messageIds).size).toBe(30);
  });

  it("takes back a mail whose sender died mid-send, keeping its Message-ID", async () => {
    sink = await startSink();
    f.app.ctx.config.mail.smtpUrl = sink.url;
    const id = await queue();
    const [leased] = await claimDueMail(f.app.ctx.db, T0, {
      leaseMs: 60_000,
      limit: 10,
      includeHeld: true,
      messageIdDomain: "in.cadre.test",
    });
    expect(leased).toMatchObject({
      id,
      state: "sending",
      attempts: 1,
      messageId: `${id}@in.cadre.test`,
    });
    expect(await sendDueMail(f.app.ctx, T0 + 30_000)).toMatchObject({ sent: 0 }); // still leased
    expect(await sendDueMail(f.app.ctx, T0 + 61_000)).toMatchObject({ sent: 1 });
    const parsed = await parseRaw(sink.received[0]!.raw);
    expect(parsed.messageId).toBe(`<${id}@in.cadre.test>`);
    expect(await row(id)).toMatchObject({ state: "sent", attempts: 2 });
  });

  it("delivers an inbound e-mail's auto-reply: Auto-Submitted, null sender, threaded, in French", async () => {
    sink = await startSink();
    f.app.ctx.config.mail.smtpUrl = sink.url;
    const mail = await startMailWorkers(f.app.ctx, {
      outbox: false,
      log: { info: () => {}, error: () => {} },
    });
    try {
      f.setNow("2026-06-20T01:30:00Z"); // Friday night in Toronto
      await sendTo(mail.smtpPort!, {
        from: "Dominique Roy <dominique@client.example>",
        to: f.address,
        subject: "Urgent ?",
        text: "Bonsoir, pouvez-vous regarder ça ?",
        messageId: "<e2e-1@client.example>",
      });
      expect(await sendDueMail(f.app.ctx, f.app.ctx.now())).toMatchObject({ sent: 1 });
      expect(sink.received).toHaveLength(1);
      const delivered = sink.received[0]!;
      expect(delivered.mailFrom).toBe("");
      expect(delivered.rcptTo).toEqual(["dominique@client.example"]);
      const parsed = await parseRaw(delivered.raw);
      expect(parsed.headers.get("auto-submitted")).toBe("auto-replied");
      expect(parsed.inReplyTo).toBe("<e2e-1@client.example>");
      // The template's French spacing; the client's own subject stays as written.
      expect(parsed.subject).toBe("Réponse automatique\u00a0: Urgent ?");
      expect(parsed.text).toContain("Je lirai votre message lundi 22 juin à 10 h 00 HAE");
      expect(parsed.html).toContain("Je lirai votre message");
    } finally {
      await mail.stop();
      f.setNow(new Date(T0).toISOString());
    }
  });

  it("backs off exponentially with at most 25 % jitter, capped at an hour", () => {
    expect(retryDelay(1, 30_000, () => 0)).toBe(30_000);
    expect(retryDelay(2, 30_000, () => 0)).toBe(60_000);
    expect(retryDelay(4, 30_000, () => 0.999)).toBeLessThanOrEqual(300_000);
    expect(retryDelay(20, 30_000, () => 0)).toBe(3_600_000);
    for (let a = 1; a < 7; a++) {
      expect(retryDelay(a + 1, 30_000, () => 0)).toBeGreaterThan(
        retryDelay(a, 30_000, () => 0.999),
      );
    }
  });
});
