// Which cases keep an advice record (pure): those whose current threshold
// decision is advice and guidance or "not a LADO matter", and any that
// already have one (advice later revised to an allegation was still given,
// and stays on the case and in the tracker). The follow-up letter goes only
// while the decision is still one of the two: it tells the referrer so.
import type { DecisionCategory } from "~/generated/prisma/enums";

export const ADVICE_DECISIONS = ["ADVICE", "NOT_LADO"] as const satisfies readonly DecisionCategory[];

/** Advice and guidance, or not a LADO matter. */
export function isAdviceDecision(decision: DecisionCategory | null | undefined) {
  return (ADVICE_DECISIONS as readonly string[]).includes(decision ?? "");
}

export function takesAdvice(currentDecision: DecisionCategory | null | undefined, hasAdviceRecord: boolean) {
  return hasAdviceRecord || isAdviceDecision(currentDecision);
}

/** Shown, and answered to a save, when the case's decision does not take advice. */
export const NOT_ADVICE_MESSAGE =
  "Advice is recorded once the threshold decision is advice and guidance or not a LADO matter: record the decision first";
