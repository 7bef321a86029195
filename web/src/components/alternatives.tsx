// One smaller package offered instead of a discount, as the client and the professional see it:
// its name, what it leaves out, what it keeps, its price and how close it is to the stated budget.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../lib/format.tsx";
import type { AlternativeView } from "../lib/money.ts";
import { Badge } from "./ui.tsx";

export function BudgetCloseness({
  alternative: a,
  audience,
}: {
  alternative: AlternativeView;
  audience: "client" | "pro";
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (a.budgetDelta === null) return null;
  const amount = fmt.money(Math.abs(a.budgetDelta), a.currency);
  if (a.budgetDelta === 0) {
    return (
      <Badge tone="green" data-testid="alternative-closeness">
        {t(`alternatives.${audience}.exact`)}
      </Badge>
    );
  }
  return a.budgetDelta < 0 ? (
    <Badge tone="green" data-testid="alternative-closeness">
      {t(`alternatives.${audience}.under`, { amount })}
    </Badge>
  ) : (
    <Badge tone="amber" data-testid="alternative-closeness">
      {t(`alternatives.${audience}.over`, { amount })}
    </Badge>
  );
}

export function AlternativeCard(props: {
  alternative: AlternativeView;
  chosen?: boolean;
  /** The closest to the stated budget (the first, as the domain orders them). */
  closest?: boolean;
  audience?: "client" | "pro";
  action?: ReactNode;
  headingLevel?: "h3" | "h4";
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const a = props.alternative;
  const Heading = props.headingLevel ?? "h4";
  return (
    <li
      className={`flex flex-col rounded-lg border bg-white p-4 ${props.chosen ? "border-emerald-500 ring-1 ring-emerald-500" : "border-stone-200"}`}
      data-testid="alternative"
      data-index={a.index}
      data-offer-id={a.offerId}
      data-removed={a.removedItems.map((r) => r.id).join(" ")}
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <Heading className="font-semibold text-stone-900" data-testid="alternative-name">
            {a.offerName}
          </Heading>
          <p className="text-xs text-stone-600">
            {a.removedItems.length > 0
              ? t("alternatives.sameWithout")
              : t("alternatives.smallerTier")}
          </p>
        </div>
        <p
          className="text-lg font-semibold text-stone-900 tabular-nums"
          data-testid="alternative-price"
        >
          {fmt.money(a.price, a.currency)}
        </p>
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        <BudgetCloseness alternative={a} audience={props.audience ?? "pro"} />
        {props.closest && (
          <Badge tone="teal" data-testid="alternative-closest">
            {t(`alternatives.${props.audience ?? "pro"}.closest`)}
          </Badge>
        )}
        {props.chosen && <Badge tone="green">{t("alternatives.chosenBadge")}</Badge>}
      </div>
      {a.removedItems.length > 0 && (
        <p className="mt-3 text-sm text-stone-800" data-testid="alternative-removed">
          <span className="font-medium">{t("alternatives.removed")}</span>{" "}
          {fmt.list(a.removedItems.map((r) => r.name))}
        </p>
      )}
      {a.items.length > 0 && (
        <div className="mt-2 text-sm text-stone-700">
          <p className="font-medium text-stone-800">{t("alternatives.keeps")}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {a.items.map((i) => (
              <li key={i.id}>{i.quantity > 1 ? `${i.quantity} × ${i.name}` : i.name}</li>
            ))}
          </ul>
        </div>
      )}
      {!a.available && (
        <p className="mt-2 text-sm text-amber-900">{t("alternatives.unavailable")}</p>
      )}
      {props.action && <div className="mt-auto pt-4">{props.action}</div>}
    </li>
  );
}
