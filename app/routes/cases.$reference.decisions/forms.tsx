// The decisions section's forms: the initial consideration, the threshold
// decision (both in one form for a case's first decision, so a LADO records
// them at one sitting), and a cause for concern's agreement with the employer
// and its result. Each form says which it is with `intent`; the page puts the
// one error summary above them all.
import type { ReactNode } from "react";
import type { EmployerInvestigation } from "~/generated/prisma/client";
import { DecisionCategory, EmployerResult, HarmCategory, HarmCriterion, ImmediateAction } from "~/generated/prisma/enums";
import { Checkboxes, DateInput, Radios, Textarea, TextInput, YesNo, type FieldState } from "~/components/form-fields";
import { ChangeDetails, dateParts, stateFor, SubmitButton } from "~/components/section-forms";
import { StaffForm } from "~/components/staff-form";
import {
  decisionHints,
  decisionLabels,
  employerResultLabels,
  harmCategoryLabels,
  harmCriterionLabels,
  immediateActionLabels,
} from "~/triage/labels";
import { londonDay, storedDay } from "~/utils/dates";

export { ChangeDetails, stateFor };

// ---------------------------------------------------------------------------
// Initial consideration

export type ConsiderationRecord = {
  priorHistorySeen: boolean | null;
  immediateActions: ImmediateAction[];
  immediateActionDetail: string | null;
  initialConsideration: string | null;
};

/** The recorded answers as the change form's fields. */
export function considerationFields(record: ConsiderationRecord): FieldState {
  return {
    values: {
      priorHistorySeen: record.priorHistorySeen === null ? "" : record.priorHistorySeen ? "yes" : "no",
      immediateActions: record.immediateActions,
      immediateActionDetail: record.immediateActionDetail ?? "",
      considerationNotes: record.initialConsideration ?? "",
    },
  };
}

function ConsiderationFields({ state }: { state?: FieldState }) {
  const actions = Object.values(ImmediateAction).filter((a) => a !== "NONE");
  return (
    <>
      <YesNo
        name="priorHistorySeen"
        legend="Have you seen the prior history of this person and setting?"
        hint="Earlier contacts about the same person, and about the same setting in the last three years"
        state={state}
      />
      <Checkboxes
        name="immediateActions"
        legend="Immediate action"
        hint="Select all that apply"
        options={[
          ...actions.map((a) => ({
            value: a,
            label: immediateActionLabels[a],
            conditional:
              a === "OTHER" ? <TextInput name="immediateActionDetail" label="What was done" state={state} spellCheck /> : undefined,
          })),
          { value: "NONE", label: immediateActionLabels.NONE, exclusive: true },
        ]}
        state={state}
      />
      <Textarea
        name="considerationNotes"
        label="Notes (optional)"
        hint="What the prior-history check found, and why the action was or was not needed"
        rows={4}
        state={state}
      />
    </>
  );
}

/** Changing a recorded initial consideration: the first recording's time stays the one met or missed is counted from. */
export function ConsiderationForm({ state }: { state?: FieldState }) {
  return (
    <StaffForm noValidate>
      <ConsiderationFields state={state} />
      <SubmitButton intent="consider">Save initial consideration</SubmitButton>
    </StaffForm>
  );
}

// ---------------------------------------------------------------------------
// Threshold decision

function DecisionFields({ state, basedOn, harmCategories }: { state?: FieldState; basedOn: number; harmCategories: HarmCategory[] }) {
  return (
    <>
      {/* The revision this decision follows: from the page as loaded, never from what was sent back. */}
      <input type="hidden" name="basedOn" value={basedOn} />
      <Radios
        name="category"
        legend="Threshold decision"
        options={Object.values(DecisionCategory).map((c) => ({ value: c, label: decisionLabels[c], hint: decisionHints[c] }))}
        state={state}
      />
      <Checkboxes
        name="harmCriteria"
        legend="Harm-threshold criteria met"
        hint="For an allegation, select all that apply. Leave these empty for any other decision. The person has, or may have:"
        options={Object.values(HarmCriterion).map((c) => ({ value: c, label: harmCriterionLabels[c] }))}
        state={state}
      />
      <Checkboxes
        name="harmCategories"
        legend="Categories of harm"
        hint="As the referrer reported them to start with: change them if they do not fit"
        options={Object.values(HarmCategory).map((c) => ({ value: c, label: harmCategoryLabels[c] }))}
        defaultValues={harmCategories}
        state={state}
      />
      <Textarea
        name="rationale"
        label="Rationale"
        hint="Why this decision: what it rests on, and what was weighed"
        rows={6}
        state={state}
      />
    </>
  );
}

