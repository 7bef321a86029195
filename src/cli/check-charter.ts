// `cadre check-charter <file> [--lang fr|en]`: validates a charter file as if publishing it.
// Prints "ok" and exits 0, or prints every problem one per line and exits 2.
import { checkCharter, formatIssues, type Lang } from "../domain/charter/index.ts";
import {
  type CliIo,
  EXIT_INVALID,
  EXIT_OK,
  langFromEnv,
  parseOptions,
  readJsonFile,
  say,
} from "./io.ts";

export type CheckCharterIo = CliIo;
export { langFromEnv };

const NBSP = "\u00a0";
const usage: Record<Lang, string> = {
  fr: `usage${NBSP}: cadre check-charter <fichier.json> [--lang fr|en]`,
  en: "usage: cadre check-charter <file.json> [--lang fr|en]",
};

/** Resolves --lang, reporting a bad value; undefined when the command must stop. */
export function resolveLang(value: string | undefined, io: CliIo): Lang | undefined {
  if (value === undefined) return io.lang;
  if (value === "fr" || value === "en") return value;
  io.stderr(say(io.lang, "unknown_lang", { lang: value }));
  return undefined;
}

export async function checkCharterCommand(args: string[], io: CheckCharterIo): Promise<number> {
  const parsed = parseOptions(args, ["lang"]);
  const lang = resolveLang(parsed.options.lang, io);
  if (!lang) return EXIT_INVALID;
  const file = parsed.positional[0];
  if (parsed.unknown !== undefined || parsed.missing !== undefined || file === undefined) {
    if (parsed.unknown !== undefined)
      io.stderr(say(lang, "unknown_option", { option: parsed.unknown }));
    if (parsed.missing !== undefined)
      io.stderr(say(lang, "missing_value", { option: parsed.missing }));
    io.stderr(usage[lang]);
    return EXIT_INVALID;
  }
  const read = await readJsonFile(file, io, lang);
  if (!read) return EXIT_INVALID;
  const result = checkCharter(read.value);
  if (result.ok) {
    io.stdout("ok");
    return EXIT_OK;
  }
  for (const line of formatIssues(result.issues, lang)) io.stdout(line);
  return EXIT_INVALID;
}
