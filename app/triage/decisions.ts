// The threshold decision's own rules (../shared/docs/domain.md, "The harm
// threshold"): which harm criteria a decision may record, and what a LADO
// does next once it is made. Pure.
import type { DecisionCategory, HarmCriterion } from "~/generated/prisma/enums";

/**
 * The problem with the harm-threshold criteria recorded for a decision, if
 * there is one: an allegation says which apply (that is what makes it one);
 * any other decision says the threshold is not met, so it records none.
 */
export function harmCriteriaProblem(category: DecisionCategory, criteria: readonly HarmCriterion[]): string | undefined {
  if (category === "ALLEGATION" && criteria.length === 0) return "Select which harm-threshold criteria the allegation meets";
  if (category !== "ALLEGATION" && criteria.length > 0) {
    return "Harm-threshold criteria are recorded only for an allegation: clear them, or choose allegation";
  }
  return undefined;
}

/**
 * Where a decision leads: an allegation to the allegation process (its
 * evaluation meeting first), a cause for concern to what was agreed with the
 * employer, advice and a matter that is not the LADO's to the advice record
 * (the advice given, and where the referrer was redirected).
 */
export type NextStep = "allegation-process" | "cause-for-concern" | "advice";

export function nextStepAfter(category: DecisionCategory): NextStep {
  switch (category) {
    case "ALLEGATION":
      return "allegation-process";
    case "CAUSE_FOR_CONCERN":
      return "cause-for-concern";
    case "ADVICE":
    case "NOT_LADO":
      return "advice";
  }
}
