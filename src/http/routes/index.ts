// Every route module, registered in this order by app.ts.
import type { FastifyPluginAsync } from "fastify";
import { healthRoutes } from "./health.ts";

export const routeModules: FastifyPluginAsync[] = [healthRoutes as FastifyPluginAsync];
