// Money: change orders (proposed to a client, accepted or declined in the portal), invoices with
// their lines and payments, and each workspace's sales-tax setup. Amounts are integer minor units
// (bigint: a PostgreSQL integer stops at 21 million dollars in cents); due dates are local dates
// ("YYYY-MM-DD") of the charter's zone, instants UTC.
import { type Kysely, type Migration, sql } from "kysely";
import type { Engine } from "../engine.ts";

export function money(engine: Engine): Migration {
  const instant = engine === "postgres" ? sql`timestamptz` : sql`text`;
  const json = engine === "postgres" ? sql`jsonb` : sql`text`;
  return {
    async up(db: Kysely<unknown>) {
      const s = db.schema;
      await s
        .createTable("change_orders")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("engagement_id", "text", (c) => c.notNull())
        .addColumn("client_id", "text", (c) => c.notNull())
        .addColumn("request_id", "text") // the request whose proposal it came from, if any
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("items", json, (c) => c.notNull())
        .addColumn("grants", json, (c) => c.notNull()) // quota added on acceptance
        .addColumn("price", "bigint", (c) => c.notNull()) // pre-tax
        .addColumn("currency", "text", (c) => c.notNull())
        .addColumn("delivery_shift_business_days", "integer", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull()) // proposed | accepted | declined
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("created_by", "text")
        .addColumn("decided_at", instant)
        .addColumn("decided_by", "text") // client:<id>
        .addColumn("invoice_id", "text") // the invoice its line went to, once accepted
        .addPrimaryKeyConstraint("change_orders_pk", ["workspace_id", "id"])
        .addForeignKeyConstraint(
          "change_orders_engagement",
          ["workspace_id", "engagement_id"],
          "engagements",
          ["workspace_id", "id"],
          (c) => c.onDelete("cascade"),
        )
        .execute();
      await s
        .createIndex("change_orders_engagement_idx")
        .on("change_orders")
        .columns(["workspace_id", "engagement_id", "created_at"])
        .execute();
      await s
        .createIndex("change_orders_client_idx")
        .on("change_orders")
        .columns(["workspace_id", "client_id", "created_at"])
        .execute();

      await s
        .createTable("invoices")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("number", "text") // given when issued: 2026-0001, no gaps
        .addColumn("client_id", "text", (c) => c.notNull())
        .addColumn("engagement_id", "text")
        .addColumn("state", "text", (c) => c.notNull()) // draft | issued | paid | void
        .addColumn("currency", "text", (c) => c.notNull())
        .addColumn("timezone", "text", (c) => c.notNull()) // the charter's: due dates are its days
        .addColumn("terms", json, (c) => c.notNull()) // payment terms, methods, late fee (snapshot)
        .addColumn("taxes", json, (c) => c.notNull()) // tax setup (snapshot)
        .addColumn("subtotal", "bigint", (c) => c.notNull())
        .addColumn("tax_total", "bigint", (c) => c.notNull())
        .addColumn("total", "bigint", (c) => c.notNull())
        .addColumn("paid_amount", "bigint", (c) => c.notNull().defaultTo(0))
        .addColumn("issued_at", instant)
        .addColumn("issued_on", "text")
        .addColumn("due_on", "text")
        .addColumn("paid_at", instant)
        .addColumn("overdue_at", instant) // when it was first seen overdue (violation recorded)
        .addColumn("note", "text")
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addPrimaryKeyConstraint("invoices_pk", ["workspace_id", "id"])
        .execute();
      await s
        .createIndex("invoices_number")
        .on("invoices")
        .columns(["workspace_id", "number"])
        .unique()
        .execute();
      await s
        .createIndex("invoices_client")
        .on("invoices")
        .columns(["workspace_id", "client_id", "created_at"])
        .execute();
      await s
        .createIndex("invoices_engagement")
        .on("invoices")
        .columns(["workspace_id", "engagement_id", "created_at"])
        .execute();
      // The reminder sweep reads across workspaces by state and due date.
      await s.createIndex("invoices_due").on("invoices").columns(["state", "due_on"]).execute();

      await s
        .createTable("invoice_lines")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("invoice_id", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull()) // deposit | milestone | balance | change-order | item | late-fee
        .addColumn("description", "text", (c) => c.notNull())
        .addColumn("quantity", "double precision", (c) => c.notNull())
        .addColumn("unit_price", "bigint", (c) => c.notNull())
        .addColumn("amount", "bigint", (c) => c.notNull())
        .addColumn("change_order_id", "text")
        .addPrimaryKeyConstraint("invoice_lines_pk", ["workspace_id", "id"])
        .addForeignKeyConstraint(
          "invoice_lines_invoice",
          ["workspace_id", "invoice_id"],
          "invoices",
          ["workspace_id", "id"],
          (c) => c.onDelete("cascade"),
        )
        .execute();
      await s
        .createIndex("invoice_lines_invoice_idx")
        .on("invoice_lines")
        .columns(["workspace_id", "invoice_id", "position"])
        .execute();

      await s
        .createTable("payments")
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("invoice_id", "text", (c) => c.notNull())
        .addColumn("amount", "bigint", (c) => c.notNull())
        .addColumn("method", "text", (c) => c.notNull())
        .addColumn("paid_at", instant, (c) => c.notNull())
        .addColumn("paid_on", "text", (c) => c.notNull()) // local date, for late fees
        .addColumn("recorded_by", "text")
        .addColumn("created_at", instant, (c) => c.notNull())
        .addPrimaryKeyConstraint("payments_pk", ["workspace_id", "id"])
        .addForeignKeyConstraint(
          "payments_invoice",
          ["workspace_id", "invoice_id"],
          "invoices",
          ["workspace_id", "id"],
          (c) => c.onDelete("cascade"),
        )
        .execute();
      await s
        .createIndex("payments_invoice_idx")
        .on("payments")
        .columns(["workspace_id", "invoice_id", "paid_at"])
        .execute();

      await s
        .createTable("workspace_taxes")
        .addColumn("workspace_id", "text", (c) => c.primaryKey())
        .addColumn("document", json, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        "workspace_taxes",
        "payments",
        "invoice_lines",
        "invoices",
        "change_orders",
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
