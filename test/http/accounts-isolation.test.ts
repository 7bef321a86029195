// Isolation between workspaces, rate limits and the audit trail, on both engines.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app.ts";
import { addClientRow as addClient, clientSession, signUpPro } from "../helpers/auth.ts";
import { describeEngines } from "../helpers/store.ts";

const FR = { "accept-language": "fr" };

describeEngines("accounts: isolation, rate limits, audit", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(engine);
  });
  afterAll(() => t.close());
  const inject = (
    method: "GET" | "POST" | "DELETE",
    url: string,
    headers: Record<string, string> = {},
    payload?: object,
  ) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  it("a member of A never sees or touches B's tokens, members or clients", async () => {
    const a = await signUpPro(t.app);
    const b = await signUpPro(t.app);
    const bClient = await addClient(t.app, b.workspace.id, "b@client.example");
    const bTokens = (await inject("GET", "/api/v1/tokens", b.asToken())).json().tokens;
    const aTokens = await inject("GET", "/api/v1/tokens", a.asToken());
    expect(aTokens.json().tokens.every((x: { userId: string }) => x.userId === a.user.id)).toBe(
      true,
    );
    expect(aTokens.body).not.toContain(bTokens[0].id);
    const revoke = await inject("DELETE", `/api/v1/tokens/${bTokens[0].id}`, a.asToken());
    expect(revoke.statusCode).toBe(404);
    expect((await inject("GET", "/api/v1/session", b.asToken())).statusCode).toBe(200);
    const members = await inject("GET", "/api/v1/members", a.asToken());
    expect(members.body).not.toContain(b.email);
    const link = await inject("POST", `/api/v1/clients/${bClient}/magic-link`, a.asToken());
    expect(link.statusCode).toBe(404);
  });

  it("rate-limits sign-in attempts with a localised 429", async () => {
    const pro = await signUpPro(t.app);
    t.app.ctx.config.authRateLimit = 3;
    try {
      const attempt = (remoteAddress: string) =>
        t.app.inject({
          method: "POST",
          url: "/api/v1/login",
          remoteAddress,
          headers: FR,
          payload: { email: pro.email, password: "wrong password" },
        });
      for (let i = 0; i < 3; i++) expect((await attempt("203.0.113.7")).statusCode).toBe(401);
      const limited = await attempt("203.0.113.7");
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error).toMatchObject({
        code: "rate_limited",
        message: expect.stringMatching(/Trop de tentatives/),
      });
      expect((await attempt("203.0.113.8")).statusCode).toBe(401); // per address
    } finally {
      t.app.ctx.config.authRateLimit = 10_000;
    }
  });

  it("records sign-up, sign-in, tokens, invitations and magic links in the audit log", async () => {
    const pro = await signUpPro(t.app);
    await inject("POST", "/api/v1/login", {}, { email: pro.email, password: pro.password });
    const created = await inject("POST", "/api/v1/tokens", pro.asToken(), { name: "temp" });
    await inject("DELETE", `/api/v1/tokens/${created.json().id}`, pro.asToken());
    await inject("POST", "/api/v1/members/invitations", pro.asToken(), {
      email: "audit@cadre.example",
      role: "member",
    });
    const clientId = await addClient(t.app, pro.workspace.id, "c@client.example");
    await clientSession(t.app, pro, clientId);
    const rows = await t.app.ctx.db
      .selectFrom("audit_log")
      .select("action")
      .where("workspace_id", "=", pro.workspace.id)
      .execute();
    expect(rows.map((r) => r.action).sort()).toEqual(
      [
        "invitation.create",
        "login",
        "magic_link.create",
        "portal.session",
        "signup",
        "token.create",
        "token.create",
        "token.revoke",
      ].sort(),
    );
  });
});
