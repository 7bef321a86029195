// Log a phone call or an e-mail by hand: it is decided like any request (source "phone-log").
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { DecisionView } from "../../components/decision.tsx";
import { Modal } from "../../components/Modal.tsx";
import {
  Button,
  Checkbox,
  ErrorMessage,
  errorsAt,
  SelectField,
  TextAreaField,
  TextField,
} from "../../components/ui.tsx";
import { ApiError, get, post } from "../../lib/api.ts";
import { useFormat } from "../../lib/format.tsx";
import { epochToWall, wallToEpoch } from "../../lib/time.ts";
import {
  type CharterDraft,
  type Decision,
  type OfferRecord,
  REQUEST_KINDS,
} from "../../lib/types.ts";
import { channelName } from "../../lib/words.ts";
import { useClients } from "../useClients.ts";

export function LogRequestDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onLogged: (id: string) => void;
  clientId?: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const clients = useClients();
  const draft = useQuery({
    queryKey: ["charter", "draft"],
    queryFn: () => get<CharterDraft>("/charter"),
    enabled: props.open,
  });
  // Items and extras of the catalog: a request about one outside the client's package is out of
  // scope (a change order is proposed).
  const catalog = useQuery({
    queryKey: ["offers"],
    queryFn: () => get<{ items: OfferRecord[] }>("/offers"),
    enabled: props.open,
  });
  const catalogEntries = [
    ...new Map(
      (catalog.data?.items ?? [])
        .filter((o) => !o.archived)
        .flatMap((o) => [...o.items, ...(o.addOns ?? [])].map((x) => [x.id, x.name] as const)),
    ),
  ];
  const channels = [
    ...new Set(["phone", "email", ...(draft.data?.channels ?? []).map((c) => c.id)]),
  ];
  const [form, setForm] = useState(() => ({
    clientId: props.clientId ?? "",
    channel: "phone",
    at: epochToWall(Date.now(), fmt.zone),
    kind: "task",
    subject: "",
    body: "",
    byAppointment: false,
    offerItem: "",
  }));
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const log = useMutation({
    mutationFn: () =>
      post<{ id: string; decision: Decision }>("/requests", {
        clientId: form.clientId,
        channel: form.channel,
        source: "phone-log",
        receivedAt: new Date(wallToEpoch(form.at, fmt.zone)).toISOString(),
        subject: form.subject,
        body: form.body,
        ...(form.kind ? { kind: form.kind } : {}),
        ...(form.byAppointment ? { byAppointment: true } : {}),
        ...(form.offerItem ? { offerItem: form.offerItem } : {}),
      }),
    onSuccess: async (done) => {
      for (const key of ["requests", "violations", "ledger"]) {
        await queryClient.invalidateQueries({ queryKey: [key] });
      }
      props.onLogged(done.id);
    },
  });
  const details = log.error instanceof ApiError ? log.error.details : [];
  const close = (open: boolean) => {
    props.onOpenChange(open);
    if (!open) log.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    log.mutate();
  };

  return (
    <Modal
      open={props.open}
      onOpenChange={close}
      title={t("log.title")}
      description={t("log.help")}
      testId="log-dialog"
      wide
    >
      {log.data ? (
        <div className="space-y-4" data-testid="log-result">
          <DecisionView decision={log.data.decision} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => log.reset()}>
              {t("log.another")}
            </Button>
            <Button onClick={() => close(false)} data-testid="log-done">
              {t("common.done")}
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4" data-testid="log-form">
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label={t("log.client")}
              required
              value={form.clientId}
              data-testid="log-client"
              onChange={(e) => set({ clientId: e.target.value })}
              options={[
                { value: "", label: t("log.pickClient") },
                ...clients.list.map((c) => ({ value: c.id, label: c.name })),
              ]}
              errors={errorsAt(details, "clientId")}
            />
            <SelectField
              label={t("log.channel")}
              value={form.channel}
              data-testid="log-channel"
              onChange={(e) => set({ channel: e.target.value })}
              options={channels.map((id) => ({ value: id, label: channelName(t, id) }))}
              errors={errorsAt(details, "channel")}
            />
            <TextField
              type="datetime-local"
              label={t("log.when", { zone: fmt.zoneName() })}
              value={form.at}
              data-testid="log-when"
              onChange={(e) => set({ at: e.target.value })}
              errors={errorsAt(details, "receivedAt")}
            />
            <SelectField
              label={t("tryIt.kind")}
              value={form.kind}
              data-testid="log-kind"
              onChange={(e) => set({ kind: e.target.value })}
              options={[
                { value: "", label: t("common.none") },
                ...REQUEST_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
              ]}
            />
            {catalogEntries.length > 0 && (
              <SelectField
                label={t("log.offerItem")}
                hint={t("log.offerItemHelp")}
                value={form.offerItem}
                data-testid="log-offer-item"
                onChange={(e) => set({ offerItem: e.target.value })}
                options={[
                  { value: "", label: t("log.offerItemNone") },
                  ...catalogEntries.map(([id, name]) => ({ value: id, label: name })),
                ]}
                errors={errorsAt(details, "offerItem")}
              />
            )}
          </div>
          <TextField
            label={t("log.subject")}
            value={form.subject}
            data-testid="log-subject"
            onChange={(e) => set({ subject: e.target.value })}
            errors={errorsAt(details, "subject")}
          />
          <TextAreaField
            label={t("log.body")}
            value={form.body}
            data-testid="log-body"
            onChange={(e) => set({ body: e.target.value })}
            errors={errorsAt(details, "body")}
          />
          <Checkbox
            label={t("log.byAppointment")}
            checked={form.byAppointment}
            onChange={(e) => set({ byAppointment: e.target.checked })}
          />
          {log.error && <ErrorMessage error={log.error} />}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => close(false)}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              disabled={log.isPending || !form.clientId}
              data-testid="log-submit"
            >
              {t("log.submit")}
            </Button>
          </div>
        </form>
      )}
    </Modal>
  );
}
