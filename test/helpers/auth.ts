// Signed-in callers for HTTP tests: a professional (session cookie + CSRF, and a Bearer token
// created through the API) and a portal client (magic link consumed into a session).
// Both helpers lift the app's auth rate limit so fixtures never trip it; a rate-limit test sets
// `app.ctx.config.authRateLimit` low after calling them.
import { randomBytes } from "node:crypto";
import type { App } from "../../src/http/app.ts";

export interface WorkspaceOverrides {
  name?: string;
  slug?: string;
  timezone?: string;
  locale?: string;
  country?: string;
  region?: string;
  currency?: string;
}

export interface ProOverrides {
  email?: string;
  password?: string;
  name?: string;
  workspace?: WorkspaceOverrides;
}

export type Headers = Record<string, string>;

export interface Pro {
  cookie: string;
  csrfToken: string;
  /** A Bearer API token ("cad_…"). */
  token: string;
  email: string;
  password: string;
  user: { id: string; email: string; name: string };
  workspace: {
    id: string;
    slug: string;
    name: string;
    timezone: string;
    locale: string;
    country: string;
    region: string | null;
    currency: string;
  };
  /** Cookie + x-csrf-token, as the web app sends them. */
  asSession(): Headers;
  /** Authorization: Bearer, as a script sends it. */
  asToken(): Headers;
}

export interface ClientSession {
  cookie: string;
  csrfToken: string;
  client: { id: string; name: string; locale: string };
  headers(): Headers;
}

function liftRateLimit(app: App): void {
  app.ctx.config.authRateLimit = Math.max(app.ctx.config.authRateLimit, 10_000);
}

/** The "name=value" of the session cookie a response set. */
export function sessionCookie(res: { cookies: { name: string; value: string }[] }): string {
  const cookie = res.cookies.find((c) => c.name === "cadre_session" && c.value !== "");
  if (!cookie) throw new Error("no session cookie in the response");
  return `cadre_session=${cookie.value}`;
}

function expectStatus(res: { statusCode: number; body: string }, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
}

export async function signUpPro(app: App, overrides: ProOverrides = {}): Promise<Pro> {
  liftRateLimit(app);
  const unique = randomBytes(4).toString("hex");
  const email = overrides.email ?? `pro-${unique}@cadre.example`;
  const password = overrides.password ?? "correct horse battery";
  const payload = {
    email,
    password,
    name: overrides.name ?? "Camille Tremblay",
    workspace: {
      name: "Atelier Camille",
      slug: `atelier-${unique}`,
      timezone: "America/Toronto",
      locale: "fr-CA",
      country: "CA",
      region: "QC",
      ...overrides.workspace,
    },
  };
  const res = await app.inject({ method: "POST", url: "/api/v1/signup", payload });
  expectStatus(res, 201, "signup");
  const body = res.json();
  const cookie = sessionCookie(res);
  const csrfToken: string = body.csrfToken;
  const created = await app.inject({
    method: "POST",
    url: "/api/v1/tokens",
    headers: { cookie, "x-csrf-token": csrfToken },
    payload: { name: "tests" },
  });
  expectStatus(created, 201, "token");
  const token: string = created.json().token;
  return {
    cookie,
    csrfToken,
    token,
    email,
    password,
    user: body.user,
    workspace: body.workspace,
    asSession: () => ({ cookie, "x-csrf-token": csrfToken }),
    asToken: () => ({ authorization: `Bearer ${token}` }),
  };
}

/** The secret carried by a link (`…#token=…` or `…?token=…`). */
export function tokenFromUrl(url: string): string {
  const match = /[#?&]token=([^&#]+)/.exec(url);
  if (!match?.[1]) throw new Error(`no token in ${url}`);
  return decodeURIComponent(match[1]);
}

export async function clientSession(app: App, pro: Pro, clientId: string): Promise<ClientSession> {
  liftRateLimit(app);
  const link = await app.inject({
    method: "POST",
    url: `/api/v1/clients/${clientId}/magic-link`,
    headers: pro.asToken(),
  });
  expectStatus(link, 201, "magic link");
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/portal/session",
    payload: { token: tokenFromUrl(link.json().url) },
  });
  expectStatus(res, 200, "portal session");
  const cookie = sessionCookie(res);
  const csrfToken: string = res.json().csrfToken;
  return {
    cookie,
    csrfToken,
    client: res.json().client,
    headers: () => ({ cookie, "x-csrf-token": csrfToken }),
  };
}

/** A client row written straight to the store, for tests that must not depend on the clients API. */
export async function addClientRow(
  app: App,
  workspaceId: string,
  email: string | null,
  locale = "fr-CA",
): Promise<string> {
  const id = crypto.randomUUID();
  const at = new Date(app.ctx.now()).toISOString();
  await app.ctx.db
    .insertInto("clients")
    .values({
      workspace_id: workspaceId,
      id,
      name: "Dominique Roy",
      locale,
      created_at: at,
      updated_at: at,
      company: null,
      timezone: null,
      notes: null,
      acknowledged_version: null,
      acknowledged_at: null,
      acknowledged_from: null,
    })
    .execute();
  if (email)
    await app.ctx.db
      .insertInto("client_emails")
      .values({ workspace_id: workspaceId, email, client_id: id, position: 0 })
      .execute();
  return id;
}
