// What each of the outcome section's forms does when sent: check it with its
// schema (400 with the answers kept), save it (the outcome as its next
// version: 409 with what changed, when made from an older one), and back to
// the section with a message.
import { redirect } from "@remix-run/node";
import { allegationFacts, closedCaseMessage, NOT_ALLEGATION_MESSAGE } from "~/allegations/allegation.server";
import { onwardBodyLabels } from "~/allegations/labels";
import { outcomeFieldLabels, recordOnwardReferral, recordOutcome, type Closed } from "~/allegations/outcome.server";
import { sendOutcomeLetter } from "~/allegations/outcome-letter.server";
import { sectionPath } from "~/cases/sections";
import { staleVersion } from "~/cases/versions.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseValues, type FormValues } from "~/utils/forms.server";
import { OUTCOME_INTENTS } from "./intents";
import { onwardReferralForm, outcomeForm, outcomeLetterForm } from "./schema.server";

type Answer = Response | ReturnType<typeof invalid>;
type Sent = { request: Request; user: { id: string; name: string }; caseId: string; reference: string; values: FormValues };

async function done(reference: string, message: string, part = "") {
  return redirect(`${sectionPath(reference, "outcome")}${part}`, { headers: { "Set-Cookie": await setFlash(message) } });
}

const closedError = (field: string, closed: Closed, values: FormValues) =>
  invalid({ errors: { [field]: closedCaseMessage(closed.closedAt) }, values }, 409);

async function outcome({ request, user, caseId, reference, values }: Sent): Promise<Answer> {
  const facts = await allegationFacts(caseId);
  if (!facts.isAllegation) return invalid({ errors: { outcome: NOT_ALLEGATION_MESSAGE }, values });
  const parsed = parseValues(outcomeForm(facts.receivedDay), values);
  if (!parsed.ok) return invalid(parsed.failure);
  const result = await recordOutcome(request, user.id, caseId, parsed.data);
  if (!result.saved && "closedAt" in result) return closedError("outcome", result, values);
  if (!result.saved) return staleVersion(values, result.current, result.changes, outcomeFieldLabels);
  return done(reference, result.version === 1 ? "Outcome recorded" : "Outcome revised");
}

async function onwardReferral({ request, user, caseId, reference, values }: Sent): Promise<Answer> {
  const facts = await allegationFacts(caseId);
  if (!facts.isAllegation) return invalid({ errors: { body: NOT_ALLEGATION_MESSAGE }, values });
  const parsed = parseValues(onwardReferralForm(facts.receivedDay), values);
  if (!parsed.ok) return invalid(parsed.failure);
  const result = await recordOnwardReferral(request, user.id, caseId, parsed.data);
  if (!result.saved) return closedError("body", result, values);
  return done(reference, `Referral to the ${onwardBodyLabels[parsed.data.body]} recorded`, "#onward-referrals");
}

async function letter({ request, user, caseId, reference, values }: Sent): Promise<Answer> {
  const parsed = parseValues(outcomeLetterForm, values);
  if (!parsed.ok) return invalid(parsed.failure);
  const result = await sendOutcomeLetter(request, user, caseId, parsed.data);
  if (!result.sent) return invalid({ errors: result.errors, values });
  const to = parsed.data.recipient === "EMPLOYER" ? "the employer" : "the person";
  return done(
    reference,
    parsed.data.method === "EMAIL" ? `Outcome letter made and emailed to ${to}` : `Outcome letter made: print it and post it to ${to}`,
    "#outcome-letters",
  );
}

export const outcomeForms: Record<(typeof OUTCOME_INTENTS)[keyof typeof OUTCOME_INTENTS], (sent: Sent) => Promise<Answer>> = {
  [OUTCOME_INTENTS.outcome]: outcome,
  [OUTCOME_INTENTS.onwardReferral]: onwardReferral,
  [OUTCOME_INTENTS.letter]: letter,
};
