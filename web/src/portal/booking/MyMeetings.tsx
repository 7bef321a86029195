// The client's upcoming meetings, each with Move and Cancel. Cancelling states first what it
// means right now (in time: given back; late: the charter's consequence in plain words).
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../../components/Modal.tsx";
import { Alert, Badge, Button, Card } from "../../components/ui.tsx";
import { post } from "../../lib/api.ts";
import {
  cancelNow,
  type ExtraPrice,
  type PortalBooking,
  type PortalCancelOutcome,
  rangeText,
} from "../../lib/bookings.ts";
import { useFormat } from "../../lib/format.tsx";
import type { MeetingType } from "../../lib/types.ts";

function CancelDialog(props: {
  booking: PortalBooking;
  meeting: MeetingType | undefined;
  name: string;
  extra: ExtraPrice | null;
  counted: boolean;
  zone: string;
  onClose: () => void;
  onDone: (outcome: PortalCancelOutcome) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { booking } = props;
  const [now] = useState(() => Date.now());
  const what = cancelNow(t, fmt.money, props.meeting, props.extra, booking.start, {
    counted: props.counted,
    now,
  });
  const cancel = useMutation({
    mutationFn: () => post<PortalCancelOutcome>(`/portal/bookings/${booking.id}/cancel`, {}),
    onSuccess: props.onDone,
  });
  return (
    <Modal
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={t("booking.cancelTitle")}
      description={`${props.name} · ${rangeText(booking, fmt.locale, props.zone)}`}
      testId="cancel-dialog"
    >
      <div className="space-y-4">
        <Alert tone={what.late ? "warning" : "info"} data-testid="cancel-consequence">
          {what.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </Alert>
        {cancel.error && (
          <Alert tone="error" data-testid="booking-error">
            {cancel.error.message}
          </Alert>
        )}
        <div className="flex flex-wrap justify-end gap-2 border-t border-stone-200 pt-4">
          <Button variant="secondary" onClick={props.onClose}>
            {t("booking.keep")}
          </Button>
          <Button
            variant="danger"
            onClick={() => cancel.mutate()}
            disabled={cancel.isPending}
            data-testid="cancel-confirm"
          >
            {cancel.isPending
              ? t("common.working")
              : what.late
                ? t("booking.cancelLateConfirm")
                : t("booking.cancelConfirm")}
          </Button>
        </div>
      </div>
    </Modal>
  );
}

export function MyMeetings(props: {
  bookings: PortalBooking[];
  meetings: MeetingType[];
  nameOf: (meetingTypeId: string) => string;
  extra: ExtraPrice | null;
  counted: boolean;
  zone: string;
  movingId: string | null;
  onMove: (booking: PortalBooking) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [cancelling, setCancelling] = useState<PortalBooking | null>(null);
  const [cancelled, setCancelled] = useState<PortalCancelOutcome | null>(null);
  const byId = new Map(props.meetings.map((m) => [m.id, m]));

  const cancelledText = (o: PortalCancelOutcome) => {
    if (!o.late)
      return props.counted ? t("booking.cancelledInTime") : t("booking.cancelledNoQuota");
    const meeting = byId.get(o.booking.meetingTypeId);
    const c = o.consequence;
    const consequence =
      c === "fee" && o.fee
        ? t("booking.now.consequence.fee", {
            amount: fmt.money(o.fee.amount, o.fee.currency),
            percent: meeting?.lateCancelFeePercent ?? 100,
          })
        : c === "counts-as-used"
          ? t("booking.now.consequence.counts-as-used")
          : t("booking.now.consequence.free");
    return t("booking.cancelledLate", { consequence });
  };

  return (
    <Card aria-labelledby="my-meetings" data-testid="my-bookings">
      <h2 id="my-meetings" className="mb-3 text-base font-semibold text-stone-900">
        {t("booking.myMeetings")}
      </h2>
      {cancelled && (
        <div className="mb-3">
          <Alert tone="success" title={t("booking.cancelledTitle")} data-testid="cancel-done">
            {cancelledText(cancelled)}
          </Alert>
        </div>
      )}
      {props.bookings.length === 0 ? (
        <p className="text-sm text-stone-600">{t("booking.noUpcoming")}</p>
      ) : (
        <ul className="divide-y divide-stone-100">
          {props.bookings.map((b) => (
            <li
              key={b.id}
              className="py-3 first:pt-0 last:pb-0"
              data-testid="my-booking"
              data-booking-id={b.id}
              data-start={b.start}
            >
              <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-stone-900">
                {props.nameOf(b.meetingTypeId)}
                {b.extraPrice !== null && (
                  <Badge tone="amber">
                    {t("booking.paidBadge", { price: fmt.money(b.extraPrice, b.currency) })}
                  </Badge>
                )}
              </p>
              <p className="text-sm text-stone-700">{rangeText(b, fmt.locale, props.zone)}</p>
              <div className="mt-2 flex gap-2">
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => {
                    setCancelled(null);
                    props.onMove(b);
                  }}
                  disabled={props.movingId === b.id}
                  data-testid="booking-reschedule"
                >
                  {t("booking.reschedule")}
                </Button>
                <Button
                  size="sm"
                  variant="danger"
                  onClick={() => {
                    setCancelled(null);
                    setCancelling(b);
                  }}
                  data-testid="booking-cancel"
                >
                  {t("booking.cancel")}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {cancelling && (
        <CancelDialog
          booking={cancelling}
          meeting={byId.get(cancelling.meetingTypeId)}
          name={props.nameOf(cancelling.meetingTypeId)}
          extra={props.extra}
          counted={props.counted}
          zone={props.zone}
          onClose={() => setCancelling(null)}
          onDone={(outcome) => {
            setCancelling(null);
            setCancelled(outcome);
            props.onChanged();
          }}
        />
      )}
    </Card>
  );
}
