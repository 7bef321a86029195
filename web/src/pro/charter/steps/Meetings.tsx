// Step 3: meeting types (duration, notice, buffer, caps, horizon, slot interval, cancellation
// notice and late-cancellation policy, read back as clients will read it) and the energy limits
// (weekly hours, active clients, weekend work).
import "../../../i18n/bookings.ts";
import { useTranslation } from "react-i18next";
import { useWords } from "../../../components/CharterView.tsx";
import {
  Button,
  Card,
  Checkbox,
  errorsAt,
  NumberField,
  SelectField,
  TextField,
} from "../../../components/ui.tsx";
import { cancelPolicy } from "../../../lib/bookings.ts";
import { meetingName } from "../../../lib/charter-words.ts";
import { useFormat } from "../../../lib/format.tsx";
import type { MeetingType } from "../../../lib/types.ts";
import { DurationField, FieldErrors, type StepProps, StepSection } from "./common.tsx";

export function MeetingsStep({ draft, update, errors }: StepProps) {
  const { t } = useTranslation();
  const w = useWords();
  const fmt = useFormat();
  const meetings = draft.meetings ?? [];
  const change = (i: number, fn: (m: MeetingType) => void) =>
    update((d) => fn((d.meetings ?? [])[i] as MeetingType));
  const setOptional = <K extends keyof MeetingType>(
    i: number,
    key: K,
    value: MeetingType[K] | undefined,
  ) =>
    change(i, (m) => {
      if (value === undefined) delete m[key];
      else m[key] = value;
    });
  const energy = draft.energy ?? {};
  const setEnergy = (key: "maxWeeklyHours" | "maxActiveClients", value: number | undefined) =>
    update((d) => {
      d.energy ??= {};
      if (value === undefined) delete d.energy[key];
      else d.energy[key] = value;
    });

  return (
    <>
      <StepSection title={t("meetings.title")} description={t("meetings.help")} testId="meetings">
        {meetings.map((m, i) => {
          const base = `meetings[${i}]`;
          return (
            <Card
              // biome-ignore lint/suspicious/noArrayIndexKey: the id is editable, so the place is the key
              key={i}
              as="div"
              className="space-y-4"
              data-testid={`meeting-${i}`}
            >
              <div className="flex items-center justify-between">
                <h4 className="font-semibold text-stone-900">{meetingName(w, m)}</h4>
                <Button
                  size="sm"
                  variant="danger"
                  onClick={() => update((d) => void d.meetings?.splice(i, 1))}
                >
                  {t("common.remove")}
                </Button>
              </div>
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField
                  label={t("meetings.name")}
                  value={m.name ?? ""}
                  data-testid={`meeting-${i}-name`}
                  onChange={(e) => setOptional(i, "name", e.target.value || undefined)}
                  errors={errorsAt(errors, `${base}.name`)}
                />
                <TextField
                  label={t("meetings.id")}
                  hint={t("meetings.idHelp")}
                  value={m.id}
                  data-testid={`meeting-${i}-id`}
                  onChange={(e) =>
                    change(i, (x) => {
                      x.id = e.target.value.toLowerCase();
                    })
                  }
                  errors={errorsAt(errors, `${base}.id`)}
                />
                <NumberField
                  label={t("meetings.durationMinutes")}
                  min={5}
                  step={5}
                  value={m.durationMinutes}
                  data-testid={`meeting-${i}-duration`}
                  onValue={(v) =>
                    change(i, (x) => {
                      x.durationMinutes = v ?? 30;
                    })
                  }
                  errors={errorsAt(errors, `${base}.durationMinutes`)}
                />
                <DurationField
                  label={t("meetings.minNotice")}
                  value={m.minNotice}
                  testId={`meeting-${i}-notice`}
                  onChange={(v) => setOptional(i, "minNotice", v)}
                  errors={errorsAt(errors, `${base}.minNotice`)}
                />
                <NumberField
                  label={t("meetings.bufferMinutes")}
                  hint={t("meetingsEditor.bufferHint")}
                  min={0}
                  step={5}
                  value={m.bufferMinutes}
                  data-testid={`meeting-${i}-buffer`}
                  onValue={(v) => setOptional(i, "bufferMinutes", v)}
                  errors={errorsAt(errors, `${base}.bufferMinutes`)}
                />
                <NumberField
                  label={t("meetingsEditor.slotInterval")}
                  hint={t("meetingsEditor.slotIntervalHint")}
                  min={5}
                  step={5}
                  value={m.slotIntervalMinutes}
                  placeholder={String(Math.min(m.durationMinutes || 30, 30))}
                  data-testid={`meeting-${i}-interval`}
                  onValue={(v) => setOptional(i, "slotIntervalMinutes", v)}
                  errors={errorsAt(errors, `${base}.slotIntervalMinutes`)}
                />
                <NumberField
                  label={t("meetings.horizonDays")}
                  hint={t("meetingsEditor.horizonHint")}
                  min={1}
                  max={366}
                  value={m.horizonDays}
                  placeholder="30"
                  data-testid={`meeting-${i}-horizon`}
                  onValue={(v) => setOptional(i, "horizonDays", v)}
                  errors={errorsAt(errors, `${base}.horizonDays`)}
                />
                <NumberField
                  label={t("meetings.maxPerDay")}
                  hint={t("meetingsEditor.capsHint")}
                  min={1}
                  value={m.maxPerDay}
                  data-testid={`meeting-${i}-per-day`}
                  onValue={(v) => setOptional(i, "maxPerDay", v)}
                  errors={errorsAt(errors, `${base}.maxPerDay`)}
                />
                <NumberField
                  label={t("meetings.maxPerWeek")}
                  hint={t("meetingsEditor.capsHint")}
                  min={1}
                  value={m.maxPerWeek}
                  data-testid={`meeting-${i}-per-week`}
                  onValue={(v) => setOptional(i, "maxPerWeek", v)}
                  errors={errorsAt(errors, `${base}.maxPerWeek`)}
                />
                <NumberField
                  label={t("meetings.cancelNoticeHours")}
                  hint={t("meetingsEditor.cancelHint")}
                  min={0}
                  value={m.cancelNotice?.hours}
                  data-testid={`meeting-${i}-cancel-hours`}
                  onValue={(v) =>
                    setOptional(i, "cancelNotice", v === undefined ? undefined : { hours: v })
                  }
                  errors={errorsAt(errors, `${base}.cancelNotice`)}
                />
                <SelectField
                  label={t("meetings.lateCancelLabel")}
                  value={m.lateCancel ?? "counts-as-used"}
                  data-testid={`meeting-${i}-late-cancel`}
                  onChange={(e) =>
                    change(i, (x) => {
                      x.lateCancel = e.target.value as MeetingType["lateCancel"];
                    })
                  }
                  options={(["counts-as-used", "fee", "free"] as const).map((v) => ({
                    value: v,
                    label: t(`meetings.lateCancel.${v}`),
                  }))}
                />
                {m.lateCancel === "fee" && (
                  <NumberField
                    label={t("meetings.lateCancelFee")}
                    hint={t("meetingsEditor.lateFeeHint")}
                    min={0}
                    max={100}
                    value={m.lateCancelFeePercent}
                    placeholder="100"
                    data-testid={`meeting-${i}-late-fee`}
                    onValue={(v) => setOptional(i, "lateCancelFeePercent", v)}
                    errors={errorsAt(errors, `${base}.lateCancelFeePercent`)}
                  />
                )}
              </div>
              <p
                className="rounded-md bg-stone-50 px-3 py-2 text-sm text-stone-700"
                data-testid={`meeting-${i}-policy`}
              >
                {t("meetingsEditor.policyPreview", {
                  text: cancelPolicy(t, fmt.money, m, null, true).join(" "),
                })}
              </p>
              <FieldErrors messages={errorsAt(errors, base, true)} />
            </Card>
          );
        })}
        <Button
          variant="secondary"
          size="sm"
          data-testid="add-meeting"
          onClick={() =>
            update((d) => {
              d.meetings ??= [];
              const list = d.meetings;
              let n = list.length + 1;
              while (list.some((x) => x.id === `meeting-${n}`)) n++;
              list.push({
                id: `meeting-${n}`,
                name: "",
                durationMinutes: 30,
                minNotice: { businessHours: 24 },
                bufferMinutes: 15,
                horizonDays: 30,
                cancelNotice: { hours: 24 },
                lateCancel: "counts-as-used",
              });
            })
          }
        >
          + {t("meetings.add")}
        </Button>
      </StepSection>

      <StepSection title={t("energy.title")} description={t("energy.help")} testId="energy">
        <div className="grid gap-4 sm:grid-cols-2">
          <NumberField
            label={t("energy.maxWeeklyHours")}
            min={0}
            max={168}
            value={energy.maxWeeklyHours}
            data-testid="energy-weekly-hours"
            onValue={(v) => setEnergy("maxWeeklyHours", v)}
            errors={errorsAt(errors, "energy.maxWeeklyHours")}
          />
          <NumberField
            label={t("energy.maxActiveClients")}
            min={0}
            value={energy.maxActiveClients}
            onValue={(v) => setEnergy("maxActiveClients", v)}
            errors={errorsAt(errors, "energy.maxActiveClients")}
          />
        </div>
        <Checkbox
          label={t("energy.weekendWork")}
          checked={Boolean(energy.weekendWork)}
          onChange={(e) =>
            update((d) => {
              d.energy ??= {};
              d.energy.weekendWork = e.target.checked;
            })
          }
        />
      </StepSection>
    </>
  );
}
