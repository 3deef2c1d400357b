// The fields of each contact section, shared by the public referral form (one
// section a page, speaking to the referrer) and the staff contact form (all
// sections on one page). Names match app/contacts/contact-fields.ts.
import { Checkboxes, DateInput, Radios, Select, Textarea, TextInput, YesNo, type FieldState } from "~/components/form-fields";
import { allegationMadeByLabels, referrerTypeLabels, yesNoUnknownLabels } from "~/contacts/labels";
import type { ReferrerType } from "~/generated/prisma/enums";
import { employmentBasisLabels, ethnicGroups, roleGroupLabels, sectorLabels, sexLabels } from "~/people/labels";
import { harmCategoryLabels } from "~/triage/labels";
import { LIMITS } from "./limits";
import { asksAuthority, asksOrganisation, asksRole, isAnonymous, isEmployer } from "./referrer-types";

type Props = { state?: FieldState; mode: "referral" | "staff" };
/** On the public form the referrer's type decides what is asked; staff see every question. */
type TypedProps = Props & { referrerType?: ReferrerType | null };

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const ethnicGroupOptions = ethnicGroups.map(({ heading, groups }) => ({ group: heading, options: options(groups) }));

/** Whether a question goes to this referrer: always on the staff form. */
const asked = (mode: Props["mode"], rule: boolean) => mode === "staff" || rule;

export function ReferrerTypeFields({ state, mode }: Props) {
  return (
    <Radios
      name="referrerType"
      legend={mode === "referral" ? "Who are you?" : "Who made contact?"}
      hint={mode === "referral" ? "This decides which questions we ask you" : undefined}
      options={options(referrerTypeLabels)}
      state={state}
    />
  );
}

/** The referrer questions' words: to the referrer on the public form, about them on a staff form. */
const referrerWords = {
  referral: {
    name: "Your full name",
    role: "Your role",
    organisation: (type?: ReferrerType | null) => (type === "OTHER_LADO" ? "Your local authority" : "Your organisation"),
    sectorHint: undefined,
    phoneHint: "A number or an email address, so we can reach you",
    emailHint: "We will send your receipt and reference number here",
    seniorManager: "Does your organisation's most senior manager know about this concern?",
  },
  staff: {
    name: "Referrer's name",
    role: "Referrer's role",
    organisation: () => "Referrer's organisation",
    sectorHint: "Without a type, the organisation's name is kept as typed",
    phoneHint: undefined,
    emailHint: undefined,
    seniorManager: "Does the employer's senior manager know?",
  },
} as const;

export function ReferrerFields({ state, mode, referrerType }: TypedProps) {
  const you = mode === "referral";
  const words = referrerWords[mode];
  if (you && isAnonymous(referrerType)) {
    return (
      <p className="govuk-body">
        You said you do not want to give your name. You do not need to tell us who you are, but we cannot contact you if we need to know
        more.
      </p>
    );
  }
  const autoComplete = (token: string) => (you ? token : "off");
  return (
    <>
      <TextInput name="referrerName" label={words.name} autoComplete={autoComplete("name")} state={state} />
      {asked(mode, asksRole(referrerType)) ? (
        <TextInput
          name="referrerRole"
          label={words.role}
          hint="For example, designated safeguarding lead, headteacher, HR manager"
          state={state}
        />
      ) : null}
      {asked(mode, asksOrganisation(referrerType) || asksAuthority(referrerType)) ? (
        <TextInput
          name="organisationName"
          label={words.organisation(referrerType)}
          autoComplete={autoComplete("organization")}
          state={state}
        />
      ) : null}
      {asked(mode, asksOrganisation(referrerType)) ? (
        <Select
          name="organisationSector"
          label="Type of organisation"
          hint={words.sectorHint}
          options={options(sectorLabels)}
          state={state}
        />
      ) : null}
      <TextInput
        name="referrerPhone"
        label="Telephone number"
        hint={words.phoneHint}
        type="tel"
        autoComplete={autoComplete("tel")}
        width={20}
        state={state}
      />
      <TextInput
        name="referrerEmail"
        label="Email address"
        hint={words.emailHint}
        type="email"
        autoComplete={autoComplete("email")}
        spellCheck={false}
        state={state}
      />
      {asked(mode, isEmployer(referrerType)) ? (
        <Radios
          name="seniorManagerAware"
          legend={words.seniorManager}
          hint="For example, the headteacher, or the chair of governors if the concern is about the headteacher"
          options={options(yesNoUnknownLabels)}
          state={state}
          inline
        />
      ) : null}
    </>
  );
}

