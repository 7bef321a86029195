// Every route module, registered in this order by app.ts.
import type { FastifyPluginAsync } from "fastify";
import { accountRoutes } from "./accounts.ts";
import { charterRoutes } from "./charter.ts";
import { clientAccessRoutes } from "./client-access.ts";
import { clientRoutes } from "./clients.ts";
import { engagementRoutes } from "./engagements.ts";
import { evaluateRoutes } from "./evaluate.ts";
import { healthRoutes } from "./health.ts";
import { ledgerRoutes } from "./ledger.ts";
import { memberRoutes } from "./members.ts";
import { offerRoutes } from "./offers.ts";
import { portalRoutes } from "./portal.ts";
import { requestRoutes } from "./requests.ts";
import { tokenRoutes } from "./tokens.ts";

export const routeModules: FastifyPluginAsync[] = [
  healthRoutes as FastifyPluginAsync,
  requestRoutes as FastifyPluginAsync,
  evaluateRoutes as FastifyPluginAsync,
  ledgerRoutes as FastifyPluginAsync,
  portalRoutes as FastifyPluginAsync,
  accountRoutes as FastifyPluginAsync,
  tokenRoutes as FastifyPluginAsync,
  clientAccessRoutes as FastifyPluginAsync,
  memberRoutes as FastifyPluginAsync,
  charterRoutes as FastifyPluginAsync,
  offerRoutes as FastifyPluginAsync,
  clientRoutes as FastifyPluginAsync,
  engagementRoutes as FastifyPluginAsync,
];
