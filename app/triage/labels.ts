// How triage's reference lists read on screen: threshold decisions, the harm test, categories of harm, redirections,
// immediate actions and the employer's result on a cause for concern (../shared/docs/domain.md).
import type {
  DecisionCategory,
  EmployerResult,
  HarmCategory,
  HarmCriterion,
  ImmediateAction,
  RedirectTarget,
} from "~/generated/prisma/enums";

export const decisionLabels: Record<DecisionCategory, string> = {
  ADVICE: "Advice and guidance",
  CAUSE_FOR_CONCERN: "Cause for concern",
  ALLEGATION: "Allegation against staff or volunteer",
  NOT_LADO: "Not a LADO matter",
};

/** What each decision means, as the decision form explains it. */
export const decisionHints: Record<DecisionCategory, string> = {
  ADVICE: "Consultation: the matter does not reach the criteria for an investigation",
  CAUSE_FOR_CONCERN: "Below the harm threshold: the employer investigates and reports back",
  ALLEGATION: "The harm threshold is met: the LADO-led allegation process follows",
  NOT_LADO: "Signposted elsewhere",
};

export const harmCriterionLabels: Record<HarmCriterion, string> = {
  HARMED_CHILD: "Behaved in a way that has harmed, or may have harmed, a child",
  CRIMINAL_OFFENCE: "Possibly committed a criminal offence against or related to a child",
  RISK_OF_HARM: "Behaved towards a child or children in a way that indicates they may pose a risk of harm",
  UNSUITABLE: "Behaved in a way that indicates they may not be suitable to work with children",
};

export const harmCategoryLabels: Record<HarmCategory, string> = {
  PHYSICAL: "Physical",
  SEXUAL: "Sexual",
  EMOTIONAL: "Emotional",
  NEGLECT: "Neglect",
  SUITABILITY: "Suitability (transferable risk)",
};

export const redirectLabels: Record<RedirectTarget, string> = {
  CHILDRENS_SOCIAL_CARE: "Children's social care (front door)",
  POLICE: "Police",
  EMPLOYER_HR: "Employer's HR process",
  LOW_LEVEL_CONCERNS: "Employer's low-level concerns process",
  OFSTED: "Ofsted",
  OTHER_LA_LADO: "Another authority's LADO",
  NOT_WITHIN_REMIT: "Not within remit",
  NONE: "None",
};

export const immediateActionLabels: Record<ImmediateAction, string> = {
  NONE: "No immediate action",
  POLICE_INFORMED: "Police informed",
  SOCIAL_CARE_INFORMED: "Children's social care informed",
  EMPLOYER_ADVISED_REMOVE: "Employer advised to remove the person from contact with children",
  OTHER: "Other",
};

export const employerResultLabels: Record<EmployerResult, string> = {
  NO_FURTHER_ACTION: "No further action",
  MANAGEMENT_ADVICE: "Management advice",
  TRAINING: "Training",
  FORMAL_DISCIPLINARY: "Formal disciplinary action",
  RESIGNED: "Resigned",
  OTHER: "Other",
};
