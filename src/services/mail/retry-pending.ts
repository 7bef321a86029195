// Messages stored but not taken in yet (no published charter at the time, a database error, a
// process stopped between the two steps) are taken in again until they are.
import { noteIntakeFailure, pendingMessages } from "../../store/repositories/mail.ts";
import type { AppContext } from "../context.ts";
import { processMessage } from "./process-message.ts";

/** Leaves the live path a head start, so a message is not processed twice at once. */
const SETTLE_MS = 30_000;

export async function retryPendingMail(
  ctx: AppContext,
  now: number = ctx.now(),
  limit = 100,
): Promise<{ taken: number; pending: number }> {
  let taken = 0;
  let pending = 0;
  for (const m of await pendingMessages(ctx.db, now - SETTLE_MS, limit)) {
    try {
      await processMessage(ctx, m.workspaceId, m.id);
      taken++;
    } catch (error) {
      pending++;
      const text =
        error && typeof error === "object" && "key" in error
          ? String(error.key)
          : error instanceof Error
            ? error.message
            : String(error);
      await noteIntakeFailure(ctx.db, m.workspaceId, m.id, text);
    }
  }
  return { taken, pending };
}
