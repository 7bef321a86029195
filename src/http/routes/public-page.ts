// GET /c/{slug}: the public charter page, server-rendered HTML with no JavaScript. Language from
// ?lang=, then Accept-Language, then the charter's first locale; the visitor's zone from ?tz=,
// then the `tz` cookie (set when ?tz= is chosen), then the professional's zone.
import { createHash } from "node:crypto";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { languageOf } from "../../domain/replies/format.ts";
import { type Lang, langFromHeader } from "../../i18n/lang.ts";
import { getPublicCharter } from "../../services/charter/get-public-charter.ts";
import { AppError } from "../../services/errors.ts";
import { renderCharterPage } from "../pages/charter-page.ts";
import type { Html } from "../pages/html.ts";
import { renderNotFoundPage } from "../pages/not-found.ts";
import type { PublicOffer } from "../pages/offers.ts";
import { CSS_HASH } from "../pages/style.ts";
import { visitorZone } from "../pages/zones.ts";

const CSP = [
  "default-src 'none'",
  `style-src '${CSS_HASH}'`,
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");
const MAX_SLUG = 100;
const YEAR_SECONDS = 365 * 24 * 3600;

function queryValue(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.length > 0 ? first.slice(0, 100) : undefined;
}

function pageLang(request: FastifyRequest, fallback: Lang): Lang {
  const query = queryValue(request, "lang");
  if (query === "fr" || query === "en") return query;
  return langFromHeader(request.headers["accept-language"], fallback);
}

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  lang: Lang,
  page: Html,
  cache: string,
) {
  const body = page.text;
  const etag = `W/"${createHash("sha1").update(body).digest("base64url")}"`;
  reply
    .header("content-type", "text/html; charset=utf-8")
    .header("content-language", lang)
    .header("content-security-policy", CSP)
    .header("cache-control", cache)
    .header("vary", "Accept-Language, Cookie")
    .header("etag", etag);
  if (status === 200 && request.headers["if-none-match"] === etag) return reply.status(304).send();
  return reply.status(status).send(body);
}

export const publicPageRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { slug: string } }>(
    "/c/:slug",
    { schema: { hide: true } },
    async (request, reply) => {
      const { slug } = request.params;
      const baseUrl = app.ctx.config.publicUrl.replace(/\/+$/, "");
      let found: Awaited<ReturnType<typeof getPublicCharter>> | null = null;
      try {
        if (slug.length <= MAX_SLUG) found = await getPublicCharter(app.ctx, slug);
      } catch (error) {
        if (!(error instanceof AppError && error.code === "not_found")) throw error;
      }
      if (!found) {
        const lang = pageLang(request, "en");
        const path = `/c/${encodeURIComponent(slug)}`;
        return send(
          request,
          reply,
          404,
          lang,
          renderNotFoundPage({ lang, baseUrl, path }),
          "no-cache",
        );
      }
      const { charter } = found;
      const lang = pageLang(request, languageOf(charter.locales[0] ?? "en"));
      const visitor = visitorZone(queryValue(request, "tz"), request.cookies?.tz, charter.timezone);
      let cache = "public, max-age=60";
      if (visitor.source === "query" && request.cookies?.tz !== visitor.zone) {
        // Remembered for the next visit; a response that sets a cookie is never shared.
        reply.setCookie("tz", visitor.zone, {
          path: "/c",
          maxAge: YEAR_SECONDS,
          sameSite: "lax",
          httpOnly: true,
        });
        cache = "private, max-age=60";
      }
      const page = renderCharterPage({
        lang,
        baseUrl,
        slug: found.workspace.slug,
        workspace: { name: found.workspace.name, locale: charter.locales[0] ?? lang },
        version: found.version,
        publishedAt: found.publishedAt,
        charter,
        offers: found.offers as PublicOffer[],
        visitor,
        now: app.ctx.now(),
      });
      return send(request, reply, 200, lang, page, cache);
    },
  );
};
