// How a contact's own answers read on screen: how it came in, who made the allegation, yes / no / not known.
import type { AllegationMadeBy, ContactSource, ReferrerType, ScreenerAnswer, YesNoUnknown } from "~/generated/prisma/enums";

export const sourceLabels: Record<ContactSource, string> = {
  ONLINE_FORM: "Online form",
  PHONE: "Phone",
  EMAIL: "Email",
  LETTER: "Letter",
  IN_PERSON: "In person",
  FRONT_DOOR: "Forwarded by the front door (MASH)",
};

export const allegationMadeByLabels: Record<AllegationMadeBy, string> = {
  CHILD: "The child",
  PARENT_CARER: "A parent or carer",
  COLLEAGUE: "A colleague",
  OTHER_PROFESSIONAL: "Another professional",
  MEMBER_OF_PUBLIC: "A member of the public",
  ANONYMOUS: "Anonymous",
  OTHER: "Someone else",
};

export const yesNoUnknownLabels: Record<YesNoUnknown, string> = { YES: "Yes", NO: "No", UNKNOWN: "Not known" };

export const referrerTypeLabels: Record<ReferrerType, string> = {
  EMPLOYER: "The person's employer, or the setting where it happened",
  OTHER_PROFESSIONAL: "Another professional",
  PARENT_CARER: "A parent or carer",
  CHILD_YOUNG_PERSON: "A child or young person",
  MEMBER_OF_PUBLIC: "A member of the public",
  OTHER_LADO: "Another local authority's LADO",
  REGULATOR: "Ofsted or another regulator",
  SELF: "The person the concern is about",
  ANONYMOUS: "Someone who does not want to give their name",
};

export const screenerAnswerLabels: Record<ScreenerAnswer, string> = { YES: "Yes", NO: "No", NOT_SURE: "Not sure" };
