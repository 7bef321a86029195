// Export and import: a whole workspace as one `cadre.export/1` document. Export → import (into an
// empty database, on either engine) → export gives the same document and the same bytes; a bad
// document writes nothing; secrets never leave.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/services/accounts/api-tokens.ts";
import { sendMagicLink } from "../../src/services/accounts/client-access.ts";
import { logIn } from "../../src/services/accounts/log-in.ts";
import { type AppContext, defaultConfig } from "../../src/services/context.ts";
import { DEMO_EMAIL, DEMO_PASSWORD, loadDemo } from "../../src/services/demo/load-demo.ts";
import { AppError } from "../../src/services/errors.ts";
import { exportWorkspace } from "../../src/services/transfer/export-workspace.ts";
import { importWorkspace } from "../../src/services/transfer/import-workspace.ts";
import type { Store } from "../../src/store/db.ts";
import type { Engine } from "../../src/store/engine.ts";
import {
  COLUMN_TABLES,
  EXPORTED_TABLES,
  NOT_EXPORTED,
} from "../../src/store/repositories/workspace-export.ts";
import { describeEngines, freshStore, testEngines } from "../helpers/store.ts";

const NOW = Date.parse("2026-11-23T17:30:00Z");

function contextOf(store: Store): AppContext {
  return { store, db: store.db, config: defaultConfig(), now: () => NOW };
}

