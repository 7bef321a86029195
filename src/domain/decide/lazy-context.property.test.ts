// Intake reads a client's rushes this month only when `mayAskForRush`, and their violation history
// only when `needsViolationHistory` says the first decision needs it. Both shortcuts must give the
// decision that reading everything up front gives — checked here on random requests.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exampleCharter, offers } from "../../../test/factories/domain.ts";
import { evaluate, mayAskForRush, needsViolationHistory } from "./evaluate.ts";
import { compilePolicy } from "./policy.ts";
import { type ClientRequest, REQUEST_KINDS, requestSchema } from "./types.ts";

const charter = exampleCharter();
const policy = compilePolicy(charter, 1);
const DAY = 86_400_000;
const start = Date.parse("2026-01-01T00:00:00Z");

const request = fc
  .record({
    channel: fc.constantFrom("email", "portal", "phone", "sms", "whatsapp"),
    kind: fc.option(fc.constantFrom(...REQUEST_KINDS), { nil: undefined }),
    at: fc.integer({ min: 0, max: 730 * DAY }),
    neededIn: fc.option(fc.integer({ min: -DAY, max: 15 * DAY }), { nil: undefined }),
    offerItem: fc.option(fc.constantFrom("logo", "cards", "guide", "video"), { nil: undefined }),
    budget: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: undefined }),
    offerId: fc.option(fc.constantFrom("essentiel", "signature"), { nil: undefined }),
  })
  .map(({ at, neededIn, ...r }): ClientRequest & { received: number } => ({
    ...requestSchema.parse({
      ...r,
      subject: "Demande",
      body: "…",
      receivedAt: new Date(start + at).toISOString(),
      ...(neededIn === undefined
        ? {}
        : { neededBy: new Date(start + at + neededIn).toISOString() }),
    }),
    received: start + at,
  }));

/** Earlier violations, as instants up to 400 days before the request. */
const history = fc.array(fc.integer({ min: 1, max: 400 * DAY }), { maxLength: 8 });

const decideWith = (
  req: ClientRequest,
  client: { violationTimes: number[] },
  rushThisMonth: number,
) =>
  evaluate(req, {
    now: req.receivedAt ?? start,
    policy,
    offers,
    client: { id: "c1", name: "Camille", locale: "fr-CA", ...client },
    counters: { rushThisMonth },
  });

describe("the context intake may leave unread", () => {
  it("this month's rushes change nothing unless the request may ask for a rush", () => {
    fc.assert(
      fc.property(request, fc.integer({ min: 1, max: 50 }), (req, rushes) => {
        if (mayAskForRush(req)) return;
        expect(decideWith(req, { violationTimes: [] }, rushes)).toEqual(
          decideWith(req, { violationTimes: [] }, 0),
        );
      }),
      { numRuns: 400 },
    );
  });

  it("the violation history changes nothing unless the first decision needs it", () => {
    fc.assert(
      fc.property(request, history, fc.integer({ min: 0, max: 5 }), (req, ago, rushes) => {
        const times = ago.map((d) => req.received - d).sort((a, b) => a - b);
        const first = decideWith(req, { violationTimes: [] }, rushes);
        const full = decideWith(req, { violationTimes: times }, rushes);
        // Whether the decision records a violation never depends on the history…
        expect(needsViolationHistory(charter, first)).toBe(needsViolationHistory(charter, full));
        // …and when it does not need it, the history leaves the decision as it is.
        if (!needsViolationHistory(charter, first)) expect(full).toEqual(first);
      }),
      { numRuns: 400 },
    );
  });

  it("covers both sides: some random requests need the history, some ask for a rush", () => {
    const sample = fc.sample(request, { numRuns: 400, seed: 42 });
    const needing = sample.filter((req) =>
      needsViolationHistory(charter, decideWith(req, { violationTimes: [] }, 0)),
    );
    expect(needing.length).toBeGreaterThan(20);
    expect(needing.length).toBeLessThan(sample.length);
    expect(sample.filter(mayAskForRush).length).toBeGreaterThan(20);
  });
});
