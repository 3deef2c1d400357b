// Why two contacts are about the same matter, as the case file says it:
// "Same matter as LADO-2026-00012 (second referrer)".
import type { CaseLinkReason } from "~/generated/prisma/enums";

export const caseLinkReasonLabels: Record<CaseLinkReason, string> = {
  DUPLICATE: "duplicate",
  SECOND_REFERRER: "second referrer",
  SAME_MATTER: "same matter",
};

export const caseLinkReasonHints: Record<CaseLinkReason, string> = {
  DUPLICATE: "The same referral sent twice",
  SECOND_REFERRER: "Another referrer told us about the same matter",
  SAME_MATTER: "Otherwise about the same matter",
};
