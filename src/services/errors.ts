// The one application error: a code (mapped to an HTTP status in http/), an i18n key and params.
export type ErrorCode =
  | "invalid_input"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "gone"
  | "boundary"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "internal";

export interface ErrorDetail {
  /** Where in the input, e.g. "hours.mon[1]"; empty for the whole input. */
  path: string;
  code: string;
  params: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Message key in src/i18n/errors.ts. */
  readonly key: string;
  readonly params: Record<string, unknown>;
  readonly details: ErrorDetail[];
  constructor(
    code: ErrorCode,
    key: string,
    params: Record<string, unknown> = {},
    details: ErrorDetail[] = [],
  ) {
    super(key);
    this.name = "AppError";
    this.code = code;
    this.key = key;
    this.params = params;
    this.details = details;
  }
}

export const notFound = (what: string) => new AppError("not_found", "not_found", { what });
export const forbidden = () => new AppError("forbidden", "forbidden");
export const conflict = (key: string, params: Record<string, unknown> = {}) =>
  new AppError("conflict", key, params);
export const invalid = (
  key: string,
  params: Record<string, unknown> = {},
  details: ErrorDetail[] = [],
) => new AppError("invalid_input", key, params, details);
