// The rule hits of one decision, keeping the strongest outcome with its reply situation.
import type { Situation } from "../replies/types.ts";
import type { DecisionAlternative, DecisionOption, Outcome, RuleHit } from "./types.ts";

const STRENGTH: Record<Outcome, number> = {
  accept: 0,
  defer: 1,
  propose: 2,
  decline: 3,
  redirect: 4,
};

export class Verdict {
  outcome: Outcome = "accept";
  situation: Situation = "accept";
  readonly rules: RuleHit[] = [];
  readonly options: DecisionOption[] = [];
  alternatives: DecisionAlternative[] | undefined;

  hit(rule: RuleHit, outcome?: Outcome, situation?: Situation): void {
    this.rules.push(rule);
    if (outcome && situation && STRENGTH[outcome] > STRENGTH[this.outcome]) {
      this.outcome = outcome;
      this.situation = situation;
    }
  }
}
