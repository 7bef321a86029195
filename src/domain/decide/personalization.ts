// Personalization limits of the engagement's offer (the articles' "limites de personnalisation"):
// revision rounds included, custom variants a request may ask for. Beyond them, the extra is
// proposed at the add-on's price, never given silently.
import { extraPersonalizationFor } from "../offers/pricing.ts";
import type { ReplyParams } from "../replies/types.ts";
import type { ClientRequest, EvaluationContext } from "./types.ts";
import type { Verdict } from "./verdict.ts";

export function checkPersonalization(
  v: Verdict,
  ctx: EvaluationContext,
  req: ClientRequest,
  reply: ReplyParams,
): void {
  const engagement = ctx.engagement;
  const limits = engagement?.offer.personalization;
  if (!engagement || !limits) return;
  const { offer } = engagement;

  if (req.kind === "change" && limits.revisionRounds !== undefined) {
    // Rounds bought since (add-ons, accepted change orders) count as included.
    const included = limits.revisionRounds + (engagement.extraQuota?.revisions ?? 0);
    const used = engagement.usage?.revisions ?? 0;
    if (used + 1 > included) {
      const extra = extraPersonalizationFor(offer, "revisionRounds");
      reply.quota = "revisions";
      reply.included = included;
      reply.used = used;
      reply.price = extra?.price;
      v.hit(
        {
          id: "personalization.revision-rounds",
          category: "personalization",
          violation: true,
          params: { included, used, addOnId: extra?.id ?? null, price: extra?.price ?? null },
        },
        "propose",
        "propose.quota",
      );
      v.options.push({
        kind: "paid-extra",
        quota: "revisions",
        addOnId: extra?.id ?? null,
        price: extra?.price ?? null,
        currency: offer.currency,
      });
    }
  }

  const asked = req.customVariants;
  if (asked !== undefined && limits.customVariants !== undefined && asked > limits.customVariants) {
    const count = asked - limits.customVariants;
    const extra = extraPersonalizationFor(offer, "customVariants");
    const perUnit = extra?.personalization?.customVariants ?? 1;
    const units = Math.ceil(count / perUnit);
    const price = extra ? extra.price * units : null;
    reply.quota = "variants";
    reply.included = limits.customVariants;
    reply.used = asked;
    reply.fee = price ?? undefined;
    v.hit(
      {
        id: "personalization.custom-variants",
        category: "personalization",
        violation: true,
        params: { included: limits.customVariants, asked, extra: count, price },
      },
      "propose",
      "propose.variants",
    );
    v.options.push({
      kind: "extra-variants",
      count,
      addOnId: extra?.id ?? null,
      price,
      currency: offer.currency,
    });
  }
}
