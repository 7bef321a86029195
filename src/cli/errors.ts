// A use case's AppError on the command line: its localised message and every detail, one per
// line, on stderr; the exit code says what kind of refusal it was.
import { formatIssue } from "../domain/charter/validate.ts";
import { errorMessage } from "../i18n/errors.ts";
import { AppError } from "../services/errors.ts";
import { type CliIo, EXIT_INVALID } from "./io.ts";

/** The state of the database stands in the way (not the input): e.g. a slug already taken. */
export const EXIT_CONFLICT = 1;

/** Prints an AppError and returns its exit code; anything else is re-thrown. */
export function reportError(io: CliIo, error: unknown): number {
  if (!(error instanceof AppError)) throw error;
  io.stderr(errorMessage(error.key, error.params, io.lang));
  for (const d of error.details) {
    io.stderr(
      `  ${formatIssue({ path: [], pathText: d.path, code: d.code, params: d.params }, io.lang)}`,
    );
  }
  return error.code === "conflict" ? EXIT_CONFLICT : EXIT_INVALID;
}
