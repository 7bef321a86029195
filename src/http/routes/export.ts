// Export: the owner downloads the whole workspace as one `cadre.export/1` JSON document, the
// same bytes `cadre export` writes (without password hashes, which never leave over HTTP).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { exportWorkspace } from "../../services/transfer/export-workspace.ts";
import { workspaceById } from "../../store/repositories/workspaces.ts";
import { requireOwner } from "../auth.ts";
import { errorResponses } from "../schemas/decision.ts";

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/export",
    {
      schema: {
        tags: ["export"],
        summary: "Export all the workspace's data as one JSON document (owner only)",
        description:
          "A `cadre.export/1` document: workspace, members (no passwords), charter draft and every version, offers, clients, engagements with deliverables and obligations, requests with decisions and replies, violations, exceptions, audit log, mail (outbox, received messages with attachments), change orders, invoices, payments, bookings and calendar sources (private addresses redacted). Sessions, tokens and links are never included. `cadre import` reads it back.",
        response: {
          200: z
            .looseObject({ schema: z.literal("cadre.export/1") })
            .describe("The document (see the README: Export and import)"),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const owner = await requireOwner(request);
      const [{ text }, workspace] = await Promise.all([
        exportWorkspace(app.ctx, owner.workspaceId),
        workspaceById(app.ctx.db, owner.workspaceId),
      ]);
      const day = new Date(app.ctx.now()).toISOString().slice(0, 10);
      return (
        reply
          .header("content-type", "application/json; charset=utf-8")
          .header(
            "content-disposition",
            `attachment; filename="cadre-${workspace?.slug ?? "export"}-${day}.json"`,
          )
          .header("cache-control", "no-store")
          // The exact text `cadre export` writes (a string is sent as it is, not re-serialised).
          .send(text as unknown as { schema: "cadre.export/1" })
      );
    },
  );
};
