// Builds the web app once before the test run, so servers started by tests find it ready.
import { ensureWebBuild } from "../src/cli/build-web.ts";

export default async function setup(): Promise<void> {
  await ensureWebBuild({ log: () => {} });
}
