// The fields of each contact section, shared by the public referral form (one
// section a page, speaking to the referrer) and the staff contact form (all
// sections on one page). Names match app/contacts/contact-fields.ts.
import { Checkboxes, DateInput, Radios, Select, Textarea, TextInput, type FieldState } from "~/components/form-fields";
import { allegationMadeByLabels, yesNoUnknownLabels } from "~/contacts/labels";
import { employmentBasisLabels, sectorLabels, sexLabels } from "~/people/labels";
import { harmCategoryLabels } from "~/triage/labels";
import { LIMITS } from "./limits";

type Props = { state?: FieldState; mode: "referral" | "staff" };

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const yesNoOptions = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

export function ReferrerFields({ state, mode }: Props) {
  const you = mode === "referral";
  return (
    <>
      <TextInput name="referrerName" label={you ? "Your full name" : "Referrer's name"} autoComplete={you ? "name" : "off"} state={state} />
      <TextInput
        name="referrerRole"
        label={you ? "Your role" : "Referrer's role"}
        hint="For example, designated safeguarding lead, headteacher, HR manager"
        state={state}
      />
      <TextInput
        name="organisationName"
        label={you ? "Your organisation" : "Referrer's organisation"}
        autoComplete={you ? "organization" : "off"}
        state={state}
      />
      <Select name="organisationSector" label="Type of organisation" options={options(sectorLabels)} state={state} />
      <TextInput name="referrerPhone" label="Telephone number" type="tel" autoComplete={you ? "tel" : "off"} width={20} state={state} />
      <TextInput
        name="referrerEmail"
        label="Email address"
        hint={you ? "We will send your receipt and reference number here" : undefined}
        type="email"
        autoComplete={you ? "email" : "off"}
        spellCheck={false}
        state={state}
      />
      <Radios
        name="seniorManagerAware"
        legend={
          you ? "Does your organisation's most senior manager know about this concern?" : "Does the organisation's senior manager know?"
        }
        hint="For example, the headteacher, or the chair of governors if the concern is about the headteacher"
        options={options(yesNoUnknownLabels)}
        state={state}
        inline
      />
    </>
  );
}

export function SubjectFields({ state, mode }: Props) {
  return (
    <>
      <Radios
        name="namedProfessional"
        legend="Do you know the person's name?"
        hint={
          mode === "referral"
            ? "If you only want advice and do not want to name them yet, choose no"
            : "Choose no to record advice with no named professional"
        }
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No, or not giving it" },
        ]}
        state={state}
        inline
      />
      <TextInput name="subjectFirstName" label="First name" autoComplete="off" state={state} />
      <TextInput name="subjectLastName" label="Last name" autoComplete="off" state={state} />
      <TextInput
        name="subjectPreviousNames"
        label="Previous names (optional)"
        hint="Separate names with commas"
        autoComplete="off"
        state={state}
      />
      <DateInput name="subjectDateOfBirth" legend="Date of birth (optional)" hint="For example, 27 3 1985" state={state} />
      <Radios name="subjectSex" legend="Sex (optional)" options={options(sexLabels)} state={state} inline />
      <TextInput name="subjectEthnicity" label="Ethnicity (optional)" autoComplete="off" state={state} />
      <Textarea name="subjectAddress" label="Home address (optional)" rows={3} maxLength={LIMITS.line} state={state} />
      <TextInput
        name="subjectJobTitle"
        label="Job title or role"
        hint="For example, teaching assistant, football coach, foster carer"
        autoComplete="off"
        state={state}
      />
      <TextInput name="subjectEmployer" label="Who they work or volunteer for" autoComplete="off" state={state} />
      <Select
        name="subjectEmploymentBasis"
        label="How they are employed (optional)"
        options={options(employmentBasisLabels)}
        state={state}
      />
      <DateInput name="subjectStartDate" legend="When they started there (optional)" state={state} />
      <Textarea
        name="subjectOtherWork"
        label="Other work or volunteering with children (optional)"
        maxLength={LIMITS.long}
        rows={3}
        state={state}
      />
      <Textarea
        name="subjectOwnChildren"
        label="Their own children, or children they care for (optional)"
        maxLength={LIMITS.long}
        rows={3}
        state={state}
      />
      <Textarea
        name="subjectPreviousConcerns"
        label="Previous concerns you know of (optional)"
        maxLength={LIMITS.long}
        rows={3}
        state={state}
      />
    </>
  );
}

