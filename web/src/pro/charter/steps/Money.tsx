// Step 4: money: currency, payment terms, methods, deposit, late fee, discount policy.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useWords } from "../../../components/CharterView.tsx";
import {
  Button,
  Checkbox,
  errorsAt,
  NumberField,
  SelectField,
  TextField,
} from "../../../components/ui.tsx";
import { methodName } from "../../../lib/charter-words.ts";
import { COMMON_CURRENCIES } from "../../../lib/places.ts";
import type { LateFee, Money } from "../../../lib/types.ts";
import { FieldErrors, type StepProps, StepSection } from "./common.tsx";

const METHODS = ["transfer", "interac", "card", "cheque", "cash", "paypal"];

export function MoneyStep({ draft, update, errors, workspace }: StepProps) {
  const { t } = useTranslation();
  const w = useWords();
  const money: Money = draft.money ?? { currency: workspace.currency };
  const [customMethod, setCustomMethod] = useState("");
  const setMoney = (fn: (m: Money) => void) =>
    update((d) => {
      d.money ??= { currency: workspace.currency };
      fn(d.money);
    });
  const methods = money.methods ?? [];
  const allMethods = [...new Set([...METHODS, ...methods])];
  const fee = money.lateFee;
  const feeKind = !fee ? "none" : "percentPerMonth" in fee ? "percent" : "fixed";

  return (
    <>
      <StepSection title={t("money.terms")} description={t("money.help")} testId="money">
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            label={t("money.currency")}
            value={money.currency}
            data-testid="money-currency"
            onChange={(e) =>
              setMoney((m) => {
                m.currency = e.target.value;
              })
            }
            options={[...new Set([money.currency, ...COMMON_CURRENCIES])].map((c) => ({
              value: c,
              label: c,
            }))}
            errors={errorsAt(errors, "money.currency")}
          />
          <NumberField
            label={t("money.paymentTermsDays")}
            min={0}
            max={365}
            value={money.paymentTermsDays}
            data-testid="money-terms"
            onValue={(v) =>
              setMoney((m) => {
                m.paymentTermsDays = v ?? 0;
              })
            }
            errors={errorsAt(errors, "money.paymentTermsDays")}
          />
          <NumberField
            label={t("money.depositPercent")}
            min={0}
            max={100}
            value={money.depositPercent}
            data-testid="money-deposit"
            onValue={(v) =>
              setMoney((m) => {
                m.depositPercent = v ?? 0;
              })
            }
            errors={errorsAt(errors, "money.depositPercent")}
          />
        </div>
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-stone-800">{t("money.methods")}</legend>
          <div className="grid gap-2 sm:grid-cols-3">
            {allMethods.map((method) => (
              <Checkbox
                key={method}
                label={
                  <span className="inline-block first-letter:uppercase">
                    {methodName(w, method)}
                  </span>
                }
                data-testid={`method-${method}`}
                checked={methods.includes(method)}
                onChange={(e) =>
                  setMoney((m) => {
                    const set = new Set(m.methods ?? []);
                    if (e.target.checked) set.add(method);
                    else set.delete(method);
                    m.methods = allMethods.filter((x) => set.has(x));
                  })
                }
              />
            ))}
          </div>
          <div className="mt-3 flex items-end gap-2">
            <TextField
              label={t("money.otherMethod")}
              value={customMethod}
              onChange={(e) => setCustomMethod(e.target.value)}
              className="w-56"
            />
            <Button
              size="sm"
              variant="secondary"
              onClick={() => {
                const name = customMethod.trim().slice(0, 40);
                if (name)
                  setMoney((m) => {
                    m.methods = [...new Set([...(m.methods ?? []), name])];
                  });
                setCustomMethod("");
              }}
            >
              {t("common.add")}
            </Button>
          </div>
          <FieldErrors messages={errorsAt(errors, "money.methods")} />
        </fieldset>
      </StepSection>

      <StepSection
        title={t("money.lateFee")}
        description={t("money.lateFeeHelp")}
        testId="late-fee"
      >
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            label={t("money.lateFeeKind")}
            value={feeKind}
            data-testid="late-fee-kind"
            onChange={(e) =>
              setMoney((m) => {
                const grace = m.lateFee?.graceDays ?? 5;
                const next: LateFee | undefined =
                  e.target.value === "percent"
                    ? { percentPerMonth: 2, graceDays: grace }
                    : e.target.value === "fixed"
                      ? { fixed: 2500, graceDays: grace }
                      : undefined;
                if (next) m.lateFee = next;
                else delete m.lateFee;
              })
            }
            options={[
              { value: "none", label: t("money.lateFeeNone") },
              { value: "percent", label: t("money.lateFeePercentKind") },
              { value: "fixed", label: t("money.lateFeeFixedKind") },
            ]}
          />
          {fee && "percentPerMonth" in fee && (
            <NumberField
              label={t("money.percentPerMonth")}
              min={0}
              max={100}
              step={0.5}
              value={fee.percentPerMonth}
              data-testid="late-fee-percent"
              onValue={(v) =>
                setMoney((m) => {
                  m.lateFee = { ...fee, percentPerMonth: v ?? 0 };
                })
              }
              errors={errorsAt(errors, "money.lateFee.percentPerMonth")}
            />
          )}
          {fee && "fixed" in fee && (
            <NumberField
              label={t("money.fixedAmount", { currency: money.currency })}
              min={0}
              step={1}
              value={fee.fixed / 100}
              data-testid="late-fee-fixed"
              onValue={(v) =>
                setMoney((m) => {
                  m.lateFee = { ...fee, fixed: Math.round((v ?? 0) * 100) };
                })
              }
              errors={errorsAt(errors, "money.lateFee.fixed")}
            />
          )}
          {fee && (
            <NumberField
              label={t("money.graceDays")}
              min={0}
              max={365}
              value={fee.graceDays}
              onValue={(v) =>
                setMoney((m) => {
                  m.lateFee = { ...fee, graceDays: v ?? 0 };
                })
              }
              errors={errorsAt(errors, "money.lateFee.graceDays")}
            />
          )}
        </div>
      </StepSection>

      <StepSection
        title={t("money.discounts")}
        description={t("money.discountsHelp")}
        testId="discounts"
      >
        <SelectField
          label={t("money.discountPolicyLabel")}
          value={money.discounts ?? "alternatives"}
          data-testid="money-discounts"
          onChange={(e) =>
            setMoney((m) => {
              m.discounts = e.target.value as Money["discounts"];
            })
          }
          options={[
            { value: "alternatives", label: t("money.discountPolicy.alternatives") },
            { value: "never", label: t("money.discountPolicy.never") },
          ]}
          errors={errorsAt(errors, "money.discounts")}
        />
      </StepSection>
    </>
  );
}
