// The onboarding wizard and charter editor: one step at a time (hours, channels, meetings,
// money, offers, publish), the draft saved as you go, a live preview and a "Try it" panel.
import * as Tabs from "@radix-ui/react-tabs";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { CharterView } from "../../components/CharterView.tsx";
import { Button, ErrorMessage, focusRing, Loading, PageHeader } from "../../components/ui.tsx";
import { type ErrorDetail, get, put } from "../../lib/api.ts";
import { useFormat } from "../../lib/format.tsx";
import { useSession } from "../../lib/session.ts";
import type { Charter, CharterDraft, OfferRecord, Workspace } from "../../lib/types.ts";
import { normalise, STEPS, type Step, stepOfPath, stillOpen, type Update } from "./draft.ts";
import { ChannelsStep } from "./steps/Channels.tsx";
import { HoursStep } from "./steps/Hours.tsx";
import { MeetingsStep } from "./steps/Meetings.tsx";
import { MoneyStep } from "./steps/Money.tsx";
import { OffersStep } from "./steps/Offers.tsx";
import { PublishStep } from "./steps/Publish.tsx";
import { TryIt } from "./TryIt.tsx";

export const DRAFT_KEY = ["charter", "draft"] as const;

export default function CharterEditor() {
  const session = useSession();
  const draft = useQuery({ queryKey: DRAFT_KEY, queryFn: () => get<CharterDraft>("/charter") });
  if (draft.error) return <ErrorMessage error={draft.error} />;
  if (!session.data || draft.isPending) return <Loading />;
  return <EditorLoaded initial={draft.data} workspace={session.data.workspace} />;
}

type SaveState = {
  status: "idle" | "pending" | "saving" | "saved" | "error";
  at?: number;
  error?: unknown;
};

function useAutosave(draft: Charter) {
  const queryClient = useQueryClient();
  const latest = useRef(draft);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const first = useRef(true);
  const [state, setState] = useState<SaveState>({ status: "idle" });

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setState((s) => ({ ...s, status: "saving" }));
    try {
      const saved = await put<CharterDraft>("/charter", latest.current);
      queryClient.setQueryData(DRAFT_KEY, saved);
      setState({ status: "saved", at: Date.now() });
      return true;
    } catch (error) {
      setState({ status: "error", error });
      return false;
    }
  }, [queryClient]);

  useEffect(() => {
    latest.current = draft;
    if (first.current) {
      first.current = false;
      return;
    }
    setState((s) => ({ ...s, status: "pending" }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), 700);
  }, [draft, flush]);

  // Leaving the editor with a change not yet sent: send it now.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        // The next editor mounted reads the cache at once: give it the latest draft now.
        queryClient.setQueryData(DRAFT_KEY, latest.current);
        void put<CharterDraft>("/charter", latest.current).then((saved) =>
          queryClient.setQueryData(DRAFT_KEY, saved),
        );
      }
    },
    [queryClient],
  );
  return { state, flush };
}

function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const text =
    state.status === "pending" || state.status === "saving"
      ? t("editor.saving")
      : state.status === "saved"
        ? t("editor.savedAt", {
            time: new Date(state.at ?? Date.now()).toLocaleTimeString(fmt.locale, {
              hour: "numeric",
              minute: "2-digit",
            }),
          })
        : state.status === "error"
          ? t("editor.saveFailed")
          : t("editor.draftLoaded");
  return (
    <p
      aria-live="polite"
      data-testid="save-status"
      data-status={state.status}
      className={`text-sm ${state.status === "error" ? "text-rose-800" : "text-stone-600"}`}
    >
      {text}
    </p>
  );
}

