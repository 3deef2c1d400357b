// How far a case has got, as one choice ("an allegation, revised from
// advice, concluded as unfounded") instead of each meeting, police update and
// closure by hand. From it come the records a case gathers on the way there,
// each dated after the one it follows and none after now; buildCase then
// fills in their words. Used by the demo data for its mix of stages and by
// any test that needs a case well along.
import type { OutcomeType } from "~/generated/prisma/enums";
import { closuresAfter, reopenedClosure, type ClosureFields } from "./closures";
import type { CaseFacts } from "./contacts";
import { redirectFor, revisionTime, type AdviceFields, type DecisionFields } from "./decisions";
import { finalActionFor, type EmployerActionFields, type EmployerInvestigationFields } from "./employer";
import { allegationMeetings, evaluationTime, type ActionFields, type MeetingInput } from "./meetings";
import {
  daysToConclude,
  delayMonths,
  onwardReferralsFor,
  type DelayReasonFields,
  type OnwardReferralFields,
  type OutcomeFields,
} from "./outcomes";
import { policeConsulted, policeOnAllegation, type PoliceCourse, type PoliceInput } from "./police";
import type { Scenario } from "./scenarios";
import { addDays, between, chance, dateOnly, DAY_MS, notAfterNow, now, officeTime } from "./shared";
import type { Section47Fields } from "./social-care";

/** The records of a case after its contact, each completed with realistic defaults. */
export type CaseRecords = {
  /** revisions 1..n, in order */
  decisions?: DecisionFields[];
  advice?: AdviceFields;
  employerInvestigation?: EmployerInvestigationFields;
  meetings?: MeetingInput[];
  /** actions not agreed at a meeting */
  actions?: ActionFields[];
  police?: PoliceInput;
  section47?: Section47Fields;
  employerAction?: EmployerActionFields;
  outcome?: OutcomeFields;
  onwardReferrals?: OnwardReferralFields[];
  delayReasons?: DelayReasonFields[];
  closures?: ClosureFields[];
};

/** How far a case has got, by its current threshold decision (null: none yet). */
export type Progress =
  | { decision: null; /** the initial consideration is recorded */ considered?: boolean }
  | { decision: "ADVICE"; /** closure proposed and waiting for the manager's sign-off */ awaitingSignOff?: boolean }
  | { decision: "CAUSE_FOR_CONCERN" }
  | { decision: "NOT_LADO" }
  | AllegationProgress;

export type AllegationProgress = {
  decision: "ALLEGATION";
  /** first decided as this, then revised to an allegation on new information */
  revisedFrom?: "ADVICE" | "CAUSE_FOR_CONCERN";
  /** police involvement; null for none (police may still have been consulted). By default police investigate just over half. */
  police?: PoliceCourse | null;
  /** reached its outcome `afterDays` calendar days after the decision (by default a usual time, over by now); absent: still open */
  concluded?: { outcome: OutcomeType; afterDays?: number };
  /** actions agreed at the evaluation meeting and still open past their due date (by default one in a third of open cases) */
  overdueActions?: number;
  /** the employer suspended the person */
  suspended?: boolean;
};

/** What the records follow from: the case's facts and when it was first decided. */
export type ProgressStart = {
  facts: Omit<CaseFacts, "policeInvolved">;
  scenario: Scenario;
  named: boolean;
  decidedAt: Date;
};

/** The records of a case that has got as far as `progress`. */
export function progressRecords(progress: Progress, start: ProgressStart): CaseRecords {
  switch (progress.decision) {
    case null:
      return {};
    case "ADVICE":
      return {
        decisions: [{ category: "ADVICE", decidedAt: start.decidedAt }],
        advice: { redirectedTo: redirectFor(start.scenario, start.named) },
        closures: closuresAfter(start.facts, start.decidedAt, { awaitingSignOff: progress.awaitingSignOff }),
      };
    case "NOT_LADO":
      return {
        decisions: [{ category: "NOT_LADO", decidedAt: start.decidedAt }],
        advice: { redirectedTo: redirectFor(start.scenario, false) ?? "NOT_WITHIN_REMIT" },
        closures: closuresAfter(start.facts, start.decidedAt, {}),
      };
    case "CAUSE_FOR_CONCERN":
      return causeForConcern(start);
    case "ALLEGATION":
      return allegation(progress, start);
  }
}

