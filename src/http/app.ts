// The Fastify application: plugins, OpenAPI, error mapping and the route modules.
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { type AppConfig, type AppContext, defaultConfig } from "../services/context.ts";
import { AppError } from "../services/errors.ts";
import type { Store } from "../store/db.ts";
import { installErrorHandling, sendError } from "./errors.ts";
import { installNulGuard } from "./nul-guard.ts";
import { routeModules } from "./routes/index.ts";
import { installSecurityHeaders } from "./security-headers.ts";

declare module "fastify" {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

export interface BuildOptions {
  store: Store;
  config?: Partial<AppConfig>;
  /** The clock; tests pass a fixed one. */
  now?: () => number;
  logger?: boolean;
}

export type App = FastifyInstance;

export async function buildApp(options: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ? { level: process.env.LOG_LEVEL ?? "info" } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.CADRE_TRUST_PROXY === "1",
    routerOptions: { maxParamLength: 200 },
    // Errors raised before routing (an over-long id, a malformed URL) get the same localised shape.
    frameworkErrors: (error, request, reply) => {
      const tooLong = error.code === "FST_ERR_MAX_PARAM_LENGTH";
      sendError(
        reply,
        request,
        tooLong
          ? new AppError("not_found", "not_found", { what: "route" })
          : new AppError("invalid_input", "invalid_input"),
      );
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const config: AppConfig = { ...defaultConfig(), ...options.config };
  const ctx: AppContext = {
    store: options.store,
    db: options.store.db,
    config,
    now: options.now ?? Date.now,
  };
  app.decorate("ctx", ctx);

  await app.register(cookie);
  installSecurityHeaders(app);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Cadre API",
        version: "1",
        description:
          "Cadre applies a professional's charter (hours, channels, meetings, scope, money, energy) to every client request. Errors are localised by Accept-Language (fr, en).",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "cadre_session" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  installErrorHandling(app);
  installNulGuard(app);
  for (const register of routeModules) await app.register(register);
  await app.ready();
  return app;
}
