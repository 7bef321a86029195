// Invitations, magic links, client sessions and expiry, on both engines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/http/app.ts";
import { startApp, type TestApp } from "../helpers/app.ts";
import {
  addClientRow as addClient,
  clientSession,
  sessionCookie,
  signUpPro,
  tokenFromUrl,
} from "../helpers/auth.ts";
import { describeEngines } from "../helpers/store.ts";

const DAY = 86_400_000;
const FR = { "accept-language": "fr" };

function outbox(app: App, workspaceId: string) {
  return app.ctx.db
    .selectFrom("outbox")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .execute();
}

describeEngines("accounts: invitations and client links", (engine) => {
  let t: TestApp;
  let clock = Date.parse("2026-11-27T15:00:00Z");
  beforeAll(async () => {
    t = await startApp(engine, { now: () => clock });
  });
  afterAll(() => t.close());
  const inject = (
    method: "GET" | "POST" | "DELETE",
    url: string,
    headers: Record<string, string> = {},
    payload?: object,
  ) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  describe("invitations", () => {
    it("the owner invites, the invitee creates an account and can sign in", async () => {
      const owner = await signUpPro(t.app);
      const invited = await inject("POST", "/api/v1/members/invitations", owner.asSession(), {
        email: " New.Member@Cadre.example",
        role: "member",
      });
      expect(invited.statusCode, invited.body).toBe(201);
      const mails = await outbox(t.app, owner.workspace.id);
      expect(mails).toEqual([
        expect.objectContaining({
          to_address: "new.member@cadre.example",
          state: "queued",
          idempotency_key: `invitation:${invited.json().id}`,
        }),
      ]);
      expect(mails[0]!.text_body).toContain(invited.json().url);
      expect(mails[0]!.subject).toMatch(/vous invite/); // the workspace speaks fr-CA
      const token = tokenFromUrl(invited.json().url);
      const noName = await inject(
        "POST",
        "/api/v1/invitations/accept",
        {},
        { token, password: "member password" },
      );
      expect(noName.json().error.details).toEqual([
        expect.objectContaining({ path: "name", code: "required" }),
      ]);
      const accepted = await inject(
        "POST",
        "/api/v1/invitations/accept",
        {},
        { token, name: "Sam", password: "member password" },
      );
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json()).toMatchObject({
        role: "member",
        workspace: { id: owner.workspace.id },
      });
      const login = await inject(
        "POST",
        "/api/v1/login",
        {},
        { email: "new.member@cadre.example", password: "member password" },
      );
      expect(login.statusCode).toBe(200);
      const again = await inject("POST", "/api/v1/invitations/accept", FR, {
        token,
        name: "Sam",
        password: "member password",
      });
      expect(again.statusCode).toBe(401);
      expect(again.json().error.message).toMatch(/invitation n’est plus valide/);
      const members = await inject("GET", "/api/v1/members", owner.asToken());
      expect(
        members
          .json()
          .members.map((m: { role: string }) => m.role)
          .sort(),
      ).toEqual(["member", "owner"]);
      // A member cannot invite; inviting an existing member is a conflict.
      const cookie = sessionCookie(login);
      const byMember = await inject(
        "POST",
        "/api/v1/members/invitations",
        { cookie, "x-csrf-token": login.json().csrfToken },
        { email: "x@cadre.example", role: "member" },
      );
      expect(byMember.statusCode).toBe(403);
      const twice = await inject("POST", "/api/v1/members/invitations", owner.asToken(), {
        email: "new.member@cadre.example",
        role: "member",
      });
      expect(twice.statusCode).toBe(409);
    });

    it("an existing account joins with its own password; an expired invitation is refused", async () => {
      const owner = await signUpPro(t.app);
      const other = await signUpPro(t.app);
      const invited = await inject("POST", "/api/v1/members/invitations", owner.asToken(), {
        email: other.email,
        role: "owner",
      });
      const token = tokenFromUrl(invited.json().url);
      const wrong = await inject(
        "POST",
        "/api/v1/invitations/accept",
        {},
        { token, password: "not the password" },
      );
      expect(wrong.statusCode).toBe(401);
      const joined = await inject(
        "POST",
        "/api/v1/invitations/accept",
        {},
        { token, password: other.password },
      );
      expect(joined.json()).toMatchObject({
        role: "owner",
        user: { id: other.user.id },
        workspace: { id: owner.workspace.id },
      });
      const intoEach = await inject(
        "POST",
        "/api/v1/login",
        {},
        { email: other.email, password: other.password, workspace: owner.workspace.slug },
      );
      expect(intoEach.json().workspace.id).toBe(owner.workspace.id);
      const late = await inject("POST", "/api/v1/members/invitations", owner.asToken(), {
        email: "late@cadre.example",
        role: "member",
      });
      clock += 8 * DAY;
      const expired = await inject(
        "POST",
        "/api/v1/invitations/accept",
        {},
        { token: tokenFromUrl(late.json().url), name: "Late", password: "late password" },
      );
      expect(expired.statusCode).toBe(401);
    });
  });

  describe("client magic links", () => {
    it("a member sends a link, the client opens the portal once", async () => {
      const pro = await signUpPro(t.app);
      const clientId = await addClient(t.app, pro.workspace.id, "dominique@client.example");
      const link = await inject("POST", `/api/v1/clients/${clientId}/magic-link`, pro.asSession());
      expect(link.statusCode, link.body).toBe(201);
      expect(link.json()).toMatchObject({
        sentTo: "dominique@client.example",
        expiresAt: new Date(clock + 7 * DAY).toISOString(),
      });
      const mails = await outbox(t.app, pro.workspace.id);
      expect(mails).toEqual([
        expect.objectContaining({ to_address: "dominique@client.example", state: "queued" }),
      ]);
      expect(mails[0]!.subject).toMatch(/espace client/);
      const token = tokenFromUrl(link.json().url);
      const opened = await inject("POST", "/api/v1/portal/session", {}, { token });
      expect(opened.statusCode, opened.body).toBe(200);
      expect(opened.json().client).toMatchObject({ id: clientId, locale: "fr-CA" });
      const cookie = sessionCookie(opened);
      const session = await inject("GET", "/api/v1/session", { cookie });
      expect(session.json()).toMatchObject({
        kind: "client",
        client: { id: clientId },
        workspace: { id: pro.workspace.id },
      });
      expect(session.json().user).toBeUndefined();
      const second = await inject("POST", "/api/v1/portal/session", FR, { token });
      expect(second.statusCode).toBe(401);
      expect(second.json().error.message).toMatch(/déjà servi ou il a expiré/);
    });

    it("an expired link is refused; a client gets 403 on member routes", async () => {
      const pro = await signUpPro(t.app);
      const clientId = await addClient(t.app, pro.workspace.id, null, "en");
      const link = await inject("POST", `/api/v1/clients/${clientId}/magic-link`, pro.asToken());
      expect(link.json().sentTo).toBeNull();
      clock += 7 * DAY + 1;
      const expired = await inject(
        "POST",
        "/api/v1/portal/session",
        {},
        { token: tokenFromUrl(link.json().url) },
      );
      expect(expired.statusCode).toBe(401);
      const client = await clientSession(t.app, pro, clientId);
      for (const [method, url] of [
        ["GET", "/api/v1/tokens"],
        ["GET", "/api/v1/members"],
        ["POST", `/api/v1/clients/${clientId}/magic-link`],
      ] as const) {
        const res = await inject(method, url, client.headers());
        expect(res.statusCode, url).toBe(403);
      }
      const noCsrf = await inject("POST", "/api/v1/logout", { cookie: client.cookie });
      expect(noCsrf.statusCode).toBe(403);
      expect((await inject("POST", "/api/v1/logout", client.headers())).statusCode).toBe(204);
      expect((await inject("GET", "/api/v1/session", client.headers())).statusCode).toBe(401);
    });

    it("a session ends when it expires", async () => {
      const pro = await signUpPro(t.app);
      expect((await inject("GET", "/api/v1/session", { cookie: pro.cookie })).statusCode).toBe(200);
      clock += 31 * DAY;
      expect((await inject("GET", "/api/v1/session", { cookie: pro.cookie })).statusCode).toBe(401);
      expect((await inject("GET", "/api/v1/session", pro.asToken())).statusCode).toBe(200); // tokens do not expire
    });
  });
});
