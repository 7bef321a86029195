// Drives a real Cadre server process over HTTP: start it, wait for it, set up a workspace.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { exampleCharterInput } from "../factories/domain.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `cadre serve` with the given environment and waits until /api/health answers. */
export async function startServer(
  env: Record<string, string>,
  port?: number,
): Promise<ServerProcess> {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, ["bin/cadre.js", "serve"], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "silent", HOST: "127.0.0.1", ...env, PORT: String(p) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  const url = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`server did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    stop: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}

async function call(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return { res, json: text ? JSON.parse(text) : null };
}

/** Signs up, publishes the example charter, adds a client; returns a Bearer token and the client. */
export async function bootstrapWorkspace(
  url: string,
  slug: string,
): Promise<{ token: string; clientId: string }> {
  const email = `owner@${slug}.example`;
  const signup = await call(url, "POST", "/api/v1/signup", {
    email,
    password: "correct horse battery",
    name: "Julie Tremblay",
    workspace: {
      name: "Studio",
      slug,
      timezone: "America/Toronto",
      locale: "fr-CA",
      country: "CA",
      region: "QC",
    },
  });
  const cookie = signup.res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const session = { cookie, "x-csrf-token": signup.json.csrfToken as string };
  const token = (await call(url, "POST", "/api/v1/tokens", { name: "bench" }, session)).json
    .token as string;
  const auth = { authorization: `Bearer ${token}` };
  await call(url, "PUT", "/api/v1/charter", exampleCharterInput(), auth);
  await call(url, "POST", "/api/v1/charter/publish", undefined, auth);
  const client = await call(
    url,
    "POST",
    "/api/v1/clients",
    { name: "Camille Roy", emails: [`camille@${slug}.example`], locale: "fr-CA" },
    auth,
  );
  return { token, clientId: client.json.id as string };
}