function Stepper({ current, errorSteps }: { current: Step; errorSteps: Set<Step> }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("editor.steps")} className="mb-6">
      <ol className="flex flex-wrap gap-2">
        {STEPS.map((step, index) => {
          const active = step === current;
          return (
            <li key={step}>
              <Link
                to={`/app/charter/${step}`}
                aria-current={active ? "step" : undefined}
                data-testid={`step-${step}`}
                className={`flex items-center gap-2 rounded-full border px-3 py-1.5 text-sm ${focusRing} ${active ? "border-teal-800 bg-teal-800 text-white" : "border-stone-300 bg-white text-stone-800 hover:bg-stone-100"}`}
              >
                <span aria-hidden="true" className="tabular-nums">
                  {index + 1}
                </span>
                {t(`editor.step.${step}`)}
                {errorSteps.has(step) && (
                  <span
                    className={`rounded-full px-1.5 text-xs ${active ? "bg-white text-rose-800" : "bg-rose-100 text-rose-900"}`}
                  >
                    {t("editor.toFix")}
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function EditorLoaded({ initial, workspace }: { initial: CharterDraft; workspace: Workspace }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const step: Step = (STEPS as readonly string[]).includes(params.step ?? "")
    ? (params.step as Step)
    : "hours";
  const [draft, setDraft] = useState(() => normalise(initial, workspace));
  const [refusal, setRefusal] = useState<{ problems: ErrorDetail[]; draft: Charter | null }>({
    problems: [],
    draft: null,
  });
  const { state, flush } = useAutosave(draft);
  const offers = useQuery({
    queryKey: ["offers"],
    queryFn: () => get<{ items: OfferRecord[] }>("/offers"),
  });

  const update: Update = useCallback((change) => {
    setDraft((current) => {
      const next = structuredClone(current);
      change(next);
      return next;
    });
  }, []);

  const index = STEPS.indexOf(step);
  const go = async (target: Step) => {
    await flush();
    navigate(`/app/charter/${target}`);
    window.scrollTo({ top: 0 });
  };
  const problems = stillOpen(refusal.problems, refusal.draft, draft);
  const setProblems = (details: ErrorDetail[]) => setRefusal({ problems: details, draft });
  const errorSteps = new Set(problems.map((p) => stepOfPath(p.path)));
  const stepProps = { draft, update, errors: problems, workspace };

  return (
    <div>
      <PageHeader
        title={t("editor.title")}
        description={t("editor.intro")}
        actions={<SaveStatus state={state} />}
      />
      <Stepper current={step} errorSteps={errorSteps} />
      {state.status === "error" && <ErrorMessage error={state.error} />}
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6" data-testid={`step-panel-${step}`}>
          <h2 className="text-xl font-semibold text-stone-900">{t(`editor.step.${step}`)}</h2>
          {step === "hours" && <HoursStep {...stepProps} />}
          {step === "channels" && <ChannelsStep {...stepProps} />}
          {step === "meetings" && <MeetingsStep {...stepProps} />}
          {step === "money" && <MoneyStep {...stepProps} />}
          {step === "offers" && <OffersStep workspace={workspace} draft={draft} />}
          {step === "publish" && (
            <PublishStep
              draft={draft}
              workspace={workspace}
              flush={flush}
              problems={problems}
              setProblems={setProblems}
            />
          )}
          <div className="flex justify-between border-t border-stone-200 pt-4">
            {index > 0 ? (
              <Button
                variant="secondary"
                data-testid="wizard-back"
                onClick={() => void go(STEPS[index - 1] as Step)}
              >
                {t("editor.back")}
              </Button>
            ) : (
              <span />
            )}
            {index < STEPS.length - 1 && (
              <Button data-testid="wizard-next" onClick={() => void go(STEPS[index + 1] as Step)}>
                {t("editor.next", { step: t(`editor.step.${STEPS[index + 1]}`) })}
              </Button>
            )}
          </div>
        </div>
        <aside aria-label={t("editor.aside")} className="min-w-0">
          <div className="lg:sticky lg:top-4">
            <Tabs.Root defaultValue="preview">
              <Tabs.List
                aria-label={t("editor.aside")}
                className="mb-3 flex gap-1 rounded-md bg-stone-200/70 p-1"
              >
                {(["preview", "try"] as const).map((tab) => (
                  <Tabs.Trigger
                    key={tab}
                    value={tab}
                    data-testid={`tab-${tab}`}
                    className={`flex-1 rounded px-3 py-1.5 text-sm font-medium text-stone-700 data-[state=active]:bg-white data-[state=active]:text-stone-900 data-[state=active]:shadow-xs ${focusRing}`}
                  >
                    {t(`editor.tab.${tab}`)}
                  </Tabs.Trigger>
                ))}
              </Tabs.List>
              <Tabs.Content
                value="preview"
                className={`rounded-lg border border-stone-200 bg-white p-4 ${focusRing}`}
              >
                <p className="mb-2 text-xs text-stone-600">
                  {t("editor.previewNote", { url: `/c/${workspace.slug}` })}
                </p>
                <section
                  className={`max-h-[70vh] overflow-y-auto pr-1 ${focusRing}`}
                  data-testid="charter-preview"
                  // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll from the keyboard
                  tabIndex={0}
                  aria-label={t("editor.tab.preview")}
                >
                  <CharterView
                    charter={draft}
                    offers={offers.data?.items ?? []}
                    title={workspace.name}
                    compact
                  />
                </section>
              </Tabs.Content>
              <Tabs.Content
                value="try"
                className={`rounded-lg border border-stone-200 bg-white p-4 ${focusRing}`}
              >
                <TryIt draft={draft} />
              </Tabs.Content>
            </Tabs.Root>
          </div>
        </aside>
      </div>
    </div>
  );
}
