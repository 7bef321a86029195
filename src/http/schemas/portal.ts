// Response schemas of the client portal (see routes/portal.ts). No Node-only imports: the web app
// derives its types from them.
import { z } from "zod";
import { versionSchema } from "./charter.ts";
import { replySchema } from "./decision.ts";

/** A quota of the engagement: included (offer + extras bought), used, left. */
const quotaSchema = z.object({
  quota: z.enum(["meetings", "revisions", "hours"]),
  included: z.number(),
  used: z.number(),
  left: z.number(),
});

export const portalOverviewSchema = z.object({
  client: z.object({
    id: z.string(),
    name: z.string(),
    locale: z.string(),
    timezone: z.string().nullable(),
    acknowledged: z
      .object({ version: z.number(), at: z.string(), from: z.string().nullable() })
      .nullable(),
  }),
  charter: z
    .object({ version: z.number(), publishedAt: z.string(), acknowledged: z.boolean() })
    .nullable(),
  engagement: z
    .object({
      id: z.string(),
      title: z.string(),
      offer: z.object({
        id: z.string(),
        name: z.string(),
        items: z.array(z.object({ id: z.string(), name: z.string(), quantity: z.number() })),
      }),
      quotas: z.array(quotaSchema),
      deliverables: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          dueAt: z.string(),
          deliveredAt: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
});

/** The published charter the client works under (its latest version, defaults applied). */
export const portalCharterSchema = versionSchema.pick({
  version: true,
  publishedAt: true,
  charter: true,
});

export const portalRequestSchema = z.object({
  id: z.string(),
  channel: z.string(),
  receivedAt: z.string(),
  subject: z.string(),
  kind: z.string().nullable(),
  status: z.string(),
  outcome: z.string(),
  dueAt: z.string(),
  nextOpenAt: z.string(),
  alternatives: z.number().describe("Smaller packages offered instead of a discount"),
  chosenOption: z.string().nullable(),
  reply: replySchema.nullable(),
});

export const portalRequestsSchema = z.object({
  total: z.number(),
  items: z.array(portalRequestSchema),
});
