// Sign in with e-mail and password (and a workspace's address for people in several).
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Button, ErrorMessage, TextField } from "../../components/ui.tsx";
import { post } from "../../lib/api.ts";
import { useStartSession } from "../../lib/session.ts";
import type { SignedIn } from "../../lib/types.ts";
import { AuthLayout } from "./AuthLayout.tsx";

export function safeNext(next: string | null): string {
  return next?.startsWith("/app") ? next : "/app";
}

export function SignIn() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const startSession = useStartSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [workspace, setWorkspace] = useState("");
  const signIn = useMutation({
    mutationFn: () =>
      post<SignedIn>("/login", { email, password, ...(workspace ? { workspace } : {}) }),
    onSuccess: (done) => {
      startSession(done);
      navigate(safeNext(params.get("next")));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  return (
    <AuthLayout
      title={t("auth.signInTitle")}
      intro={
        <>
          {t("auth.noAccount")}{" "}
          <Link to="/signup" className="text-teal-800 underline">
            {t("auth.signUpLink")}
          </Link>
        </>
      }
    >
      <form onSubmit={submit} className="space-y-4" data-testid="signin-form">
        <TextField
          label={t("auth.email")}
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p className="-mt-2 text-right text-sm">
          <Link
            to="/app/forgot-password"
            state={{ email: email.trim() }}
            className="text-teal-800 underline"
            data-testid="forgot-password-link"
          >
            {t("auth.forgotLink")}
          </Link>
        </p>
        <TextField
          label={t("auth.workspaceOptional")}
          name="workspace"
          hint={t("auth.workspaceOptionalHint")}
          value={workspace}
          onChange={(e) => setWorkspace(e.target.value.trim())}
        />
        {signIn.error && <ErrorMessage error={signIn.error} />}
        <Button
          type="submit"
          disabled={signIn.isPending}
          data-testid="signin-submit"
          className="w-full"
        >
          {signIn.isPending ? t("common.working") : t("auth.signIn")}
        </Button>
      </form>
    </AuthLayout>
  );
}
