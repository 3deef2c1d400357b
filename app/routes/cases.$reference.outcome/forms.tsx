// The outcome section's parts: the DBS prompt, the outcome (recorded, then
// revised, with its version), the onward referrals with the form to add one,
// and the outcome letters with the form to send one. Each form says which it
// is with `intent`; the page puts the one error summary above them all.
import { sentBy } from "~/advice/labels";
import type { DbsDuty } from "~/allegations/dbs-duty";
import { onwardBodyLabels, outcomeLabels } from "~/allegations/labels";
import { outcomeDefinitions } from "~/allegations/outcome-guidance";
import { Part, yesNo } from "~/cases/case-page";
import { Checkboxes, DateInput, Radios, Select, Textarea, TextInput, type FieldState } from "~/components/form-fields";
import { NotificationBanner } from "~/components/notification-banner";
import { ChangeDetails, dateParts, stateFor, SubmitButton, VersionField } from "~/components/section-forms";
import { StaffForm } from "~/components/staff-form";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { LetterRecipient, OnwardBody, OutcomeType } from "~/generated/prisma/enums";
import { messageStatusLabels } from "~/messages/labels";
import { calendarDate, londonDate, londonDateTime, londonDay } from "~/utils/dates";
import { OUTCOME_INTENTS } from "./intents";

const recipientLabels: Record<LetterRecipient, string> = { EMPLOYER: "The employer", SUBJECT: "The person the allegation was about" };

/** The prompt to refer to the DBS, while the duty applies and no DBS referral is recorded. */
export function DbsPrompt({ duty }: { duty: DbsDuty }) {
  if (!duty.applies || duty.referred) return null;
  return (
    <NotificationBanner heading="Refer to the Disclosure and Barring Service (DBS)">
      <p className="govuk-body">{duty.reason}, so the duty to refer to the DBS applies.</p>
      <p className="govuk-body">
        <a className="govuk-notification-banner__link" href="#onward-referral-form">
          Record the DBS referral
        </a>{" "}
        once it is made.
      </p>
    </NotificationBanner>
  );
}

type Outcome = {
  version: number;
  outcome: OutcomeType;
  rationale: string;
  decidedAt: Date | string;
  personResigned: boolean;
  refusedToCooperate: boolean;
  recordedBy: { name: string } | null;
};

function outcomeFields(o: Outcome | null, today: string): FieldState {
  if (!o) return { values: dateParts("decidedAt", today) };
  return {
    values: {
      outcome: o.outcome,
      rationale: o.rationale,
      ...dateParts("decidedAt", londonDay(o.decidedAt)),
      circumstances: [o.personResigned ? "RESIGNED" : null, o.refusedToCooperate ? "REFUSED_TO_COOPERATE" : null].filter(
        (c): c is string => c !== null,
      ),
    },
  };
}

function OutcomeForm({ state, recorded, submit }: { state: FieldState; recorded?: number; submit: string }) {
  return (
    <StaffForm noValidate>
      <VersionField state={state} recorded={recorded} />
      <Radios
        name="outcome"
        legend="Outcome"
        hint="As Keeping children safe in education (Part 4) defines each"
        options={Object.values(OutcomeType).map((o) => ({ value: o, label: outcomeLabels[o], hint: outcomeDefinitions[o] }))}
        state={state}
      />
      <Textarea
        name="rationale"
        label="Rationale"
        hint="Why this outcome: the evidence it rests on, and what was weighed"
        rows={6}
        state={state}
      />
      <DateInput name="decidedAt" legend="Date of the outcome" hint="For example, 27 3 2026" state={state} />
      <Checkboxes
        name="circumstances"
        legend="Circumstances (optional)"
        hint="A conclusion is reached and recorded even if the person resigns or refuses to cooperate. Select any that apply."
        options={[
          { value: "RESIGNED", label: "The person resigned" },
          { value: "REFUSED_TO_COOPERATE", label: "The person refused to cooperate" },
        ]}
        state={state}
      />
      <SubmitButton intent={OUTCOME_INTENTS.outcome}>{submit}</SubmitButton>
    </StaffForm>
  );
}

/** The outcome as recorded, and the form to record or revise it. */
export function OutcomePart({
  outcome: o,
  canWrite,
  today,
  result,
}: {
  outcome: Outcome | null;
  canWrite: boolean;
  today: string;
  result?: FieldState;
}) {
  const sent = stateFor(result, OUTCOME_INTENTS.outcome);
  const state = sent ?? outcomeFields(o, today);
  return (
    <Part title="The outcome">
      {o ? (
        <SummaryList
          rows={[
            ["Outcome", outcomeLabels[o.outcome]],
            ["What it means", outcomeDefinitions[o.outcome]],
            ["Rationale", o.rationale],
            ["Date", `${londonDate(o.decidedAt)}${o.recordedBy ? `, recorded by ${o.recordedBy.name}` : ""}`],
            ["Person resigned", yesNo(o.personResigned)],
            ["Person refused to cooperate", yesNo(o.refusedToCooperate)],
          ]}
        />
      ) : (
        <p className="govuk-body">No outcome recorded yet.</p>
      )}
      {!canWrite ? null : o ? (
        <ChangeDetails summary="Revise the outcome" open={sent !== undefined}>
          <OutcomeForm state={state} recorded={o.version} submit="Save the revised outcome" />
        </ChangeDetails>
      ) : (
        <OutcomeForm state={state} submit="Save the outcome" />
      )}
    </Part>
  );
}

