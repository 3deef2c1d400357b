// How the allegation process's reference lists read on screen: meetings, actions, police, employer, outcomes and
// onward referrals (../shared/docs/domain.md).
import type {
  ActionStatus,
  ChallengeKind,
  EmployerFinalAction,
  EmployerInvestigationStatus,
  InformingKind,
  MeetingMode,
  MeetingType,
  OnwardBody,
  OutcomeType,
  PoliceStatus,
  SuspensionAlternative,
} from "~/generated/prisma/enums";

export const meetingTypeLabels: Record<MeetingType, string> = {
  EVALUATION: "Evaluation (ASV) meeting",
  REVIEW: "Review meeting",
  OUTCOME: "Outcome meeting",
};

export const meetingModeLabels: Record<MeetingMode, string> = {
  IN_PERSON: "In person",
  ONLINE: "Online",
  HYBRID: "Hybrid (in person and online)",
};

export const actionStatusLabels: Record<ActionStatus, string> = { OPEN: "Open", DONE: "Done", CANCELLED: "Cancelled" };

export const policeStatusLabels: Record<PoliceStatus, string> = {
  NOT_INVOLVED: "Not involved",
  CONSIDERING: "Considering",
  INVESTIGATING: "Investigating",
  RELEASED_UNDER_INVESTIGATION: "Released under investigation",
  ON_BAIL: "On bail",
  AWAITING_CHARGING_DECISION: "Awaiting a charging decision",
  CHARGED: "Charged",
  NFA: "No further action",
  COURT: "Court proceedings",
  CONCLUDED: "Concluded",
};

export const challengeKindLabels: Record<ChallengeKind, string> = { CHALLENGE: "Challenge", ESCALATION: "Escalation" };

export const suspensionAlternativeLabels: Record<SuspensionAlternative, string> = {
  REDEPLOYMENT: "Redeployment",
  SUPERVISION: "Supervision",
  MOVE_CHILD: "Moving the child",
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

export const outcomeLabels: Record<OutcomeType, string> = {
  SUBSTANTIATED: "Substantiated",
  UNSUBSTANTIATED: "Unsubstantiated",
  UNFOUNDED: "Unfounded",
  FALSE: "False",
  MALICIOUS: "Malicious",
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
  CHARITY_COMMISSION: "Charity Commission",
  SPORTS_GOVERNING_BODY: "Sports governing body",
  POLICE_PROFESSIONAL_STANDARDS: "Police professional standards",
  OTHER: "Other",
};

export const informingKindLabels: Record<InformingKind, string> = {
  SUBJECT_TOLD: "The person told of the allegation",
  PARENTS_TOLD_OF_ALLEGATION: "Parents or carers told of the allegation",
  PARENTS_TOLD_OF_OUTCOME: "Parents or carers told of the outcome",
  CHILD_FEEDBACK: "The child given feedback suited to their age",
};

export const employerInvestigationStatusLabels: Record<EmployerInvestigationStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  PAUSED_FOR_POLICE: "Paused while the police investigate",
  CONCLUDED: "Concluded",
};
