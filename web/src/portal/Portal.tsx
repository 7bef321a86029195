// The client portal (its own lazy chunk): opened from a magic link (#token=…, read once and
// cleared), in the client's language unless they choose another. Read and acknowledge the
// charter, submit a request and see at once when the answer will come, see what the engagement
// includes and what is left, follow the requests.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Route, Routes } from "react-router";
import { LanguageSwitch } from "../components/LanguageSwitch.tsx";
import { Alert, focusRing, Loading, useDocumentTitle } from "../components/ui.tsx";
import { followLocale, hasChosenLanguage } from "../i18n/index.ts";
import { ApiError, post, setCsrfToken } from "../lib/api.ts";
import { FormatProvider } from "../lib/format.tsx";
import { takeHashToken } from "../lib/hash-token.ts";
import { fetchSession, SESSION_KEY } from "../lib/session.ts";
import type { Session, Workspace } from "../lib/types.ts";
import { PortalHome } from "./PortalHome.tsx";
import { PortalMoneyList } from "./PortalMoney.tsx";

const PortalChangeOrder = lazy(() => import("./PortalChangeOrder.tsx"));
const PortalInvoice = lazy(() => import("./PortalInvoice.tsx"));
const BookingPage = lazy(() => import("./booking/BookingPage.tsx"));

interface Opened {
  client: { id: string; name: string; locale: string };
  workspace: Workspace;
  csrfToken: string;
}

function usePortalSession() {
  const queryClient = useQueryClient();
  const [token] = useState(() => takeHashToken());
  const open = useMutation({
    mutationFn: (secret: string) => post<Opened>("/portal/session", { token: secret }),
    onSuccess: (opened) => {
      setCsrfToken(opened.csrfToken);
      queryClient.clear();
      queryClient.setQueryData<Session>(SESSION_KEY, {
        kind: "client",
        via: "session",
        client: opened.client,
        workspace: opened.workspace,
        csrfToken: opened.csrfToken,
      });
    },
  });
  const { mutate } = open;
  useEffect(() => {
    if (token) mutate(token);
  }, [token, mutate]);
  const session = useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    enabled: !token || open.isSuccess || open.isError,
  });
  return { token, open, session };
}

export default function Portal() {
  const { t } = useTranslation();
  const { token, open, session } = usePortalSession();
  const client = session.data?.kind === "client" ? session.data : null;

  useEffect(() => {
    if (client?.client && !hasChosenLanguage("portal")) followLocale(client.client.locale);
  }, [client?.client]);

  const linkFailed = open.error instanceof ApiError ? open.error : null;
  const waiting = (token && open.isPending) || session.isPending;
  useDocumentTitle(client ? `${t("portal.title")} · ${client.workspace.name}` : t("portal.title"));

  return (
    <FormatProvider localeHint={client?.client?.locale ?? null}>
      <a
        href="#main"
        className={`sr-only rounded bg-white px-3 py-2 text-sm focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 ${focusRing}`}
      >
        {t("common.skipToContent")}
      </a>
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-4xl items-center justify-between gap-4 px-4 py-3">
          <div className="flex items-baseline gap-2">
            <span
              className="text-lg font-semibold tracking-tight text-stone-900"
              data-testid="portal-workspace"
            >
              {client?.workspace.name ?? "Cadre"}
            </span>
            <span className="text-sm text-stone-600">{t("portal.title")}</span>
          </div>
          <LanguageSwitch area="portal" />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl px-4 py-8">
        {waiting ? (
          <Loading label={t("portal.opening")} />
        ) : client ? (
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="change-orders/:id" element={<PortalChangeOrder />} />
              <Route path="invoices/:id" element={<PortalInvoice />} />
              <Route path="invoices" element={<PortalMoneyList what="invoices" />} />
              <Route path="change-orders" element={<PortalMoneyList what="change-orders" />} />
              <Route path="book" element={<BookingPage session={client} />} />
              <Route path="*" element={<PortalHome session={client} />} />
            </Routes>
          </Suspense>
        ) : (
          <div className="mx-auto max-w-lg space-y-4 py-12" data-testid="portal-no-session">
            <h1 className="text-2xl font-semibold">{t("portal.noAccessTitle")}</h1>
            {linkFailed ? (
              <Alert tone="error">{linkFailed.message}</Alert>
            ) : (
              <p className="text-stone-700">{t("portal.noAccess")}</p>
            )}
            <p className="text-sm text-stone-600">{t("portal.askNewLink")}</p>
          </div>
        )}
      </main>
    </FormatProvider>
  );
}
