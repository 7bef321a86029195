// Bad input never makes a 5xx and never writes part of anything: random and malformed bodies,
// queries and ids are sent to every route of the OpenAPI description; every 4xx must leave every
// table exactly as it was.
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app.ts";
import { type Pro, signUpPro } from "../helpers/auth.ts";
import { describeEngines } from "../helpers/store.ts";

const TABLES = [
  "workspaces",
  "users",
  "members",
  "invitations",
  "sessions",
  "api_tokens",
  "magic_links",
  "password_resets",
  "charter_drafts",
  "charter_versions",
  "offers",
  "clients",
  "client_emails",
  "engagements",
  "deliverables",
  "obligations",
  "requests",
  "violations",
  "exceptions",
  "outbox",
  "jobs",
  "messages",
  "attachments",
  "mail_threads",
  "mail_cursors",
  "change_orders",
  "invoices",
  "invoice_lines",
  "payments",
  "workspace_taxes",
  "bookings",
  "calendar_sources",
  "busy_events",
  "calendar_feeds",
];

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      "clientId",
      "channel",
      "subject",
      "body",
      "kind",
      "receivedAt",
      "neededBy",
      "name",
      "emails",
      "locale",
      "email",
      "password",
      "workspace",
      "request",
      "charter",
      "rule",
      "reason",
      "version",
      "token",
      "action",
      "reply",
      "items",
      "offerId",
      "title",
      "deliverables",
      "obligations",
      "schema",
      "timezone",
      "hours",
    ),
    fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.string({ maxLength: 3000 }),
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.constantFrom("\u0000", "a\u0000b", "\ud800", "😀", "٣", "\u202e"),
      fc.constant(null),
      fc.integer(),
      fc.double(),
    ),
  ),
);
const rawBody = fc.oneof(
  anyJson.map((v) => ({ payload: JSON.stringify(v), type: "application/json" })),
  fc.string({ maxLength: 200 }).map((s) => ({ payload: `{${s}`, type: "application/json" })),
  fc.string({ maxLength: 200 }).map((s) => ({ payload: s, type: "text/plain" })),
  fc.constant({ payload: "", type: "application/json" }),
);
const idLike = fc.oneof(
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 80 }),
  fc.string({ unit: "binary", minLength: 1, maxLength: 20 }),
  fc.constantFrom("0", "-1", "null", "%00", "..", "a".repeat(300)),
);

async function counts(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(table)}`.execute(t.app.ctx.db);
    out[table] = Number(row.rows[0]?.n ?? 0);
  }
  return out;
}

describeEngines("fuzzing every route", (engine) => {
  let t: TestApp;
  let pro: Pro;
  let routes: { method: Method; url: string }[];
  beforeAll(async () => {
    t = await startApp(engine);
    pro = await signUpPro(t.app, { workspace: { slug: "fuzzy" } });
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ["get", "post", "put", "patch", "delete"].includes(m))
        .map((m) => ({ method: m.toUpperCase() as Method, url: path })),
    );
  });
  afterAll(() => t.close());

  it("covers the API", () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it("answers random input with a 4xx (or 2xx), never a 5xx, and a 4xx writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        rawBody,
        idLike,
        fc.dictionary(
          fc.constantFrom("status", "clientId", "limit", "offset", "q", "lang"),
          fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 10 })),
        ),
        fc.constantFrom("token", "session", "session-no-csrf", "none"),
        async (pick, body, id, query, auth) => {
          const route = routes[pick % routes.length]!;
          const url = route.url.replace(/\{[^}]+\}/g, encodeURIComponent(id));
          const headers: Record<string, string> =
            auth === "token"
              ? pro.asToken()
              : auth === "session"
                ? pro.asSession()
                : auth === "session-no-csrf"
                  ? { cookie: pro.cookie }
                  : {};
          const before = await counts(t);
          const res = await t.app.inject({
            method: route.method,
            url,
            query,
            headers: { ...headers, "content-type": body.type },
            ...(route.method === "GET" || route.method === "DELETE"
              ? {}
              : { payload: body.payload }),
          });
          expect(res.statusCode, `${route.method} ${url} → ${res.body}`).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(res.json().error.message).toEqual(expect.any(String));
            expect(await counts(t), `${route.method} ${url} wrote on ${res.statusCode}`).toEqual(
              before,
            );
          }
        },
      ),
      { numRuns: 800 },
    );
  }, 180_000);
});
