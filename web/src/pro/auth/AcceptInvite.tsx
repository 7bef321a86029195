// /invite#token=…: join a workspace (new account: name + password; existing: its password).
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Alert, Button, ErrorMessage, TextField } from "../../components/ui.tsx";
import { post } from "../../lib/api.ts";
import { takeHashToken } from "../../lib/hash-token.ts";
import { useStartSession } from "../../lib/session.ts";
import type { SignedIn } from "../../lib/types.ts";
import { AuthLayout } from "./AuthLayout.tsx";

export function AcceptInvite() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const startSession = useStartSession();
  const [token] = useState(() => takeHashToken());
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const accept = useMutation({
    mutationFn: () =>
      post<SignedIn>("/invitations/accept", { token, password, ...(name ? { name } : {}) }),
    onSuccess: (done) => {
      startSession(done);
      navigate("/app");
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate();
  };
  return (
    <AuthLayout title={t("auth.inviteTitle")} intro={t("auth.inviteIntro")}>
      {!token ? (
        <Alert tone="warning" data-testid="invite-missing-token">
          {t("auth.inviteNoToken")}
        </Alert>
      ) : (
        <form onSubmit={submit} className="space-y-4" data-testid="invite-form">
          <TextField
            label={t("auth.nameIfNew")}
            name="name"
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <TextField
            label={t("auth.password")}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            hint={t("auth.passwordHint")}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {accept.error && <ErrorMessage error={accept.error} />}
          <Button
            type="submit"
            disabled={accept.isPending}
            data-testid="invite-submit"
            className="w-full"
          >
            {t("auth.joinWorkspace")}
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
