// Schemas of the charter routes: drafts are any `cadre.charter/1` object, published versions are
// complete charters.
import { z } from "zod";
import { charterSchema } from "../../domain/charter/schema.ts";
import { offerSchema } from "./catalog.ts";

export const draftSchema = z
  .looseObject({ schema: z.literal("cadre.charter/1") })
  .describe(
    "A cadre.charter/1 document as being written: it may be incomplete; publishing checks it",
  );

export const versionSummarySchema = z.object({
  version: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
});

export const versionSchema = versionSummarySchema.extend({ charter: charterSchema });

export const publicCharterSchema = z.object({
  workspace: z.object({ name: z.string(), slug: z.string(), timezone: z.string() }),
  version: z.number().int(),
  publishedAt: z.string(),
  charter: charterSchema,
  offers: z.array(
    offerSchema.extend({ anchor: z.string().describe("The offer's anchor on the public page") }),
  ),
});
