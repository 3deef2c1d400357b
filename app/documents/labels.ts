// How kinds of document read on screen.
import type { DocumentKind } from "~/generated/prisma/enums";

export const documentKindLabels: Record<DocumentKind, string> = {
  ATTACHMENT: "Attachment",
  ADVICE_LETTER: "Advice letter",
  MEETING_MINUTES: "Meeting minutes",
  OUTCOME_LETTER: "Outcome letter",
  CASE_FILE: "Case file",
  OTHER: "Other",
};
