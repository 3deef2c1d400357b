// What a referrer hears back after sending a referral depends on who they
// are. Professionals working with the person (the employer, another
// professional, another LADO, a regulator) are told what the LADO decides and
// what they must do; parents, children, members of the public and the person
// themselves are usually told only that the LADO is acting, since what follows
// is about another adult and about children. The confirmation page says which.
import type { ReferrerType } from "~/generated/prisma/enums";

export const FEEDBACK_KINDS = ["professional", "limited"] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** Every type of referrer, so a new one does not compile until it is placed. */
const feedbackByType: Record<ReferrerType, FeedbackKind> = {
  EMPLOYER: "professional",
  OTHER_PROFESSIONAL: "professional",
  OTHER_LADO: "professional",
  REGULATOR: "professional",
  PARENT_CARER: "limited",
  CHILD_YOUNG_PERSON: "limited",
  MEMBER_OF_PUBLIC: "limited",
  SELF: "limited",
  ANONYMOUS: "limited",
};

/** The feedback a referrer of this (checked) type can expect; null when they gave none. */
export function feedbackFor(referrerType: ReferrerType | null | undefined): FeedbackKind | null {
  return referrerType ? feedbackByType[referrerType] : null;
}

/** What the confirmation page tells the referrer they will hear back; both kinds when it is not known. */
export function hearingBack(feedback: FeedbackKind | null): string {
  switch (feedback) {
    case "professional":
      return (
        "As a professional, you will be told what the LADO decides and what you need to do. If you are the person's employer, " +
        "the LADO will work with you until the matter is concluded and will tell you the outcome."
      );
    case "limited":
      return (
        "What happens next is about another adult and about children, so we can usually only tell you that we are acting on your " +
        "referral, not what is decided or the outcome. This does not mean nothing is being done."
      );
    case null:
      return (
        "Professionals who work with the person are told what the LADO decides. Parents and members of the public are usually told " +
        "only that we are acting on the referral, because what happens next is about another adult and about children."
      );
  }
}
