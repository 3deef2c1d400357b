// The employer's actions form sent (intent "employer-action"): checked with
// its schema (400 with the answers kept), saved as the next version (409 with
// what changed since, when the form was made from an older one), then back
// to the section with a message.
import { redirect } from "@remix-run/node";
import { allegationFacts, closedCaseMessage, NOT_ALLEGATION_MESSAGE } from "~/allegations/allegation.server";
import { employerActionFieldLabels, recordEmployerAction } from "~/allegations/employer-action.server";
import { sectionPath } from "~/cases/sections";
import { staleVersion } from "~/cases/versions.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseValues, type FormValues } from "~/utils/forms.server";
import { employerActionForm } from "./employer-action.schema.server";

type Sent = { request: Request; userId: string; caseId: string; reference: string; values: FormValues };

export async function handleEmployerAction({ request, userId, caseId, reference, values }: Sent) {
  const facts = await allegationFacts(caseId);
  if (!facts.isAllegation) return invalid({ errors: { suspensionConsidered: NOT_ALLEGATION_MESSAGE }, values });
  const parsed = parseValues(employerActionForm(facts.receivedDay), values);
  if (!parsed.ok) return invalid(parsed.failure);
  const result = await recordEmployerAction(request, userId, caseId, parsed.data);
  if (!result.saved && "closedAt" in result) {
    return invalid({ errors: { suspensionConsidered: closedCaseMessage(result.closedAt) }, values }, 409);
  }
  if (!result.saved) return staleVersion(values, result.current, result.changes, employerActionFieldLabels);
  return redirect(sectionPath(reference, "employer"), { headers: { "Set-Cookie": await setFlash("The employer's actions are saved") } });
}
