// The employer's actions: what is recorded (with the written confirmation of
// a suspension met or late against its due day), and the one form that
// records or changes it (intent "employer-action"), carrying the version it
// was made from.
import type { ReactNode } from "react";
import { employerFinalActionLabels, suspensionAlternativeLabels } from "~/allegations/labels";
import type { ConfirmationState, SuspensionConfirmation } from "~/allegations/suspension";
import { list, Part, yesNo } from "~/cases/case-page";
import { Checkboxes, DateInput, Radios, Textarea, TextInput, YesNo, type FieldState } from "~/components/form-fields";
import { ChangeDetails, dateParts, stateFor, SubmitButton, VersionField } from "~/components/section-forms";
import { StaffForm } from "~/components/staff-form";
import { SummaryList } from "~/components/summary-list";
import { EmployerFinalAction, SuspensionAlternative } from "~/generated/prisma/enums";
import { calendarDate, storedDay } from "~/utils/dates";

export const EMPLOYER_ACTION_INTENT = "employer-action";

/** A @db.Date as it comes from the loader: midnight UTC names the day. */
type Day = Date | string;

export type EmployerActionRecord = {
  suspensionConsidered: boolean;
  alternativesConsidered: SuspensionAlternative[];
  alternativesRejected: string | null;
  notSuspendedReason: string | null;
  suspended: boolean;
  suspendedAt: Day | null;
  suspensionAgreedBy: string | null;
  suspensionRationale: string | null;
  writtenConfirmationAt: Day | null;
  namedContact: string | null;
  suspensionReviewDates: Day[];
  suspensionEndedAt: Day | null;
  redeployed: boolean;
  redeployedAt: Day | null;
  returnedToWorkAt: Day | null;
  finalAction: EmployerFinalAction | null;
  finalActionAt: Day | null;
  finalActionDetail: string | null;
  version: number;
};

const shown = (d: Day | null) => (d ? calendarDate(d) : null);
const yes = (v: boolean) => (v ? "yes" : "no");

const confirmationTags: Record<ConfirmationState, { text: string; colour: string }> = {
  met: { text: "Met", colour: "green" },
  late: { text: "Late", colour: "red" },
  due: { text: "Due", colour: "yellow" },
  overdue: { text: "Overdue", colour: "red" },
};

/** "3 March 2026 Met (due by 3 March 2026)", or while not sent, "Overdue: due by ...". */
function Confirmation({ at, confirmation }: { at: Day | null; confirmation: SuspensionConfirmation | null }) {
  if (!confirmation) return shown(at);
  const tag = confirmationTags[confirmation.state];
  return (
    <>
      {at ? `${calendarDate(at)} ` : "Not sent yet "}
      <strong className={`govuk-tag govuk-tag--${tag.colour}`}>{tag.text}</strong> due by {calendarDate(confirmation.dueBy)}
    </>
  );
}

/** What the employer did, as recorded. */
export function EmployerActionSummary({
  record: e,
  confirmation,
}: {
  record: EmployerActionRecord;
  confirmation: SuspensionConfirmation | null;
}) {
  return (
    <>
      <Part title="Suspension">
        <SummaryList
          rows={[
            ["Suspension considered", yesNo(e.suspensionConsidered)],
            ["Alternatives considered", list(e.alternativesConsidered.map((a) => suspensionAlternativeLabels[a]))],
            ["Why the alternatives were rejected", e.alternativesRejected],
            ["Suspended", e.suspended ? `Yes${e.suspendedAt ? `, from ${calendarDate(e.suspendedAt)}` : ""}` : "No"],
            ...(e.suspended
              ? ([
                  ["Agreed by", e.suspensionAgreedBy],
                  ["Rationale", e.suspensionRationale],
                  ["Written confirmation", <Confirmation key="confirmation" at={e.writtenConfirmationAt} confirmation={confirmation} />],
                  ["Named contact for the person", e.namedContact],
                  ["Review dates", list(e.suspensionReviewDates.map((d) => calendarDate(d)))],
                  ["Suspension ended", shown(e.suspensionEndedAt)],
                ] as [string, ReactNode][])
              : ([["Why not suspended", e.notSuspendedReason]] as [string, ReactNode][])),
            ["Redeployed", e.redeployed ? `Yes${e.redeployedAt ? `, from ${calendarDate(e.redeployedAt)}` : ""}` : "No"],
            ["Returned to work", shown(e.returnedToWorkAt)],
          ]}
        />
      </Part>
      <Part title="Final action">
        <SummaryList
          rows={[
            ["Action", e.finalAction ? employerFinalActionLabels[e.finalAction] : "Not yet known"],
            ["Date", shown(e.finalActionAt)],
            ["Detail", e.finalActionDetail],
          ]}
        />
      </Part>
    </>
  );
}

