// Boots the real app on a fresh database of the given engine, for app.inject() tests.
import { type App, buildApp } from "../../src/http/app.ts";
import type { Engine } from "../../src/store/engine.ts";
import { freshStore } from "./store.ts";

export interface TestApp {
  app: App;
  close(): Promise<void>;
}

export async function startApp(
  engine: Engine,
  options: { now?: () => number } = {},
): Promise<TestApp> {
  const store = await freshStore(engine);
  const app = await buildApp({ store, ...(options.now ? { now: options.now } : {}) });
  return {
    app,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
