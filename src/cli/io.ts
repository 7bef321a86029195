// Shared pieces of the command-line tools: output, language and reading JSON files.
import { readFile } from "node:fs/promises";
import type { Lang } from "../domain/charter/index.ts";

export type CliIo = {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  lang: Lang;
};

export const EXIT_OK = 0;
export const EXIT_INVALID = 2;

const NBSP = "\u00a0";

export const cliMessages: Record<Lang, Record<string, (p: Record<string, string>) => string>> = {
  fr: {
    unknown_lang: (p) => `langue inconnue «${NBSP}${p.lang}${NBSP}»${NBSP}: choisissez fr ou en`,
    unknown_option: (p) => `option inconnue «${NBSP}${p.option}${NBSP}»`,
    missing_value: (p) => `l’option ${p.option} attend une valeur`,
    unreadable: (p) => `impossible de lire le fichier ${p.file} (${p.reason})`,
    not_json: (p) => `le fichier ${p.file} n’est pas du JSON valide${p.where}`,
    where: (p) => ` (ligne ${p.line}, colonne ${p.column})`,
  },
  en: {
    unknown_lang: (p) => `unknown language “${p.lang}”: choose fr or en`,
    unknown_option: (p) => `unknown option “${p.option}”`,
    missing_value: (p) => `the option ${p.option} needs a value`,
    unreadable: (p) => `cannot read the file ${p.file} (${p.reason})`,
    not_json: (p) => `the file ${p.file} is not valid JSON${p.where}`,
    where: (p) => ` (line ${p.line}, column ${p.column})`,
  },
};

export function say(lang: Lang, key: string, params: Record<string, string> = {}): string {
  return cliMessages[lang][key]!(params);
}

/** The language asked for by the environment: French when LC_ALL or LANG starts with "fr". */
export function langFromEnv(env: Record<string, string | undefined> = process.env): Lang {
  const locale = env.LC_ALL || env.LANG || "";
  return locale.toLowerCase().startsWith("fr") ? "fr" : "en";
}

/** " (line 3, column 7)" from a JSON.parse error, when the engine says where. */
function jsonErrorPlace(lang: Lang, error: unknown): string {
  const match = /line (\d+) column (\d+)/.exec(String((error as Error)?.message));
  return match ? say(lang, "where", { line: match[1]!, column: match[2]! }) : "";
}

function readReason(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" ? code : String((error as Error)?.message ?? error);
}

/** Reads and parses a JSON file; on failure prints a localised reason and returns undefined. */
export async function readJsonFile(
  file: string,
  io: CliIo,
  lang: Lang,
): Promise<{ value: unknown } | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    io.stderr(say(lang, "unreadable", { file, reason: readReason(error) }));
    return undefined;
  }
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, "")) };
  } catch (error) {
    io.stderr(say(lang, "not_json", { file, where: jsonErrorPlace(lang, error) }));
    return undefined;
  }
}

/** Parses `--name value` / `--name=value` options and positional arguments. */
export function parseOptions(
  args: readonly string[],
  known: readonly string[],
): { options: Record<string, string>; positional: string[]; unknown?: string; missing?: string } {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (!known.includes(name)) return { options, positional, unknown: arg };
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined) return { options, positional, missing: `--${name}` };
    options[name] = value;
  }
  return { options, positional };
}
