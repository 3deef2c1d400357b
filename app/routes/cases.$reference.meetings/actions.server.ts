// What each of the meetings section's forms does when sent: check it with its
// schema (400 with the answers kept), make the change through the allegation
// rules, and come back to the section with a message. A save from an
// out-of-date page is a 409 naming what changed, with the answers kept.
// "Add another attendee" and "Add another action" save nothing: the record
// form comes back with what was typed and one more row.
import { data, redirect } from "@remix-run/node";
import { actionFieldLabels, addAction, unknownOwners, updateAction, type Saved } from "~/allegations/actions.server";
import { allegationFacts, allegationProblem } from "~/allegations/allegation.server";
import { cancelMeeting, meetingFieldLabels, recordMeeting, scheduleMeeting, sendMinutes } from "~/allegations/meetings.server";
import { staleVersion } from "~/cases/versions.server";
import { sectionPath } from "~/cases/sections";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseValues, type FormFailure, type FormValues } from "~/utils/forms.server";
import { actionForm, actionUpdateForm, cancelForm, minutesForm, recordForm, scheduleForm, type Intent } from "./schema.server";
import { ROWS, rowCount } from "./rows";

type Sent = { request: Request; user: { id: string; name: string }; caseId: string; reference: string; values: FormValues };
type Answer = Response | ReturnType<typeof invalid>;

const here = (reference: string, anchor = "") => `${sectionPath(reference, "meetings")}${anchor}`;

async function done(to: string, message: string) {
  return redirect(to, { headers: { "Set-Cookie": await setFlash(message) } });
}

const notFound = () => data({ message: "not-found" }, { status: 404 });

/** The answer to a versioned save that did not go through: 404, the problem on the form, or the later changes. */
function refused(result: Exclude<Saved, { saved: true }>, values: FormValues, labels: Record<string, string>): Answer {
  if ("missing" in result) throw notFound();
  if ("problem" in result) return invalid({ errors: { version: result.problem }, values }, 409);
  return staleVersion(values, result.stale.current, result.stale.changes, labels);
}

/** The case's facts for a form, or the refusal when it is not an allegation or is closed. */
async function facts(caseId: string, values: FormValues, field: string) {
  const found = await allegationFacts(caseId);
  const problem = allegationProblem(found);
  return problem
    ? { refusal: invalid({ errors: { [field]: problem }, values }, found.isAllegation ? 409 : 400) }
    : { receivedDay: found.receivedDay };
}

async function schedule({ request, user, caseId, reference, values }: Sent): Promise<Answer> {
  const found = await facts(caseId, values, "type");
  if (found.refusal) return found.refusal;
  const parsed = parseValues(scheduleForm(found.receivedDay), values);
  if (!parsed.ok) return invalid(parsed.failure);
  const id = await scheduleMeeting(request, user.id, caseId, parsed.data);
  return done(here(reference, `#meeting-${id}`), "Meeting scheduled");
}

const rowsOf = (values: FormValues) => ({
  attendees: rowCount(values.attendeeRows, ROWS.attendees, ROWS.maxAttendees),
  actions: rowCount(values.actionRows, ROWS.actions, ROWS.maxActions),
});

/** The record form again, as typed, with one more row of attendees or actions. */
function moreRows({ values }: Sent, kind: "attendees" | "actions"): Answer {
  const rows = rowsOf(values);
  const more =
    kind === "attendees"
      ? { attendeeRows: String(Math.min(rows.attendees + 1, ROWS.maxAttendees)), actionRows: String(rows.actions) }
      : { attendeeRows: String(rows.attendees), actionRows: String(Math.min(rows.actions + 1, ROWS.maxActions)) };
  return data<FormFailure>({ errors: {}, values: { ...values, ...more } });
}

