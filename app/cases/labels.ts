// How the service's reference lists read on screen (../shared/docs/domain.md).
import type {
  AllegationMadeBy,
  ContactSource,
  DecisionCategory,
  EmployerFinalAction,
  EmploymentBasis,
  HarmCategory,
  HarmCriterion,
  MeetingType,
  OnwardBody,
  OutcomeType,
  PoliceStatus,
  RedirectTarget,
  Sector,
  Sex,
  YesNoUnknown,
} from "~/generated/prisma/enums";

export const sourceLabels: Record<ContactSource, string> = {
  ONLINE_FORM: "Online form",
  PHONE: "Phone",
  EMAIL: "Email",
  LETTER: "Letter",
  IN_PERSON: "In person",
};

export const sectorLabels: Record<Sector, string> = {
  EARLY_YEARS_NURSERY: "Early years: nursery",
  EARLY_YEARS_CHILDMINDER: "Early years: childminder",
  PRIMARY_SCHOOL: "Primary school",
  SECONDARY_SCHOOL: "Secondary school",
  SPECIAL_SCHOOL: "Special school",
  INDEPENDENT_SCHOOL: "Independent school",
  FURTHER_EDUCATION: "Further education or sixth form",
  ALTERNATIVE_PROVISION: "Alternative provision",
  HEALTH_ACUTE: "Health: acute",
  HEALTH_COMMUNITY: "Health: community",
  HEALTH_MENTAL_HEALTH: "Health: mental health",
  HEALTH_GP: "Health: GP",
  HEALTH_AMBULANCE: "Health: ambulance",
  CHILDRENS_SOCIAL_CARE: "Children's social care",
  RESIDENTIAL_CHILDRENS_HOME: "Residential children's home",
  FOSTERING: "Fostering (foster carer)",
  ADOPTION: "Adoption",
  POLICE: "Police",
  PROBATION_YOUTH_JUSTICE: "Probation or youth justice",
  CAFCASS: "Cafcass",
  SECURE_ESTATE: "Secure estate",
  FAITH_ORGANISATION: "Faith organisation",
  SPORTS_LEISURE: "Sports and leisure",
  VOLUNTARY_COMMUNITY: "Voluntary and community",
  TRANSPORT: "Transport (school transport, taxi)",
  PRIVATE_TUTORING_CHILDCARE: "Private tutoring or childcare",
  LOCAL_AUTHORITY_OTHER: "Local authority (other)",
  ARMED_FORCES: "Armed forces",
  OTHER: "Other",
};

export const harmCategoryLabels: Record<HarmCategory, string> = {
  PHYSICAL: "Physical",
  SEXUAL: "Sexual",
  EMOTIONAL: "Emotional",
  NEGLECT: "Neglect",
  SUITABILITY: "Suitability (transferable risk)",
  ONLINE_CONDUCT: "Online conduct",
};

export const harmCriterionLabels: Record<HarmCriterion, string> = {
  HARMED_CHILD: "Behaved in a way that has harmed, or may have harmed, a child",
  CRIMINAL_OFFENCE: "Possibly committed a criminal offence against or related to a child",
  RISK_OF_HARM: "Behaved towards a child or children in a way that indicates they may pose a risk of harm",
  UNSUITABLE: "Behaved in a way that indicates they may not be suitable to work with children",
};

export const decisionLabels: Record<DecisionCategory, string> = {
  ADVICE: "Advice and guidance",
  CAUSE_FOR_CONCERN: "Cause for concern",
  ALLEGATION: "Allegation against staff or volunteer",
};

export const outcomeLabels: Record<OutcomeType, string> = {
  SUBSTANTIATED: "Substantiated",
  UNSUBSTANTIATED: "Unsubstantiated",
  UNFOUNDED: "Unfounded",
  FALSE: "False",
  MALICIOUS: "Malicious",
};

export const policeStatusLabels: Record<PoliceStatus, string> = {
  NOT_INVOLVED: "Not involved",
  CONSIDERING: "Considering",
  INVESTIGATING: "Investigating",
  CHARGED: "Charged",
  NFA: "No further action",
  COURT: "Court proceedings",
  CONCLUDED: "Concluded",
};

export const employmentBasisLabels: Record<EmploymentBasis, string> = {
  PERMANENT: "Permanent",
  TEMPORARY: "Temporary",
  FIXED_TERM: "Fixed term",
  AGENCY_SUPPLY: "Agency or supply",
  VOLUNTEER: "Volunteer",
  SELF_EMPLOYED: "Self-employed",
  FOSTER_CARER: "Foster carer",
  STUDENT_TRAINEE: "Student or trainee",
  OTHER: "Other",
};

export const redirectLabels: Record<RedirectTarget, string> = {
  CHILDRENS_SOCIAL_CARE: "Children's social care (front door)",
  POLICE: "Police",
  EMPLOYER_HR: "Employer's HR process",
  LOW_LEVEL_CONCERNS: "Employer's low-level concerns process",
  OFSTED: "Ofsted",
  OTHER_LA_LADO: "Another authority's LADO",
  NOT_WITHIN_REMIT: "Not within remit",
};

export const meetingTypeLabels: Record<MeetingType, string> = {
  EVALUATION: "Evaluation (ASV) meeting",
  REVIEW: "Review meeting",
  OUTCOME: "Outcome meeting",
};

export const onwardBodyLabels: Record<OnwardBody, string> = {
  DBS: "Disclosure and Barring Service",
  TRA: "Teaching Regulation Agency",
  OFSTED: "Ofsted",
  NMC: "Nursing and Midwifery Council",
  GMC: "General Medical Council",
  HCPC: "Health and Care Professions Council",
  SOCIAL_WORK_ENGLAND: "Social Work England",
  FOSTERING_PANEL: "Fostering panel",
  OTHER: "Other",
};

export const employerFinalActionLabels: Record<EmployerFinalAction, string> = {
  NONE: "No action",
  MANAGEMENT_ADVICE: "Management advice",
  TRAINING: "Training",
  WRITTEN_WARNING: "Written warning",
  FINAL_WARNING: "Final warning",
  DISMISSAL: "Dismissal",
  RESIGNED: "Resigned",
  CEASED_TO_USE: "Ceased to use (agency or volunteer)",
  DEREGISTRATION: "Deregistration (foster carer)",
  OTHER: "Other",
};

export const sexLabels: Record<Sex, string> = { FEMALE: "Female", MALE: "Male", NOT_KNOWN: "Not known" };

export const yesNoUnknownLabels: Record<YesNoUnknown, string> = { YES: "Yes", NO: "No", UNKNOWN: "Not known" };

export const allegationMadeByLabels: Record<AllegationMadeBy, string> = {
  CHILD: "The child",
  PARENT_CARER: "A parent or carer",
  COLLEAGUE: "A colleague",
  OTHER_PROFESSIONAL: "Another professional",
  MEMBER_OF_PUBLIC: "A member of the public",
  ANONYMOUS: "Anonymous",
  OTHER: "Someone else",
};
