// Every error becomes a localised JSON answer with a 4xx status, or a 500 that says nothing of the
// internals. Shape: { error: { code, message, details?: [{ path, code, message }] } }.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { z } from "zod";
import { formatIssue, issuesFromZod } from "../domain/charter/validate.ts";
import { errorMessage } from "../i18n/errors.ts";
import { type Lang, langFromHeader } from "../i18n/lang.ts";
import { AppError, type ErrorCode, type ErrorDetail } from "../services/errors.ts";

export const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  boundary: 422,
  rate_limited: 429,
  internal: 500,
};

export function requestLang(request: FastifyRequest): Lang {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  if (query === "fr" || query === "en") return query;
  return langFromHeader(request.headers["accept-language"]);
}

/** Localised details from a zod error (request bodies, documents). */
export function detailsFromZod(error: Pick<z.ZodError, "issues">, prefix = ""): ErrorDetail[] {
  return issuesFromZod(error as z.ZodError).map((issue) => ({
    path: prefix && issue.pathText ? `${prefix}.${issue.pathText}` : prefix || issue.pathText,
    code: issue.code,
    params: issue.params,
  }));
}

function body(error: AppError, lang: Lang) {
  return {
    error: {
      code: error.code,
      message: errorMessage(error.key, error.params, lang),
      ...(error.details.length > 0
        ? {
            details: error.details.map((d) => ({
              path: d.path,
              code: d.code,
              message: formatIssue(
                { path: [], pathText: d.path, code: d.code, params: d.params },
                lang,
              ),
            })),
          }
        : {}),
    },
  };
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  return reply.status(STATUS[error.code]).send(body(error, requestLang(request)));
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      ...(v.params as object),
      code: v.keyword,
      message: v.message,
      path: v.instancePath
        .split("/")
        .filter(Boolean)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    })) as unknown as z.ZodError["issues"];
    const where = (error as { validationContext?: string }).validationContext;
    const prefix = where && where !== "body" ? where : "";
    return new AppError("invalid_input", "invalid_input", {}, detailsFromZod({ issues }, prefix));
  }
  const code = error.code ?? "";
  if (code === "FST_ERR_CTP_BODY_TOO_LARGE" || error.statusCode === 413) {
    return new AppError("payload_too_large", "payload_too_large", { limit: 1024 * 1024 });
  }
  if (code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || error.statusCode === 415) {
    return new AppError("unsupported_media_type", "unsupported_media_type");
  }
  if (
    code.startsWith("FST_ERR_CTP") ||
    (error instanceof SyntaxError && error.statusCode === 400)
  ) {
    return new AppError("invalid_input", "invalid_json");
  }
  if (error.statusCode === 429) {
    return new AppError("rate_limited", "rate_limited", { seconds: 60 });
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError("invalid_input", "invalid_input");
  }
  return new AppError("internal", "internal");
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === "internal") request.log.error({ err: error }, "unexpected error");
    if (appError.code === "rate_limited" && error.statusCode === 429) {
      const after = reply.getHeader("retry-after");
      if (after) appError.params.seconds = after;
    }
    return sendError(reply, request, appError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, request, new AppError("not_found", "not_found", { what: "route" })),
  );
}
