// Clients: the list with their violations and exceptions side by side (the fairness ledger),
// and adding a client.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { Modal } from "../../components/Modal.tsx";
import {
  Badge,
  Button,
  EmptyState,
  ErrorMessage,
  errorsAt,
  Loading,
  PageHeader,
  SelectField,
  TextField,
} from "../../components/ui.tsx";
import { ApiError, get, post } from "../../lib/api.ts";
import { useFormat } from "../../lib/format.tsx";
import { useSession } from "../../lib/session.ts";
import { allTimeZones } from "../../lib/time.ts";
import type { Client, Ledger } from "../../lib/types.ts";
import { useClients } from "../useClients.ts";

export function useLedger() {
  return useQuery({ queryKey: ["ledger"], queryFn: () => get<Ledger>("/exceptions?limit=200") });
}

export default function Clients() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const clients = useClients();
  const ledger = useLedger();
  const [adding, setAdding] = useState(false);
  const counts = new Map((ledger.data?.byClient ?? []).map((c) => [c.clientId, c]));

  return (
    <div>
      <PageHeader
        title={t("clients.title")}
        description={t("clients.intro")}
        actions={
          <Button onClick={() => setAdding(true)} data-testid="client-new">
            {t("clients.add")}
          </Button>
        }
      />
      {clients.isPending && <Loading />}
      {clients.error && <ErrorMessage error={clients.error} />}
      {clients.data && clients.list.length === 0 && <EmptyState>{t("clients.empty")}</EmptyState>}
      {clients.list.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-sm" data-testid="clients-table">
            <caption className="sr-only">{t("clients.title")}</caption>
            <thead className="bg-stone-50 text-left text-stone-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("clients.name")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("clients.language")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("clients.charter")}
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  {t("clients.violations")}
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  {t("clients.exceptions")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {clients.list.map((c) => {
                const count = counts.get(c.id);
                return (
                  <tr key={c.id} data-testid="client-row" data-client-id={c.id}>
                    <td className="px-4 py-2">
                      <Link
                        to={`/app/clients/${c.id}`}
                        className="font-medium text-teal-800 underline-offset-2 hover:underline"
                      >
                        {c.name}
                      </Link>
                      {c.company && (
                        <span className="block text-xs text-stone-600">{c.company}</span>
                      )}
                    </td>
                    <td className="px-4 py-2 text-stone-700">{fmt.language(c.locale)}</td>
                    <td className="px-4 py-2">
                      {c.acknowledged ? (
                        <Badge tone="green">
                          {t("clients.acknowledged", { version: c.acknowledged.version })}
                        </Badge>
                      ) : (
                        <Badge tone="amber">{t("clients.notAcknowledged")}</Badge>
                      )}
                    </td>
                    <td
                      className="px-4 py-2 text-right tabular-nums"
                      data-testid="client-violations"
                    >
                      {count?.violations ?? 0}
                    </td>
                    <td
                      className="px-4 py-2 text-right tabular-nums"
                      data-testid="client-exceptions"
                    >
                      {count?.exceptions ?? 0}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <NewClientDialog open={adding} onOpenChange={setAdding} />
    </div>
  );
}

function NewClientDialog(props: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const country = session.data?.workspace.country ?? "CA";
  const [form, setForm] = useState({
    name: "",
    company: "",
    email: "",
    language: i18n.language.startsWith("fr") ? "fr" : "en",
    timezone: "",
  });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const create = useMutation({
    mutationFn: () =>
      post<Client>("/clients", {
        name: form.name,
        ...(form.company ? { company: form.company } : {}),
        emails: form.email ? [form.email] : [],
        locale: `${form.language}-${country}`,
        ...(form.timezone ? { timezone: form.timezone } : {}),
      }),
    onSuccess: async (client) => {
      await queryClient.invalidateQueries({ queryKey: ["clients"] });
      props.onOpenChange(false);
      navigate(`/app/clients/${client.id}`);
    },
  });
  const details = create.error instanceof ApiError ? create.error.details : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Modal
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t("clients.add")}
      testId="client-dialog"
    >
      <form onSubmit={submit} className="space-y-4" data-testid="client-form">
        <TextField
          label={t("clients.name")}
          required
          value={form.name}
          data-testid="client-name"
          onChange={(e) => set({ name: e.target.value })}
          errors={errorsAt(details, "name")}
        />
        <TextField
          label={t("clients.company")}
          value={form.company}
          onChange={(e) => set({ company: e.target.value })}
          errors={errorsAt(details, "company")}
        />
        <TextField
          label={t("clients.email")}
          type="email"
          hint={t("clients.emailHelp")}
          value={form.email}
          data-testid="client-email"
          onChange={(e) => set({ email: e.target.value })}
          errors={errorsAt(details, "emails")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t("clients.language")}
            hint={t("clients.languageHelp")}
            value={form.language}
            data-testid="client-language"
            onChange={(e) => set({ language: e.target.value })}
            options={[
              { value: "fr", label: "Français" },
              { value: "en", label: "English" },
            ]}
            errors={errorsAt(details, "locale")}
          />
          <SelectField
            label={t("clients.timezone")}
            value={form.timezone}
            onChange={(e) => set({ timezone: e.target.value })}
            options={[
              { value: "", label: t("clients.sameZone") },
              ...allTimeZones().map((z) => ({ value: z, label: z.replaceAll("_", " ") })),
            ]}
            errors={errorsAt(details, "timezone")}
          />
        </div>
        {create.error && <ErrorMessage error={create.error} />}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => props.onOpenChange(false)}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={create.isPending} data-testid="client-save">
            {t("clients.save")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
