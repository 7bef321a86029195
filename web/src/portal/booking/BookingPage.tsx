// /portal/book: the client books a meeting. Pick a meeting type, see the free times grouped by
// day in the client's zone (their zone on file, else the browser's — named), what the
// engagement includes and what is left, the minimum notice, and the cancellation policy; confirm
// (past the included meetings: the paid extra, its price, and an explicit "book and pay").
// Upcoming meetings can be moved or cancelled here too.
import "../../i18n/bookings.ts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { QuotaBars } from "../../components/QuotaBars.tsx";
import {
  Alert,
  Button,
  Card,
  ErrorMessage,
  focusRing,
  Loading,
  useDocumentTitle,
} from "../../components/ui.tsx";
import { get, query } from "../../lib/api.ts";
import {
  cancelPolicy,
  cityOf,
  type PortalBooking,
  rangeText,
  type SlotsAnswer,
  type TimeRange,
} from "../../lib/bookings.ts";
import { meetingName } from "../../lib/charter-words.ts";
import { FormatProvider, useFormat } from "../../lib/format.tsx";
import { viewerZone } from "../../lib/time.ts";
import type { MeetingType, PortalCharter, PortalOverview, Session } from "../../lib/types.ts";
import { durationText } from "../../lib/words.ts";
import { ConfirmDialog, type Confirmed } from "./ConfirmDialog.tsx";
import { MyMeetings } from "./MyMeetings.tsx";
import { SlotPicker } from "./SlotPicker.tsx";
import { useUpcomingBookings } from "./upcoming.ts";

