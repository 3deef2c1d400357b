// The police section's forms: the involvement (record, then change), an
// update from the police, a challenge or escalation, the police's answer to
// one, and children's social care's section 47 enquiry. Field names differ
// from form to form, so each id is unique on the page.
import { challengeKindLabels, policeStatusLabels } from "~/allegations/labels";
import { DateInput, Radios, Textarea, TextInput, YesNo, type FieldState } from "~/components/form-fields";
import { dateParts, SubmitButton, VersionField } from "~/components/section-forms";
import { StaffForm } from "~/components/staff-form";
import { ChallengeKind, PoliceStatus } from "~/generated/prisma/enums";
import { londonDate, londonDay, storedDay } from "~/utils/dates";

type Form = { state?: FieldState; submit: string };
type Day = Date | string | null;

const statusOptions = Object.values(PoliceStatus).map((s) => ({ value: s, label: policeStatusLabels[s] }));
/** A timestamp's London day. */
const dayOf = (d: Day) => (d ? londonDay(d) : null);

export type InvolvementRecord = {
  version: number;
  status: PoliceStatus;
  force: string | null;
  reference: string | null;
  officerName: string | null;
  officerContact: string | null;
  informedAt: Day;
  openedAt: Day;
  concludedAt: Day;
};

/** The recorded involvement as the change form's fields (a new one: version 0). */
export function involvementFields(p: InvolvementRecord | null): FieldState {
  if (!p) return { values: { version: "0" } };
  return {
    values: {
      version: String(p.version),
      status: p.status,
      force: p.force ?? "",
      reference: p.reference ?? "",
      officerName: p.officerName ?? "",
      officerContact: p.officerContact ?? "",
      ...dateParts("informedAt", dayOf(p.informedAt)),
      ...dateParts("openedAt", dayOf(p.openedAt)),
      ...dateParts("concludedAt", dayOf(p.concludedAt)),
    },
  };
}

export function InvolvementForm({ state, submit }: Form) {
  return (
    <StaffForm noValidate>
      <VersionField state={state} />
      <Radios name="status" legend="What the police are doing" options={statusOptions} state={state} />
      <TextInput name="force" label="Force (optional)" state={state} />
      <TextInput name="reference" label="Police reference (optional)" hint="The crime or incident number" width={20} state={state} />
      <TextInput name="officerName" label="Officer in the case (optional)" hint="Rank and name" state={state} />
      <TextInput name="officerContact" label="Officer's contact details (optional)" hint="Telephone or email" state={state} />
      <DateInput name="informedAt" legend="Date the police were informed (optional)" hint="For example, 27 3 2026" state={state} />
      <DateInput
        name="openedAt"
        legend="Date the investigation opened (optional)"
        hint="The police-delay flag counts from this date, or else from the date informed"
        state={state}
      />
      <DateInput name="concludedAt" legend="Date the police concluded (optional)" state={state} />
      <SubmitButton intent="involvement">{submit}</SubmitButton>
    </StaffForm>
  );
}

/** A new entry's date, today unless the form came back with another. */
export const todayFields = (name: string, today: string): FieldState => ({ values: dateParts(name, today) });

export function UpdateForm({ state }: { state?: FieldState }) {
  return (
    <StaffForm noValidate>
      <DateInput name="updateDate" legend="Date of the update" state={state} />
      <Radios name="updateStatus" legend="What the police are doing now" options={statusOptions} state={state} />
      <Textarea name="updateNote" label="What the police said" rows={4} state={state} />
      <SubmitButton intent="update">Save the update</SubmitButton>
    </StaffForm>
  );
}

export function ChallengeForm({ state }: { state?: FieldState }) {
  return (
    <StaffForm noValidate>
      <DateInput name="challengeDate" legend="Date of the challenge or escalation" state={state} />
      <Radios
        name="challengeKind"
        legend="Challenge or escalation"
        inline
        options={Object.values(ChallengeKind).map((k) => ({ value: k, label: challengeKindLabels[k] }))}
        state={state}
      />
      <TextInput name="challengeTo" label="Who you asked" hint="The officer in the case, or the rank you escalated to" state={state} />
      <Textarea name="challengeDetail" label="What you asked" rows={4} state={state} />
      <SubmitButton intent="challenge">Save the challenge</SubmitButton>
    </StaffForm>
  );
}

export type OpenChallenge = { id: string; at: Date | string; kind: ChallengeKind; toWhom: string | null };

export function AnswerForm({ state, open }: { state?: FieldState; open: OpenChallenge[] }) {
  return (
    <StaffForm noValidate>
      <Radios
        name="challengeId"
        legend="Which challenge the police answered"
        options={open.map((c) => ({
          value: c.id,
          label: `${challengeKindLabels[c.kind]} of ${londonDate(c.at)}${c.toWhom ? `, to ${c.toWhom}` : ""}`,
        }))}
        state={state}
      />
      <Textarea name="response" label="The police's answer" rows={4} state={state} />
      <DateInput name="answeredAt" legend="Date answered" state={state} />
      <SubmitButton intent="answer">Save the answer</SubmitButton>
    </StaffForm>
  );
}

export type Section47Record = {
  version: number;
  referredAt: Day;
  held: boolean;
  startedAt: Day;
  result: string | null;
};

/** The recorded enquiry as the change form's fields (none yet: version 0). */
export function section47Fields(s: Section47Record | null): FieldState {
  if (!s) return { values: { version: "0" } };
  return {
    values: {
      version: String(s.version),
      held: s.held ? "yes" : "no",
      result: s.result ?? "",
      ...dateParts("referredAt", storedDay(s.referredAt)),
      ...dateParts("startedAt", storedDay(s.startedAt)),
    },
  };
}

export function Section47Form({ state, submit }: Form) {
  return (
    <StaffForm noValidate>
      <VersionField state={state} />
      <DateInput name="referredAt" legend="Date referred to children's social care (optional)" state={state} />
      <YesNo name="held" legend="Did children's social care hold a section 47 enquiry?" state={state} />
      <DateInput name="startedAt" legend="Date the enquiry started (optional)" state={state} />
      <Textarea name="result" label="Result (optional)" hint="What the enquiry found, and what follows from it" rows={4} state={state} />
      <SubmitButton intent="section47">{submit}</SubmitButton>
    </StaffForm>
  );
}
