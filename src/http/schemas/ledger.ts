// Response schemas of the violations and exceptions ledger (see routes/ledger.ts). Pure zod: the
// web app derives its types from them.
import { z } from "zod";

export const violationSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  requestId: z.string().nullable(),
  ruleId: z.string(),
  category: z.string(),
  params: z.record(z.string(), z.unknown()),
  charterVersion: z.number().nullable(),
  occurredAt: z.string(),
});

export const exceptionSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  requestId: z.string().nullable(),
  ruleId: z.string(),
  reason: z.string(),
  grantedBy: z.string().nullable(),
  createdAt: z.string(),
});

export const violationsSchema = z.object({ items: z.array(violationSchema) });

/** The fairness ledger: exceptions, and per client the exceptions beside the violations. */
export const ledgerSchema = z.object({
  items: z.array(exceptionSchema),
  byClient: z.array(
    z.object({
      clientId: z.string(),
      name: z.string(),
      exceptions: z.number(),
      violations: z.number(),
    }),
  ),
});
