// How triage's reference lists read on screen: threshold decisions, the harm test, categories of harm, redirections
// (../shared/docs/domain.md).
import type { DecisionCategory, HarmCategory, HarmCriterion, RedirectTarget } from "~/generated/prisma/enums";

export const decisionLabels: Record<DecisionCategory, string> = {
  ADVICE: "Advice and guidance",
  CAUSE_FOR_CONCERN: "Cause for concern",
  ALLEGATION: "Allegation against staff or volunteer",
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
};
