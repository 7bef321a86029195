// Step 2: channels (accepted, by appointment, refused with a redirect), response times,
// contact hours and check times; lead time and rush requests.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Button,
  Card,
  Checkbox,
  errorsAt,
  NumberField,
  SelectField,
  TextField,
} from "../../../components/ui.tsx";
import type { Channel } from "../../../lib/types.ts";
import { channelName } from "../../../lib/words.ts";
import {
  DurationField,
  FieldErrors,
  isWallTime,
  type StepProps,
  StepSection,
  tidyTime,
} from "./common.tsx";

const KNOWN = ["portal", "email", "phone", "sms", "chat", "video", "social"];

function acceptedValue(c: Channel): string {
  return c.accepted === true ? "yes" : c.accepted === false ? "no" : "appointment";
}

function CheckTimes({
  channel,
  onChange,
  label,
}: {
  channel: Channel;
  onChange: (times: string[] | undefined) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState((channel.checkTimes ?? []).join(", "));
  const parts = text
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map(tidyTime);
  const bad = parts.filter((p) => !isWallTime(p));
  return (
    <TextField
      label={label}
      hint={t("channel.checkTimesHelp")}
      value={text}
      data-testid={`channel-${channel.id}-check`}
      errors={bad.length ? [t("channel.badTimes", { times: bad.join(", ") })] : []}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        setText(parts.join(", "));
        onChange(parts.length ? parts : undefined);
      }}
    />
  );
}