export function ChildFields({ state, count }: { state?: FieldState; count: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => i + 1).map((n) => (
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={n}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Child {n}</legend>
          <TextInput name={`childAge-${n}`} label="Age in years" width={2} state={state} />
          <Radios name={`childSex-${n}`} legend="Sex" options={options(sexLabels)} state={state} inline />
          <TextInput
            name={`childSetting-${n}`}
            label="Where they know the person from"
            hint="For example, Year 6 at the school, the under-12s team"
            state={state}
          />
          <TextInput
            name={`childName-${n}`}
            label="Name (optional)"
            hint="Only if it helps us: we do not need it to start"
            autoComplete="off"
            state={state}
          />
        </fieldset>
      ))}
    </>
  );
}

export function IncidentFields({ state, mode }: Props) {
  return (
    <>
      <Checkboxes
        name="harmCategories"
        legend="What kind of concern is it?"
        hint="Select all that apply"
        options={[
          { value: "PHYSICAL", label: harmCategoryLabels.PHYSICAL },
          { value: "SEXUAL", label: harmCategoryLabels.SEXUAL },
          { value: "EMOTIONAL", label: harmCategoryLabels.EMOTIONAL },
          { value: "NEGLECT", label: harmCategoryLabels.NEGLECT },
          {
            value: "SUITABILITY",
            label: harmCategoryLabels.SUITABILITY,
            hint: "Conduct outside work that may make them unsuitable to work with children",
          },
          { value: "ONLINE_CONDUCT", label: harmCategoryLabels.ONLINE_CONDUCT },
        ]}
        state={state}
      />
      <Radios
        name="followedRestraint"
        legend="If physical, did it happen during an authorised restraint?"
        options={yesNoOptions}
        state={state}
        inline
      />
      <DateInput
        name="incidentDate"
        legend="When did it happen?"
        hint="If you are not sure, give your best estimate. For example, 14 11 2026"
        state={state}
      />
      <Radios name="moreThanOneIncident" legend="Has it happened more than once?" options={yesNoOptions} state={state} inline />
      <DateInput
        name="employerAwareDate"
        legend={mode === "referral" ? "When did your organisation find out? (optional)" : "When did the employer find out? (optional)"}
        state={state}
      />
      <TextInput name="incidentLocation" label="Where did it happen? (optional)" state={state} />
      <Textarea
        name="summary"
        label={mode === "referral" ? "Tell us what happened, in your own words" : "Summary of the contact"}
        hint={
          mode === "referral"
            ? "Include what was seen or said, by whom, and anything the child said. Do not wait to find out more before telling us"
            : undefined
        }
        rows={10}
        maxLength={LIMITS.summary}
        state={state}
      />
      <Radios name="allegationMadeBy" legend="Who raised the concern?" options={options(allegationMadeByLabels)} state={state} />
      <TextInput name="allegationMadeByDetail" label="Their role or relationship to the child (optional)" state={state} />
    </>
  );
}

export function ActionsFields({ state }: Props) {
  const ynu = options(yesNoUnknownLabels);
  return (
    <>
      <Radios name="policeInformed" legend="Have the police been told?" options={ynu} state={state} inline />
      <TextInput name="policeReference" label="Police reference (if you have one)" width={20} state={state} />
      <Radios name="socialCareInformed" legend="Has children's social care been told?" options={ynu} state={state} inline />
      <Radios name="parentsInformed" legend="Have the child's parents or carers been told?" options={ynu} state={state} inline />
      <Radios name="subjectAware" legend="Does the person know about the concern?" options={ynu} state={state} inline />
      <Radios
        name="suspendedOrRedeployed"
        legend="Has the person been suspended, or moved away from children?"
        options={ynu}
        state={state}
        inline
      />
      <Textarea name="actionsSoFar" label="Anything else that has been done (optional)" rows={4} maxLength={LIMITS.long} state={state} />
    </>
  );
}
