// The duty to refer to the Disclosure and Barring Service (Safeguarding
// Vulnerable Groups Act 2006, s.35): an employer, or the LADO prompting it,
// must refer someone it has removed from regulated activity because they
// harmed or posed a risk of harm to children, or who would have been removed
// had they not left first. Here: the allegation is substantiated (the harm
// test is likely met) and the employer's final action took the person out of
// work with children (dismissal, ceased to use them, deregistration), or the
// person resigned. The prompt shows until a DBS referral is recorded. Pure.
// The harm test of barring law is not the LADO's harm threshold: keep them apart.
import type { EmployerFinalAction, OutcomeType } from "~/generated/prisma/enums";

/** Final actions that removed the person from regulated activity. */
export const REMOVED_FROM_REGULATED_ACTIVITY: readonly EmployerFinalAction[] = ["DISMISSAL", "CEASED_TO_USE", "DEREGISTRATION"];

export type DbsFacts = {
  outcome: OutcomeType | null;
  finalAction: EmployerFinalAction | null;
  /** Recorded with the outcome: the person resigned before it was reached. */
  personResigned: boolean;
  /** A referral to the DBS is recorded among the onward referrals. */
  referredToDbs: boolean;
};

export type DbsDuty = { applies: false } | { applies: true; reason: string; referred: boolean };

/** Whether the duty to refer to the DBS applies, why, and whether the referral is recorded. */
export function dbsDuty(facts: DbsFacts): DbsDuty {
  if (facts.outcome !== "SUBSTANTIATED") return { applies: false };
  let reason: string | null = null;
  if (facts.finalAction && REMOVED_FROM_REGULATED_ACTIVITY.includes(facts.finalAction)) {
    reason = "The allegation is substantiated and the employer removed the person from regulated activity";
  } else if (facts.finalAction === "RESIGNED" || facts.personResigned) {
    reason =
      "The allegation is substantiated and the person resigned: the employer would have removed them from regulated activity had they not left";
  }
  return reason ? { applies: true, reason, referred: facts.referredToDbs } : { applies: false };
}

/** The prompt to refer to the DBS: shown while the duty applies and no DBS referral is recorded. */
export const dbsPromptShown = (facts: DbsFacts) => {
  const duty = dbsDuty(facts);
  return duty.applies && !duty.referred;
};
