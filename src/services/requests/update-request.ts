// PATCH a request: edit the drafted reply, answer it (the reply goes to the outbox), close or
// reopen it, or record which proposed option the client chose (a rush counts toward the cap).
import type { Decision } from "../../domain/decide/types.ts";
import * as clients from "../../store/repositories/clients.ts";
import * as outbox from "../../store/repositories/outbox.ts";
import {
  getRequest,
  type StoredRequest,
  updateRequest,
} from "../../store/repositories/requests.ts";
import type { AppContext } from "../context.ts";
import { invalid, notFound } from "../errors.ts";

export interface RequestPatch {
  reply?: { subject?: string | undefined; body?: string | undefined } | undefined;
  action?: "answer" | "close" | "reopen" | undefined;
  chosenOption?: string | undefined;
}

export interface PatchResult {
  request: StoredRequest;
  /** The outbox mail that carries the answer, when one was queued. */
  mailId: string | null;
}

export async function patchRequest(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  patch: RequestPatch,
): Promise<PatchResult> {
  const now = ctx.now();
  let mailId: string | null = null;
  await ctx.db.transaction().execute(async (trx) => {
    const current = await getRequest(trx, workspaceId, id);
    if (!current) throw notFound("request");
    let decision: Decision | undefined;
    if (patch.chosenOption !== undefined) {
      const kinds = current.decision.options.map((o) => o.kind as string);
      if (!kinds.includes(patch.chosenOption)) {
        throw invalid("option_not_offered", {
          option: patch.chosenOption,
          offered: kinds.join(", "),
        });
      }
      decision = { ...current.decision, chosenOption: patch.chosenOption } as Decision;
    }
    const subject = patch.reply?.subject ?? current.reply.subject;
    const body = patch.reply?.body ?? current.reply.body;
    const status =
      patch.action === "answer"
        ? "answered"
        : patch.action === "close"
          ? "closed"
          : patch.action === "reopen"
            ? "open"
            : undefined;
    await updateRequest(trx, workspaceId, id, {
      ...(status ? { status } : {}),
      ...(patch.reply?.subject !== undefined ? { replySubject: subject } : {}),
      ...(patch.reply?.body !== undefined ? { replyBody: body } : {}),
      ...(patch.action === "answer" ? { answeredAt: now } : {}),
      ...(patch.action === "close" ? { closedAt: now } : {}),
      ...(patch.action === "reopen" ? { closedAt: null } : {}),
      ...(decision ? { decision } : {}),
    });
    if (patch.action === "answer" && current.clientId) {
      const client = await clients.get(trx, workspaceId, current.clientId);
      const to = client?.emails[0];
      if (to) {
        mailId = await outbox.enqueue(trx, {
          workspaceId,
          idempotencyKey: `reply:${id}:${now}`,
          to,
          subject,
          text: body,
          relatedRequestId: id,
        });
      }
    }
  });
  const request = await getRequest(ctx.db, workspaceId, id);
  if (!request) throw notFound("request");
  return { request, mailId };
}
