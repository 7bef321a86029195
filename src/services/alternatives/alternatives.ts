// A discount request's smaller packages, and the client accepting one of them. The domain offers,
// instead of a discount, the next-lower tier or the same offer minus items, each at its computed
// price (`decision.alternatives`). Accepting one, in one transaction: the request records the
// choice (`chosenOption: "alternative"` and which), the client's engagement is created or moved to
// that package at that price (the offer's terms copied, the removed items taken out and listed as
// not included), and the audit log says who did it. The price is never typed by anyone: it is the
// one the decision computed and showed the client — never a silent discount.
import type { Decision, DecisionAlternative } from "../../domain/decide/types.ts";
import { offerPrice } from "../../domain/offers/pricing.ts";
import type { Offer } from "../../domain/offers/types.ts";
import { record } from "../../store/repositories/audit.ts";
import * as clients from "../../store/repositories/clients.ts";
import type { Engagement } from "../../store/repositories/engagements.ts";
import * as engagements from "../../store/repositories/engagements.ts";
import * as offers from "../../store/repositories/offers.ts";
import { getRequest, type StoredRequest } from "../../store/repositories/requests.ts";
import { newId, toJson } from "../../store/values.ts";
import type { AppContext } from "../context.ts";
import { AppError, conflict, invalid, notFound } from "../errors.ts";
import { invalidateCatalog } from "../requests/catalog-cache.ts";
import "./messages.ts";

/** Who accepts: the client in the portal (their own requests only) or a member for them. */
export type Acceptor = { kind: "client"; clientId: string } | { kind: "member"; actor: string };

/** What the decision recorded about the accepted package (inside `decision`). */
export interface ChosenAlternative {
  index: number;
  offerId: string;
  removedItems: string[];
  price: number;
  currency: string;
  engagementId: string;
  engagementCreated: boolean;
  at: string;
  by: string;
  /** The package the engagement had before (null when one was created). */
  previous: { offerId: string; name: string; price: number } | null;
}

export interface AlternativeView {
  index: number;
  offerId: string;
  offerName: string;
  /** The same package minus items (true) or another, smaller tier (false). */
  sameOffer: boolean;
  removedItems: { id: string; name: string }[];
  /** What the package includes once the removed items are taken out. */
  items: { id: string; name: string; quantity: number }[];
  price: number;
  currency: string;
  /** price − budget (negative: under the budget); null without a stated budget. */
  budgetDelta: number | null;
  /** False when the package is no longer in the catalog (it cannot be accepted). */
  available: boolean;
}

export interface AlternativesView {
  requestId: string;
  /** The package the discount was asked about. */
  offer: { id: string; name: string; price: number; currency: string } | null;
  budget: number | null;
  currency: string;
  alternatives: AlternativeView[];
  chosen: ChosenAlternative | null;
}

export interface Accepted {
  requestId: string;
  chosenOption: "alternative";
  chosen: ChosenAlternative;
  alternative: AlternativeView;
  engagement: {
    id: string;
    title: string;
    offerId: string;
    offerName: string;
    price: number;
    currency: string;
    created: boolean;
  };
}

type WithChoice = Decision & { chosenOption?: string; chosenAlternative?: ChosenAlternative };

interface Sources {
  request: StoredRequest;
  engagement: Engagement | null;
  catalog: Map<string, Offer>;
}

/** The request (the client's own, when a client asks) with the engagement and catalog it names. */
async function load(
  ctx: AppContext,
  workspaceId: string,
  requestId: string,
  clientId?: string,
): Promise<Sources> {
  const request = await getRequest(ctx.db, workspaceId, requestId);
  if (!request || (clientId !== undefined && request.clientId !== clientId)) {
    throw notFound("request");
  }
  let engagement = request.engagementId
    ? await engagements.get(ctx.db, workspaceId, request.engagementId)
    : null;
  if (engagement && (engagement.clientId !== request.clientId || engagement.status !== "active")) {
    engagement = null;
  }
  if (!engagement && request.clientId) {
    engagement = await engagements.activeForClient(ctx.db, workspaceId, request.clientId);
  }
  const catalog = new Map<string, Offer>();
  for (const offer of await offers.list(ctx.db, workspaceId, { includeArchived: false })) {
    catalog.set(offer.id, offer);
  }
  return { request, engagement, catalog };
}

