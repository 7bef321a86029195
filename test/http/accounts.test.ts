// Sign-up, sign-in, sessions, CSRF, API tokens and input errors, on both engines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app.ts";
import { sessionCookie, signUpPro } from "../helpers/auth.ts";
import { describeEngines } from "../helpers/store.ts";

const FR = { "accept-language": "fr-CA,fr;q=0.9" };

function signUpBody(over: Record<string, unknown> = {}, workspace: Record<string, unknown> = {}) {
  const n = Math.random().toString(36).slice(2, 8);
  return {
    email: `Someone.${n}@Example.com `,
    password: "long enough password",
    name: "Alex Martin",
    workspace: {
      name: "Studio",
      slug: `studio-${n}`,
      timezone: "Europe/Paris",
      locale: "fr",
      country: "FR",
      ...workspace,
    },
    ...over,
  };
}

describeEngines("accounts", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(engine);
    t.app.ctx.config.authRateLimit = 10_000;
  });
  afterAll(() => t.close());
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "POST", url, payload: payload as object, headers });
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url, headers });

  describe("sign-up, session, logout", () => {
    it("signs up, shows the session, signs out", async () => {
      const body = signUpBody();
      const res = await post("/api/v1/signup", body);
      expect(res.statusCode, res.body).toBe(201);
      const out = res.json();
      expect(out.user.email).toBe(body.email.trim().toLowerCase());
      expect(out.workspace).toMatchObject({
        slug: body.workspace.slug,
        currency: "EUR",
        region: null,
      });
      expect(out.role).toBe("owner");
      const setCookie = String(res.headers["set-cookie"]);
      expect(setCookie).toMatch(/cadre_session=[\w-]{43};/);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Lax/);
      expect(setCookie).toMatch(/Path=\//);
      expect(setCookie).toMatch(/Secure/); // inject's host is localhost: "auto" sets Secure
      const cookie = sessionCookie(res);
      const session = await get("/api/v1/session", { cookie });
      expect(session.statusCode).toBe(200);
      expect(session.json()).toMatchObject({
        kind: "member",
        via: "session",
        role: "owner",
        csrfToken: out.csrfToken,
      });
      expect(session.json().user.id).toBe(out.user.id);
      const logout = await post("/api/v1/logout", {}, { cookie, "x-csrf-token": out.csrfToken });
      expect(logout.statusCode).toBe(204);
      expect(String(logout.headers["set-cookie"])).toMatch(/cadre_session=;/);
      expect((await get("/api/v1/session", { cookie })).statusCode).toBe(401);
    });

    it("defaults the currency from the country", async () => {
      const ca = await post(
        "/api/v1/signup",
        signUpBody({}, { country: "CA", region: "QC", timezone: "America/Toronto" }),
      );
      expect(ca.json().workspace).toMatchObject({ currency: "CAD", region: "QC" });
      const us = await post(
        "/api/v1/signup",
        signUpBody({}, { country: "US", timezone: "America/New_York", locale: "en" }),
      );
      expect(us.json().workspace.currency).toBe("USD");
      const chosen = await post("/api/v1/signup", signUpBody({}, { currency: "CHF" }));
      expect(chosen.json().workspace.currency).toBe("CHF");
    });

    it("refuses a duplicate e-mail or slug with a localised 409", async () => {
      const first = signUpBody();
      expect((await post("/api/v1/signup", first)).statusCode).toBe(201);
      const sameEmail = await post(
        "/api/v1/signup",
        signUpBody({ email: first.email.toUpperCase() }),
        FR,
      );
      expect(sameEmail.statusCode).toBe(409);
      expect(sameEmail.json().error.message).toMatch(/existe déjà/);
      const sameSlug = await post("/api/v1/signup", signUpBody({}, { slug: first.workspace.slug }));
      expect(sameSlug.statusCode).toBe(409);
      expect(sameSlug.json().error.message).toContain(first.workspace.slug);
    });
  });

  describe("bad input", () => {
    it("names every missing field", async () => {
      const res = await post("/api/v1/signup", { email: "a@b.co", workspace: { name: "x" } }, FR);
      expect(res.statusCode).toBe(400);
      const paths = res.json().error.details.map((d: { path: string }) => d.path);
      expect(paths).toEqual(
        expect.arrayContaining(["password", "name", "workspace.slug", "workspace.timezone"]),
      );
      expect(res.json().error.details[0].message).toMatch(/obligatoire/);
    });

    it("explains a bad zone, country, region, slug, e-mail and password in French and English", async () => {
      const bad = signUpBody({ email: "not-an-email" }, { timezone: "Mars/Olympus", slug: "api" });
      const fr = await post("/api/v1/signup", bad, FR);
      expect(fr.statusCode).toBe(400);
      const byPath = Object.fromEntries(
        fr.json().error.details.map((d: { path: string; message: string }) => [d.path, d.message]),
      );
      expect(byPath["workspace.timezone"]).toMatch(/Mars\/Olympus.*fuseau horaire/);
      expect(byPath["workspace.slug"]).toMatch(/réservé/);
      expect(byPath.email).toMatch(/adresse e-mail valide/);
      const en = await post("/api/v1/signup", signUpBody({}, { country: "ZZ", slug: "Bad Slug" }));
      const enPaths = Object.fromEntries(
        en.json().error.details.map((d: { path: string; message: string }) => [d.path, d.message]),
      );
      expect(enPaths["workspace.country"]).toMatch(/ZZ.*public holidays/);
      expect(enPaths["workspace.slug"]).toMatch(/lower-case/);
      const region = await post(
        "/api/v1/signup",
        signUpBody({}, { country: "CA", region: "XX", timezone: "America/Toronto" }),
      );
      expect(region.json().error.details).toEqual([
        expect.objectContaining({ path: "workspace.region", code: "unknown_holiday_region" }),
      ]);
      const short = await post("/api/v1/signup", signUpBody({ password: "short" }));
      expect(short.json().error.details).toEqual([
        expect.objectContaining({
          path: "password",
          message: expect.stringMatching(/at least 10/),
        }),
      ]);
      const long = await post("/api/v1/signup", signUpBody({ password: "x".repeat(201) }));
      expect(long.statusCode).toBe(400);
    });
    it("refuses control characters (PostgreSQL cannot store NUL) with a 400, never a 500", async () => {
      const res = await post("/api/v1/signup", signUpBody({ name: "Alex\u0000" }), FR);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([
        expect.objectContaining({
          path: "name",
          message: expect.stringMatching(/caractère nul/),
        }),
      ]);
      const login = await post("/api/v1/login", { email: "a\u0000@b.co", password: "x" });
      expect(login.statusCode).toBe(400);
      const param = await t.app.inject({
        method: "DELETE",
        url: "/api/v1/tokens/%00",
        headers: { authorization: "Bearer cad_x" },
      });
      expect(param.statusCode).toBe(400);
    });
  });

  describe("sign-in", () => {
    it("signs in with the right password, into the named workspace", async () => {
      const pro = await signUpPro(t.app);
      const res = await post("/api/v1/login", {
        email: ` ${pro.email.toUpperCase()}`,
        password: pro.password,
        workspace: pro.workspace.slug,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ role: "owner", workspace: { id: pro.workspace.id } });
      const session = await get("/api/v1/session", { cookie: sessionCookie(res) });
      expect(session.json().csrfToken).toBe(res.json().csrfToken);
    });

    it("answers a wrong password and an unknown e-mail the same way, in French and English", async () => {
      const pro = await signUpPro(t.app);
      const wrong = await post(
        "/api/v1/login",
        { email: pro.email, password: "not the password" },
        FR,
      );
      const unknown = await post(
        "/api/v1/login",
        { email: "nobody@cadre.example", password: "whatever123" },
        FR,
      );
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json()).toEqual(unknown.json());
      expect(wrong.json().error.message).toBe("Adresse e-mail ou mot de passe incorrect.");
      const en = await post("/api/v1/login", { email: pro.email, password: "not the password" });
      expect(en.json().error.message).toBe("Wrong e-mail address or password.");
      const otherWorkspace = await post("/api/v1/login", {
        email: pro.email,
        password: pro.password,
        workspace: "elsewhere",
      });
      expect(otherWorkspace.statusCode).toBe(401);
    });
  });

  describe("CSRF and tokens", () => {
    it("requires the CSRF header on cookie writes, not on Bearer writes", async () => {
      const pro = await signUpPro(t.app);
      const none = await post("/api/v1/tokens", { name: "x" }, { cookie: pro.cookie, ...FR });
      expect(none.statusCode).toBe(403);
      expect(none.json().error.message).toMatch(/x-csrf-token/);
      const wrong = await post(
        "/api/v1/tokens",
        { name: "x" },
        { cookie: pro.cookie, "x-csrf-token": "nope" },
      );
      expect(wrong.statusCode).toBe(403);
      const ok = await post("/api/v1/tokens", { name: "x" }, pro.asSession());
      expect(ok.statusCode).toBe(201);
      const bearer = await post("/api/v1/tokens", { name: "y" }, pro.asToken());
      expect(bearer.statusCode).toBe(201);
      expect(bearer.json().token).toMatch(/^cad_[\w-]{43}$/);
      const read = await get("/api/v1/tokens", { cookie: pro.cookie });
      expect(read.statusCode).toBe(200);
    });

    it("lists tokens without secrets and revokes one at once", async () => {
      const pro = await signUpPro(t.app);
      const created = await post("/api/v1/tokens", { name: "zapier" }, pro.asToken());
      const bearer = { authorization: `Bearer ${created.json().token}` };
      expect((await get("/api/v1/session", bearer)).statusCode).toBe(200); // now cached
      const list = await get("/api/v1/tokens", pro.asToken());
      expect(list.json().tokens.map((x: { name: string }) => x.name)).toEqual(["tests", "zapier"]);
      expect(list.body).not.toContain(created.json().token);
      expect(list.body).not.toContain(pro.token);
      const revoke = await t.app.inject({
        method: "DELETE",
        url: `/api/v1/tokens/${created.json().id}`,
        headers: pro.asSession(),
      });
      expect(revoke.statusCode).toBe(204);
      expect((await get("/api/v1/session", bearer)).statusCode).toBe(401);
      const again = await t.app.inject({
        method: "DELETE",
        url: `/api/v1/tokens/${created.json().id}`,
        headers: pro.asToken(),
      });
      expect(again.statusCode).toBe(404);
      expect((await get("/api/v1/tokens", pro.asToken())).json().tokens[1].revokedAt).toEqual(
        expect.any(String),
      );
    });

    it("rejects unknown and malformed credentials with 401", async () => {
      expect(
        (await get("/api/v1/session", { authorization: "Bearer cad_nothing" })).statusCode,
      ).toBe(401);
      expect((await get("/api/v1/session", { authorization: "Basic abc" })).statusCode).toBe(401);
      expect((await get("/api/v1/session", { cookie: "cadre_session=forged" })).statusCode).toBe(
        401,
      );
      expect((await get("/api/v1/tokens")).statusCode).toBe(401);
    });
  });

  it("documents the accounts routes in OpenAPI", async () => {
    const spec = (await get("/api/openapi.json")).json();
    for (const path of [
      "/api/v1/signup",
      "/api/v1/login",
      "/api/v1/logout",
      "/api/v1/session",
      "/api/v1/tokens",
      "/api/v1/tokens/{id}",
    ]) {
      expect(spec.paths[path], path).toBeDefined();
    }
    expect(spec.paths["/api/v1/signup"].post.tags).toEqual(["accounts"]);
  });
});