/** Rows per table, every table: "nothing written" means all of these stay the same. */
async function rowCounts(store: Store): Promise<Record<string, number>> {
  const tables = await store.db.introspection.getTables();
  const counts: Record<string, number> = {};
  for (const t of tables) {
    if (t.name.startsWith("kysely_")) continue;
    const row = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(t.name)}`.execute(store.db);
    counts[t.name] = Number(row.rows[0]?.n ?? 0);
  }
  return counts;
}

function expectAppError(error: unknown, code: string, key: string): AppError {
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).key).toBe(key);
  return error as AppError;
}

describeEngines("export and import", (engine) => {
  let source: Store;
  let workspaceId: string;
  let text: string;
  let document: Record<string, unknown>;
  const stores: Store[] = [];
  const fresh = async (e: Engine) => {
    const store = await freshStore(e);
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    source = await fresh(engine);
    const ctx = contextOf(source);
    workspaceId = (await loadDemo(ctx)).workspaceId;
    const user = await source.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", DEMO_EMAIL)
      .executeTakeFirstOrThrow();
    // Secrets that must never leave: a session (the demo's sign-up made one), an API token, a
    // client's magic link (its mail in the outbox carries the secret).
    const owner = {
      kind: "member",
      workspaceId,
      userId: user.id,
      role: "owner",
      via: "session",
    } as const;
    await createApiToken(ctx, owner, "backup script");
    const client = await source.db
      .selectFrom("clients")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .orderBy("name")
      .executeTakeFirstOrThrow();
    await sendMagicLink(ctx, owner, client.id);
    ({ text, document } = (await exportWorkspace(ctx, workspaceId)) as {
      text: string;
      document: Record<string, unknown>;
    });
  }, 120_000);
  afterAll(async () => {
    for (const store of stores) await store.close();
  });

  it("writes one document with every part of the workspace, in a stable form", () => {
    expect(Object.keys(document)).toEqual([
      "schema",
      "workspace",
      "members",
      "charter",
      "offers",
      "clients",
      "engagements",
      "requests",
      "violations",
      "exceptions",
      "auditLog",
      "outbox",
      "messages",
      "mailThreads",
      ...COLUMN_TABLES.map((t) => t.key),
    ]);
    expect(document.schema).toBe("cadre.export/1");
    expect((document.charter as { versions: unknown[] }).versions).toHaveLength(2);
    expect((document.offers as unknown[]).length).toBe(3);
    expect((document.clients as unknown[]).length).toBe(5);
    expect((document.exceptions as unknown[]).length).toBeGreaterThanOrEqual(3);
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text)).toEqual(document);
    // The same data twice: the same bytes.
    return exportWorkspace(contextOf(source), workspaceId).then((again) =>
      expect(again.text).toBe(text),
    );
  });

  it("never carries sessions, tokens, magic links or password hashes", async () => {
    const secrets = [
      ...(await source.db
        .selectFrom("sessions")
        .select(["id_hash as a", "csrf_token as b"])
        .execute()),
      ...(await source.db
        .selectFrom("api_tokens")
        .select(["token_hash as a", "token_hash as b"])
        .execute()),
      ...(await source.db
        .selectFrom("magic_links")
        .select(["token_hash as a", "token_hash as b"])
        .execute()),
    ].flatMap((r) => [r.a, r.b]);
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    for (const secret of secrets) expect(text).not.toContain(secret);
    const hash = await source.db
      .selectFrom("users")
      .select("password_hash")
      .executeTakeFirstOrThrow();
    expect(text).not.toContain(hash.password_hash);
    expect(text).not.toContain("passwordHash");
    expect(text).not.toContain("$scrypt$");
    // The magic-link mail is kept, its link is not.
    const mails = await source.db.selectFrom("outbox").select(["text_body"]).execute();
    const link = mails.map((m) => /#token=([\w-]+)/.exec(m.text_body)?.[1]).find(Boolean);
    expect(link).toBeTruthy();
    expect(text).not.toContain(link!);
    expect(text).toContain("#token=[redacted]");
    for (const key of ["sessions", "apiTokens", "magicLinks", "invitations", "csrf"]) {
      expect(text).not.toContain(`"${key}"`);
    }
  });

  for (const target of testEngines()) {
    it(`imports into an empty ${target} database and exports the same bytes`, async () => {
      const store = await fresh(target);
      const result = await importWorkspace(contextOf(store), JSON.parse(text));
      expect(result).toMatchObject({
        workspaceId,
        slug: "studio-boreal",
        newId: false,
        needPassword: [DEMO_EMAIL],
      });
      const again = await exportWorkspace(contextOf(store), workspaceId);
      expect(again.document).toEqual(document);
      expect(again.text).toBe(text);
    }, 60_000);
  }

  it("reads a document without the lists added to the format later (they are empty)", async () => {
    const doc = JSON.parse(text);
    for (const key of ["messages", "mailThreads", ...COLUMN_TABLES.map((t) => t.key)]) {
      expect(doc[key]).toEqual([]);
      delete doc[key];
    }
    const store = await fresh(engine);
    await importWorkspace(contextOf(store), doc);
    expect((await exportWorkspace(contextOf(store), workspaceId)).text).toBe(text);
  }, 60_000);

  it("carries password hashes only when asked, and then the account signs in", async () => {
    const withSecrets = await exportWorkspace(contextOf(source), workspaceId, {
      withSecrets: true,
    });
    expect(withSecrets.text).toContain('"passwordHash": "$scrypt$');
    const store = await fresh(engine);
    const result = await importWorkspace(contextOf(store), JSON.parse(withSecrets.text));
    expect(result.needPassword).toEqual([]);
    expect((await exportWorkspace(contextOf(store), workspaceId, { withSecrets: true })).text).toBe(
      withSecrets.text,
    );
    const signedIn = await logIn(contextOf(store), { email: DEMO_EMAIL, password: DEMO_PASSWORD });
    expect(signedIn.workspace.id).toBe(workspaceId);
    // Without the hash, the imported account cannot sign in (it needs a new password).
    const bare = await fresh(engine);
    await importWorkspace(contextOf(bare), JSON.parse(text));
    await expect(
      logIn(contextOf(bare), { email: DEMO_EMAIL, password: DEMO_PASSWORD }),
    ).rejects.toMatchObject({ code: "unauthorized" });
  }, 60_000);

  it("refuses the same workspace twice, and copies it under a new slug with a derived id", async () => {
    const before = await rowCounts(source);
    const twice = await importWorkspace(contextOf(source), JSON.parse(text)).catch((e) => e);
    expectAppError(twice, "conflict", "import_slug_taken");
    expect(await rowCounts(source)).toEqual(before);

    const copy = await importWorkspace(contextOf(source), JSON.parse(text), {
      slug: "boreal-copie",
    });
    expect(copy.newId).toBe(true);
    expect(copy.workspaceId).not.toBe(workspaceId);
    expect(copy.reusedAccounts).toEqual([DEMO_EMAIL]);
    const copied = await exportWorkspace(contextOf(source), copy.workspaceId);
    expect(
      copied.text
        .replaceAll(copy.workspaceId, workspaceId)
        .replace('"slug": "boreal-copie"', '"slug": "studio-boreal"'),
    ).toBe(text);
    // The same copy again: the slug is taken now.
    const again = await importWorkspace(contextOf(source), JSON.parse(text), {
      slug: "boreal-copie",
    }).catch((e) => e);
    expectAppError(again, "conflict", "import_slug_taken");
    // The original's owner now also owns the copy.
    const signedIn = await logIn(contextOf(source), {
      email: DEMO_EMAIL,
      password: DEMO_PASSWORD,
      workspace: "boreal-copie",
    });
    expect(signedIn.workspace.id).toBe(copy.workspaceId);
  }, 60_000);

  describe("a bad document writes nothing", () => {
    const refused = async (value: unknown, options = {}) => {
      const store = await fresh(engine);
      const before = await rowCounts(store);
      const error = await importWorkspace(contextOf(store), value, options).catch((e) => e);
      expect(await rowCounts(store)).toEqual(before);
      return expectAppError(error, "invalid_input", "import_invalid");
    };
    // biome-ignore lint/suspicious/noExplicitAny: a test edits the document freely
    const edited = (edit: (doc: Record<string, any>) => void) => {
      const doc = JSON.parse(text);
      edit(doc);
      return doc;
    };

    it("not an export at all", async () => {
      const error = await refused({ hello: "world" });
      expect(error.details.map((d) => d.path)).toContain("schema");
      await refused([1, 2, 3]);
      await refused(null);
    });

    it("wrong types and formats, every one reported", async () => {
      const error = await refused(
        edited((doc) => {
          doc.requests[3].receivedAt = "last Tuesday";
          doc.clients[0].emails = "not a list";
          doc.offers[1].archived = "no";
          doc.surprise = true;
        }),
      );
      const paths = error.details.map((d) => d.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          "requests[3].receivedAt",
          "clients[0].emails",
          "offers[1].archived",
          "surprise",
        ]),
      );
    });

    it("references to nothing and duplicate ids", async () => {
      const error = await refused(
        edited((doc) => {
          doc.engagements[0].clientId = "no-such-client";
          doc.violations[0].requestId = "no-such-request";
          doc.requests[1].id = doc.requests[0].id;
        }),
      );
      expect(error.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: "engagements[0].clientId", code: "unknown_reference" }),
          expect.objectContaining({ path: "violations[0].requestId", code: "unknown_reference" }),
          expect.objectContaining({ path: "requests[1].id", code: "duplicate_id" }),
        ]),
      );
    });

    it("text a database cannot keep, a bad slug", async () => {
      const nul = await refused(edited((doc) => (doc.clients[0].notes = "a\u0000b")));
      expect(nul.details[0]).toMatchObject({ path: "clients[0].notes", code: "unsafe_text" });
      const slug = await refused(JSON.parse(text), { slug: "Not A Slug" });
      expect(slug.details[0]).toMatchObject({ path: "--slug", code: "slug_format" });
    });

    it("a failure half-way through the transaction leaves nothing behind", async () => {
      const store = await fresh(engine);
      // The audit log is written near the end: make the database refuse it.
      if (engine === "sqlite") {
        await sql`create trigger refuse_audit before insert on audit_log begin select raise(abort, 'refused'); end`.execute(
          store.db,
        );
      } else {
        await sql`create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$`.execute(
          store.db,
        );
        await sql`create trigger refuse_audit before insert on audit_log for each row execute function refuse_audit()`.execute(
          store.db,
        );
      }
      const before = await rowCounts(store);
      await expect(importWorkspace(contextOf(store), JSON.parse(text))).rejects.toThrow(/refused/);
      expect(await rowCounts(store)).toEqual(before);
      expect(before.workspaces).toBe(0);
    });
  });
});

describe("what the export covers", () => {
  it("every table that belongs to a workspace is exported or deliberately left out", async () => {
    const store = await freshStore("sqlite");
    try {
      const tables = await store.db.introspection.getTables();
      const tenant = tables
        .filter((t) => t.columns.some((c) => c.name === "workspace_id"))
        .map((t) => t.name)
        .sort();
      const covered = new Set<string>([
        ...EXPORTED_TABLES,
        ...COLUMN_TABLES.map((t) => t.table),
        ...NOT_EXPORTED,
      ]);
      const missing = tenant.filter((name) => !covered.has(name));
      expect(missing, "add these tables to src/store/repositories/workspace-export.ts").toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describeEngines("export and import: mail, money, bookings and calendars", (engine) => {
  const stores: Store[] = [];
  const fresh = async (e: Engine) => {
    const store = await freshStore(e);
    stores.push(store);
    return store;
  };
  afterAll(async () => {
    for (const store of stores) await store.close();
  });

  it("keeps every column, binary attachments included, and leaves calendar secrets out", async () => {
    const source = await fresh(engine);
    const ctx = contextOf(source);
    const { workspaceId: ws } = await loadDemo(ctx);
    const db = source.db;
    const client = await db
      .selectFrom("clients")
      .select("id")
      .where("workspace_id", "=", ws)
      .orderBy("name")
      .executeTakeFirstOrThrow();
    const engagement = await db
      .selectFrom("engagements")
      .select("id")
      .where("workspace_id", "=", ws)
      .where("client_id", "=", client.id)
      .executeTakeFirstOrThrow();
    const request = await db
      .selectFrom("requests")
      .select("id")
      .where("workspace_id", "=", ws)
      .where("client_id", "=", client.id)
      .executeTakeFirstOrThrow();
    const user = await db.selectFrom("users").select("id").executeTakeFirstOrThrow();
    const at = "2026-11-20T15:04:05.678Z";
    const bytes = new Uint8Array(256).map((_, i) => i);
    await db
      .insertInto("messages")
      .values({
        workspace_id: ws,
        id: "m1",
        request_id: request.id,
        message_id: "abc@mail.example",
        in_reply_to: null,
        reference_ids: JSON.stringify(["x@y", "z@w"]),
        from_address: "client@example.org",
        from_name: "Client «Ç»",
        reply_to: null,
        to_addresses: JSON.stringify(["julie@studio-boreal.example"]),
        subject: "Bonjour",
        text_body: "Texte\nsur deux lignes",
        html_body: "<p>Texte</p>",
        written_at: at,
        received_at: at,
        transport: "smtp",
        automatic: null,
        unknown_sender: 0,
        state: "taken",
        attempts: 1,
        last_error: null,
        size: 1234,
        truncated: 0,
        created_at: at,
      })
      .execute();
    await db
      .insertInto("attachments")
      .values([
        {
          workspace_id: ws,
          id: "a1",
          message_id: "m1",
          filename: "logo.png",
          content_type: "image/png",
          size: 256,
          sha256: "x",
          content: bytes,
          position: 0,
          created_at: at,
        },
        {
          workspace_id: ws,
          id: "a2",
          message_id: "m1",
          filename: "huge.pdf",
          content_type: "application/pdf",
          size: 99_000_000,
          sha256: "y",
          content: null,
          position: 1,
          created_at: at,
        },
      ])
      .execute();
    await db
      .insertInto("mail_threads")
      .values({
        workspace_id: ws,
        request_id: request.id,
        from_address: "client@example.org",
        unknown_sender: 0,
        message_count: 2,
        last_message_at: at,
        last_auto_reply_at: null,
        created_at: at,
      })
      .execute();
    await db
      .insertInto("workspace_taxes")
      .values({
        workspace_id: ws,
        document: JSON.stringify({
          taxes: [
            { id: "gst", percent: 5 },
            { id: "qst", percent: 9.975 },
          ],
        }),
        updated_at: at,
      })
      .execute();
    await db
      .insertInto("invoices")
      .values({
        workspace_id: ws,
        id: "i1",
        number: "2026-0001",
        client_id: client.id,
        engagement_id: engagement.id,
        state: "issued",
        currency: "CAD",
        timezone: "America/Toronto",
        terms: JSON.stringify({ days: 15 }),
        taxes: JSON.stringify([]),
        subtotal: 100_000,
        tax_total: 14_975,
        total: 114_975,
        paid_amount: 50_000,
        issued_at: at,
        issued_on: "2026-11-20",
        due_on: "2026-12-05",
        paid_at: null,
        overdue_at: null,
        note: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto("change_orders")
      .values({
        workspace_id: ws,
        id: "co1",
        engagement_id: engagement.id,
        client_id: client.id,
        request_id: request.id,
        title: "Affiche",
        items: JSON.stringify([{ id: "affiche", price: 45_000 }]),
        grants: JSON.stringify({}),
        price: 45_000,
        currency: "CAD",
        delivery_shift_business_days: 2,
        state: "accepted",
        created_at: at,
        created_by: `user:${user.id}`,
        decided_at: at,
        decided_by: `client:${client.id}`,
        invoice_id: "i1",
      })
      .execute();
    await db
      .insertInto("invoice_lines")
      .values({
        workspace_id: ws,
        id: "l1",
        invoice_id: "i1",
        position: 0,
        kind: "change-order",
        description: "Affiche",
        quantity: 1.5,
        unit_price: 30_000,
        amount: 45_000,
        change_order_id: "co1",
      })
      .execute();
    await db
      .insertInto("payments")
      .values({
        workspace_id: ws,
        id: "p1",
        invoice_id: "i1",
        amount: 50_000,
        method: "interac",
        paid_at: at,
        paid_on: "2026-11-20",
        recorded_by: `user:${user.id}`,
        created_at: at,
      })
      .execute();
    await db
      .insertInto("bookings")
      .values({
        workspace_id: ws,
        id: "b1",
        meeting_type_id: "call-30",
        client_id: client.id,
        member_user_id: user.id,
        engagement_id: engagement.id,
        start_at: "2026-11-25T15:00:00.000Z",
        end_at: "2026-11-25T15:30:00.000Z",
        buffer_minutes: 15,
        status: "booked",
        cancelled_at: null,
        cancelled_by: null,
        cancel_reason: null,
        counts_as_used: 0,
        fee: null,
        extra_price: null,
        extra_add_on_id: null,
        currency: null,
        waived_rules: JSON.stringify([]),
        charter_version: 2,
        rescheduled_from: null,
        created_by: `client:${client.id}`,
        created_at: at,
      })
      .execute();
    const privateUrl = "https://calendar.example/private-5f1e9a/basic.ics";
    await db
      .insertInto("calendar_sources")
      .values({
        workspace_id: ws,
        id: "s1",
        member_user_id: user.id,
        url: privateUrl,
        label: "Perso",
        created_at: at,
        last_fetched_at: at,
        last_success_at: at,
        last_error: null,
        event_count: 1,
      })
      .execute();
    await db
      .insertInto("busy_events")
      .values({
        workspace_id: ws,
        source_id: "s1",
        member_user_id: user.id,
        start_at: at,
        end_at: at,
      })
      .execute();
    await db
      .insertInto("calendar_feeds")
      .values({
        workspace_id: ws,
        id: "f1",
        member_user_id: user.id,
        token_hash: "feed-token-hash-secret",
        created_at: at,
        revoked_at: null,
      })
      .execute();

    const first = await exportWorkspace(ctx, ws);
    // biome-ignore lint/suspicious/noExplicitAny: the test reads the document freely
    const doc = first.document as Record<string, any>;
    expect(doc.messages[0].attachments.map((a: { content: string | null }) => a.content)).toEqual([
      Buffer.from(bytes).toString("base64"),
      null,
    ]);
    expect(doc.mailThreads).toHaveLength(1);
    expect(doc.invoices[0]).toMatchObject({
      number: "2026-0001",
      total: 114_975,
      paidAmount: 50_000,
    });
    expect(doc.invoiceLines[0]).toMatchObject({ quantity: 1.5, changeOrderId: "co1" });
    expect(doc.bookings[0]).toMatchObject({
      clientId: client.id,
      startAt: "2026-11-25T15:00:00.000Z",
    });
    expect(doc.calendarSources[0].url).toBe("[redacted]");
    expect(first.text).not.toContain(privateUrl);
    expect(first.text).not.toContain("feed-token-hash-secret");
    expect(first.text).not.toContain("busyEvents");
    const withSecrets = await exportWorkspace(ctx, ws, { withSecrets: true });
    expect(withSecrets.text).toContain(privateUrl);

    for (const target of testEngines()) {
      const store = await fresh(target);
      await importWorkspace(contextOf(store), JSON.parse(first.text));
      const again = await exportWorkspace(contextOf(store), ws);
      expect(again.text).toBe(first.text);
      const attachment = await store.db
        .selectFrom("attachments")
        .select("content")
        .where("id", "=", "a1")
        .executeTakeFirstOrThrow();
      expect(new Uint8Array(attachment.content!)).toEqual(bytes);
    }
  }, 60_000);
});
