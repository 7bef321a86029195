// Create or edit an offer: items with quantities and prices, quotas, add-ons, the lower tier.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Button,
  Checkbox,
  ErrorMessage,
  errorsAt,
  NumberField,
  SelectField,
  TextAreaField,
  TextField,
} from "../../components/ui.tsx";
import { ApiError, post, put } from "../../lib/api.ts";
import { useFormat } from "../../lib/format.tsx";
import { slugify } from "../../lib/slug.ts";
import { type Offer, type OfferRecord, QUOTA_KEYS, type Quotas } from "../../lib/types.ts";

const major = (minor: number | undefined) => (minor === undefined ? undefined : minor / 100);
const minor = (value: number | undefined) =>
  value === undefined ? undefined : Math.round(value * 100);

function cleanQuotas(q: Quotas | undefined): Quotas | undefined {
  if (!q) return undefined;
  const out: Quotas = {};
  for (const k of QUOTA_KEYS) if (q[k] !== undefined && !Number.isNaN(q[k])) out[k] = q[k];
  return Object.keys(out).length ? out : undefined;
}

export function OfferForm({
  initial,
  currency,
  offers,
  onDone,
}: {
  initial: OfferRecord | null;
  currency: string;
  offers: OfferRecord[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [offer, setOffer] = useState<Offer>(
    () =>
      initial ?? {
        id: "",
        name: "",
        currency,
        items: [{ id: "", name: "", quantity: 1, unitPrice: 0 }],
        quotas: {},
        addOns: [],
      },
  );
  const [idEdited, setIdEdited] = useState(Boolean(initial));
  const change = (fn: (o: Offer) => void) =>
    setOffer((current) => {
      const next = structuredClone(current);
      fn(next);
      return next;
    });
  const save = useMutation({
    mutationFn: () => {
      const body: Offer = {
        ...offer,
        items: offer.items.map((i) => ({ ...i, id: i.id || slugify(i.name) || "item" })),
        quotas: cleanQuotas(offer.quotas),
        addOns: (offer.addOns ?? []).map((a) => ({
          ...a,
          id: a.id || slugify(a.name) || "add-on",
          grants: cleanQuotas(a.grants),
        })),
      };
      if (!body.quotas) delete body.quotas;
      if (!body.lowerTierId) delete body.lowerTierId;
      if (!body.description) delete body.description;
      if (body.price === undefined) delete body.price;
      const { archived: _a, createdAt: _c, updatedAt: _u, ...payload } = body as OfferRecord;
      return initial
        ? put<OfferRecord>(`/offers/${encodeURIComponent(initial.id)}`, payload)
        : post<OfferRecord>("/offers", payload);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["offers"] });
      onDone();
    },
  });
  const details = save.error instanceof ApiError ? save.error.details : [];
  const sum = offer.items.reduce((s, i) => s + (i.quantity || 0) * (i.unitPrice || 0), 0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} className="space-y-5" data-testid="offer-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("offers.name")}
          required
          value={offer.name}
          data-testid="offer-name"
          onChange={(e) =>
            change((o) => {
              o.name = e.target.value;
              if (!idEdited) o.id = slugify(e.target.value);
            })
          }
          errors={errorsAt(details, "name")}
        />
        <TextField
          label={t("offers.id")}
          hint={t("offers.idHelp")}
          required
          disabled={Boolean(initial)}
          value={offer.id}
          data-testid="offer-id"
          onChange={(e) => {
            setIdEdited(true);
            change((o) => {
              o.id = slugify(e.target.value);
            });
          }}
          errors={errorsAt(details, "id")}
        />
      </div>
      <TextAreaField
        label={t("offers.description")}
        value={offer.description ?? ""}
        onChange={(e) =>
          change((o) => {
            o.description = e.target.value;
          })
        }
        errors={errorsAt(details, "description")}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-stone-900">{t("offers.items")}</legend>
        {offer.items.map((item, i) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            key={i}
            className="grid items-end gap-2 sm:grid-cols-[1fr_5rem_7rem_auto_auto]"
          >
            <TextField
              label={t("offers.itemName")}
              value={item.name}
              data-testid={`offer-item-${i}-name`}
              onChange={(e) =>
                change((o) => {
                  const it = o.items[i]!;
                  it.name = e.target.value;
                  if (!initial) it.id = slugify(e.target.value);
                })
              }
              errors={errorsAt(details, `items[${i}]`)}
            />
            <NumberField
              label={t("offers.quantity")}
              min={0}
              value={item.quantity}
              data-testid={`offer-item-${i}-quantity`}
              onValue={(v) =>
                change((o) => {
                  o.items[i]!.quantity = v ?? 0;
                })
              }
            />
            <NumberField
              label={t("offers.unitPrice", { currency: offer.currency })}
              min={0}
              step={0.01}
              value={major(item.unitPrice)}
              data-testid={`offer-item-${i}-price`}
              onValue={(v) =>
                change((o) => {
                  o.items[i]!.unitPrice = minor(v) ?? 0;
                })
              }
            />
            <Checkbox
              label={t("offers.removable")}
              className="mb-2"
              checked={Boolean(item.removable)}
              onChange={(e) =>
                change((o) => {
                  o.items[i]!.removable = e.target.checked;
                })
              }
            />
            <Button
              size="sm"
              variant="danger"
              className="mb-1"
              onClick={() => change((o) => void o.items.splice(i, 1))}
            >
              {t("common.remove")}
            </Button>
          </div>
        ))}
        <Button
          size="sm"
          variant="secondary"
          data-testid="offer-add-item"
          onClick={() =>
            change((o) => void o.items.push({ id: "", name: "", quantity: 1, unitPrice: 0 }))
          }
        >
          + {t("offers.addItem")}
        </Button>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberField
          label={t("offers.price", { currency: offer.currency })}
          hint={t("offers.priceHelp", { sum: fmt.money(sum, offer.currency) })}
          min={0}
          step={0.01}
          value={major(offer.price)}
          data-testid="offer-price"
          onValue={(v) =>
            change((o) => {
              o.price = minor(v);
            })
          }
          errors={errorsAt(details, "price")}
        />
        <SelectField
          label={t("offers.lowerTier")}
          hint={t("offers.lowerTierHelp")}
          value={offer.lowerTierId ?? ""}
          onChange={(e) =>
            change((o) => {
              o.lowerTierId = e.target.value || undefined;
            })
          }
          options={[
            { value: "", label: t("common.none") },
            ...offers.filter((o) => o.id !== offer.id).map((o) => ({ value: o.id, label: o.name })),
          ]}
          errors={errorsAt(details, "lowerTierId")}
        />
      </div>
      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-stone-900">{t("offers.quotas")}</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          {QUOTA_KEYS.map((k) => (
            <NumberField
              key={k}
              label={t(`quota.${k}`)}
              min={0}
              value={offer.quotas?.[k]}
              data-testid={`offer-quota-${k}`}
              onValue={(v) =>
                change((o) => {
                  o.quotas ??= {};
                  o.quotas[k] = v;
                })
              }
              errors={errorsAt(details, `quotas.${k}`)}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-stone-900">{t("offers.addOns")}</legend>
        {(offer.addOns ?? []).map((addOn, i) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            key={i}
            className="grid items-end gap-2 sm:grid-cols-[1fr_7rem_9rem_7rem_auto]"
          >
            <TextField
              label={t("offers.addOnName")}
              value={addOn.name}
              onChange={(e) =>
                change((o) => {
                  const a = o.addOns![i]!;
                  a.name = e.target.value;
                  if (!initial) a.id = slugify(e.target.value);
                })
              }
              errors={errorsAt(details, `addOns[${i}]`)}
            />
            <NumberField
              label={t("offers.unitPrice", { currency: offer.currency })}
              min={0}
              step={0.01}
              value={major(addOn.price)}
              onValue={(v) =>
                change((o) => {
                  o.addOns![i]!.price = minor(v) ?? 0;
                })
              }
            />
            <SelectField
              label={t("offers.grants")}
              value={QUOTA_KEYS.find((k) => addOn.grants?.[k] !== undefined) ?? ""}
              onChange={(e) =>
                change((o) => {
                  const a = o.addOns![i]!;
                  const amount =
                    QUOTA_KEYS.map((k) => a.grants?.[k]).find((x) => x !== undefined) ?? 1;
                  a.grants = e.target.value ? { [e.target.value]: amount } : undefined;
                })
              }
              options={[
                { value: "", label: t("common.none") },
                ...QUOTA_KEYS.map((k) => ({ value: k, label: t(`quota.${k}`) })),
              ]}
            />
            <NumberField
              label={t("offers.grantAmount")}
              min={0}
              value={QUOTA_KEYS.map((k) => addOn.grants?.[k]).find((x) => x !== undefined)}
              disabled={!QUOTA_KEYS.some((k) => addOn.grants?.[k] !== undefined)}
              onValue={(v) =>
                change((o) => {
                  const a = o.addOns![i]!;
                  const key = QUOTA_KEYS.find((k) => a.grants?.[k] !== undefined);
                  if (key) a.grants = { [key]: v ?? 0 };
                })
              }
            />
            <Button
              size="sm"
              variant="danger"
              className="mb-1"
              onClick={() => change((o) => void o.addOns?.splice(i, 1))}
            >
              {t("common.remove")}
            </Button>
          </div>
        ))}
        <Button
          size="sm"
          variant="secondary"
          onClick={() =>
            change((o) => {
              o.addOns ??= [];
              o.addOns.push({ id: "", name: "", price: 0 });
            })
          }
        >
          + {t("offers.addAddOn")}
        </Button>
      </fieldset>
      {save.error && <ErrorMessage error={save.error} />}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" disabled={save.isPending} data-testid="offer-save">
          {t("offers.save")}
        </Button>
      </div>
    </form>
  );
}
