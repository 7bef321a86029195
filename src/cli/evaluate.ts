// `cadre evaluate --charter charter.json --request request.json [--now ISO] [--context ctx.json]`:
// decides one request against a charter and prints the Decision as JSON. Stores nothing.
import { checkCharter, formatIssues, type Lang } from "../domain/charter/index.ts";
import { issuesFromZod } from "../domain/charter/validate.ts";
import {
  compilePolicy,
  type EvaluationContext,
  evaluate,
  requestSchema,
} from "../domain/decide/index.ts";
import type { Offer } from "../domain/offers/types.ts";
import { resolveLang } from "./check-charter.ts";
import { type CliIo, EXIT_INVALID, EXIT_OK, parseOptions, readJsonFile, say } from "./io.ts";

const NBSP = "\u00a0";
const usage: Record<Lang, string> = {
  fr: `usage${NBSP}: cadre evaluate --charter <charte.json> --request <demande.json> [--now <instant ISO>] [--context <contexte.json>] [--lang fr|en]`,
  en: "usage: cadre evaluate --charter <charter.json> --request <request.json> [--now <ISO instant>] [--context <context.json>] [--lang fr|en]",
};
const badNow: Record<Lang, (v: string) => string> = {
  fr: (v) =>
    `--now${NBSP}: «${NBSP}${v}${NBSP}» n’est pas un instant ISO 8601 (par exemple 2026-11-27T21:30:00-05:00)`,
  en: (v) => `--now: “${v}” is not an ISO 8601 instant (for example 2026-11-27T21:30:00-05:00)`,
};
const prefix: Record<Lang, Record<string, string>> = {
  fr: { charter: `charte${NBSP}: `, request: `demande${NBSP}: `, context: `contexte${NBSP}: ` },
  en: { charter: "charter: ", request: "request: ", context: "context: " },
};

/** Optional context file: { client, engagement: { offerId | offer, usage, ... }, offers, counters }. */
interface ContextFile {
  client?: EvaluationContext["client"];
  offers?: Offer[];
  engagement?: Omit<NonNullable<EvaluationContext["engagement"]>, "offer"> & {
    offer?: Offer;
    offerId?: string;
  };
  counters?: EvaluationContext["counters"];
  professionalName?: string;
  templates?: EvaluationContext["templates"];
}

export async function evaluateCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(args, ["charter", "request", "now", "context", "lang"]);
  const lang = resolveLang(parsed.options.lang, io);
  if (!lang) return EXIT_INVALID;
  const { charter: charterFile, request: requestFile } = parsed.options;
  if (
    parsed.unknown ||
    parsed.missing ||
    !charterFile ||
    !requestFile ||
    parsed.positional.length > 0
  ) {
    if (parsed.unknown) io.stderr(say(lang, "unknown_option", { option: parsed.unknown }));
    if (parsed.missing) io.stderr(say(lang, "missing_value", { option: parsed.missing }));
    io.stderr(usage[lang]);
    return EXIT_INVALID;
  }
  const nowText = parsed.options.now;
  const now = nowText === undefined ? Date.now() : Date.parse(nowText);
  if (Number.isNaN(now) || (nowText !== undefined && !/[zZ]|[+-]\d\d:?\d\d$/.test(nowText))) {
    io.stderr(badNow[lang](nowText ?? ""));
    return EXIT_INVALID;
  }
  const charterDoc = await readJsonFile(charterFile, io, lang);
  const requestDoc = await readJsonFile(requestFile, io, lang);
  const contextDoc = parsed.options.context
    ? await readJsonFile(parsed.options.context, io, lang)
    : { value: {} };
  if (!charterDoc || !requestDoc || !contextDoc) return EXIT_INVALID;

  const checked = checkCharter(charterDoc.value, { now });
  const request = requestSchema.safeParse(requestDoc.value, { reportInput: true });
  let failed = false;
  if (!checked.ok) {
    for (const line of formatIssues(checked.issues, lang)) io.stderr(prefix[lang].charter + line);
    failed = true;
  }
  if (!request.success) {
    for (const line of formatIssues(issuesFromZod(request.error), lang))
      io.stderr(prefix[lang].request + line);
    failed = true;
  }
  if (failed || !checked.ok || !request.success) return EXIT_INVALID;

  const context = contextDoc.value as ContextFile;
  const offers = context.offers ?? [];
  const engagementOffer =
    context.engagement?.offer ?? offers.find((o) => o.id === context.engagement?.offerId);
  const decision = evaluate(request.data, {
    now,
    policy: compilePolicy(checked.charter),
    ...(context.client ? { client: context.client } : {}),
    ...(engagementOffer && context.engagement
      ? { engagement: { ...context.engagement, offer: engagementOffer } }
      : {}),
    offers,
    ...(context.counters ? { counters: context.counters } : {}),
    ...(context.professionalName ? { professionalName: context.professionalName } : {}),
    ...(context.templates ? { templates: context.templates } : {}),
  });
  io.stdout(JSON.stringify(decision, null, 2));
  return EXIT_OK;
}
