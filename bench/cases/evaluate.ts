// Decisions per second on a realistic mix of requests: channels, kinds, hours, rush, quotas,
// scope and discounts, for French and English clients. Requests are parsed before timing (parsing
// is the HTTP layer's job); each decision includes its drafted reply.

import {
  type ClientRequest,
  compilePolicy,
  type EvaluationContext,
  evaluate,
  requestSchema,
} from "../../src/domain/decide/index.ts";
import { exampleCharter, offers } from "../../test/factories/domain.ts";

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, weighted: readonly [T, number][]): T {
  let r = random() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted[0]![0];
}

export interface MixItem {
  request: ClientRequest;
  context: EvaluationContext;
}

/** A deterministic mix of `count` requests over 2027 against the example charter. */
export function realisticMix(count: number, seed = 42): MixItem[] {
  const random = prng(seed);
  const policy = compilePolicy(exampleCharter(), 1);
  const signature = offers[1]!;
  const essentiel = offers[0]!;
  const start = Date.parse("2027-01-01T05:00:00Z");
  const items: MixItem[] = [];
  for (let i = 0; i < count; i++) {
    // Two thirds of requests arrive in office hours, the rest at any time.
    const day = Math.floor(random() * 365);
    const minute =
      random() < 0.66 ? 9 * 60 + Math.floor(random() * 8 * 60) : Math.floor(random() * 1440);
    const receivedAt = start + day * 86_400_000 + minute * 60_000;
    const channel = pick(random, [
      ["portal", 40],
      ["email", 40],
      ["phone", 10],
      ["sms", 5],
      ["whatsapp", 5],
    ]);
    const kind = pick(random, [
      ["task", 40],
      ["question", 25],
      ["meeting", 10],
      ["change", 10],
      ["discount", 5],
      ["urgent", 5],
    ] as const);
    const neededBy =
      random() < 0.2 ? receivedAt + Math.floor(random() * 5 * 86_400_000) : undefined;
    const offerItem =
      random() < 0.15
        ? pick(random, [
            ["website", 1],
            ["cards", 2],
            ["logo", 2],
          ])
        : undefined;
    const request = requestSchema.parse({
      channel,
      receivedAt: new Date(receivedAt).toISOString(),
      subject: `Demande ${i}`,
      body: "Bonjour, pourriez-vous…",
      kind,
      ...(neededBy ? { neededBy: new Date(neededBy).toISOString() } : {}),
      ...(offerItem ? { offerItem } : {}),
      ...(kind === "discount" && random() < 0.7
        ? { budget: 150_000 + Math.floor(random() * 80_000) }
        : {}),
      ...(channel === "phone" && random() < 0.5 ? { byAppointment: true } : {}),
    });
    const english = random() < 0.35;
    const context: EvaluationContext = {
      now: receivedAt,
      policy,
      client: {
        id: `c${i % 50}`,
        name: english ? "Alex" : "Camille",
        locale: english ? "en-CA" : "fr-CA",
        ...(random() < 0.2 ? { timezone: "Europe/Paris" } : {}),
        violationTimes:
          random() < 0.3 ? [receivedAt - 10 * 86_400_000, receivedAt - 3 * 86_400_000] : [],
      },
      engagement: {
        offer: random() < 0.7 ? signature : essentiel,
        usage: {
          meetings: Math.floor(random() * 5),
          revisions: Math.floor(random() * 3),
          hours: Math.floor(random() * 20),
        },
      },
      offers,
      counters: { rushThisMonth: random() < 0.3 ? 1 : 0 },
      professionalName: "Julie Tremblay",
    };
    items.push({ request, context });
  }
  return items;
}

/** Runs evaluate over the mix for at least `minMs`, after a warm-up; returns decisions per second. */
export function measureEvaluate(
  mix: readonly MixItem[],
  minMs: number,
): { opsPerSec: number; outcomes: Record<string, number> } {
  const outcomes: Record<string, number> = {};
  for (const { request, context } of mix) {
    const d = evaluate(request, context);
    outcomes[d.outcome] = (outcomes[d.outcome] ?? 0) + 1;
  }
  let ops = 0;
  let sink = 0;
  const begin = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const { request, context } of mix) sink += evaluate(request, context).reply.body.length;
    ops += mix.length;
    elapsed = performance.now() - begin;
  }
  if (sink === 0) throw new Error("no replies drafted");
  return { opsPerSec: (ops / elapsed) * 1000, outcomes };
}

export async function evaluateCase(options: { quick?: boolean } = {}) {
  const mix = realisticMix(options.quick ? 2_000 : 10_000);
  const { opsPerSec, outcomes } = measureEvaluate(mix, options.quick ? 300 : 2_000);
  return { name: "evaluate", opsPerSec, inputs: mix.length, outcomes, peers: [] };
}
