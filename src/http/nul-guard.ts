// PostgreSQL cannot store U+0000 in text: any input string holding one is refused up front with
// a localised 400 (on both engines, so they behave the same).
import type { FastifyInstance } from "fastify";
import { defineIssueMessages } from "../domain/charter/messages.ts";
import { AppError } from "../services/errors.ts";

defineIssueMessages({
  nul_character: {
    fr: () => "contient un caractère nul (U+0000), qui ne peut pas être enregistré ; retirez-le",
    en: () => "contains a null character (U+0000), which cannot be stored; remove it",
  },
});

const MAX_DEPTH = 32;

/** The path of the first string (key or value) containing U+0000, or null. */
export function findNul(value: unknown, path = "", depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], `${path}[${i}]`, depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (key.includes("\u0000")) return here;
    const found = findNul(inner, here, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export function installNulGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    for (const [where, value] of [
      ["", request.body],
      ["querystring", request.query],
      ["params", request.params],
    ] as const) {
      const path = findNul(value);
      if (path !== null) {
        const full = where && path ? `${where}.${path}` : where || path;
        throw new AppError("invalid_input", "invalid_input", {}, [
          { path: full, code: "nul_character", params: {} },
        ]);
      }
    }
  });
}
