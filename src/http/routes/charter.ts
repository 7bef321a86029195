// The charter: the draft (GET/PUT), publishing a version, published versions, and the public
// charter of a workspace (no sign-in).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getCharterDraft } from "../../services/charter/get-draft.ts";
import { getPublicCharter } from "../../services/charter/get-public-charter.ts";
import { getCharterVersion } from "../../services/charter/get-version.ts";
import { listCharterVersions } from "../../services/charter/list-versions.ts";
import { publishCharter } from "../../services/charter/publish-charter.ts";
import { saveCharterDraft } from "../../services/charter/save-draft.ts";
import { requireMember } from "../auth.ts";
import {
  draftSchema,
  publicCharterSchema,
  versionSchema,
  versionSummarySchema,
} from "../schemas/charter.ts";
import { errorResponses, errorSchema } from "../schemas/decision.ts";

const tags = ["charter"];

export const charterRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/charter",
    {
      schema: {
        tags,
        summary: "The charter draft (a starter built from the workspace when none was saved)",
        response: { 200: draftSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return (await getCharterDraft(app.ctx, member.workspaceId)).document as z.infer<
        typeof draftSchema
      >;
    },
  );

  app.put(
    "/api/v1/charter",
    {
      schema: {
        tags,
        summary: "Save the charter draft as written (it may be incomplete)",
        body: draftSchema,
        response: { 200: draftSchema, ...errorResponses, 413: errorSchema },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      const saved = await saveCharterDraft(app.ctx, member.workspaceId, request.body);
      return saved.document as z.infer<typeof draftSchema>;
    },
  );

  app.post(
    "/api/v1/charter/publish",
    {
      schema: {
        tags,
        summary: "Publish the draft as the next immutable version",
        description:
          "Refused with 422 and every problem at once (localised, each with its path) when the draft cannot be published; nothing is written then.",
        response: {
          201: z.object({ version: z.number().int(), publishedAt: z.string() }),
          ...errorResponses,
          422: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const member = await requireMember(request);
      const published = await publishCharter(app.ctx, member.workspaceId, member.userId);
      return reply.status(201).send(published);
    },
  );

  app.get(
    "/api/v1/charter/versions",
    {
      schema: {
        tags,
        summary: "Published versions, newest first",
        response: { 200: z.object({ items: z.array(versionSummarySchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return { items: await listCharterVersions(app.ctx, member.workspaceId) };
    },
  );

  app.get(
    "/api/v1/charter/versions/:version",
    {
      schema: {
        tags,
        summary: "One published version, as it was published",
        params: z.object({ version: z.coerce.number().int().min(1).max(1_000_000) }),
        response: { 200: versionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = await requireMember(request);
      return getCharterVersion(app.ctx, member.workspaceId, request.params.version);
    },
  );

  app.get(
    "/api/v1/public/:slug/charter",
    {
      schema: {
        tags: ["public"],
        summary: "A workspace's published charter and terms of sale (no sign-in)",
        params: z.object({ slug: z.string().min(1).max(100) }),
        response: { 200: publicCharterSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => getPublicCharter(app.ctx, request.params.slug),
  );
};
