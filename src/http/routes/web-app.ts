// The web app (professional workspace under /app, client portal under /portal, /invite,
// /signin, /signup): hashed assets from dist/web/assets with immutable caching, and index.html
// for every client-side route. "/" leads to /app, which sends visitors without a session on to
// sign-in or sign-up. Built by src/cli/build-web.ts (Vite); without a build, 503.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { langFromHeader } from "../../i18n/lang.ts";

/** dist/web at the repository root (the same from src/http/routes and dist/http/routes). */
const webDist = () =>
  process.env.CADRE_WEB_DIST ?? fileURLToPath(new URL("../../../dist/web/", import.meta.url));

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Radix positions popovers with inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SPA_PATHS = [
  "/app",
  "/app/*",
  "/portal",
  "/portal/*",
  "/invite",
  "/signin",
  "/signup",
] as const;

let cached: { file: string; mtimeMs: number; html: string } | null = null;

/** index.html, re-read when a new build replaces it. */
function indexHtml(dist: string): string | null {
  const file = path.join(dist, "index.html");
  if (!existsSync(file)) return null;
  const { mtimeMs } = statSync(file);
  if (cached?.file !== file || cached.mtimeMs !== mtimeMs) {
    cached = { file, mtimeMs, html: readFileSync(file, "utf8") };
  }
  return cached.html;
}

function sendApp(dist: string, request: FastifyRequest, reply: FastifyReply) {
  const html = indexHtml(dist);
  if (html === null) {
    const lang = langFromHeader(request.headers["accept-language"], "en");
    return reply
      .status(503)
      .header("content-type", "text/plain; charset=utf-8")
      .header("retry-after", "30")
      .send(
        lang === "fr"
          ? "L’application web n’est pas encore construite : lancez « node src/cli/build-web.ts »."
          : "The web app is not built yet: run “node src/cli/build-web.ts”.",
      );
  }
  return reply
    .header("content-type", "text/html; charset=utf-8")
    .header("cache-control", "no-cache")
    .header("content-security-policy", CSP)
    .send(html);
}

export const webAppRoutes: FastifyPluginAsync = async (app) => {
  const dist = webDist();
  // Served from disk on each request, so a build made while the server runs is picked up.
  await app.register(fastifyStatic, {
    root: path.join(dist, "assets"),
    prefix: "/app/assets/",
    decorateReply: false,
    index: false,
    suppressWarning: true,
    // Every file name carries its content hash: cache for a year, never revalidate.
    immutable: true,
    maxAge: "365d",
  });
  const hidden = { schema: { hide: true } };
  app.get("/", hidden, (_request, reply) => reply.redirect("/app", 302));
  for (const url of SPA_PATHS) {
    app.get(url, hidden, (request, reply) => sendApp(dist, request, reply));
  }
};