export function SubjectFields({ state, mode }: Props) {
  return (
    <>
      <Radios
        name="namedProfessional"
        legend={mode === "referral" ? "Can you tell us the person's name?" : "Is a professional named?"}
        hint={
          mode === "referral"
            ? "If you only want advice for now and do not want to name them yet, choose advice only"
            : "Choose advice only to record advice with no named professional"
        }
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "I want advice only for now" },
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
      <Select
        name="subjectEthnicGroup"
        label="Ethnic group (optional)"
        hint="As the census asks it"
        options={ethnicGroupOptions}
        state={state}
      />
      <Textarea name="subjectAddress" label="Home address (optional)" rows={3} maxLength={LIMITS.line} state={state} />
      <TextInput
        name="subjectJobTitle"
        label="Job title or role"
        hint="For example, teaching assistant, football coach, foster carer"
        autoComplete="off"
        state={state}
      />
      <Select name="subjectRoleGroup" label="Which is closest to their role?" options={options(roleGroupLabels)} state={state} />
      <TextInput
        name="subjectEmployer"
        label="Where they work or volunteer"
        hint="The school, nursery, club or service. For agency staff, where they are placed"
        autoComplete="off"
        state={state}
      />
      <Select name="subjectEmployerSector" label="Type of setting" options={options(sectorLabels)} state={state} />
      <TextInput
        name="subjectEmployerArea"
        label="Which local authority area is the setting in?"
        hint="For example, Lambeth or Kent. It decides which LADO deals with the concern"
        autoComplete="off"
        state={state}
      />
      <Select
        name="subjectEmploymentBasis"
        label="How they are employed (optional)"
        options={options(employmentBasisLabels)}
        state={state}
      />
      <TextInput
        name="subjectAgency"
        label="If they work through an agency, the agency (optional)"
        hint="For example, a supply teaching agency"
        autoComplete="off"
        state={state}
      />
      <TextInput
        name="subjectFosteringService"
        label="If they are a foster carer, their fostering service (optional)"
        hint="The local authority or independent fostering agency that approved them"
        autoComplete="off"
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
          <TextInput
            name={`childAge-${n}`}
            label="Their age at the time"
            hint="In years. If it happened long ago, their age then: they may be an adult now"
            width={2}
            state={state}
          />
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

export function IncidentFields({ state, mode, referrerType }: TypedProps) {
  const employer = mode === "referral" && isEmployer(referrerType);
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
            hint: "Conduct outside work that may make them unsuitable to work with children, including towards their own children",
          },
        ]}
        state={state}
      />
      <YesNo name="happenedOnline" legend="Did it happen online?" hint="For example, messages, social media or gaming" state={state} />
      <YesNo name="followedRestraint" legend="Did it happen during physical intervention or restraint?" state={state} />
      <DateInput
        name="incidentDate"
        legend="When did it happen?"
        hint="If you are not sure, give your best estimate. If it went on over a time, the first date. For example, 14 11 2026"
        state={state}
      />
      <DateInput
        name="incidentToDate"
        legend="If it went on over a time, the last date (optional)"
        hint="For something that happened long ago, or over months"
        state={state}
      />
      <YesNo name="moreThanOneIncident" legend="Has it happened more than once?" state={state} />
      {asked(mode, isEmployer(referrerType)) ? (
        <DateInput
          name="employerAwareDate"
          legend={employer ? "When did your organisation find out?" : "When did the employer find out? (optional)"}
          hint={employer ? "The day someone in your organisation first knew of the concern" : undefined}
          state={state}
        />
      ) : null}
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

export function ActionsFields({ state, mode, referrerType }: TypedProps) {
  const ynu = options(yesNoUnknownLabels);
  return (
    <>
      <Radios name="policeInformed" legend="Have the police been told?" options={ynu} state={state} inline />
      <TextInput name="policeReference" label="Police reference (if you have one)" width={20} state={state} />
      <Radios name="socialCareInformed" legend="Has children's social care been told?" options={ynu} state={state} inline />
      <Radios name="parentsInformed" legend="Have the child's parents or carers been told?" options={ynu} state={state} inline />
      <Radios name="subjectAware" legend="Does the person know about the concern?" options={ynu} state={state} inline />
      {asked(mode, isEmployer(referrerType)) ? (
        <Radios
          name="suspendedOrRedeployed"
          legend="Has the person been suspended, or moved away from children?"
          options={ynu}
          state={state}
          inline
        />
      ) : null}
      <Textarea name="actionsSoFar" label="Anything else that has been done (optional)" rows={4} maxLength={LIMITS.long} state={state} />
    </>
  );
}