type DecisionFormProps = { state?: FieldState; basedOn: number; harmCategories: HarmCategory[] };

/** A decision on a case whose initial consideration is recorded: the first, or a revision. */
export function DecisionForm({ submit, ...props }: DecisionFormProps & { submit: string }) {
  return (
    <StaffForm noValidate>
      <DecisionFields {...props} />
      <SubmitButton intent="decide">{submit}</SubmitButton>
    </StaffForm>
  );
}

/**
 * The initial consideration and the first decision together: one form, sent
 * with both (the consideration recorded at the decision's time), or with the
 * consideration only when the decision must wait.
 */
export function FirstDecisionForm({ considerationPart, ...props }: DecisionFormProps & { considerationPart: ReactNode }) {
  return (
    <StaffForm noValidate>
      {considerationPart}
      <ConsiderationFields state={props.state} />
      <h3 className="govuk-heading-m">Threshold decision</h3>
      <DecisionFields {...props} />
      <div className="govuk-button-group">
        <SubmitButton intent="consider-and-decide">Save consideration and decision</SubmitButton>
        <SubmitButton intent="consider" secondary>
          Save consideration only
        </SubmitButton>
      </div>
    </StaffForm>
  );
}

// ---------------------------------------------------------------------------
// Cause for concern

type Investigation = Pick<EmployerInvestigation, "agreedActions" | "investigator" | "resultCode" | "result"> & {
  agreedAt: Date | string;
  reportBackBy: Date | string | null;
  resultReceivedAt: Date | string | null;
};

/** The agreement as its form's fields; for a new one, agreed today (London) by default. */
export function agreementFields(investigation: Investigation | null, today: string): FieldState {
  if (!investigation) return { values: dateParts("agreedAt", today) };
  return {
    values: {
      agreedActions: investigation.agreedActions,
      ...dateParts("agreedAt", londonDay(investigation.agreedAt)),
      investigator: investigation.investigator ?? "",
      ...dateParts("reportBackBy", storedDay(investigation.reportBackBy)),
    },
  };
}

/** The result as its form's fields; for a new one, received today (London) by default. */
export function resultFields(investigation: Investigation, today: string): FieldState {
  if (!investigation.resultCode && !investigation.result) return { values: dateParts("resultReceivedAt", today) };
  return {
    values: {
      resultCode: investigation.resultCode ?? "",
      result: investigation.result ?? "",
      ...dateParts("resultReceivedAt", investigation.resultReceivedAt ? londonDay(investigation.resultReceivedAt) : null),
    },
  };
}

export function AgreementForm({ state, submit }: { state?: FieldState; submit: string }) {
  return (
    <StaffForm noValidate>
      <Textarea
        name="agreedActions"
        label="What was agreed with the employer"
        hint="What the employer will look into, and how"
        rows={4}
        state={state}
      />
      <DateInput name="agreedAt" legend="Date agreed" hint="For example, 27 3 2026" state={state} />
      <TextInput name="investigator" label="Investigator (optional)" hint="Name and role" state={state} />
      <DateInput name="reportBackBy" legend="Report back by" hint="The date the employer will tell the LADO its result" state={state} />
      <SubmitButton intent="agreement">{submit}</SubmitButton>
    </StaffForm>
  );
}

export function ResultForm({ state, submit }: { state?: FieldState; submit: string }) {
  return (
    <StaffForm noValidate>
      <Radios
        name="resultCode"
        legend="The employer's result"
        options={Object.values(EmployerResult).map((r) => ({ value: r, label: employerResultLabels[r] }))}
        state={state}
      />
      <Textarea name="result" label="What the employer found and did" rows={4} state={state} />
      <DateInput name="resultReceivedAt" legend="Date received" hint="For example, 27 3 2026" state={state} />
      <SubmitButton intent="result">{submit}</SubmitButton>
    </StaffForm>
  );
}
