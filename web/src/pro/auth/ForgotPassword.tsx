// /app/forgot-password: ask for a password reset link by e-mail. The answer is the same whether
// the address has an account or not, so the confirmation is neutral.
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { Alert, Button, ErrorMessage, errorsAt, TextField } from "../../components/ui.tsx";
import { ApiError, post } from "../../lib/api.ts";
import { AuthLayout } from "./AuthLayout.tsx";

export function ForgotPassword() {
  const { t } = useTranslation();
  const location = useLocation();
  // The sign-in page passes what was typed there (router state, never in the address).
  const [email, setEmail] = useState(
    () => (location.state as { email?: unknown } | null)?.email?.toString() ?? "",
  );
  const [sentTo, setSentTo] = useState<string | null>(null);
  const ask = useMutation({
    mutationFn: (address: string) => post<{ ok: true }>("/password/forgot", { email: address }),
    onSuccess: (_done, address) => setSentTo(address),
  });
  const details = ask.error instanceof ApiError ? ask.error.details : [];
  const emailErrors = errorsAt(details, "email");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate(email.trim());
  };
  const backToSignIn = (
    <p className="mt-6 text-sm">
      <Link to="/signin" className="text-teal-800 underline" data-testid="back-to-signin">
        {t("auth.backToSignIn")}
      </Link>
    </p>
  );

  if (sentTo !== null) {
    return (
      <AuthLayout title={t("auth.forgotTitle")}>
        <Alert tone="success" data-testid="forgot-sent">
          <p>{t("auth.forgotSent", { email: sentTo })}</p>
          <p className="mt-2">{t("auth.forgotSentHint")}</p>
        </Alert>
        <Button
          variant="secondary"
          className="mt-4"
          data-testid="forgot-again"
          onClick={() => {
            ask.reset();
            setSentTo(null);
          }}
        >
          {t("auth.forgotAgain")}
        </Button>
        {backToSignIn}
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t("auth.forgotTitle")} intro={t("auth.forgotIntro")}>
      <form onSubmit={submit} className="space-y-4" data-testid="forgot-form" noValidate>
        <TextField
          label={t("auth.email")}
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          errors={emailErrors}
          onChange={(e) => setEmail(e.target.value)}
        />
        {ask.error && emailErrors.length === 0 && <ErrorMessage error={ask.error} />}
        <Button
          type="submit"
          disabled={ask.isPending || email.trim() === ""}
          data-testid="forgot-submit"
          className="w-full"
        >
          {ask.isPending ? t("common.working") : t("auth.forgotSubmit")}
        </Button>
      </form>
      {backToSignIn}
    </AuthLayout>
  );
}
