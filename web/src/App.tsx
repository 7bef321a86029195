// Routes: the professional workspace under /app, the client portal under /portal (its own lazy
// chunk), and the account pages (/signin, /signup, /invite, /app/forgot-password,
// /app/reset-password: outside the workspace frame, which needs a session).
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Route, Routes } from "react-router";
import { Loading } from "./components/ui.tsx";
import { hasKnownAccount } from "./lib/session.ts";
import { AcceptInvite } from "./pro/auth/AcceptInvite.tsx";
import { ForgotPassword } from "./pro/auth/ForgotPassword.tsx";
import { ResetPassword } from "./pro/auth/ResetPassword.tsx";
import { SignIn } from "./pro/auth/SignIn.tsx";
import { SignUp } from "./pro/auth/SignUp.tsx";
import { ProHome } from "./pro/ProHome.tsx";
import { ProShell } from "./pro/Shell.tsx";

const CharterEditor = lazy(() => import("./pro/charter/Editor.tsx"));
const Inbox = lazy(() => import("./pro/inbox/Inbox.tsx"));
const Clients = lazy(() => import("./pro/clients/Clients.tsx"));
const ClientPage = lazy(() => import("./pro/clients/ClientPage.tsx"));
const Engagements = lazy(() => import("./pro/engagements/Engagements.tsx"));
const EngagementPage = lazy(() => import("./pro/engagements/EngagementPage.tsx"));
const NewEngagement = lazy(() => import("./pro/engagements/NewEngagement.tsx"));
const CalendarPage = lazy(() => import("./pro/calendar/CalendarPage.tsx"));
const Invoices = lazy(() => import("./pro/money/Invoices.tsx"));
const InvoicePage = lazy(() => import("./pro/money/InvoicePage.tsx"));
const TaxSettings = lazy(() => import("./pro/money/TaxSettings.tsx"));
const Portal = lazy(() => import("./portal/Portal.tsx"));

function NotFound({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation();
  const Tag = standalone ? "main" : "div";
  return (
    <Tag id={standalone ? "main" : undefined} className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">{t("notFound.title")}</h1>
      <p className="mt-2 text-stone-700">{t("notFound.body")}</p>
      <Link to="/app" className="mt-6 inline-block text-teal-800 underline">
        {t("notFound.back")}
      </Link>
    </Tag>
  );
}

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route
          path="/"
          element={<Navigate to={hasKnownAccount() ? "/app" : "/signup"} replace />}
        />
        <Route path="/signin" element={<SignIn />} />
        <Route path="/signup" element={<SignUp />} />
        <Route path="/invite" element={<AcceptInvite />} />
        <Route path="/app/forgot-password" element={<ForgotPassword />} />
        <Route path="/app/reset-password" element={<ResetPassword />} />
        <Route path="/portal/*" element={<Portal />} />
        <Route path="/app" element={<ProShell />}>
          <Route index element={<ProHome />} />
          <Route path="charter" element={<CharterEditor />} />
          <Route path="charter/:step" element={<CharterEditor />} />
          <Route path="inbox" element={<Inbox />} />
          <Route path="clients" element={<Clients />} />
          <Route path="clients/:id" element={<ClientPage />} />
          <Route path="engagements" element={<Engagements />} />
          <Route path="engagements/new" element={<NewEngagement />} />
          <Route path="engagements/:id" element={<EngagementPage />} />
          <Route path="calendar" element={<CalendarPage />} />
          <Route path="invoices" element={<Invoices />} />
          <Route path="invoices/:id" element={<InvoicePage />} />
          <Route path="settings/taxes" element={<TaxSettings />} />
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route path="*" element={<NotFound standalone />} />
      </Routes>
    </Suspense>
  );
}
