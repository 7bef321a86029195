// `cadre export [--workspace <slug>] [--out <file>] [--with-secrets]` and
// `cadre import <file> [--slug <new-slug>]`: a workspace as one `cadre.export/1` JSON document.
import { rename, writeFile } from "node:fs/promises";
import type { Lang } from "../domain/charter/index.ts";
import { exportWorkspace, workspaceToExport } from "../services/transfer/export-workspace.ts";
import { checkDocument, importWorkspace } from "../services/transfer/import-workspace.ts";
import { resolveLang } from "./check-charter.ts";
import { reportError } from "./errors.ts";
import { type CliIo, EXIT_INVALID, EXIT_OK, parseOptions, readJsonFile, say } from "./io.ts";
import { commandContext, openConfiguredStore } from "./runtime.ts";

const NBSP = "\u00a0";

const usage = {
  export: {
    fr: `usage${NBSP}: cadre export [--workspace <adresse>] [--out <fichier.json>] [--with-secrets]`,
    en: "usage: cadre export [--workspace <slug>] [--out <file.json>] [--with-secrets]",
  },
  import: {
    fr: `usage${NBSP}: cadre import <fichier.json> [--slug <nouvelle-adresse>]`,
    en: "usage: cadre import <file.json> [--slug <new-slug>]",
  },
} satisfies Record<string, Record<Lang, string>>;

/** Options, with boolean flags taken out first (parseOptions knows only valued options). */
function options(
  args: string[],
  flags: string[],
  valued: string[],
  io: CliIo,
  help: Record<Lang, string>,
) {
  const present = new Set(flags.filter((f) => args.includes(`--${f}`)));
  const parsed = parseOptions(
    args.filter((a) => !flags.some((f) => a === `--${f}`)),
    [...valued, "lang"],
  );
  const lang = resolveLang(parsed.options.lang, io);
  if (!lang) return undefined;
  if (parsed.unknown !== undefined || parsed.missing !== undefined) {
    if (parsed.unknown !== undefined)
      io.stderr(say(lang, "unknown_option", { option: parsed.unknown }));
    if (parsed.missing !== undefined)
      io.stderr(say(lang, "missing_value", { option: parsed.missing }));
    io.stderr(help[lang]);
    return undefined;
  }
  return { ...parsed, flags: present, io: { ...io, lang } };
}

export async function exportCommand(args: string[], baseIo: CliIo): Promise<number> {
  const parsed = options(args, ["with-secrets"], ["workspace", "out"], baseIo, usage.export);
  if (!parsed) return EXIT_INVALID;
  const { io } = parsed;
  if (parsed.positional.length > 0) {
    io.stderr(say(io.lang, "unknown_option", { option: parsed.positional[0]! }));
    io.stderr(usage.export[io.lang]);
    return EXIT_INVALID;
  }
  const store = await openConfiguredStore();
  try {
    const ctx = commandContext(store);
    const target = await workspaceToExport(ctx, parsed.options.workspace);
    const withSecrets = parsed.flags.has("with-secrets");
    const { text, document } = await exportWorkspace(ctx, target.id, { withSecrets });
    const out = parsed.options.out;
    if (out === undefined || out === "-") {
      io.stdout(text.slice(0, -1));
      return EXIT_OK;
    }
    // Written beside, then renamed: a reader never sees half a file. Personal data: owner only.
    const partial = `${out}.partial-${process.pid}`;
    await writeFile(partial, text, { mode: 0o600 });
    await rename(partial, out);
    const n = document.requests.length;
    io.stderr(
      io.lang === "fr"
        ? `Espace «${NBSP}${target.slug}${NBSP}» exporté dans ${out} (${document.clients.length} clients, ${n} demandes${withSecrets ? ", avec les empreintes de mots de passe" : ""}).`
        : `Workspace “${target.slug}” exported to ${out} (${document.clients.length} clients, ${n} requests${withSecrets ? ", with password hashes" : ""}).`,
    );
    return EXIT_OK;
  } catch (error) {
    return reportError(io, error);
  } finally {
    await store.close();
  }
}

export async function importCommand(args: string[], baseIo: CliIo): Promise<number> {
  const parsed = options(args, [], ["slug"], baseIo, usage.import);
  if (!parsed) return EXIT_INVALID;
  const { io } = parsed;
  const file = parsed.positional[0];
  if (file === undefined || parsed.positional.length > 1) {
    io.stderr(usage.import[io.lang]);
    return EXIT_INVALID;
  }
  const read = await readJsonFile(file, io, io.lang);
  if (!read) return EXIT_INVALID;
  try {
    // A bad file is refused before the database is even opened.
    checkDocument(read.value);
  } catch (error) {
    return reportError(io, error);
  }
  const store = await openConfiguredStore();
  try {
    const ctx = commandContext(store);
    const result = await importWorkspace(ctx, read.value, { slug: parsed.options.slug });
    const c = result.counts;
    const forgotUrl = `${ctx.config.publicUrl.replace(/\/$/, "")}/app/forgot-password`;
    if (io.lang === "fr") {
      io.stdout(
        `Espace «${NBSP}${result.slug}${NBSP}» importé${result.newId ? " (copie : nouvel identifiant)" : ""}${NBSP}: ${c.members} membre(s), ${c.offers} offres, ${c.clients} clients, ${c.engagements} mandats, ${c.requests} demandes, ${c.violations} manquements, ${c.exceptions} exceptions.`,
      );
      if (result.reusedAccounts.length > 0)
        io.stdout(
          `  Comptes existants ajoutés comme membres${NBSP}: ${result.reusedAccounts.join(", ")}`,
        );
      if (result.needPassword.length > 0) {
        io.stdout(
          `  Sans mot de passe (l’export n’en contenait pas)${NBSP}: ${result.needPassword.join(", ")} — ces comptes ne peuvent pas se connecter tant qu’un mot de passe n’est pas redéfini.`,
        );
        io.stdout(
          `  Ces membres se connectent après avoir choisi un nouveau mot de passe avec «${NBSP}Mot de passe oublié${NBSP}»${NBSP}: ${forgotUrl}`,
        );
      }
    } else {
      io.stdout(
        `Workspace “${result.slug}” imported${result.newId ? " (a copy: new id)" : ""}: ${c.members} member(s), ${c.offers} offers, ${c.clients} clients, ${c.engagements} engagements, ${c.requests} requests, ${c.violations} violations, ${c.exceptions} exceptions.`,
      );
      if (result.reusedAccounts.length > 0)
        io.stdout(`  Existing accounts added as members: ${result.reusedAccounts.join(", ")}`);
      if (result.needPassword.length > 0) {
        io.stdout(
          `  No password (the export carried none): ${result.needPassword.join(", ")} — these accounts cannot sign in until a password is set again.`,
        );
        io.stdout(
          `  These members sign in after choosing a new password with “Forgot your password?”: ${forgotUrl}`,
        );
      }
    }
    return EXIT_OK;
  } catch (error) {
    return reportError(io, error);
  } finally {
    await store.close();
  }
}