function MeetingTypePicker(props: {
  meetings: MeetingType[];
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const w = { t, fmt };
  return (
    <fieldset>
      <legend className="sr-only">{t("booking.chooseType")}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {props.meetings.map((m) => {
          const checked = m.id === props.value;
          return (
            <label
              key={m.id}
              className={`flex cursor-pointer items-start gap-3 rounded-lg border p-4 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-teal-700 ${
                checked
                  ? "border-teal-700 bg-teal-50/60 ring-1 ring-teal-700"
                  : "border-stone-200 hover:border-stone-400"
              }`}
            >
              <input
                type="radio"
                name="meeting-type"
                value={m.id}
                checked={checked}
                onChange={() => props.onChange(m.id)}
                className="mt-1 size-4 accent-teal-800"
                data-testid={`meeting-type-${m.id}`}
              />
              <span>
                <span className="block font-medium text-stone-900">{meetingName(w, m)}</span>
                <span className="block text-sm text-stone-600">
                  {t("booking.typeSummary", {
                    duration: t("meetings.durationValue", { count: m.durationMinutes }),
                    notice: m.minNotice
                      ? t("meetings.noticeValue", { notice: durationText(t, m.minNotice) })
                      : t("booking.noNotice"),
                  })}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

function Done({ done, name, onAgain }: { done: Confirmed; name: string; onAgain: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { booking, paidExtra } = done.outcome;
  return (
    <div
      role="status"
      className="rounded-lg border border-emerald-300 bg-emerald-50 p-5 text-emerald-950"
      data-testid="booking-done"
    >
      <p className="text-lg font-semibold">
        {done.moved ? t("booking.doneMovedTitle") : t("booking.doneTitle")}
      </p>
      <p className="mt-1 font-medium" data-testid="booking-done-when">
        {name} — {t("booking.doneBody", { when: rangeText(booking, fmt.locale, fmt.zone) })}
      </p>
      {paidExtra && booking.extraPrice !== null && (
        <p className="mt-1 text-sm" data-testid="booking-done-paid">
          {t("booking.donePaid", { price: fmt.money(booking.extraPrice, booking.currency) })}
        </p>
      )}
      <p className="mt-2 text-sm">{t("booking.doneMail")}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" onClick={onAgain} data-testid="book-another">
          {t("booking.bookAnother")}
        </Button>
        <Link
          to="/portal"
          className={`rounded-md px-2.5 py-1 text-sm font-medium text-emerald-950 underline ${focusRing}`}
        >
          {t("booking.backToPortal")}
        </Link>
      </div>
    </div>
  );
}

function BookingFlow(props: {
  session: Session;
  overview: PortalOverview;
  meetings: MeetingType[];
  zoneSource: "file" | "browser";
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const { meetings } = props;
  const typeId = meetings.find((m) => m.id === params.get("type"))?.id ?? meetings[0]?.id ?? "";
  const meeting = meetings.find((m) => m.id === typeId);
  const [selected, setSelected] = useState<TimeRange | null>(null);
  const [moving, setMoving] = useState<PortalBooking | null>(null);
  const [done, setDone] = useState<Confirmed | null>(null);
  const w = { t, fmt };
  const nameOf = (id: string) => {
    const m = meetings.find((x) => x.id === id);
    return m ? meetingName(w, m) : id;
  };

  const slots = useQuery({
    queryKey: ["portal", "slots", typeId, fmt.zone, i18n.language],
    queryFn: () =>
      get<SlotsAnswer>(
        `/portal/meetings/${encodeURIComponent(typeId)}/slots${query({ zone: fmt.zone })}`,
      ),
    enabled: typeId !== "",
    refetchInterval: 5 * 60_000,
  });
  const upcoming = useUpcomingBookings();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["portal"] });

  const answer = slots.data;
  const quota = answer?.quota ?? null;
  const extra = answer?.extraPrice ?? null;
  const earliest = answer?.reasons.find((r) => r.id === "meetings.min-notice")?.params.earliest;
  const paid = Boolean(quota?.exceeded);
  const blocked = paid && !extra;
  const name = meeting ? meetingName(w, meeting) : "";

  const quotaCard = (
    <Card aria-labelledby="quota-title" data-testid="booking-quota">
      <h2 id="quota-title" className="mb-3 text-base font-semibold text-stone-900">
        {t("booking.quotaTitle")}
      </h2>
      {!props.overview.engagement ? (
        <p className="text-sm text-stone-600">{t("booking.noEngagement")}</p>
      ) : quota ? (
        <QuotaBars rows={[{ quota: "meetings", ...quota }]} />
      ) : answer ? (
        <p className="text-sm text-stone-600">{t("booking.quotaNone")}</p>
      ) : null}
      {quota && extra && (
        <p className="mt-3 text-sm text-stone-700" data-testid="booking-extra-price">
          {t("booking.extraPrice", {
            name: extra.name,
            price: fmt.money(extra.price, extra.currency),
          })}
        </p>
      )}
      {meeting?.horizonDays !== undefined && (
        <p className="mt-2 text-xs text-stone-600">
          {t("booking.horizonLine", { count: meeting.horizonDays })}
        </p>
      )}
    </Card>
  );

  return (
    <div className="space-y-6">
      {done && (
        <Done
          done={done}
          name={nameOf(done.outcome.booking.meetingTypeId)}
          onAgain={() => setDone(null)}
        />
      )}
      <div className="grid items-start gap-6 md:grid-cols-2">
        {quotaCard}
        <MyMeetings
          bookings={upcoming.data?.items ?? []}
          meetings={meetings}
          nameOf={nameOf}
          extra={extra}
          counted={quota !== null}
          zone={fmt.zone}
          movingId={moving?.id ?? null}
          onMove={(b) => {
            setDone(null);
            setMoving(b);
            if (b.meetingTypeId !== typeId) setParams({ type: b.meetingTypeId }, { replace: true });
            document.getElementById("step-time")?.scrollIntoView({ block: "start" });
          }}
          onChanged={() => void refresh()}
        />
      </div>

      <Card aria-labelledby="step-type">
        <h2 id="step-type" className="mb-3 text-base font-semibold text-stone-900">
          {t("booking.step1")}
        </h2>
        {meetings.length === 0 ? (
          <p className="text-sm text-stone-600">{t("booking.noMeetingTypes")}</p>
        ) : (
          <MeetingTypePicker
            meetings={meetings}
            value={typeId}
            onChange={(id) => {
              setSelected(null);
              setParams({ type: id }, { replace: true });
            }}
          />
        )}
      </Card>

      {meeting && (
        <Card aria-labelledby="step-time" data-testid="booking-times">
          <h2 id="step-time" className="scroll-mt-4 text-base font-semibold text-stone-900">
            {t("booking.step2")}
          </h2>
          <p className="mt-1 text-sm text-stone-600" data-testid="booking-zone">
            {t("booking.zoneNote", {
              city: cityOf(fmt.zone),
              zone: fmt.zone,
              abbr: fmt.zoneName(),
              source:
                props.zoneSource === "file"
                  ? t("booking.zoneFromFile")
                  : t("booking.zoneFromBrowser"),
            })}
          </p>
          {meeting.minNotice && (
            <p className="mt-1 text-sm text-stone-600" data-testid="notice-line">
              {typeof earliest === "string"
                ? t("booking.noticeLine", {
                    notice: durationText(t, meeting.minNotice),
                    earliest: fmt.dateTime(earliest),
                  })
                : t("booking.noticeLineShort", { notice: durationText(t, meeting.minNotice) })}
            </p>
          )}

          <div className="mt-4 space-y-4">
            {paid && (
              <div data-testid="paid-extra">
                {extra ? (
                  <Alert tone="warning" title={t("booking.paidTitle")}>
                    {t("booking.paidBody", {
                      name: extra.name,
                      price: fmt.money(extra.price, extra.currency),
                    })}
                  </Alert>
                ) : (
                  <Alert tone="info" title={t("booking.paidTitle")}>
                    {t("booking.paidNone")}
                  </Alert>
                )}
              </div>
            )}
            {moving && (
              <div
                className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-950"
                data-testid="moving-banner"
              >
                <p>{t("booking.moving", { when: rangeText(moving, fmt.locale, fmt.zone) })}</p>
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => setMoving(null)}
                  data-testid="moving-keep"
                >
                  {t("booking.keepTime")}
                </Button>
              </div>
            )}
            {answer && answer.warnings.length > 0 && (
              <p className="text-xs text-stone-600">{t("booking.calendarWarning")}</p>
            )}
            {slots.isPending && <Loading label={t("booking.loadingSlots")} />}
            {slots.error && <ErrorMessage error={slots.error} />}
            {answer && !blocked && (
              <SlotPicker
                days={answer.days}
                zone={fmt.zone}
                selected={selected?.start ?? null}
                paid={paid}
                onPick={(slot) => setSelected(slot)}
              />
            )}
            <div
              className="rounded-lg bg-stone-50 px-4 py-3 text-sm text-stone-700"
              data-testid="cancel-policy"
            >
              <h3 className="font-semibold text-stone-900">{t("booking.policyTitle")}</h3>
              <p className="mt-1">{cancelPolicy(t, fmt.money, meeting, extra).join(" ")}</p>
            </div>
          </div>
        </Card>
      )}

      {selected && meeting && (
        <ConfirmDialog
          meeting={meeting}
          meetingName={name}
          slot={selected}
          moving={moving}
          quota={quota}
          extra={extra}
          workspaceName={props.session.workspace.name}
          zone={fmt.zone}
          onClose={(again) => {
            setSelected(null);
            if (again) void refresh();
          }}
          onDone={(confirmed) => {
            setSelected(null);
            setMoving(null);
            setDone(confirmed);
            void refresh();
            window.scrollTo({ top: 0 });
          }}
        />
      )}
    </div>
  );
}

export default function BookingPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  useDocumentTitle(t("booking.title"));
  const overview = useQuery({
    queryKey: ["portal", "me"],
    queryFn: () => get<PortalOverview>("/portal/me"),
  });
  const charter = useQuery({
    queryKey: ["portal", "charter"],
    queryFn: () => get<PortalCharter>("/portal/charter"),
  });
  if (overview.isPending || charter.isPending) return <Loading />;
  if (overview.error) return <ErrorMessage error={overview.error} />;
  if (charter.error) return <ErrorMessage error={charter.error} />;
  const zone = overview.data.client.timezone || viewerZone();
  return (
    <FormatProvider zone={zone}>
      <div className="space-y-6" data-testid="booking-page">
        <div>
          <Link
            to="/portal"
            className={`text-sm text-teal-800 underline-offset-2 hover:underline ${focusRing}`}
          >
            <span aria-hidden="true">← </span>
            {t("booking.backToPortal")}
          </Link>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("booking.title")}</h1>
          <p className="mt-1 text-sm text-stone-600">{t("booking.intro")}</p>
        </div>
        <BookingFlow
          session={session}
          overview={overview.data}
          meetings={charter.data.charter.meetings ?? []}
          zoneSource={overview.data.client.timezone ? "file" : "browser"}
        />
      </div>
    </FormatProvider>
  );
}
