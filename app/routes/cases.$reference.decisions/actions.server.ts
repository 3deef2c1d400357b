// What each of the decisions section's forms does when sent: check it with
// its schema (400 with the answers kept), record it through the triage
// rules, and go on to the next step with a message. A decision refused
// because another came first is a 409 showing that one.
import { data, redirect } from "@remix-run/node";
import { sectionPath } from "~/cases/sections";
import { recordAgreement, recordResult } from "~/triage/cause-for-concern.server";
import { nextStepAfter } from "~/triage/decisions";
import { recordDecision, type LatestDecision } from "~/triage/decisions.server";
import { isConsidered, recordInitialConsideration } from "~/triage/initial-consideration.server";
import { decisionLabels } from "~/triage/labels";
import { londonDateTime } from "~/utils/dates";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseAll, parseValues, type FormFailure, type FormValues } from "~/utils/forms.server";
import { agreementForm, considerationForm, decisionForm, resultForm, type Intent } from "./schema.server";

/** A refused form: errors per field, what was typed, and for a decision refused as stale, the latest decision. */
export type Failure = FormFailure & { latest?: LatestDecision | null };

type Sent = { request: Request; userId: string; caseId: string; reference: string; values: FormValues };

const refused = (failure: Failure, status = 400) => (status === 400 ? invalid(failure) : data<Failure>(failure, { status }));
type Answer = Response | ReturnType<typeof refused>;

async function done(to: string, message: string) {
  return redirect(to, { headers: { "Set-Cookie": await setFlash(message) } });
}

const decisionsPath = (reference: string) => sectionPath(reference, "decisions");
const causeForConcernPath = (reference: string) => `${decisionsPath(reference)}#cause-for-concern`;

async function consider({ request, userId, caseId, reference, values }: Sent): Promise<Answer> {
  const parsed = parseValues(considerationForm, values);
  if (!parsed.ok) return refused(parsed.failure);
  const { first } = await recordInitialConsideration(request, userId, caseId, parsed.data);
  return done(decisionsPath(reference), first ? "Initial consideration recorded" : "Initial consideration changed");
}

/**
 * A decision, and with it the initial consideration when the form asks it
 * (a case's first decision) or the case has none yet: a decision always
 * follows one.
 */
async function decide(sent: Sent, withConsideration: boolean): Promise<Answer> {
  const { request, userId, caseId, reference, values } = sent;
  const asked = withConsideration || !(await isConsidered(caseId));
  const parsed = asked ? parseAll([considerationForm, decisionForm], values) : parseValues(decisionForm, values);
  if (!parsed.ok) return refused(parsed.failure);
  const { basedOn, category, harmCriteria, harmCategories, rationale } = parsed.data;
  const consideration = "priorHistorySeen" in parsed.data ? parsed.data : undefined;
  const result = await recordDecision(
    request,
    userId,
    caseId,
    { basedOn, category, harmCriteria, harmCategories, rationale },
    consideration,
  );
  if (!result.saved && "closedAt" in result) return refused({ errors: { category: closedMessage(result.closedAt) }, values }, 409);
  if (!result.saved) return refused({ errors: { "latest-decision": conflictMessage(result.latest) }, values, latest: result.latest }, 409);

  const recorded = `Decision recorded: ${decisionLabels[category].toLowerCase()}`;
  switch (nextStepAfter(category)) {
    case "allegation-process":
      // The section then shows the allegation process as next, with its evaluation meeting.
      return done(decisionsPath(reference), recorded);
    case "cause-for-concern":
      return done(causeForConcernPath(reference), `${recorded}. Next, record what was agreed with the employer`);
    case "advice":
      return done(sectionPath(reference, "advice"), `${recorded}. Next, record the advice given`);
  }
}

/** "Another decision was recorded while you were writing this one: ..." */
/** Why a closed case takes no decision, and what to do instead. */
export const closedMessage = (at: Date) =>
  `This case was closed on ${londonDateTime(at)}. Log the new information as a new contact and link it to this case as the same matter`;

function conflictMessage(latest: LatestDecision | null) {
  if (!latest) return "The decisions on this case have changed since you opened it. Check them, then decide again";
  const by = latest.decidedBy ? `, by ${latest.decidedBy.name}` : "";
  return `Another decision was recorded while you were writing this one: ${decisionLabels[latest.category].toLowerCase()}${by}, ${londonDateTime(latest.decidedAt)}. Check it, then decide again`;
}

async function agree({ request, userId, caseId, reference, values }: Sent): Promise<Answer> {
  const parsed = parseValues(agreementForm, values);
  if (!parsed.ok) return refused(parsed.failure);
  if (!(await recordAgreement(request, userId, caseId, parsed.data))) {
    return refused({ errors: { "cause-for-concern": "The current decision is not a cause for concern: check the decision" }, values });
  }
  return done(causeForConcernPath(reference), "What was agreed with the employer is recorded");
}

async function employerResult({ request, userId, caseId, reference, values }: Sent): Promise<Answer> {
  const parsed = parseValues(resultForm, values);
  if (!parsed.ok) return refused(parsed.failure);
  if (!(await recordResult(request, userId, caseId, parsed.data))) {
    return refused({ errors: { "cause-for-concern": "Record what was agreed with the employer before its result" }, values });
  }
  return done(causeForConcernPath(reference), "The employer's result is recorded");
}

export const handleForm: Record<Intent, (sent: Sent) => Promise<Answer>> = {
  consider,
  decide: (sent) => decide(sent, false),
  "consider-and-decide": (sent) => decide(sent, true),
  agreement: agree,
  result: employerResult,
};
