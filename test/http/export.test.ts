// GET /api/v1/export: the owner downloads all the workspace's data, the same bytes `cadre export`
// writes; nobody else may.
import { afterAll, beforeAll, expect, it } from "vitest";
import { exportWorkspace } from "../../src/services/transfer/export-workspace.ts";
import { startApp, type TestApp } from "../helpers/app.ts";
import {
  clientSession,
  type Pro,
  sessionCookie,
  signUpPro,
  tokenFromUrl,
} from "../helpers/auth.ts";
import { describeEngines } from "../helpers/store.ts";

describeEngines("GET /api/v1/export", (engine) => {
  let t: TestApp;
  let owner: Pro;
  let other: Pro;
  const clock = Date.parse("2026-11-23T17:30:00Z");
  beforeAll(async () => {
    t = await startApp(engine, { now: () => clock });
    owner = await signUpPro(t.app, { workspace: { slug: "atelier-export" } });
    other = await signUpPro(t.app);
  });
  afterAll(() => t.close());
  const get = (headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url: "/api/v1/export", headers });

  it("gives the owner the whole workspace as a download", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/clients",
      headers: owner.asToken(),
      payload: { name: "Dominique Roy", emails: ["dominique@example.org"], locale: "fr-CA" },
    });
    expect(created.statusCode, created.body).toBe(201);
    for (const headers of [owner.asSession(), owner.asToken()]) {
      const res = await get(headers);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(res.headers["content-disposition"]).toBe(
        'attachment; filename="cadre-atelier-export-2026-11-23.json"',
      );
      const { text } = await exportWorkspace(t.app.ctx, owner.workspace.id);
      expect(res.body).toBe(text);
      const doc = res.json();
      expect(doc.schema).toBe("cadre.export/1");
      expect(doc.workspace.id).toBe(owner.workspace.id);
      expect(doc.clients.map((c: { name: string }) => c.name)).toEqual(["Dominique Roy"]);
      // Only this workspace, and no secrets.
      expect(res.body).not.toContain(other.workspace.id);
      expect(res.body).not.toContain("passwordHash");
      expect(res.body).not.toContain(owner.csrfToken);
    }
  });

  it("is refused to anyone else: anonymous 401, a member, a client 403", async () => {
    const anonymous = await get({ "accept-language": "fr" });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.message).toMatch(/Connectez-vous/);

    const invited = await t.app.inject({
      method: "POST",
      url: "/api/v1/members/invitations",
      headers: owner.asToken(),
      payload: { email: "sam@cadre.example", role: "member" },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const accepted = await t.app.inject({
      method: "POST",
      url: "/api/v1/invitations/accept",
      payload: {
        token: tokenFromUrl(invited.json().url),
        name: "Sam",
        password: "member password",
      },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const member = await get({ cookie: sessionCookie(accepted) });
    expect(member.statusCode).toBe(403);
    expect(member.json().error.code).toBe("forbidden");

    const clients = await t.app.inject({
      method: "GET",
      url: "/api/v1/clients",
      headers: owner.asToken(),
    });
    const client = await clientSession(t.app, owner, clients.json().items[0].id);
    const asClient = await get({ cookie: client.cookie });
    expect(asClient.statusCode).toBe(403);

    // The invitation's mail is in the owner's export, without its link's secret.
    const res = await get(owner.asToken());
    expect(res.body).not.toContain(tokenFromUrl(invited.json().url));
    expect(res.body).toContain("#token=[redacted]");
  });

  it("is documented in OpenAPI", async () => {
    const spec = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(spec.paths["/api/v1/export"].get.summary).toMatch(/Export all/);
  });
});
