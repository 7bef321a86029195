// Step 5: offers (the terms of sale): packages with items, quotas, add-ons and a lower tier.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { offerPrice } from "../../../components/CharterView.tsx";
import { Modal } from "../../../components/Modal.tsx";
import { Button, Card, EmptyState, ErrorMessage, Loading } from "../../../components/ui.tsx";
import { del, get } from "../../../lib/api.ts";
import { useFormat } from "../../../lib/format.tsx";
import { type Charter, type OfferRecord, QUOTA_KEYS, type Workspace } from "../../../lib/types.ts";
import { OfferForm } from "../../offers/OfferForm.tsx";
import { StepSection } from "./common.tsx";

export function OffersStep({ workspace, draft }: { workspace: Workspace; draft: Charter }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const offers = useQuery({
    queryKey: ["offers"],
    queryFn: () => get<{ items: OfferRecord[] }>("/offers"),
  });
  const [editing, setEditing] = useState<OfferRecord | "new" | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => del(`/offers/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["offers"] }),
  });
  const list = offers.data?.items ?? [];
  const currency = draft.money?.currency ?? workspace.currency;

  return (
    <StepSection title={t("offers.title")} description={t("offers.help")} testId="offers">
      {offers.isPending && <Loading />}
      {offers.error && <ErrorMessage error={offers.error} />}
      {remove.error && <ErrorMessage error={remove.error} />}
      {offers.data && list.length === 0 && <EmptyState>{t("offers.empty")}</EmptyState>}
      <ul className="space-y-3">
        {list.map((offer) => (
          <Card key={offer.id} as="li" data-testid={`offer-${offer.id}`}>
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <p className="font-semibold text-stone-900">
                  {offer.name}{" "}
                  <span className="font-normal text-stone-600">
                    — {fmt.money(offerPrice(offer), offer.currency)}
                  </span>
                </p>
                <p className="text-sm text-stone-700">
                  {fmt.list(offer.items.map((i) => `${i.quantity} × ${i.name}`))}
                </p>
                <p className="text-sm text-stone-600">
                  {fmt.list(
                    QUOTA_KEYS.filter((k) => offer.quotas?.[k] !== undefined).map((k) =>
                      t(`quota.count.${k}`, { count: offer.quotas?.[k] ?? 0 }),
                    ),
                  )}
                </p>
                <p className="mt-1 text-xs text-stone-600">
                  {t("offers.anchor")}{" "}
                  <code className="rounded bg-stone-100 px-1">{`/c/${workspace.slug}#offer-${offer.id}`}</code>
                </p>
              </div>
              <div className="flex gap-2">
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => setEditing(offer)}
                  data-testid={`offer-${offer.id}-edit`}
                >
                  {t("common.edit")}
                </Button>
                <Button
                  size="sm"
                  variant="danger"
                  onClick={() => {
                    if (window.confirm(t("offers.confirmDelete", { name: offer.name })))
                      remove.mutate(offer.id);
                  }}
                >
                  {t("common.delete")}
                </Button>
              </div>
            </div>
          </Card>
        ))}
      </ul>
      <Button data-testid="offer-new" variant="secondary" onClick={() => setEditing("new")}>
        + {t("offers.new")}
      </Button>
      <Modal
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        title={editing === "new" ? t("offers.new") : t("offers.edit")}
        testId="offer-dialog"
        wide
      >
        {editing !== null && (
          <OfferForm
            initial={editing === "new" ? null : editing}
            currency={currency}
            offers={list}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </StepSection>
  );
}
