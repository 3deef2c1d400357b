// Where a case is in its life, derived from its records (never stored).
import type { DecisionCategory } from "~/generated/prisma/enums";

export type Stage = "AWAITING_DECISION" | DecisionCategory | "CLOSURE_PROPOSED" | "CLOSED";

export const stageLabels: Record<Stage, string> = {
  AWAITING_DECISION: "Awaiting decision",
  ADVICE: "Advice and guidance",
  CAUSE_FOR_CONCERN: "Cause for concern",
  ALLEGATION: "Allegation",
  NOT_LADO: "Not a LADO matter",
  CLOSURE_PROPOSED: "Closure proposed",
  CLOSED: "Closed",
};

export const stageTagColours: Record<Stage, string> = {
  AWAITING_DECISION: "govuk-tag--yellow",
  ADVICE: "govuk-tag--blue",
  CAUSE_FOR_CONCERN: "govuk-tag--purple",
  ALLEGATION: "govuk-tag--red",
  NOT_LADO: "govuk-tag--grey",
  CLOSURE_PROPOSED: "govuk-tag--orange",
  CLOSED: "govuk-tag--grey",
};

type ClosureState = { signedOffAt: Date | null; returnedReason: string | null; reopenedAt: Date | null };

/**
 * decisions: newest revision first; closures: newest proposal first.
 */
export function caseStage(decisions: { category: DecisionCategory }[], closures: ClosureState[]): Stage {
  const latest = closures[0];
  if (latest && !latest.reopenedAt) {
    if (latest.signedOffAt) return "CLOSED";
    if (!latest.returnedReason) return "CLOSURE_PROPOSED";
  }
  return decisions[0]?.category ?? "AWAITING_DECISION";
}
