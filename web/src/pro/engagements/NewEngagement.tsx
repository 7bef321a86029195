// Open an engagement from an offer: the client, dates, deliverables with due dates, and the
// client's obligations with their consequence ("if X is late, deliveries move N business days").
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { offerPrice } from "../../components/CharterView.tsx";
import {
  Button,
  Card,
  Checkbox,
  EmptyState,
  ErrorMessage,
  errorsAt,
  NumberField,
  PageHeader,
  SelectField,
  TextField,
} from "../../components/ui.tsx";
import { ApiError, get, post } from "../../lib/api.ts";
import { useFormat } from "../../lib/format.tsx";
import { epochToWall, wallToEpoch } from "../../lib/time.ts";
import { type Engagement, type OfferRecord, QUOTA_KEYS } from "../../lib/types.ts";
import { useClients } from "../useClients.ts";

interface Row {
  name: string;
  due: string;
}
interface ObligationRow extends Row {
  shift: number;
  deliverables: number[];
}

const inDays = (zone: string, days: number) =>
  `${epochToWall(Date.now() + days * 86_400_000, zone).slice(0, 10)}T17:00`;

export default function NewEngagement() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const clients = useClients();
  const offers = useQuery({
    queryKey: ["offers"],
    queryFn: () => get<{ items: OfferRecord[] }>("/offers"),
  });
  const [clientId, setClientId] = useState(params.get("clientId") ?? "");
  const [offerId, setOfferId] = useState("");
  const [title, setTitle] = useState("");
  const [startsOn, setStartsOn] = useState(epochToWall(Date.now(), fmt.zone).slice(0, 10));
  const [endsOn, setEndsOn] = useState("");
  const [deliverables, setDeliverables] = useState<Row[]>([
    { name: "", due: inDays(fmt.zone, 21) },
  ]);
  const [obligations, setObligations] = useState<ObligationRow[]>([
    { name: "", due: inDays(fmt.zone, 7), shift: 3, deliverables: [0] },
  ]);
  const offerList = offers.data?.items ?? [];
  const offer = offerList.find((o) => o.id === (offerId || offerList[0]?.id));
  const iso = (wall: string) => new Date(wallToEpoch(wall, fmt.zone)).toISOString();

  const create = useMutation({
    mutationFn: () => {
      const kept = deliverables.map((d, i) => ({ ...d, i })).filter((d) => d.name.trim());
      const index = new Map(kept.map((d, j) => [d.i, j]));
      return post<Engagement>("/engagements", {
        clientId,
        offerId: offer?.id ?? "",
        ...(title ? { title } : {}),
        startsOn: startsOn || null,
        endsOn: endsOn || null,
        deliverables: kept.map((d) => ({ name: d.name, dueAt: iso(d.due) })),
        obligations: obligations
          .filter((o) => o.name.trim())
          .map((o) => ({
            name: o.name,
            dueAt: iso(o.due),
            shiftBusinessDays: o.shift,
            deliverableIds: o.deliverables.flatMap((i) =>
              index.has(i) ? [index.get(i) as number] : [],
            ),
          })),
      });
    },
    onSuccess: async (engagement) => {
      await queryClient.invalidateQueries({ queryKey: ["engagements"] });
      navigate(`/app/engagements/${engagement.id}`);
    },
  });
  const details = create.error instanceof ApiError ? create.error.details : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  if (offers.data && offerList.length === 0) {
    return (
      <div>
        <PageHeader title={t("engagements.new")} />
        <EmptyState>
          {t("engagements.needOffer")}{" "}
          <Link to="/app/charter/offers" className="text-teal-800 underline">
            {t("engagements.createOffer")}
          </Link>
        </EmptyState>
      </div>
    );
  }

  return (
    <div>
      <PageHeader title={t("engagements.new")} description={t("engagements.newIntro")} />
      <form
        onSubmit={submit}
        className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]"
        data-testid="engagement-form"
      >
        <div className="space-y-6">
          <Card className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label={t("engagements.client")}
              required
              value={clientId}
              data-testid="engagement-client"
              onChange={(e) => setClientId(e.target.value)}
              options={[
                { value: "", label: t("log.pickClient") },
                ...clients.list.map((c) => ({ value: c.id, label: c.name })),
              ]}
              errors={errorsAt(details, "clientId")}
            />
            <SelectField
              label={t("engagements.offer")}
              value={offer?.id ?? ""}
              data-testid="engagement-offer"
              onChange={(e) => setOfferId(e.target.value)}
              options={offerList.map((o) => ({
                value: o.id,
                label: `${o.name} — ${fmt.money(offerPrice(o), o.currency)}`,
              }))}
              errors={errorsAt(details, "offerId")}
            />
            <TextField
              label={t("engagements.titleLabel")}
              placeholder={offer?.name}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              errors={errorsAt(details, "title")}
              className="sm:col-span-2"
            />
            <TextField
              type="date"
              label={t("engagements.startsOn")}
              value={startsOn}
              onChange={(e) => setStartsOn(e.target.value)}
              errors={errorsAt(details, "startsOn")}
            />
            <TextField
              type="date"
              label={t("engagements.endsOn")}
              value={endsOn}
              onChange={(e) => setEndsOn(e.target.value)}
              errors={errorsAt(details, "endsOn")}
            />
          </Card>

          <Card>
            <h2 className="mb-1 text-base font-semibold">{t("engagements.deliverables")}</h2>
            <p className="mb-3 text-sm text-stone-600">
              {t("engagements.deliverablesHelp", { zone: fmt.zoneName() })}
            </p>
            <div className="space-y-2">
              {deliverables.map((d, i) => (
                <div
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                  key={i}
                  className="grid items-end gap-2 sm:grid-cols-[1fr_14rem_auto]"
                >
                  <TextField
                    label={t("engagements.deliverableName", { n: i + 1 })}
                    value={d.name}
                    data-testid={`deliverable-${i}-name`}
                    onChange={(e) =>
                      setDeliverables((rows) =>
                        rows.map((r, j) => (j === i ? { ...r, name: e.target.value } : r)),
                      )
                    }
                    errors={errorsAt(details, `deliverables[${i}]`)}
                  />
                  <TextField
                    type="datetime-local"
                    label={t("engagements.dueAt")}
                    value={d.due}
                    data-testid={`deliverable-${i}-due`}
                    onChange={(e) =>
                      setDeliverables((rows) =>
                        rows.map((r, j) => (j === i ? { ...r, due: e.target.value } : r)),
                      )
                    }
                  />
                  <Button
                    size="sm"
                    variant="danger"
                    className="mb-1"
                    onClick={() => setDeliverables((rows) => rows.filter((_, j) => j !== i))}
                  >
                    {t("common.remove")}
                  </Button>
                </div>
              ))}
            </div>
            <Button
              size="sm"
              variant="secondary"
              className="mt-3"
              data-testid="deliverable-add"
              onClick={() =>
                setDeliverables((rows) => [...rows, { name: "", due: inDays(fmt.zone, 28) }])
              }
            >
              + {t("engagements.addDeliverable")}
            </Button>
          </Card>

          <Card>
            <h2 className="mb-1 text-base font-semibold">{t("engagements.obligations")}</h2>
            <p className="mb-3 text-sm text-stone-600">{t("engagements.obligationsHelp")}</p>
            <div className="space-y-4">
              {obligations.map((o, i) => (
                <div
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                  key={i}
                  className="space-y-2 rounded-md border border-stone-200 p-3"
                >
                  <div className="grid items-end gap-2 sm:grid-cols-[1fr_14rem_8rem_auto]">
                    <TextField
                      label={t("engagements.obligationName", { n: i + 1 })}
                      value={o.name}
                      data-testid={`obligation-${i}-name`}
                      onChange={(e) =>
                        setObligations((rows) =>
                          rows.map((r, j) => (j === i ? { ...r, name: e.target.value } : r)),
                        )
                      }
                      errors={errorsAt(details, `obligations[${i}]`)}
                    />
                    <TextField
                      type="datetime-local"
                      label={t("engagements.dueAt")}
                      value={o.due}
                      data-testid={`obligation-${i}-due`}
                      onChange={(e) =>
                        setObligations((rows) =>
                          rows.map((r, j) => (j === i ? { ...r, due: e.target.value } : r)),
                        )
                      }
                    />
                    <NumberField
                      label={t("engagements.shift")}
                      min={0}
                      max={365}
                      value={o.shift}
                      data-testid={`obligation-${i}-shift`}
                      onValue={(v) =>
                        setObligations((rows) =>
                          rows.map((r, j) => (j === i ? { ...r, shift: v ?? 0 } : r)),
                        )
                      }
                    />
                    <Button
                      size="sm"
                      variant="danger"
                      className="mb-1"
                      onClick={() => setObligations((rows) => rows.filter((_, j) => j !== i))}
                    >
                      {t("common.remove")}
                    </Button>
                  </div>
                  <fieldset>
                    <legend className="mb-1 text-xs font-medium text-stone-700">
                      {t("engagements.holdsUp")}
                    </legend>
                    <div className="flex flex-wrap gap-3">
                      {deliverables.map((d, j) => (
                        <Checkbox
                          // biome-ignore lint/suspicious/noArrayIndexKey: deliverables are referred to by place
                          key={j}
                          label={d.name || t("engagements.deliverableName", { n: j + 1 })}
                          checked={o.deliverables.includes(j)}
                          onChange={(e) =>
                            setObligations((rows) =>
                              rows.map((r, k) =>
                                k === i
                                  ? {
                                      ...r,
                                      deliverables: e.target.checked
                                        ? [...r.deliverables, j]
                                        : r.deliverables.filter((x) => x !== j),
                                    }
                                  : r,
                              ),
                            )
                          }
                        />
                      ))}
                    </div>
                  </fieldset>
                  <p className="text-xs text-stone-600">
                    {t("engagements.ruleSentence", { name: o.name || "…", count: o.shift })}
                  </p>
                </div>
              ))}
            </div>
            <Button
              size="sm"
              variant="secondary"
              className="mt-3"
              data-testid="obligation-add"
              onClick={() =>
                setObligations((rows) => [
                  ...rows,
                  { name: "", due: inDays(fmt.zone, 10), shift: 2, deliverables: [] },
                ])
              }
            >
              + {t("engagements.addObligation")}
            </Button>
          </Card>
          {create.error && <ErrorMessage error={create.error} />}
          <Button
            type="submit"
            disabled={create.isPending || !clientId || !offer}
            data-testid="engagement-save"
          >
            {t("engagements.create")}
          </Button>
        </div>
        <aside aria-label={t("engagements.offer")}>
          {offer && (
            <Card>
              <h2 className="font-semibold">{offer.name}</h2>
              <p className="text-sm text-stone-700">
                {fmt.money(offerPrice(offer), offer.currency)}
              </p>
              <ul className="mt-3 list-disc space-y-1 pl-5 text-sm">
                {offer.items.map((i) => (
                  <li key={i.id}>{`${i.quantity} × ${i.name}`}</li>
                ))}
              </ul>
              <ul className="mt-3 space-y-1 text-sm text-stone-700">
                {QUOTA_KEYS.filter((k) => offer.quotas?.[k] !== undefined).map((k) => (
                  <li key={k}>{t(`quota.count.${k}`, { count: offer.quotas?.[k] ?? 0 })}</li>
                ))}
              </ul>
            </Card>
          )}
        </aside>
      </form>
    </div>
  );
}