/** Errors for the staff named as owners of actions who cannot own one, keyed by each row's field. */
function ownerErrors(values: FormValues, fields: string[]) {
  return unknownOwners(
    fields.map((field) => ({ field, userId: typeof values[field] === "string" && values[field] ? (values[field] as string) : null })),
  );
}

async function record(sent: Sent): Promise<Answer> {
  const { request, user, caseId, reference, values } = sent;
  const found = await facts(caseId, values, "version");
  if (found.refusal) return found.refusal;
  const rows = rowsOf(values);
  const parsed = parseValues(recordForm(found.receivedDay, rows), values);
  if (!parsed.ok) return invalid(parsed.failure);
  const owners = await ownerErrors(
    values,
    Array.from({ length: rows.actions }, (_, i) => `actionOwnerUser-${i + 1}`),
  );
  if (Object.keys(owners).length) return invalid({ errors: owners, values });
  const { meetingId, version, record: answers } = parsed.data;
  const result = await recordMeeting(request, user.id, caseId, meetingId, version, answers);
  if (!result.saved) return refused(result, values, meetingFieldLabels);
  return done(here(reference, `#meeting-${meetingId}`), "Meeting recorded");
}

async function cancel({ request, user, caseId, reference, values }: Sent): Promise<Answer> {
  const found = await facts(caseId, values, "cancelReason");
  if (found.refusal) return found.refusal;
  const parsed = parseValues(cancelForm, values);
  if (!parsed.ok) return invalid(parsed.failure);
  const { meetingId, version, cancelReason } = parsed.data;
  const result = await cancelMeeting(request, user.id, caseId, meetingId, version, cancelReason);
  if (!result.saved) return refused(result, values, meetingFieldLabels);
  return done(here(reference, `#meeting-${meetingId}`), "Meeting cancelled");
}

async function minutes({ request, user, caseId, reference, values }: Sent): Promise<Answer> {
  const parsed = parseValues(minutesForm, values);
  if (!parsed.ok) return invalid(parsed.failure);
  const { meetingId } = parsed.data;
  const result = await sendMinutes(request, user, caseId, meetingId);
  if (!result.sent && "missing" in result) throw notFound();
  if (!result.sent) return invalid({ errors: { version: result.problem }, values });
  const message = result.emailed
    ? `Minutes made and emailed to ${result.emailed === 1 ? "1 attendee" : `${result.emailed} attendees`}`
    : "Minutes made. No attendee has an email address: download them and share them securely";
  return done(here(reference, `#meeting-${meetingId}`), message);
}

async function newAction({ request, user, caseId, reference, values }: Sent): Promise<Answer> {
  const found = await facts(caseId, values, "description");
  if (found.refusal) return found.refusal;
  const parsed = parseValues(actionForm(found.receivedDay), values);
  if (!parsed.ok) return invalid(parsed.failure);
  const owners = await ownerErrors(values, ["ownerUser"]);
  if (Object.keys(owners).length) return invalid({ errors: owners, values });
  await addAction(request, user.id, caseId, parsed.data);
  return done(here(reference, "#actions"), "Action added");
}

async function changeAction({ request, user, caseId, reference, values }: Sent): Promise<Answer> {
  const found = await facts(caseId, values, "status");
  if (found.refusal) return found.refusal;
  const parsed = parseValues(actionUpdateForm(found.receivedDay), values);
  if (!parsed.ok) return invalid(parsed.failure);
  const { actionId, version, update } = parsed.data;
  const result = await updateAction(request, user.id, caseId, actionId, version, update);
  if (!result.saved) return refused(result, values, actionFieldLabels);
  return done(here(reference, `#action-${actionId}`), "Action updated");
}

export const handleForm: Record<Intent, (sent: Sent) => Promise<Answer>> = {
  schedule,
  record,
  "add-attendee": async (sent) => moreRows(sent, "attendees"),
  "add-action": async (sent) => moreRows(sent, "actions"),
  cancel,
  minutes,
  action: newAction,
  "action-update": changeAction,
};
