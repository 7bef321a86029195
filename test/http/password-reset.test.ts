// "Forgot password" on both engines: the neutral 202, the mail in the account's language with its
// link (only the hash stored), the reset that signs in and ends every other session, links that
// work once and for one hour, weak passwords, and bad input that answers 4xx and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/http/app.ts";
import { startApp, type TestApp } from "../helpers/app.ts";
import { type Pro, sessionCookie, signUpPro, tokenFromUrl } from "../helpers/auth.ts";
import { describeEngines } from "../helpers/store.ts";

const FR = { "accept-language": "fr-CA,fr;q=0.9" };
const MINUTE = 60_000;
const NEW_PASSWORD = "a brand new password";

function resetMails(app: App, workspaceId: string) {
  return app.ctx.db
    .selectFrom("outbox")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("idempotency_key", "like", "password-reset:%")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

async function countRows(app: App, table: "outbox" | "password_resets" | "sessions") {
  const row = await app.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The reset link in a mail's text. */
function linkIn(text: string): string {
  const match = /https?:\/\/\S+\/app\/reset-password#token=\S+/.exec(text);
  if (!match) throw new Error(`no reset link in: ${text}`);
  return match[0];
}

describeEngines("password reset", (engine) => {
  let t: TestApp;
  let clock = Date.parse("2026-11-23T17:30:00Z");
  beforeAll(async () => {
    t = await startApp(engine, { now: () => clock });
    t.app.ctx.config.authRateLimit = 10_000;
  });
  afterAll(() => t.close());
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "POST", url, payload: payload as object, headers });
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url, headers });

  /** Asks for a reset of the pro's account and returns the token of the newest mail. */
  async function askToken(pro: Pro): Promise<string> {
    const res = await post("/api/v1/password/forgot", { email: pro.email });
    expect(res.statusCode, res.body).toBe(202);
    const mails = await resetMails(t.app, pro.workspace.id);
    return tokenFromUrl(linkIn(mails.at(-1)!.text_body));
  }

  it("answers 202 for an unknown address and queues nothing", async () => {
    const pro = await signUpPro(t.app);
    const before = {
      outbox: await countRows(t.app, "outbox"),
      resets: await countRows(t.app, "password_resets"),
    };
    const unknown = await post("/api/v1/password/forgot", { email: "nobody@cadre.example" });
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual({ ok: true });
    expect(await countRows(t.app, "outbox")).toBe(before.outbox);
    expect(await countRows(t.app, "password_resets")).toBe(before.resets);
    const known = await post("/api/v1/password/forgot", { email: pro.email });
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body); // nothing tells the two apart
  });

  it("e-mails one link in the account's language; the link sets a new password, signs in and ends the other sessions", async () => {
    const pro = await signUpPro(t.app); // fr-CA
    // The old session is used (and so cached in memory) before the reset.
    expect((await get("/api/v1/session", { cookie: pro.cookie })).statusCode).toBe(200);

    const asked = await post("/api/v1/password/forgot", {
      email: `  ${pro.email.toUpperCase()} `,
    });
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.json()).toEqual({ ok: true });
    const mails = await resetMails(t.app, pro.workspace.id);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail).toMatchObject({ to_address: pro.email, state: "queued" });
    expect(mail.subject).toBe("Réinitialiser votre mot de passe Cadre");
    expect(mail.text_body).toMatch(/^Bonjour Camille Tremblay,/);
    expect(mail.text_body).toMatch(/ne sert qu’une fois et expire le/);
    const link = linkIn(mail.text_body);
    const base = t.app.ctx.config.publicUrl.replace(/\/$/, "");
    expect(link.startsWith(`${base}/app/reset-password#token=`)).toBe(true);
    const token = tokenFromUrl(link);
    expect(token).toMatch(/^[\w-]{43}$/);

    // Only the hash is stored; the outbox as members read it hides the link.
    const rows = await t.app.ctx.db
      .selectFrom("password_resets")
      .selectAll()
      .where("user_id", "=", pro.user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(new Date(rows[0]!.expires_at).getTime()).toBe(clock + 60 * MINUTE);
    const shown = await get(`/api/v1/outbox/${mail.id}`, pro.asToken());
    expect(shown.statusCode).toBe(200);
    expect(shown.json().text).toContain("/app/reset-password#token=[redacted]");
    expect(shown.body).not.toContain(token);

    const reset = await post("/api/v1/password/reset", { token, password: NEW_PASSWORD });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({
      user: { id: pro.user.id, email: pro.email },
      workspace: { id: pro.workspace.id },
      role: "owner",
      csrfToken: expect.any(String),
    });
    const cookie = sessionCookie(reset);
    const session = await get("/api/v1/session", { cookie });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ kind: "member", csrfToken: reset.json().csrfToken });

    // Every earlier session is over, even the one this process had cached.
    expect((await get("/api/v1/session", { cookie: pro.cookie })).statusCode).toBe(401);
    // API tokens are left alone (scripts keep working; they are revoked one by one).
    expect((await get("/api/v1/session", pro.asToken())).statusCode).toBe(200);

    const oldPassword = await post("/api/v1/login", { email: pro.email, password: pro.password });
    expect(oldPassword.statusCode).toBe(401);
    const newPassword = await post("/api/v1/login", { email: pro.email, password: NEW_PASSWORD });
    expect(newPassword.statusCode, newPassword.body).toBe(200);

    const audit = await t.app.ctx.db
      .selectFrom("audit_log")
      .select(["actor", "action", "target"])
      .where("workspace_id", "=", pro.workspace.id)
      .where("action", "like", "password.%")
      .orderBy("at")
      .execute();
    expect(audit).toEqual([
      { actor: "system", action: "password.reset_requested", target: `user:${pro.user.id}` },
      { actor: `user:${pro.user.id}`, action: "password.reset", target: `user:${pro.user.id}` },
    ]);

    // The link works once.
    const again = await post(
      "/api/v1/password/reset",
      { token, password: "yet another password" },
      FR,
    );
    expect(again.statusCode).toBe(410);
    expect(again.json().error).toMatchObject({
      code: "gone",
      message: expect.stringMatching(/déjà servi/),
      details: [expect.objectContaining({ path: "token", code: "reset_link_used" })],
    });
    const still = await post("/api/v1/login", { email: pro.email, password: NEW_PASSWORD });
    expect(still.statusCode).toBe(200);
  });

  it("writes the mail in English for an English account", async () => {
    const pro = await signUpPro(t.app, {
      name: "Sam Lee",
      workspace: { locale: "en-CA", timezone: "America/Vancouver", region: "BC" },
    });
    await askToken(pro);
    const [mail] = await resetMails(t.app, pro.workspace.id);
    expect(mail?.subject).toBe("Reset your Cadre password");
    expect(mail?.text_body).toMatch(/^Hello Sam Lee,/);
    expect(mail?.text_body).toMatch(/This link works once and expires on .*P[SD]T/);
    expect(mail?.text_body).toContain("/app/reset-password#token=");
  });

  it("refuses an expired link with a localised 410, and a used link retires the older ones", async () => {
    const pro = await signUpPro(t.app);
    const expired = await askToken(pro);
    clock += 61 * MINUTE;
    const late = await post(
      "/api/v1/password/reset",
      { token: expired, password: NEW_PASSWORD },
      FR,
    );
    expect(late.statusCode).toBe(410);
    expect(late.json().error).toMatchObject({
      code: "gone",
      message: expect.stringMatching(/a expiré/),
      details: [expect.objectContaining({ path: "token", code: "reset_link_expired" })],
    });
    const lateEn = await post("/api/v1/password/reset", { token: expired, password: NEW_PASSWORD });
    expect(lateEn.json().error.message).toMatch(/has expired/);
    // Nothing changed: the old password still works.
    expect(
      (await post("/api/v1/login", { email: pro.email, password: pro.password })).statusCode,
    ).toBe(200);

    const first = await askToken(pro);
    clock += MINUTE;
    const second = await askToken(pro);
    expect(second).not.toBe(first);
    const used = await post("/api/v1/password/reset", { token: second, password: NEW_PASSWORD });
    expect(used.statusCode, used.body).toBe(200);
    const older = await post("/api/v1/password/reset", {
      token: first,
      password: "sneaky password",
    });
    expect(older.statusCode).toBe(410);
    expect(older.json().error.details[0].code).toBe("reset_link_used");
  });

  it("refuses a weak password with the sign-up rules, and the link keeps working", async () => {
    const pro = await signUpPro(t.app);
    const token = await askToken(pro);
    const short = await post("/api/v1/password/reset", { token, password: "short" }, FR);
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toEqual([
      expect.objectContaining({ path: "password", message: expect.stringMatching(/10/) }),
    ]);
    const control = await post("/api/v1/password/reset", {
      token,
      password: "long enough\u0000password",
    });
    expect(control.statusCode).toBe(400);
    const long = await post("/api/v1/password/reset", { token, password: "x".repeat(201) });
    expect(long.statusCode).toBe(400);
    expect(
      (await post("/api/v1/login", { email: pro.email, password: pro.password })).statusCode,
    ).toBe(200);
    const ok = await post("/api/v1/password/reset", { token, password: NEW_PASSWORD });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it("answers an unknown token and garbage bodies with a 4xx that writes nothing", async () => {
    const pro = await signUpPro(t.app);
    const counts = async () => ({
      outbox: await countRows(t.app, "outbox"),
      resets: await countRows(t.app, "password_resets"),
      sessions: await countRows(t.app, "sessions"),
    });
    const before = await counts();
    const unknown = await post(
      "/api/v1/password/reset",
      { token: "not-a-real-token", password: NEW_PASSWORD },
      FR,
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/n’est pas valide/),
      details: [expect.objectContaining({ path: "token", code: "reset_link_invalid" })],
    });
    const bodies: { url: string; payload: unknown; type?: string }[] = [
      { url: "/api/v1/password/forgot", payload: {} },
      { url: "/api/v1/password/forgot", payload: { email: null } },
      { url: "/api/v1/password/forgot", payload: { email: 42 } },
      { url: "/api/v1/password/forgot", payload: { email: "not-an-email" } },
      { url: "/api/v1/password/forgot", payload: { email: `${"a".repeat(300)}@cadre.example` } },
      { url: "/api/v1/password/forgot", payload: { email: "a\u0000@cadre.example" } },
      { url: "/api/v1/password/forgot", payload: [pro.email] },
      { url: "/api/v1/password/forgot", payload: '{"email": ', type: "application/json" },
      { url: "/api/v1/password/forgot", payload: pro.email, type: "text/plain" },
      { url: "/api/v1/password/reset", payload: {} },
      { url: "/api/v1/password/reset", payload: { token: 5, password: NEW_PASSWORD } },
      { url: "/api/v1/password/reset", payload: { token: "", password: NEW_PASSWORD } },
      { url: "/api/v1/password/reset", payload: { token: "a\u0000b", password: NEW_PASSWORD } },
      {
        url: "/api/v1/password/reset",
        payload: { token: "x".repeat(500), password: NEW_PASSWORD },
      },
      { url: "/api/v1/password/reset", payload: { password: NEW_PASSWORD } },
      { url: "/api/v1/password/reset", payload: "null", type: "application/json" },
    ];
    for (const body of bodies) {
      const res = await t.app.inject({
        method: "POST",
        url: body.url,
        headers: { "content-type": body.type ?? "application/json" },
        payload: typeof body.payload === "string" ? body.payload : JSON.stringify(body.payload),
      });
      expect(
        res.statusCode,
        `${body.url} ${JSON.stringify(body.payload)} → ${res.body}`,
      ).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
      expect(res.json().error.message).toEqual(expect.any(String));
    }
    expect(await counts()).toEqual(before);
  });

  it("sends at most five links an hour to one account, whoever asks", async () => {
    const pro = await signUpPro(t.app);
    for (let i = 0; i < 7; i++) {
      const res = await post("/api/v1/password/forgot", { email: pro.email });
      expect(res.statusCode).toBe(202);
    }
    expect(await resetMails(t.app, pro.workspace.id)).toHaveLength(5);
    clock += 61 * MINUTE;
    await askToken(pro);
    expect(await resetMails(t.app, pro.workspace.id)).toHaveLength(6);
  });

  describe("rate limit", () => {
    it("limits both routes per address like sign-in, with a localised 429", async () => {
      t.app.ctx.config.authRateLimit = 2;
      try {
        const ask = (remoteAddress: string) =>
          t.app.inject({
            method: "POST",
            url: "/api/v1/password/forgot",
            remoteAddress,
            headers: FR,
            payload: { email: "nobody@cadre.example" },
          });
        expect((await ask("203.0.113.20")).statusCode).toBe(202);
        expect((await ask("203.0.113.20")).statusCode).toBe(202);
        const limited = await ask("203.0.113.20");
        expect(limited.statusCode).toBe(429);
        expect(limited.json().error).toMatchObject({
          code: "rate_limited",
          message: expect.stringMatching(/Trop de tentatives/),
        });
        expect((await ask("203.0.113.21")).statusCode).toBe(202);
        const guess = (remoteAddress: string) =>
          t.app.inject({
            method: "POST",
            url: "/api/v1/password/reset",
            remoteAddress,
            payload: { token: "guessing", password: NEW_PASSWORD },
          });
        expect((await guess("203.0.113.22")).statusCode).toBe(400);
        expect((await guess("203.0.113.22")).statusCode).toBe(400);
        expect((await guess("203.0.113.22")).statusCode).toBe(429);
      } finally {
        t.app.ctx.config.authRateLimit = 10_000;
      }
    });
  });

  it("documents both routes in OpenAPI", async () => {
    const spec = (await get("/api/openapi.json")).json();
    for (const path of ["/api/v1/password/forgot", "/api/v1/password/reset"]) {
      expect(spec.paths[path]?.post?.tags, path).toEqual(["accounts"]);
      expect(spec.paths[path].post.summary).toEqual(expect.any(String));
    }
    expect(spec.paths["/api/v1/password/forgot"].post.responses["202"]).toBeDefined();
    expect(spec.paths["/api/v1/password/reset"].post.responses["410"]).toBeDefined();
  });
});
