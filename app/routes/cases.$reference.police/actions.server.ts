// What each of the police section's forms does when sent: check it with its
// schema (400 with the answers kept), save it through app/allegations/
// police.server.ts, and come back to the section with a message. A change
// made from an out-of-date version is refused (409) with what changed since.
import { redirect } from "@remix-run/node";
import { addChallenge, addUpdate, answerChallenge, recordInvolvement, recordSection47 } from "~/allegations/police.server";
import type { VersionedSave } from "~/allegations/versioned.server";
import { sectionPath } from "~/cases/sections";
import { staleVersion } from "~/cases/versions.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseValues, type FormValues } from "~/utils/forms.server";
import {
  answerForm,
  challengeForm,
  involvementForm,
  involvementLabels,
  section47Form,
  section47Labels,
  updateForm,
  type Intent,
} from "./schema.server";

export type Sent = { request: Request; userId: string; caseId: string; reference: string; receivedDay: string; values: FormValues };

async function done(reference: string, message: string, part: string) {
  return redirect(`${sectionPath(reference, "police")}#${part}`, { headers: { "Set-Cookie": await setFlash(message) } });
}

const change = ({ request, userId, caseId }: Sent) => ({ request, userId, caseId });

/** Without an involvement there is nothing to add an update or challenge to: the involvement form says so. */
const noInvolvement = (values: FormValues) =>
  invalid({ errors: { status: "Record the police involvement first, then its updates and challenges" }, values }, 409);

/** A versioned save's answer: on to the section, or the refusal with what changed since. */
async function saved(sent: Sent, result: VersionedSave, labels: Record<string, string>, message: string, part: string) {
  if (!result.saved) return staleVersion(sent.values, result.current, result.changes, labels);
  return done(sent.reference, message, part);
}

export const handleForm: Record<Intent, (sent: Sent) => Promise<Response | ReturnType<typeof invalid>>> = {
  involvement: async (sent) => {
    const parsed = parseValues(involvementForm(sent.receivedDay), sent.values);
    if (!parsed.ok) return invalid(parsed.failure);
    const result = await recordInvolvement(change(sent), parsed.data.version, parsed.data.answers);
    return saved(sent, result, involvementLabels, "Police involvement saved", "investigation");
  },
  update: async (sent) => {
    const parsed = parseValues(updateForm(sent.receivedDay), sent.values);
    if (!parsed.ok) return invalid(parsed.failure);
    if (!(await addUpdate(change(sent), parsed.data))) return noInvolvement(sent.values);
    return done(sent.reference, "Update from the police recorded", "updates");
  },
  challenge: async (sent) => {
    const parsed = parseValues(challengeForm(sent.receivedDay), sent.values);
    if (!parsed.ok) return invalid(parsed.failure);
    if (!(await addChallenge(change(sent), parsed.data))) return noInvolvement(sent.values);
    return done(sent.reference, "Challenge recorded", "challenges");
  },
  answer: async (sent) => {
    const parsed = parseValues(answerForm(sent.receivedDay), sent.values);
    if (!parsed.ok) return invalid(parsed.failure);
    const result = await answerChallenge(change(sent), parsed.data);
    if (!result.saved) return invalid({ errors: { [result.field]: result.message }, values: sent.values });
    return done(sent.reference, "The police's answer is recorded", "challenges");
  },
  section47: async (sent) => {
    const parsed = parseValues(section47Form(sent.receivedDay), sent.values);
    if (!parsed.ok) return invalid(parsed.failure);
    const result = await recordSection47(change(sent), parsed.data.version, parsed.data.answers);
    return saved(sent, result, section47Labels, "Children's social care saved", "social-care");
  },
};
