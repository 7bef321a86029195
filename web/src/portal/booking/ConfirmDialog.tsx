// Confirming a time before anything is booked: the meeting, when (zone named), with whom, the
// cancellation policy in plain words, and — past the included meetings — the paid extra with its
// price and an explicit "book and pay" button (acceptPaidExtra: true). Also moves a meeting.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../../components/Modal.tsx";
import { Alert, Button } from "../../components/ui.tsx";
import { post } from "../../lib/api.ts";
import {
  cancelNow,
  cancelPolicy,
  type ExtraPrice,
  isSlotTaken,
  type MeetingQuota,
  type PortalBooking,
  type PortalBookingOutcome,
  type Refusal,
  rangeText,
  refusalOf,
  type TimeRange,
} from "../../lib/bookings.ts";
import { useFormat } from "../../lib/format.tsx";
import type { MeetingType } from "../../lib/types.ts";

const onlyQuota = (r: Refusal) => r.rules.length === 1 && r.rules[0]?.id === "quota.exceeded";

export interface Confirmed {
  outcome: PortalBookingOutcome;
  moved: boolean;
}

export function ConfirmDialog(props: {
  meeting: MeetingType;
  meetingName: string;
  slot: TimeRange;
  moving: PortalBooking | null;
  quota: MeetingQuota | null;
  extra: ExtraPrice | null;
  workspaceName: string;
  zone: string;
  onClose: (refresh: boolean) => void;
  onDone: (done: Confirmed) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { meeting, slot, moving } = props;
  // The 422 may say the included meetings were used up meanwhile (and give the price).
  const [paidExtra, setPaidExtra] = useState<ExtraPrice | null>(
    props.quota?.exceeded ? props.extra : null,
  );
  const [justExceeded, setJustExceeded] = useState(false);
  const paid = paidExtra !== null;

  const book = useMutation({
    mutationFn: () => {
      const accept = paid ? { acceptPaidExtra: true } : {};
      return moving
        ? post<PortalBookingOutcome>(`/portal/bookings/${moving.id}/reschedule`, {
            start: slot.start,
            ...accept,
          })
        : post<PortalBookingOutcome>("/portal/bookings", {
            meetingTypeId: meeting.id,
            start: slot.start,
            ...accept,
          });
    },
    onSuccess: (outcome) => props.onDone({ outcome, moved: moving !== null }),
    onError: (error) => {
      const refused = refusalOf(error);
      if (!paid && refused && onlyQuota(refused) && refused.extraPrice) {
        setPaidExtra(refused.extraPrice);
        setJustExceeded(true);
      }
    },
  });
  const refused = refusalOf(book.error);
  // Refused only because the included meetings ran out meanwhile: the dialog now asks to pay.
  const refusal = refused && !(justExceeded && onlyQuota(refused)) ? refused : null;
  const taken = isSlotTaken(book.error);
  const price = paidExtra ? fmt.money(paidExtra.price, paidExtra.currency) : "";
  const policy = cancelPolicy(t, fmt.money, meeting, props.extra ?? paidExtra);
  const lateMove = moving
    ? cancelNow(t, fmt.money, meeting, props.extra, moving.start, { move: true })
    : null;

  return (
    <Modal
      open
      onOpenChange={(open) => {
        if (!open) props.onClose(taken || refusal !== null);
      }}
      title={moving ? t("booking.moveTitle") : t("booking.confirmTitle")}
      testId="booking-confirm"
    >
      <div className="space-y-4">
        <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-2 rounded-lg bg-stone-50 p-4 text-sm">
          <dt className="text-stone-600">{t("booking.what")}</dt>
          <dd className="font-medium text-stone-900">
            {props.meetingName} · {t("meetings.durationValue", { count: meeting.durationMinutes })}
          </dd>
          <dt className="text-stone-600">{t("booking.when")}</dt>
          <dd className="font-medium text-stone-900" data-testid="booking-confirm-when">
            {rangeText(slot, fmt.locale, props.zone)}
          </dd>
          {moving && (
            <>
              <dt className="text-stone-600">{t("booking.instead")}</dt>
              <dd className="text-stone-700 line-through decoration-stone-400">
                {rangeText(moving, fmt.locale, props.zone)}
              </dd>
            </>
          )}
          <dt className="text-stone-600">{t("booking.with")}</dt>
          <dd className="text-stone-900">{props.workspaceName}</dd>
        </dl>

        {paidExtra && (
          <div
            className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
            data-testid="booking-paid-confirm"
          >
            <p className="font-semibold">{t("booking.paidConfirmTitle")}</p>
            <p className="mt-1">
              {justExceeded
                ? t("booking.paidJustNow")
                : t("booking.paidConfirmBody", {
                    included: props.quota?.included ?? 0,
                    price,
                    name: paidExtra.name,
                  })}
            </p>
            {justExceeded && (
              <p className="mt-1">
                {t("booking.paidConfirmBody", {
                  included: refused?.quota?.included ?? props.quota?.included ?? 0,
                  price,
                  name: paidExtra.name,
                })}
              </p>
            )}
          </div>
        )}

        {lateMove?.late && (
          <Alert tone="warning" data-testid="move-late">
            {lateMove.lines.join(" ")}
          </Alert>
        )}

        <div data-testid="booking-policy">
          <h3 className="text-sm font-semibold text-stone-900">{t("booking.policyTitle")}</h3>
          <p className="mt-1 text-sm text-stone-700">{policy.join(" ")}</p>
        </div>
        <p className="text-sm text-stone-600">{t("booking.invitationNote")}</p>

        {taken && (
          <Alert tone="error" data-testid="booking-error">
            {t("booking.slotTaken")}
          </Alert>
        )}
        {refusal && (
          <Alert tone="error" data-testid="booking-error">
            <p>{t("booking.refused")}</p>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {refusal.rules.map((r) => (
                <li key={r.id} data-rule-id={r.id}>
                  {r.message}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        {book.error && !taken && !refused && (
          <Alert tone="error" data-testid="booking-error">
            {book.error.message}
          </Alert>
        )}

        <div className="flex flex-wrap justify-end gap-2 border-t border-stone-200 pt-4">
          <Button variant="secondary" onClick={() => props.onClose(taken || refusal !== null)}>
            {t("common.cancel")}
          </Button>
          {!taken && !refusal && (
            <Button
              onClick={() => book.mutate()}
              disabled={book.isPending}
              data-testid="booking-submit"
              data-paid={paid ? "true" : "false"}
            >
              {book.isPending
                ? t("common.working")
                : paid
                  ? t(moving ? "booking.confirmMovePaid" : "booking.confirmPaid", { price })
                  : t(moving ? "booking.confirmMove" : "booking.confirm")}
            </Button>
          )}
        </div>
      </div>
    </Modal>
  );
}
