import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["system"],
        summary: "Liveness and database reachability",
        response: {
          200: z.object({
            status: z.literal("ok"),
            engine: z.enum(["sqlite", "postgres"]),
            time: z.string(),
          }),
        },
      },
    },
    async () => {
      await sql`select 1`.execute(app.ctx.db);
      return {
        status: "ok" as const,
        engine: app.ctx.store.engine,
        time: new Date(app.ctx.now()).toISOString(),
      };
    },
  );
};
