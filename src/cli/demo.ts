// `cadre demo` (and `cadre serve --demo`, CADRE_DEMO=1): loads the demo workspace « Studio
// Boréal » into the configured database — once; when it is there already, nothing changes — and
// prints how to sign in and where to look.
import type { AppContext } from "../services/context.ts";
import { type DemoResult, loadDemo } from "../services/demo/load-demo.ts";
import { type CliIo, EXIT_INVALID, EXIT_OK, say } from "./io.ts";
import { commandContext, openConfiguredStore } from "./runtime.ts";

const NBSP = "\u00a0";

/** The lines that tell someone how to try the demo, in the CLI's language. */
export function demoLines(io: CliIo, result: DemoResult, publicUrl: string): string[] {
  const base = publicUrl.replace(/\/$/, "");
  const c = result.counts;
  if (io.lang === "fr") {
    return [
      result.created && c
        ? `Démo «${NBSP}Studio Boréal${NBSP}» chargée${NBSP}: ${c.offers} offres, ${c.clients} clients, ${c.requests} demandes depuis le ${c.since.slice(0, 10)}, ${c.violations} manquements, ${c.exceptions} exceptions.`
        : `Démo «${NBSP}Studio Boréal${NBSP}» déjà présente${NBSP}: rien n’a été modifié.`,
      `  Connexion          ${result.email} / ${result.password}`,
      `  Charte publique    ${base}/c/${result.slug}`,
      `  Documentation API  ${base}/api/docs`,
      `  (mot de passe de démonstration${NBSP}: à ne pas utiliser sur un serveur public)`,
    ];
  }
  return [
    result.created && c
      ? `Demo “Studio Boréal” loaded: ${c.offers} offers, ${c.clients} clients, ${c.requests} requests since ${c.since.slice(0, 10)}, ${c.violations} violations, ${c.exceptions} exceptions.`
      : "Demo “Studio Boréal” already there: nothing was changed.",
    `  Sign in    ${result.email} / ${result.password}`,
    `  Charter    ${base}/c/${result.slug}`,
    `  API docs   ${base}/api/docs`,
    "  (a demo password: do not use it on a public server)",
  ];
}

/** Loads the demo with the app's context and prints the login (the serve hook). */
export async function loadAndAnnounceDemo(ctx: AppContext, io: CliIo): Promise<void> {
  const result = await loadDemo(ctx);
  for (const line of demoLines(io, result, ctx.config.publicUrl)) io.stdout(line);
}

export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const unknown = args.find((a) => a !== "--demo");
  if (unknown !== undefined) {
    io.stderr(say(io.lang, "unknown_option", { option: unknown }));
    return EXIT_INVALID;
  }
  const store = await openConfiguredStore();
  try {
    await loadAndAnnounceDemo(commandContext(store), io);
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
