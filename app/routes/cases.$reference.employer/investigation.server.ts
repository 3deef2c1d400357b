// The employer section's investigation form when sent: checked with its
// schema (400, answers kept), refused on a case that is not an allegation,
// saved from the version it showed (409 with what changed since), then back
// to the section with a message.
import { redirect } from "@remix-run/node";
import { allegationFacts, allegationProblem } from "~/allegations/allegation.server";
import { recordEmployerInvestigation } from "~/allegations/employer-investigation.server";
import { sectionPath } from "~/cases/sections";
import { staleVersion } from "~/cases/versions.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseValues, type FormValues } from "~/utils/forms.server";
import { investigationForm, investigationLabels } from "./investigation.schema.server";

type Sent = { request: Request; userId: string; caseId: string; reference: string; values: FormValues };

export async function handleInvestigation({ request, userId, caseId, reference, values }: Sent) {
  const facts = await allegationFacts(caseId);
  const problem = allegationProblem(facts);
  if (problem) return invalid({ errors: { investigationAgreed: problem }, values }, 409);
  const parsed = parseValues(investigationForm(facts.receivedDay), values);
  if (!parsed.ok) return invalid(parsed.failure);
  const result = await recordEmployerInvestigation({ request, userId, caseId }, parsed.data.version, parsed.data.answers);
  if (!result.saved) return staleVersion(values, result.current, result.changes, investigationLabels);
  return redirect(`${sectionPath(reference, "employer")}#employer-investigation`, {
    headers: { "Set-Cookie": await setFlash("The employer's investigation is saved") },
  });
}
