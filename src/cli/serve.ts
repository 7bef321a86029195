// `cadre serve` (and `npm start`): migrate, start the HTTP server, the scheduler and the e-mail
// channel (outbox sender, inbound SMTP listener, IMAP poller: see docs/mail.md).
import { buildApp } from "../http/app.ts";
import { startMailWorkers } from "../services/mail/workers.ts";
import { ensureWebBuild } from "./build-web.ts";
import { type CliIo, EXIT_OK } from "./io.ts";
import { openConfiguredStore } from "./runtime.ts";

export interface ServeHooks {
  /** Runs once the app is built and before it listens (the demo loader uses it). */
  beforeListen?: (app: Awaited<ReturnType<typeof buildApp>>, io: CliIo) => Promise<void>;
  /** Starts background work; returns a function that stops it. */
  startBackground?: (
    app: Awaited<ReturnType<typeof buildApp>>,
  ) => (() => Promise<void> | void) | undefined;
}

export async function serveCommand(
  args: string[],
  io: CliIo,
  hooks: ServeHooks = {},
): Promise<number> {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "127.0.0.1";
  // `npm start` builds what it needs: the web app, when its sources changed since the last build
  // (not when CADRE_WEB_DIST points the server at a web app built elsewhere: dist/web is not served).
  if (!process.env.CADRE_WEB_DIST) await ensureWebBuild({ log: (line) => io.stderr(line) });
  const store = await openConfiguredStore();
  const app = await buildApp({ store, logger: process.env.LOG_LEVEL !== "silent" });
  if (args.includes("--demo") || process.env.CADRE_DEMO === "1")
    await hooks.beforeListen?.(app, io);
  const stopBackground = hooks.startBackground?.(app);
  const mail = await startMailWorkers(app.ctx, {
    log: {
      info: (message) => app.log.info(message),
      error: (message, error) => app.log.error({ err: error }, message),
    },
  });
  await app.listen({ port, host });
  io.stdout(
    io.lang === "fr"
      ? `Cadre écoute sur http://${host === "0.0.0.0" ? "localhost" : host}:${port} (données : ${store.where})`
      : `Cadre is listening on http://${host === "0.0.0.0" ? "localhost" : host}:${port} (data: ${store.where})`,
  );
  await new Promise<void>((resolve) => {
    const stop = async () => {
      await stopBackground?.();
      await mail.stop();
      await app.close();
      await store.close();
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return EXIT_OK;
}
