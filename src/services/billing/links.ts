// Portal addresses put in money e-mails (the web app routes them).
import type { AppContext } from "../context.ts";

export function portalLink(ctx: AppContext, path: string): string {
  return `${ctx.config.publicUrl.replace(/\/$/, "")}/portal/${path}`;
}
