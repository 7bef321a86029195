// The `cadre` command: `cadre <command> [options]`.
import { checkCharterCommand } from "./cli/check-charter.ts";
import { evaluateCommand } from "./cli/evaluate.ts";
import { type CliIo, langFromEnv } from "./cli/io.ts";
import { migrateCommand } from "./cli/migrate.ts";
import { serveCommand } from "./cli/serve.ts";

const io: CliIo = {
  stdout: (s) => process.stdout.write(`${s}\n`),
  stderr: (s) => process.stderr.write(`${s}\n`),
  lang: langFromEnv(),
};

type Command = (args: string[], io: CliIo) => Promise<number>;

const commands: Record<string, Command> = {
  "check-charter": checkCharterCommand,
  evaluate: evaluateCommand,
  serve: (args, cliIo) => serveCommand(args, cliIo),
  migrate: migrateCommand,
};

const help = {
  fr: `Cadre — vos limites, appliquées à chaque demande.

Commandes :
  cadre serve [--demo]                              démarre le serveur (PORT, défaut 3000)
  cadre migrate                                     met la base de données à jour
  cadre check-charter <charte.json>                 vérifie une charte comme à la publication
  cadre evaluate --charter <f> --request <f> [--now ISO] [--context <f>]
                                                   décide une demande et affiche la décision (JSON)`,
  en: `Cadre — your boundaries, applied to every request.

Commands:
  cadre serve [--demo]                              starts the server (PORT, default 3000)
  cadre migrate                                     brings the database schema up to date
  cadre check-charter <charter.json>                checks a charter as if publishing it
  cadre evaluate --charter <f> --request <f> [--now ISO] [--context <f>]
                                                   decides one request and prints the Decision (JSON)`,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.stdout(help[io.lang]);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(io.lang === "fr" ? `commande inconnue : ${name}` : `unknown command: ${name}`);
    io.stdout(help[io.lang]);
    return 2;
  }
  return command(rest, io);
}

process.exitCode = await main(process.argv.slice(2));