export function ChannelsStep({ draft, update, errors }: StepProps) {
  const { t } = useTranslation();
  const [custom, setCustom] = useState("");
  const channels = draft.channels;
  const missing = KNOWN.filter((id) => !channels.some((c) => c.id === id));
  const change = (i: number, fn: (c: Channel) => void) =>
    update((d) => fn(d.channels[i] as Channel));
  const addChannel = (id: string) =>
    update(
      (d) =>
        void d.channels.push({
          id,
          accepted: true,
          contactHours: "business",
          responseWithin: { businessHours: 16 },
        }),
    );
  const requests = draft.requests ?? {};

  return (
    <>
      <StepSection title={t("channel.title")} description={t("channel.help")} testId="channels">
        <FieldErrors messages={errorsAt(errors, "channels", true)} />
        {channels.map((c, i) => {
          const base = `channels[${i}]`;
          const others = channels.filter((o) => o.id !== c.id && o.accepted !== false);
          return (
            <Card key={c.id} as="div" className="space-y-4" data-testid={`channel-${c.id}`}>
              <div className="flex items-center justify-between gap-2">
                <h4 className="font-semibold text-stone-900">{channelName(t, c.id)}</h4>
                <Button
                  size="sm"
                  variant="danger"
                  aria-label={t("channel.removeNamed", { channel: channelName(t, c.id) })}
                  onClick={() => update((d) => void d.channels.splice(i, 1))}
                >
                  {t("common.remove")}
                </Button>
              </div>
              <div className="grid gap-4 sm:grid-cols-2">
                <SelectField
                  label={t("channel.acceptedLabel")}
                  data-testid={`channel-${c.id}-accepted`}
                  value={acceptedValue(c)}
                  onChange={(e) =>
                    change(i, (ch) => {
                      const v = e.target.value;
                      ch.accepted = v === "yes" ? true : v === "no" ? false : "by-appointment";
                      if (ch.accepted === false) {
                        ch.redirectTo ??= channels.find(
                          (o) => o.id !== ch.id && o.accepted === true,
                        )?.id;
                        delete ch.responseWithin;
                        delete ch.checkTimes;
                      } else delete ch.redirectTo;
                    })
                  }
                  options={[
                    { value: "yes", label: t("channel.accepted") },
                    { value: "appointment", label: t("channel.byAppointment") },
                    { value: "no", label: t("channel.refused") },
                  ]}
                  errors={errorsAt(errors, `${base}.accepted`)}
                />
                {c.accepted === false ? (
                  <SelectField
                    label={t("channel.redirectTo")}
                    data-testid={`channel-${c.id}-redirect`}
                    value={c.redirectTo ?? ""}
                    onChange={(e) =>
                      change(i, (ch) => {
                        ch.redirectTo = e.target.value || undefined;
                      })
                    }
                    options={[
                      { value: "", label: t("channel.noRedirect") },
                      ...others.map((o) => ({ value: o.id, label: channelName(t, o.id) })),
                    ]}
                    errors={errorsAt(errors, `${base}.redirectTo`)}
                  />
                ) : (
                  <SelectField
                    label={t("channel.contactLabel")}
                    data-testid={`channel-${c.id}-contact`}
                    value={
                      typeof c.contactHours === "object" ? "custom" : (c.contactHours ?? "any")
                    }
                    onChange={(e) =>
                      change(i, (ch) => {
                        ch.contactHours = e.target.value as "any" | "business";
                      })
                    }
                    options={[
                      { value: "any", label: t("channel.contactAny") },
                      { value: "business", label: t("channel.contactBusiness") },
                      ...(typeof c.contactHours === "object"
                        ? [{ value: "custom", label: t("channel.contactCustom"), disabled: true }]
                        : []),
                    ]}
                    errors={errorsAt(errors, `${base}.contactHours`)}
                  />
                )}
              </div>
              {c.accepted !== false && (
                <div className="grid gap-4 sm:grid-cols-2">
                  <DurationField
                    label={t("channel.responseLabel")}
                    value={c.responseWithin}
                    testId={`channel-${c.id}-response`}
                    onChange={(v) =>
                      change(i, (ch) => {
                        if (v) ch.responseWithin = v;
                        else delete ch.responseWithin;
                      })
                    }
                    errors={errorsAt(errors, `${base}.responseWithin`)}
                  />
                  <CheckTimes
                    channel={c}
                    label={t("channel.checkTimes")}
                    onChange={(times) =>
                      change(i, (ch) => {
                        if (times) ch.checkTimes = times;
                        else delete ch.checkTimes;
                      })
                    }
                  />
                </div>
              )}
              <FieldErrors
                messages={errorsAt(errors, `${base}.id`).concat(
                  errorsAt(errors, `${base}.checkTimes`),
                )}
              />
            </Card>
          );
        })}
        <div className="flex flex-wrap items-end gap-2">
          {missing.map((id) => (
            <Button
              key={id}
              size="sm"
              variant="secondary"
              data-testid={`add-channel-${id}`}
              onClick={() => addChannel(id)}
            >
              + {channelName(t, id)}
            </Button>
          ))}
          <form
            className="flex items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              const id = custom
                .trim()
                .toLowerCase()
                .replace(/[^a-z0-9_-]/g, "-");
              if (id && !channels.some((c) => c.id === id)) addChannel(id);
              setCustom("");
            }}
          >
            <TextField
              label={t("channel.customLabel")}
              value={custom}
              onChange={(e) => setCustom(e.target.value)}
              className="w-40"
            />
            <Button size="sm" variant="secondary" type="submit">
              {t("common.add")}
            </Button>
          </form>
        </div>
      </StepSection>

      <StepSection title={t("requests.title")} description={t("requests.help")} testId="requests">
        <DurationField
          label={t("requests.leadTime")}
          value={requests.leadTime}
          testId="lead-time"
          onChange={(v) =>
            update((d) => {
              d.requests ??= {};
              if (v) d.requests.leadTime = v;
              else delete d.requests.leadTime;
            })
          }
          errors={errorsAt(errors, "requests.leadTime")}
        />
        <Checkbox
          label={t("requests.rushAllowed")}
          data-testid="rush-allowed"
          checked={Boolean(requests.rush?.allowed)}
          onChange={(e) =>
            update((d) => {
              d.requests ??= {};
              d.requests.rush = {
                feePercent: 50,
                ...(d.requests.rush ?? {}),
                allowed: e.target.checked,
              };
            })
          }
        />
        {requests.rush?.allowed && (
          <div className="grid gap-4 sm:grid-cols-2">
            <NumberField
              label={t("requests.rushFee")}
              min={0}
              max={1000}
              data-testid="rush-fee"
              value={requests.rush.feePercent}
              onValue={(v) =>
                update((d) => {
                  d.requests!.rush!.feePercent = v ?? 0;
                })
              }
              errors={errorsAt(errors, "requests.rush.feePercent")}
            />
            <NumberField
              label={t("requests.rushMax")}
              hint={t("requests.rushMaxHelp")}
              min={0}
              data-testid="rush-max"
              value={requests.rush.maxPerMonth}
              onValue={(v) =>
                update((d) => {
                  if (v === undefined) delete d.requests!.rush!.maxPerMonth;
                  else d.requests!.rush!.maxPerMonth = v;
                })
              }
              errors={errorsAt(errors, "requests.rush.maxPerMonth")}
            />
          </div>
        )}
      </StepSection>
    </>
  );
}
