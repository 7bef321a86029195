import { readFileSync } from "node:fs";
import os from "node:os";
import type { MachineInfo } from "./types.ts";

function distro(): string | null {
  try {
    const text = readFileSync("/etc/os-release", "utf8");
    const m = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(text);
    return m ? m[1]! : null;
  } catch {
    return null;
  }
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  const name = distro();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism?.() ?? cpus.length,
    node: process.version,
    os: `${name ? `${name}, ` : ""}${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    tz: process.env.TZ ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}
