// The `cadre` command: `cadre <command> [options]`.
import { checkCharterCommand } from "./cli/check-charter.ts";
import { demoCommand, loadAndAnnounceDemo } from "./cli/demo.ts";
import { evaluateCommand } from "./cli/evaluate.ts";
import { type CliIo, langFromEnv } from "./cli/io.ts";
import { migrateCommand } from "./cli/migrate.ts";
import { type ServeHooks, serveCommand } from "./cli/serve.ts";
import { exportCommand, importCommand } from "./cli/transfer.ts";
import { startScheduler } from "./jobs/scheduler.ts";

const io: CliIo = {
  stdout: (s) => process.stdout.write(`${s}\n`),
  stderr: (s) => process.stderr.write(`${s}\n`),
  lang: langFromEnv(),
};

type Command = (args: string[], io: CliIo) => Promise<number>;

/** What `cadre serve` adds to the bare server: the demo (--demo, CADRE_DEMO=1) and the jobs. */
const serveHooks: ServeHooks = {
  beforeListen: (app, cliIo) => loadAndAnnounceDemo(app.ctx, cliIo),
  startBackground: (app) => {
    const scheduler = startScheduler(app.ctx);
    return () => scheduler.stop();
  },
};

const commands: Record<string, Command> = {
  "check-charter": checkCharterCommand,
  evaluate: evaluateCommand,
  serve: (args, cliIo) => serveCommand(args, cliIo, serveHooks),
  migrate: migrateCommand,
  demo: demoCommand,
  export: exportCommand,
  import: importCommand,
};

const help = {
  fr: `Cadre — vos limites, appliquées à chaque demande.

Commandes :
  cadre serve [--demo]                              démarre le serveur (PORT, défaut 3000) ;
                                                   --demo charge l’espace de démonstration
  cadre migrate                                     met la base de données à jour
  cadre demo                                        charge l’espace de démonstration « Studio Boréal »
  cadre export [--workspace <adresse>] [--out <f>] [--with-secrets]
                                                   exporte un espace en un document JSON
  cadre import <f> [--slug <nouvelle-adresse>]      importe un export (2 : fichier invalide,
                                                   1 : conflit avec la base ; rien n’est écrit)
  cadre check-charter <charte.json>                 vérifie une charte comme à la publication
  cadre evaluate --charter <f> --request <f> [--now ISO] [--context <f>]
                                                   décide une demande et affiche la décision (JSON)`,
  en: `Cadre — your boundaries, applied to every request.

Commands:
  cadre serve [--demo]                              starts the server (PORT, default 3000);
                                                   --demo loads the demo workspace
  cadre migrate                                     brings the database schema up to date
  cadre demo                                        loads the demo workspace “Studio Boréal”
  cadre export [--workspace <slug>] [--out <f>] [--with-secrets]
                                                   exports a workspace as one JSON document
  cadre import <f> [--slug <new-slug>]              imports an export (2: invalid file,
                                                   1: conflicts with the database; nothing written)
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