const chosenOf = (s: Sources) => (s.request.decision as WithChoice).chosenAlternative ?? null;

/** The offer an alternative is cut from: the engagement's agreed terms when it is the same
 * package (as the decision used them), else the current catalog's. Once a choice is made the
 * engagement holds the smaller package, so the catalog describes what was offered. */
function sourceOf(alt: DecisionAlternative, s: Sources): Offer | null {
  const own = s.engagement?.offer.id === alt.offerId ? s.engagement.offer : null;
  if (chosenOf(s)) return s.catalog.get(alt.offerId) ?? own;
  return own ?? s.catalog.get(alt.offerId) ?? null;
}

function askedAbout(
  s: Sources,
): { id: string; name: string; price: number; currency: string } | null {
  const described = (o: Offer | null | undefined) =>
    o ? { id: o.id, name: o.name, price: offerPrice(o), currency: o.currency } : null;
  const previous = chosenOf(s)?.previous;
  const id = s.request.input.offerId ?? previous?.offerId ?? s.engagement?.offer.id;
  if (!id) return null;
  if (previous && previous.offerId === id) {
    const currency = s.catalog.get(id)?.currency ?? s.engagement?.offer.currency ?? "CAD";
    return { id, name: previous.name, price: previous.price, currency };
  }
  if (!chosenOf(s) && s.engagement?.offer.id === id) return described(s.engagement.offer);
  return described(s.catalog.get(id)) ?? described(s.engagement?.offer);
}

function viewOf(
  alt: DecisionAlternative,
  index: number,
  s: Sources,
  fallbackCurrency: string,
): AlternativeView {
  const source = sourceOf(alt, s);
  const asked = askedAbout(s);
  const budget = s.request.input.budget ?? null;
  const removed = new Set(alt.removedItems);
  return {
    index,
    offerId: alt.offerId,
    offerName: source?.name ?? alt.offerId,
    sameOffer: alt.removedItems.length > 0 || (asked !== null && asked.id === alt.offerId),
    removedItems: alt.removedItems.map((id) => ({
      id,
      name: source?.items.find((i) => i.id === id)?.name ?? id,
    })),
    items: (source?.items ?? [])
      .filter((i) => !removed.has(i.id))
      .map((i) => ({ id: i.id, name: i.name, quantity: i.quantity })),
    price: alt.price,
    currency: source?.currency ?? asked?.currency ?? fallbackCurrency,
    budgetDelta: budget === null ? null : alt.price - budget,
    available: source !== null,
  };
}

async function workspaceCurrency(ctx: AppContext, workspaceId: string): Promise<string> {
  const row = await ctx.db
    .selectFrom("workspaces")
    .select("currency")
    .where("id", "=", workspaceId)
    .executeTakeFirst();
  return (row?.currency as string | undefined) ?? "CAD";
}

function describe(s: Sources, currency: string): AlternativesView {
  const decision = s.request.decision as WithChoice;
  const asked = askedAbout(s);
  const alternatives = (decision.alternatives ?? []).map((alt, index) =>
    viewOf(alt, index, s, currency),
  );
  return {
    requestId: s.request.id,
    offer: asked,
    budget: s.request.input.budget ?? null,
    currency: asked?.currency ?? alternatives[0]?.currency ?? currency,
    alternatives,
    chosen: decision.chosenAlternative ?? null,
  };
}

/** The smaller packages a request's decision offered, described for the client or a member. */
export async function listAlternatives(
  ctx: AppContext,
  workspaceId: string,
  requestId: string,
  clientId?: string,
): Promise<AlternativesView> {
  const sources = await load(ctx, workspaceId, requestId, clientId);
  return describe(sources, await workspaceCurrency(ctx, workspaceId));
}

/** The package as agreed from now on: the offer's terms without the removed items, at the price
 * the decision computed; what was removed is said plainly among what is not included. */
