// Zod schemas shared by the accounts routes (bodies and answers), and how results are shown.
import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "../../services/accounts/passwords.ts";
import type { SignedIn } from "../../services/accounts/sign-up.ts";
import type { User } from "../../store/repositories/users.ts";
import type { Workspace } from "../../store/repositories/workspaces.ts";
import type { userOut, workspaceOut } from "../schemas/accounts.ts";

export {
  clientOut,
  roleField,
  sessionOut,
  signedInOut,
  userOut,
  workspaceOut,
} from "../schemas/accounts.ts";

function hasControlCharacter(text: string, allowSpacing: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || ((c < 32 || c === 127) && !allowSpacing)) return true;
  }
  return false;
}

/** One line of text, trimmed, without control characters (PostgreSQL cannot store NUL). */
export const line = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((text) => !hasControlCharacter(text, false), { error: "cadre.control_characters" });

export const emailField = line(1, 254);
const password = (min: number) =>
  z
    .string()
    .min(min)
    .max(PASSWORD_MAX)
    .refine((text) => !hasControlCharacter(text, true), { error: "cadre.control_characters" });
export const passwordField = password(PASSWORD_MIN);
/** Signing in accepts any length, so a shorter legacy password gets the same 401. */
export const signInPassword = password(1);

export const errorOut = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
      .optional(),
  }),
});

export function showUser(user: User): z.infer<typeof userOut> {
  return { id: user.id, email: user.email, name: user.name };
}

export function showWorkspace(w: Workspace): z.infer<typeof workspaceOut> {
  return {
    id: w.id,
    slug: w.slug,
    name: w.name,
    timezone: w.timezone,
    locale: w.locale,
    country: w.country,
    region: w.region,
    currency: w.currency,
  };
}

/** What a sign-up, sign-in, accepted invitation or password reset answers (the cookie aside). */
export function showSignedIn(done: SignedIn) {
  return {
    user: showUser(done.user),
    workspace: showWorkspace(done.workspace),
    role: done.role,
    csrfToken: done.session.csrfToken,
  };
}
