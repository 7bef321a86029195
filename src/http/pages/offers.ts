// The offers as terms of sale: one article per offer, with its own anchor (`#offer-{id}`), what
// is included (items with quantities, quotas), what is not, add-ons with prices, and the deposit.

import { offerPrice } from "../../domain/offers/pricing.ts";
import type { Offer, QuotaKey } from "../../domain/offers/types.ts";
import { formatMoney, formatNumber, formatPercent } from "../../domain/replies/format.ts";
import { type Html, html } from "./html.ts";
import type { PageContext } from "./page-context.ts";

export type PublicOffer = Offer & { anchor: string; description?: string | undefined };

const QUOTAS: QuotaKey[] = ["meetings", "revisions", "hours"];

function paragraphs(text: string | undefined): Html | "" {
  if (!text?.trim()) return "";
  return html`${text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => html`<p>${p}</p>`)}`;
}

function offerArticle(c: PageContext, offer: PublicOffer, catalog: PublicOffer[]): Html {
  const { m, f } = c;
  const mo = m.offers;
  const money = (minor: number) => formatMoney(minor, f.locale, offer.currency);
  const price = offerPrice(offer);
  const quotas = offer.quotas ?? {};
  const included = [
    ...offer.items.map(
      (item) =>
        html`<li><span class="qty">${formatNumber(item.quantity, f.locale)}\u00a0×</span> ${item.name}</li>`,
    ),
    ...QUOTAS.filter((k) => quotas[k] !== undefined && quotas[k] > 0).map(
      (k) => html`<li>${mo.quota(k, quotas[k]!)}</li>`,
    ),
    offer.personalization?.customVariants
      ? html`<li>${mo.variants(offer.personalization.customVariants)}</li>`
      : "",
    offer.personalization?.revisionRounds && quotas.revisions === undefined
      ? html`<li>${mo.quota("revisions", offer.personalization.revisionRounds)}</li>`
      : "",
  ];
  const addOns = offer.addOns ?? [];
  const beyond = QUOTAS.filter((k) => quotas[k] !== undefined).map(
    (k) => html`<li>${mo.beyond(k, quotas[k]!)}</li>`,
  );
  const lower = offer.lowerTierId ? catalog.find((o) => o.id === offer.lowerTierId) : undefined;
  const deposit = c.charter.money?.depositPercent ?? 0;
  const id = offer.anchor;
  return html`<article class="offer" id="${id}" aria-labelledby="${id}-t">
<div class="offer-head"><h3 id="${id}-t">${offer.name}</h3><p class="price"><span class="sr">${mo.price}</span>${money(price)}</p></div>
${paragraphs(offer.description)}
<div class="cols">
<div><h4>${mo.included}</h4><ul class="inc">${included}</ul></div>
<div><h4>${mo.notIncluded}</h4><ul class="exc">${beyond}<li>${mo.notListed}</li></ul></div>
</div>
${
  addOns.length
    ? html`<h4>${mo.addOns}</h4><table class="addons"><tbody>${addOns.map(
        (a) => html`<tr><th scope="row">${a.name}</th><td>${money(a.price)}</td></tr>`,
      )}</tbody></table>`
    : ""
}
<p class="offer-foot">${
    deposit > 0
      ? html`<span>${mo.deposit(formatPercent(deposit, f.locale), money(Math.round((price * deposit) / 100)))}</span>`
      : ""
  }${lower ? html`<span>${mo.lowerTier} <a href="#${lower.anchor}">${lower.name}</a></span>` : ""}<span><a class="permalink" href="${c.absoluteUrl}#${id}">${mo.link}</a></span></p>
</article>`;
}

export function offersSection(c: PageContext, offers: PublicOffer[]): Html {
  const { m } = c;
  return html`<section id="offers" aria-labelledby="offers-t">
<h2 id="offers-t">${m.titles.offers}</h2>
${
  offers.length
    ? html`<p>${m.offers.intro}</p>${offers.map((o) => offerArticle(c, o, offers))}`
    : html`<p>${m.offers.none}</p>`
}
</section>`;
}