export function packageOf(source: Offer, alt: DecisionAlternative): Offer {
  const {
    archived: _a,
    createdAt: _c,
    updatedAt: _u,
    ...terms
  } = source as Offer & {
    archived?: boolean;
    createdAt?: string;
    updatedAt?: string;
  };
  const removed = new Set(alt.removedItems);
  const removedNames = source.items.filter((i) => removed.has(i.id)).map((i) => i.name);
  const excluded = [...(source.excluded ?? [])];
  for (const name of removedNames) if (!excluded.includes(name)) excluded.push(name);
  return {
    ...terms,
    items: source.items.filter((i) => !removed.has(i.id)),
    price: alt.price,
    ...(excluded.length > 0 ? { excluded } : {}),
  };
}

export async function acceptAlternative(
  ctx: AppContext,
  workspaceId: string,
  requestId: string,
  index: number,
  by: Acceptor,
): Promise<Accepted> {
  const s = await load(ctx, workspaceId, requestId, by.kind === "client" ? by.clientId : undefined);
  const decision = s.request.decision as WithChoice;
  const alt = decision.alternatives?.[index];
  if (!alt) throw new AppError("not_found", "alternative_not_found", { index });
  if (decision.chosenOption !== undefined || s.request.chosenOption !== null) {
    throw conflict("alternative_already_chosen", {
      chosen: decision.chosenAlternative?.index ?? decision.chosenOption ?? null,
    });
  }
  const clientId = s.request.clientId;
  if (!clientId) throw invalid("request_without_client");
  const client = await clients.get(ctx.db, workspaceId, clientId);
  if (!client) throw notFound("client");
  const source = sourceOf(alt, s);
  if (!source) throw conflict("alternative_unavailable", { offerId: alt.offerId });
  const agreed = packageOf(source, alt);
  const actor = by.kind === "client" ? `client:${by.clientId}` : by.actor;
  const at = ctx.now();
  const existing = s.engagement;
  const engagementId = existing?.id ?? newId();
  const title = existing && existing.title !== existing.offer.name ? existing.title : agreed.name;
  const chosen: ChosenAlternative = {
    index,
    offerId: alt.offerId,
    removedItems: [...alt.removedItems],
    price: alt.price,
    currency: agreed.currency,
    engagementId,
    engagementCreated: existing === null,
    at: new Date(at).toISOString(),
    by: actor,
    previous: existing
      ? { offerId: existing.offer.id, name: existing.offer.name, price: offerPrice(existing.offer) }
      : null,
  };
  const next: WithChoice = { ...decision, chosenOption: "alternative", chosenAlternative: chosen };

  await ctx.db.transaction().execute(async (trx) => {
    // Claimed with a condition, so two answers at once cannot both win.
    const claimed = await trx
      .updateTable("requests")
      .set({ decision: toJson(next), chosen_option: "alternative" })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", requestId)
      .where("chosen_option", "is", null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) {
      throw conflict("alternative_already_chosen", { chosen: null });
    }
    if (existing) {
      const moved = await engagements.update(
        trx,
        workspaceId,
        existing.id,
        { offerId: agreed.id, offer: agreed, title },
        at,
      );
      if (!moved) throw notFound("engagement");
    } else {
      await engagements.insert(
        trx,
        workspaceId,
        {
          id: engagementId,
          clientId,
          offerId: agreed.id,
          title,
          offer: agreed,
          startsOn: null,
          endsOn: null,
          extraQuota: {},
          extraItems: [],
          deliverables: [],
          obligations: [],
        },
        at,
      );
    }
    await record(trx, {
      workspaceId,
      actor,
      action: "request.alternative-accepted",
      target: requestId,
      data: {
        index,
        offerId: alt.offerId,
        removedItems: alt.removedItems,
        price: alt.price,
        currency: agreed.currency,
        engagementId,
        engagementCreated: existing === null,
        previousOfferId: existing?.offer.id ?? null,
        previousPrice: existing ? offerPrice(existing.offer) : null,
      },
      at,
    });
  });
  invalidateCatalog(ctx, workspaceId);
  return {
    requestId,
    chosenOption: "alternative",
    chosen,
    alternative: viewOf(alt, index, s, agreed.currency),
    engagement: {
      id: engagementId,
      title,
      offerId: agreed.id,
      offerName: agreed.name,
      price: alt.price,
      currency: agreed.currency,
      created: existing === null,
    },
  };
}
