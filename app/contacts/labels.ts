// How a contact's own answers read on screen: how it came in, who made the allegation, yes / no / not known.
import type { AllegationMadeBy, ContactSource, YesNoUnknown } from "~/generated/prisma/enums";

export const sourceLabels: Record<ContactSource, string> = {
  ONLINE_FORM: "Online form",
  PHONE: "Phone",
  EMAIL: "Email",
  LETTER: "Letter",
  IN_PERSON: "In person",
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