/** The employer investigates and reports back within a few weeks, with its result (EmployerInvestigation.resultCode). */
function causeForConcern({ facts, decidedAt }: ProgressStart): CaseRecords {
  const resultAt = officeTime(decidedAt, between(8, 35));
  const reported = resultAt <= now();
  return {
    decisions: [{ category: "CAUSE_FOR_CONCERN", decidedAt }],
    employerInvestigation: { agreedAt: decidedAt, resultReceivedAt: reported ? resultAt : null },
    closures: reported ? closuresAfter(facts, resultAt) : [],
  };
}

/**
 * The allegation process: meetings from the evaluation to the outcome,
 * police liaison, suspension, the outcome and the employer's final action,
 * onward referrals, a reason for delay each month past three, and closure.
 */
function allegation(progress: AllegationProgress, { facts, decidedAt: firstDecidedAt }: ProgressStart): CaseRecords {
  const { revisedFrom, concluded } = progress;
  const decidedAt = revisedFrom ? revisionTime(firstDecidedAt) : firstDecidedAt;
  const policeCourse = progress.police !== undefined ? progress.police : chance(0.55) ? {} : null;
  const outcome = concluded?.outcome;
  const end = concluded
    ? notAfterNow(officeTime(addDays(decidedAt, concluded.afterDays ?? daysConcludedByNow(decidedAt, policeCourse !== null, outcome))))
    : null;

  const evaluationAt = evaluationTime(decidedAt);
  const police = policeCourse
    ? policeOnAllegation(policeCourse, { receivedAt: facts.receivedAt, decidedAt, end, outcome })
    : evaluationAt <= now() && chance(0.5)
      ? policeConsulted(evaluationAt)
      : undefined;

  const finalAction = outcome ? finalActionFor(outcome, facts.employmentBasis) : null;
  const finalActionAt = end && officeTime(end, between(0, 15));
  const actionKnown = finalActionAt && finalActionAt <= now() ? finalActionAt : null;
  const suspended = progress.suspended ?? chance(outcome === "SUBSTANTIATED" ? 0.55 : end ? 0.3 : 0.4);

  return {
    decisions: [...(revisedFrom ? [{ category: revisedFrom, decidedAt: firstDecidedAt }] : []), { category: "ALLEGATION", decidedAt }],
    advice: revisedFrom === "ADVICE" ? {} : undefined,
    employerInvestigation: revisedFrom === "CAUSE_FOR_CONCERN" ? { agreedAt: firstDecidedAt, resultReceivedAt: null } : undefined,
    meetings: allegationMeetings(evaluationAt, end, progress.overdueActions ?? (!end && chance(0.3) ? 1 : 0)),
    police,
    section47: chance(0.3) ? {} : undefined,
    employerAction: {
      suspended,
      ...(suspended ? { suspendedAt: dateOnly(officeTime(decidedAt, between(0, 2))) } : {}),
      finalAction: actionKnown ? finalAction : null,
      finalActionAt: actionKnown && dateOnly(actionKnown),
    },
    outcome:
      outcome && end
        ? {
            outcome,
            decidedAt: end,
            personResigned: finalAction === "RESIGNED",
            refusedToCooperate: outcome === "SUBSTANTIATED" && chance(0.15),
          }
        : undefined,
    onwardReferrals: outcome && actionKnown ? onwardReferralsFor(facts, outcome, finalAction, actionKnown) : [],
    delayReasons: delayMonths(facts.receivedAt, end ?? now()).map((month) => ({ month })),
    closures: [
      ...(revisedFrom === "ADVICE" ? reopenedClosure(facts, firstDecidedAt, decidedAt) : []),
      ...(actionKnown ? closuresAfter(facts, actionKnown, { returned: chance(0.1) }) : []),
    ],
  };
}

/**
 * A usual time to conclude that has run out by now: the allegation has
 * concluded, so its time is drawn from those that would have (or, when none
 * would, is the time there has been).
 */
function daysConcludedByNow(decidedAt: Date, police: boolean, outcome?: OutcomeType) {
  const most = Math.max(0, Math.floor((now().getTime() - decidedAt.getTime()) / DAY_MS));
  for (let tries = 0; tries < 20; tries++) {
    const days = daysToConclude(police, outcome);
    if (days <= most) return days;
  }
  return most;
}
