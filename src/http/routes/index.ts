// Every route module, registered in this order by app.ts.
import type { FastifyPluginAsync } from "fastify";
import { accountRoutes } from "./accounts.ts";
import { alternativeRoutes } from "./alternatives.ts";
import { bookingRoutes } from "./bookings.ts";
import { calendarRoutes } from "./calendars.ts";
import { changeOrderRoutes } from "./change-orders.ts";
import { charterRoutes } from "./charter.ts";
import { clientAccessRoutes } from "./client-access.ts";
import { clientRoutes } from "./clients.ts";
import { engagementRoutes } from "./engagements.ts";
import { evaluateRoutes } from "./evaluate.ts";
import { exportRoutes } from "./export.ts";
import { healthRoutes } from "./health.ts";
import { invoiceRoutes } from "./invoices.ts";
import { ledgerRoutes } from "./ledger.ts";
import { mailRoutes } from "./mail.ts";
import { memberRoutes } from "./members.ts";
import { offerRoutes } from "./offers.ts";
import { portalRoutes } from "./portal.ts";
import { portalMoneyRoutes } from "./portal-money.ts";
import { publicPageRoutes } from "./public-page.ts";
import { requestRoutes } from "./requests.ts";
import { taxSettingsRoutes } from "./settings-taxes.ts";
import { tokenRoutes } from "./tokens.ts";
import { webAppRoutes } from "./web-app.ts";

export const routeModules: FastifyPluginAsync[] = [
  healthRoutes as FastifyPluginAsync,
  requestRoutes as FastifyPluginAsync,
  evaluateRoutes as FastifyPluginAsync,
  ledgerRoutes as FastifyPluginAsync,
  mailRoutes as FastifyPluginAsync,
  portalRoutes as FastifyPluginAsync,
  accountRoutes as FastifyPluginAsync,
  tokenRoutes as FastifyPluginAsync,
  clientAccessRoutes as FastifyPluginAsync,
  memberRoutes as FastifyPluginAsync,
  charterRoutes as FastifyPluginAsync,
  publicPageRoutes,
  offerRoutes as FastifyPluginAsync,
  clientRoutes as FastifyPluginAsync,
  engagementRoutes as FastifyPluginAsync,
  exportRoutes as FastifyPluginAsync,
  bookingRoutes as FastifyPluginAsync,
  calendarRoutes as FastifyPluginAsync,
  changeOrderRoutes as FastifyPluginAsync,
  invoiceRoutes as FastifyPluginAsync,
  taxSettingsRoutes as FastifyPluginAsync,
  portalMoneyRoutes as FastifyPluginAsync,
  alternativeRoutes as FastifyPluginAsync,
  webAppRoutes,
];
