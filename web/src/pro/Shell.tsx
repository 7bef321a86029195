// The professional workspace frame: skip link, header with navigation, language and sign-out,
// and the main landmark. Only members get in; everyone else goes to sign-in.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { LanguageSwitch } from "../components/LanguageSwitch.tsx";
import { focusRing, Loading } from "../components/ui.tsx";
import { post, setCsrfToken } from "../lib/api.ts";
import { FormatProvider, useFormat } from "../lib/format.tsx";
import { hasKnownAccount, SESSION_KEY, useSession } from "../lib/session.ts";

const NAV = [
  { to: "/app/inbox", key: "nav.inbox", testId: "nav-inbox" },
  { to: "/app/clients", key: "nav.clients", testId: "nav-clients" },
  { to: "/app/engagements", key: "nav.engagements", testId: "nav-engagements" },
  { to: "/app/calendar", key: "nav.calendar", testId: "nav-calendar" },
  { to: "/app/invoices", key: "nav.invoices", testId: "nav-invoices" },
  { to: "/app/charter", key: "nav.charter", testId: "nav-charter" },
] as const;

function ZoneNote() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <p className="text-xs text-stone-600">
      {t("common.timesShownIn", { zone: `${fmt.zone} (${fmt.zoneName()})` })}
    </p>
  );
}

export function ProShell() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => post<null>("/logout"),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
      navigate("/signin");
    },
  });

  if (session.isPending) return <Loading />;
  if (session.data?.kind !== "member") {
    if (session.data?.kind === "client") return <Navigate to="/portal" replace />;
    if (!hasKnownAccount()) return <Navigate to="/signup" replace />;
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/signin?next=${next}`} replace />;
  }
  const { workspace, user } = session.data;

  return (
    <FormatProvider localeHint={workspace.locale}>
      <a
        href="#main"
        className={`sr-only rounded bg-white px-3 py-2 text-sm focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 ${focusRing}`}
      >
        {t("common.skipToContent")}
      </a>
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <div className="flex items-baseline gap-2">
            <span className="text-lg font-semibold tracking-tight text-teal-900">Cadre</span>
            <span className="text-sm text-stone-600" data-testid="workspace-name">
              {workspace.name}
            </span>
          </div>
          <nav aria-label={t("nav.label")} className="flex flex-1 flex-wrap gap-1">
            {NAV.map((item) => (
              <NavLink
                key={item.to}
                to={item.to}
                data-testid={item.testId}
                className={({ isActive }) =>
                  `rounded-md px-3 py-1.5 text-sm font-medium ${focusRing} ${isActive ? "bg-teal-50 text-teal-900" : "text-stone-700 hover:bg-stone-100"}`
                }
              >
                {t(item.key)}
              </NavLink>
            ))}
          </nav>
          <div className="flex items-center gap-3">
            <LanguageSwitch area="pro" onChange={() => queryClient.invalidateQueries()} />
            <span className="hidden text-sm text-stone-700 md:inline">{user?.name}</span>
            <button
              type="button"
              data-testid="sign-out"
              onClick={() => signOut.mutate()}
              className={`rounded-md px-2 py-1 text-sm text-stone-700 underline-offset-2 hover:underline ${focusRing}`}
            >
              {t("auth.signOut")}
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-8">
        <Outlet />
      </main>
      <footer className="mx-auto max-w-7xl px-4 pb-8">
        <ZoneNote />
      </footer>
    </FormatProvider>
  );
}
