// The employer's own investigation alongside the allegation, on the employer
// section: what is recorded, and the form to record or change it (intent
// "employer-investigation", carrying the version it was made from).
import { employerInvestigationStatusLabels } from "~/allegations/labels";
import { DateInput, Radios, Textarea, type FieldState } from "~/components/form-fields";
import { ChangeDetails, dateParts, stateFor, SubmitButton, VersionField } from "~/components/section-forms";
import { StaffForm } from "~/components/staff-form";
import { SummaryList } from "~/components/summary-list";
import { EmployerInvestigationStatus, EmployerResult } from "~/generated/prisma/enums";
import { employerResultLabels } from "~/triage/labels";
import { calendarDate, londonDate, storedDay } from "~/utils/dates";

export const INVESTIGATION_INTENT = "employer-investigation";

type Day = Date | string | null;

export type InvestigationRecord = {
  version: number;
  agreedActions: string;
  agreedAt: Date | string;
  investigator: string | null;
  status: EmployerInvestigationStatus | null;
  startedAt: Day;
  concludedAt: Day;
  resultCode: EmployerResult | null;
  result: string | null;
};

function fields(r: InvestigationRecord | null): FieldState {
  if (!r) return { values: { version: "0" } };
  return {
    values: {
      version: String(r.version),
      investigationAgreed: r.agreedActions,
      investigationStatus: r.status ?? "",
      investigationResultCode: r.resultCode ?? "",
      investigationResult: r.result ?? "",
      ...dateParts("investigationStartedAt", storedDay(r.startedAt)),
      ...dateParts("investigationConcludedAt", storedDay(r.concludedAt)),
    },
  };
}

function InvestigationForm({ state, submit }: { state: FieldState; submit: string }) {
  return (
    <StaffForm noValidate>
      <VersionField state={state} />
      <Textarea
        name="investigationAgreed"
        label="What the employer is investigating"
        hint="As agreed with the employer, for example at the evaluation meeting"
        rows={3}
        state={state}
      />
      <Radios
        name="investigationStatus"
        legend="Where the employer's investigation is"
        options={Object.values(EmployerInvestigationStatus).map((s) => ({ value: s, label: employerInvestigationStatusLabels[s] }))}
        state={state}
      />
      <DateInput name="investigationStartedAt" legend="Date it started (optional)" hint="For example, 27 3 2026" state={state} />
      <DateInput name="investigationConcludedAt" legend="Date it concluded" hint="Once concluded" state={state} />
      <Radios
        name="investigationResultCode"
        legend="The employer's result"
        hint="Once concluded"
        options={Object.values(EmployerResult).map((r) => ({ value: r, label: employerResultLabels[r] }))}
        state={state}
      />
      <Textarea name="investigationResult" label="Result notes (optional)" hint="What the employer found and did" rows={4} state={state} />
      <SubmitButton intent={INVESTIGATION_INTENT}>{submit}</SubmitButton>
    </StaffForm>
  );
}

export function EmployerInvestigation({
  record: r,
  canWrite,
  result,
}: {
  record: InvestigationRecord | null;
  canWrite: boolean;
  result?: FieldState;
}) {
  const sent = stateFor(result, INVESTIGATION_INTENT);
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="employer-investigation-title" id="employer-investigation" tabIndex={-1}>
      <h3 className="govuk-heading-m" id="employer-investigation-title">
        The employer&apos;s investigation
      </h3>
      {r ? (
        <SummaryList
          rows={[
            ["What the employer is investigating", `${r.agreedActions} (agreed ${londonDate(r.agreedAt)})`],
            ["Investigator", r.investigator],
            ["Status", r.status ? employerInvestigationStatusLabels[r.status] : null],
            ["Started", r.startedAt ? calendarDate(r.startedAt) : null],
            ["Concluded", r.concludedAt ? calendarDate(r.concludedAt) : null],
            ["Result", r.resultCode ? employerResultLabels[r.resultCode] : null],
            ["Result notes", r.result],
          ]}
        />
      ) : (
        <p className="govuk-body">No internal investigation by the employer recorded.</p>
      )}
      {canWrite ? (
        r ? (
          <ChangeDetails summary="Change the employer's investigation" open={sent !== undefined}>
            <InvestigationForm state={sent ?? fields(r)} submit="Save changes" />
          </ChangeDetails>
        ) : (
          <ChangeDetails summary="Record the employer's investigation" open={sent !== undefined}>
            <InvestigationForm state={sent ?? fields(null)} submit="Save the employer's investigation" />
          </ChangeDetails>
        )
      ) : null}
    </section>
  );
}
