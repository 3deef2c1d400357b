// What each outcome means, and what Keeping children safe in education
// (Part 4) tells the employer to do with its records of the allegation and
// in references, as the outcome letters and the outcome form show it. Pure.
import type { OutcomeType } from "~/generated/prisma/enums";

/** KCSIE Part 4's definitions of the five outcomes (../shared/docs/domain.md). */
export const outcomeDefinitions: Record<OutcomeType, string> = {
  SUBSTANTIATED: "There is sufficient identifiable evidence to prove the allegation.",
  UNSUBSTANTIATED:
    "There is insufficient evidence either to prove or disprove the allegation. The term implies neither guilt nor innocence.",
  UNFOUNDED: "There is no evidence or proper basis which supports the allegation being made.",
  FALSE: "There is sufficient evidence to disprove the allegation.",
  MALICIOUS: "There is clear evidence to prove there has been a deliberate act to deceive, and the allegation is entirely false.",
};

/** KCSIE: the summary stays on the personnel file at least until normal pension age, or this many years from the allegation if longer. */
export const PERSONNEL_FILE_YEARS = 10;

export type OutcomeGuidance = {
  /** What happens to the record of the allegation on the person's confidential personnel file. */
  personnelFile: string[];
  /** Whether the allegation may be mentioned in references. */
  references: string[];
};

/** Outcomes that are never referred to in references. */
const NOT_IN_REFERENCES: readonly OutcomeType[] = ["UNSUBSTANTIATED", "UNFOUNDED", "FALSE", "MALICIOUS"];

/** The KCSIE guidance on personnel files and references that fits the outcome. */
export function outcomeGuidance(outcome: OutcomeType): OutcomeGuidance {
  const personnelFile =
    outcome === "MALICIOUS"
      ? ["As the allegation was found to be malicious, details of it should be removed from the person's personnel records."]
      : [
          "A clear and comprehensive summary of the allegation, how it was followed up and resolved, any action taken, the decisions reached and the outcome should be kept on the person's confidential personnel file, and a copy given to the person.",
          `Keep the summary until the person reaches normal pension age, or for ${PERSONNEL_FILE_YEARS} years from the date of the allegation if that is longer.`,
        ];
  const references = NOT_IN_REFERENCES.includes(outcome)
    ? [
        `As the allegation was found to be ${outcome.toLowerCase()}, it must not be referred to in any reference for the person.`,
        "A history of repeated concerns or allegations that were all found to be false, unsubstantiated, unfounded or malicious should not be included in a reference either.",
      ]
    : [
        "Only substantiated allegations are included in references. This allegation was substantiated, so it should be included, stating the facts.",
      ];
  return { personnelFile, references };
}
