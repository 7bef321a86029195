// Grant an exception: waive one boundary for one client, with the reason (the fairness ledger).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../../components/Modal.tsx";
import {
  Alert,
  Button,
  ErrorMessage,
  errorsAt,
  SelectField,
  TextAreaField,
} from "../../components/ui.tsx";
import { ApiError, post } from "../../lib/api.ts";

export const RULE_IDS = [
  "hours.closed",
  "channel.not-accepted",
  "channel.by-appointment",
  "channel.contact-hours",
  "requests.lead-time",
  "requests.rush-cap",
  "scope.out-of-offer",
  "quota.exceeded",
  "money.discount-refused",
  "money.promotion-ended",
  "obligations.late",
];

export function GrantExceptionDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  clientId: string;
  clientName: string;
  requestId?: string;
  rules?: string[];
  others?: number;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const choices = props.rules?.length ? props.rules : RULE_IDS;
  const [rule, setRule] = useState(choices[0] ?? "hours.closed");
  const [reason, setReason] = useState("");
  const grant = useMutation({
    mutationFn: () =>
      post("/exceptions", {
        clientId: props.clientId,
        rule,
        reason,
        ...(props.requestId ? { requestId: props.requestId } : {}),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["ledger"] });
      await queryClient.invalidateQueries({ queryKey: ["exceptions"] });
      setReason("");
      props.onOpenChange(false);
    },
  });
  const details = grant.error instanceof ApiError ? grant.error.details : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    grant.mutate();
  };
  return (
    <Modal
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t("exception.title", { client: props.clientName })}
      description={t("exception.help")}
      testId="exception-dialog"
    >
      <form onSubmit={submit} className="space-y-4">
        <Alert tone="warning">{t("exception.fairness")}</Alert>
        <SelectField
          label={t("exception.rule")}
          value={rule}
          data-testid="exception-rule"
          onChange={(e) => setRule(e.target.value)}
          options={[...new Set([...choices, ...RULE_IDS])].map((id) => ({
            value: id,
            label: t(`ruleName.${id}`, { defaultValue: id }),
          }))}
          errors={errorsAt(details, "rule")}
        />
        <TextAreaField
          label={t("exception.reason")}
          hint={t("exception.reasonHelp")}
          required
          minLength={3}
          value={reason}
          data-testid="exception-reason"
          onChange={(e) => setReason(e.target.value)}
          errors={errorsAt(details, "reason")}
        />
        {grant.error && <ErrorMessage error={grant.error} />}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => props.onOpenChange(false)}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={grant.isPending} data-testid="exception-submit">
            {t("exception.grant")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