type Referral = {
  id: string;
  body: OnwardBody;
  referredAt: Date | string;
  referredBy: string | null;
  reference: string | null;
  detail: string | null;
};

/** The onward referrals made, and the form to add one. */
export function OnwardReferrals({
  referrals,
  canWrite,
  today,
  result,
}: {
  referrals: Referral[];
  canWrite: boolean;
  today: string;
  result?: FieldState;
}) {
  const state = stateFor(result, OUTCOME_INTENTS.onwardReferral) ?? { values: dateParts("referredAt", today) };
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="onward-referrals-title" id="onward-referrals" tabIndex={-1}>
      <h3 className="govuk-heading-m" id="onward-referrals-title">
        Onward referrals
      </h3>
      <Table
        caption="Onward referrals made"
        columns={[
          { header: "To", cell: (r) => onwardBodyLabels[r.body] },
          { header: "Date", cell: (r) => calendarDate(r.referredAt), className: "app-nowrap" },
          { header: "By", cell: (r) => r.referredBy ?? "" },
          { header: "Reference", cell: (r) => r.reference ?? "" },
          { header: "Detail", cell: (r) => r.detail ?? "", className: "app-pre-wrap" },
        ]}
        rows={referrals}
        rowKey={(r) => r.id}
        empty="No onward referral recorded."
      />
      {canWrite ? (
        <div id="onward-referral-form" tabIndex={-1}>
          <h4 className="govuk-heading-s">Add an onward referral</h4>
          <StaffForm noValidate>
            <Select
              name="body"
              label="Referred to"
              options={Object.values(OnwardBody).map((b) => ({ value: b, label: onwardBodyLabels[b] }))}
              state={state}
            />
            <DateInput name="referredAt" legend="Date of the referral" hint="For example, 27 3 2026" state={state} />
            <TextInput
              name="referredBy"
              label="Who made the referral"
              hint="For example, the LADO, or the employer's HR manager"
              state={state}
            />
            <TextInput name="reference" label="Their reference (optional)" width={20} spellCheck={false} state={state} />
            <Textarea name="detail" label="Detail (optional)" hint="Needed for another body: say which, and why" rows={3} state={state} />
            <SubmitButton intent={OUTCOME_INTENTS.onwardReferral}>Add the referral</SubmitButton>
          </StaffForm>
        </div>
      ) : null}
    </section>
  );
}

type Letter = {
  id: string;
  recipient: LetterRecipient;
  sentTo: string | null;
  createdAt: Date | string;
  createdBy: { name: string } | null;
  document: { id: string; filename: string; sha256: string; messages: { toAddress: string; status: keyof typeof messageStatusLabels }[] };
};

/** "by email to x@y (Sent)", "by post". */
function howSent(letter: Letter) {
  const message = letter.document.messages[0];
  if (!letter.sentTo) return sentBy.POST;
  return `${sentBy.EMAIL} to ${letter.sentTo}${message ? ` (${messageStatusLabels[message.status]})` : ""}`;
}

/** The outcome letters sent, each to download, and the form to send one. */
export function OutcomeLetters({
  letters,
  hasOutcome,
  employerEmail,
  canWrite,
  result,
}: {
  letters: Letter[];
  hasOutcome: boolean;
  employerEmail: string | null;
  canWrite: boolean;
  result?: FieldState;
}) {
  const state = stateFor(result, OUTCOME_INTENTS.letter) ?? { values: { email: employerEmail ?? "" } };
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="outcome-letters-title" id="outcome-letters" tabIndex={-1}>
      <h3 className="govuk-heading-m" id="outcome-letters-title">
        Outcome letters
      </h3>
      <Table
        caption="Outcome letters sent"
        columns={[
          {
            header: "Letter",
            cell: (l) => (
              <a className="govuk-link" href={`/documents/${l.document.id}`}>
                {l.document.filename}
              </a>
            ),
          },
          { header: "To", cell: (l) => recipientLabels[l.recipient] },
          { header: "Sent", cell: (l) => `${londonDateTime(l.createdAt)}${l.createdBy ? ` by ${l.createdBy.name}` : ""}` },
          { header: "How", cell: howSent },
        ]}
        rows={letters}
        rowKey={(l) => l.id}
        empty="No outcome letter sent yet."
      />
      {!canWrite ? null : hasOutcome ? (
        <StaffForm noValidate>
          <Radios
            name="recipient"
            legend="Send an outcome letter to"
            hint="The letter gives the outcome, what it means, and the guidance on personnel files and references that fits it. It is kept on the case exactly as sent."
            options={Object.values(LetterRecipient).map((r) => ({ value: r, label: recipientLabels[r] }))}
            state={state}
          />
          <Radios
            name="method"
            legend="How to send it"
            options={[
              { value: "EMAIL", label: "Email", hint: "As a file to download" },
              { value: "POST", label: "Post", hint: "Made here for you to print and post" },
            ]}
            state={state}
          />
          <TextInput name="email" label="If by email: email address" type="email" autoComplete="off" spellCheck={false} state={state} />
          <SubmitButton intent={OUTCOME_INTENTS.letter}>Send the letter</SubmitButton>
        </StaffForm>
      ) : (
        <p className="govuk-body" id="recipient">
          Record the outcome before sending an outcome letter.
        </p>
      )}
    </section>
  );
}