/** The recorded actions as the form's fields. */
function employerActionFields(e: EmployerActionRecord | null): FieldState {
  if (!e) return { values: {} };
  return {
    values: {
      suspensionConsidered: yes(e.suspensionConsidered),
      alternativesConsidered: e.alternativesConsidered,
      alternativesRejected: e.alternativesRejected ?? "",
      suspended: yes(e.suspended),
      notSuspendedReason: e.notSuspendedReason ?? "",
      ...dateParts("suspendedAt", storedDay(e.suspendedAt)),
      suspensionAgreedBy: e.suspensionAgreedBy ?? "",
      suspensionRationale: e.suspensionRationale ?? "",
      ...dateParts("writtenConfirmationAt", storedDay(e.writtenConfirmationAt)),
      namedContact: e.namedContact ?? "",
      ...Object.assign({}, ...e.suspensionReviewDates.map((d, i) => dateParts(`reviewDate${i + 1}`, storedDay(d)))),
      ...dateParts("suspensionEndedAt", storedDay(e.suspensionEndedAt)),
      redeployed: yes(e.redeployed),
      ...dateParts("redeployedAt", storedDay(e.redeployedAt)),
      ...dateParts("returnedToWorkAt", storedDay(e.returnedToWorkAt)),
      finalAction: e.finalAction ?? "",
      ...dateParts("finalActionAt", storedDay(e.finalActionAt)),
      finalActionDetail: e.finalActionDetail ?? "",
    },
  };
}

/** How many review date boxes to show: one more than those recorded or sent, up to `max`. */
function reviewBoxes(state: FieldState, max: number) {
  let last = 0;
  for (let i = 1; i <= max; i++) {
    if (["day", "month", "year"].some((p) => state.values?.[`reviewDate${i}-${p}`])) last = i;
  }
  return Math.min(last + 1, max);
}

function SuspensionDetails({ state, maxReviews }: { state: FieldState; maxReviews: number }) {
  return (
    <>
      <DateInput name="suspendedAt" legend="Date of suspension" hint="For example, 27 3 2026" state={state} />
      <TextInput name="suspensionAgreedBy" label="Who agreed the suspension" hint="Name and role" state={state} />
      <Textarea
        name="suspensionRationale"
        label="Rationale for suspension"
        hint="Why suspension, rather than an alternative, was needed to keep children safe"
        rows={4}
        state={state}
      />
      <DateInput
        name="writtenConfirmationAt"
        legend="Date the suspension was confirmed in writing (optional)"
        hint="Leave blank until the person has been sent written confirmation"
        state={state}
      />
      <TextInput name="namedContact" label="Named contact for the person (optional)" hint="Who keeps in touch with them" state={state} />
      {Array.from({ length: reviewBoxes(state, maxReviews) }, (_, i) => (
        <DateInput
          key={i}
          name={`reviewDate${i + 1}`}
          legend={`Review date ${i + 1} (optional)`}
          hint={i === 0 ? "When the suspension is or was reviewed. Save to add another." : undefined}
          state={state}
        />
      ))}
      <DateInput name="suspensionEndedAt" legend="Date the suspension ended (optional)" state={state} />
    </>
  );
}

function EmployerActionFields({ state, maxReviews }: { state: FieldState; maxReviews: number }) {
  return (
    <>
      <YesNo name="suspensionConsidered" legend="Was suspension considered?" state={state} />
      <Checkboxes
        name="alternativesConsidered"
        legend="Alternatives to suspension considered"
        hint="Select all that apply"
        options={Object.values(SuspensionAlternative).map((a) => ({ value: a, label: suspensionAlternativeLabels[a] }))}
        state={state}
      />
      <Textarea
        name="alternativesRejected"
        label="Why the alternatives were rejected"
        hint="Needed if the person was suspended after alternatives were considered"
        rows={3}
        state={state}
      />
      {/* Follow-up questions stand after their question rather than revealed by it: GOV.UK Frontend's reveal marks a radio aria-expanded, which a radio may not carry. */}
      <YesNo name="suspended" legend="Was the person suspended?" state={state} />
      <Textarea
        name="notSuspendedReason"
        label="If not suspended: why not"
        hint="Needed if suspension was considered"
        rows={3}
        state={state}
      />
      <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">If suspended: the suspension</legend>
        <SuspensionDetails state={state} maxReviews={maxReviews} />
      </fieldset>
      <YesNo name="redeployed" legend="Was the person redeployed?" state={state} />
      <DateInput name="redeployedAt" legend="If redeployed: date of redeployment" state={state} />
      <DateInput name="returnedToWorkAt" legend="Date the person returned to work (optional)" state={state} />
      <Radios
        name="finalAction"
        legend="The employer's final action"
        options={[
          { value: "", label: "Not known yet" },
          ...Object.values(EmployerFinalAction).map((a) => ({ value: a, label: employerFinalActionLabels[a] })),
        ]}
        state={state}
      />
      <DateInput name="finalActionAt" legend="Date of the final action" hint="Needed with a final action" state={state} />
      <Textarea
        name="finalActionDetail"
        label="Detail of the final action (optional)"
        hint="Needed for another action: say what it was"
        rows={3}
        state={state}
      />
    </>
  );
}

/** The form, open with the answer of a refused save, else holding what is recorded. */
export function EmployerActionForm({
  record,
  result,
  maxReviews,
}: {
  record: EmployerActionRecord | null;
  result?: FieldState;
  maxReviews: number;
}) {
  const sent = stateFor(result, EMPLOYER_ACTION_INTENT);
  const state = sent ?? employerActionFields(record);
  const form = (
    <StaffForm noValidate>
      <VersionField state={state} recorded={record?.version} />
      <EmployerActionFields state={state} maxReviews={maxReviews} />
      <SubmitButton intent={EMPLOYER_ACTION_INTENT}>Save the employer&apos;s actions</SubmitButton>
    </StaffForm>
  );
  if (!record) {
    return <Part title="Record the employer's actions">{form}</Part>;
  }
  return (
    <ChangeDetails summary="Change the employer's actions" open={sent !== undefined}>
      {form}
    </ChangeDetails>
  );
}
