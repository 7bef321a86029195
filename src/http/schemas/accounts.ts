// Response schemas of the accounts routes (sign-up, sign-in, the session, client access). Pure zod,
// no server imports: the web app derives its types from them (type-only imports).
import { z } from "zod";

export const userOut = z.object({ id: z.string(), email: z.string(), name: z.string() });

export const workspaceOut = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  timezone: z.string(),
  locale: z.string(),
  country: z.string(),
  region: z.string().nullable(),
  currency: z.string(),
});

export const roleField = z.enum(["owner", "member"]);

export const clientOut = z.object({ id: z.string(), name: z.string(), locale: z.string() });

export const signedInOut = z.object({
  user: userOut,
  workspace: workspaceOut,
  role: roleField,
  csrfToken: z.string(),
});

export const sessionOut = z.object({
  kind: z.enum(["member", "client"]),
  via: z.enum(["session", "token"]),
  user: userOut.optional(),
  role: roleField.optional(),
  client: clientOut.optional(),
  workspace: workspaceOut,
  csrfToken: z.string().nullable(),
});
