// /app/reset-password#token=…: choose a new password with the link from the reset e-mail, then
// land in the workspace, signed in. A used, expired or unknown link offers to ask for a new one.
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { Alert, Button, ErrorMessage, errorsAt, TextField } from "../../components/ui.tsx";
import { ApiError, post } from "../../lib/api.ts";
import { takeHashToken } from "../../lib/hash-token.ts";
import { useStartSession } from "../../lib/session.ts";
import type { SignedIn } from "../../lib/types.ts";
import { AuthLayout } from "./AuthLayout.tsx";

const PASSWORD_MIN = 10;
let queryToken: string | null = null;

/** The link's secret: `#token=` (what the e-mail carries), else `?token=`; either way it is
 * removed from the address bar at once. */
function takeResetToken(): string | null {
  const fromHash = takeHashToken();
  if (fromHash) return fromHash;
  const params = new URLSearchParams(window.location.search);
  const fromQuery = params.get("token");
  if (fromQuery) {
    queryToken = fromQuery;
    params.delete("token");
    const rest = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (rest ? `?${rest}` : ""));
  }
  // Read twice in React's strict mode: the second read gets the same token.
  return queryToken;
}

function AskAgain() {
  const { t } = useTranslation();
  return (
    <Link
      to="/app/forgot-password"
      className="mt-2 inline-block font-medium text-teal-800 underline"
      data-testid="reset-ask-new"
    >
      {t("auth.resetAskNew")}
    </Link>
  );
}

export function ResetPassword() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const startSession = useStartSession();
  const [token] = useState(takeResetToken);
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [checked, setChecked] = useState<{ short: boolean; differ: boolean }>({
    short: false,
    differ: false,
  });
  const reset = useMutation({
    mutationFn: () => post<SignedIn>("/password/reset", { token, password }),
    onSuccess: (done) => {
      startSession(done);
      navigate("/app", { replace: true });
    },
  });
  const error = reset.error instanceof ApiError ? reset.error : null;
  const details = error?.details ?? [];
  const linkDead =
    error !== null && (error.status === 410 || errorsAt(details, "token").length > 0);
  const passwordErrors = [
    ...(checked.short ? [t("auth.passwordTooShort")] : []),
    ...errorsAt(details, "password"),
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = { short: password.length < PASSWORD_MIN, differ: password !== confirm };
    setChecked(next);
    if (next.short || next.differ) return;
    reset.mutate();
  };

  return (
    <AuthLayout
      title={t("auth.resetTitle")}
      intro={token && !linkDead ? t("auth.resetIntro") : null}
    >
      {!token ? (
        <Alert tone="warning" data-testid="reset-missing-token">
          <p>{t("auth.resetNoToken")}</p>
          <AskAgain />
        </Alert>
      ) : linkDead ? (
        <Alert tone="error" data-testid="reset-link-dead">
          <p>{error?.message}</p>
          <AskAgain />
        </Alert>
      ) : (
        <form onSubmit={submit} className="space-y-4" data-testid="reset-form" noValidate>
          <TextField
            label={t("auth.newPassword")}
            name="new-password"
            type="password"
            autoComplete="new-password"
            required
            hint={t("auth.passwordHint")}
            value={password}
            errors={passwordErrors}
            onChange={(e) => setPassword(e.target.value)}
          />
          <TextField
            label={t("auth.confirmPassword")}
            name="confirm-password"
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            errors={checked.differ ? [t("auth.passwordsDiffer")] : []}
            onChange={(e) => setConfirm(e.target.value)}
          />
          {reset.error && passwordErrors.length === 0 && <ErrorMessage error={reset.error} />}
          <Button
            type="submit"
            disabled={reset.isPending}
            data-testid="reset-submit"
            className="w-full"
          >
            {reset.isPending ? t("common.working") : t("auth.resetSubmit")}
          </Button>
        </form>
      )}
      <p className="mt-6 text-sm">
        <Link to="/signin" className="text-teal-800 underline">
          {t("auth.backToSignIn")}
        </Link>
      </p>
    </AuthLayout>
  );
}
