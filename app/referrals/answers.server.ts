// Turning a draft's pages, as typed, into a checked set of answers: each page
// with the schema for what it asked this referrer (their type, from the
// "who-you-are" page, decides), and the screener's answers.
import type { z } from "zod";
import {
  actionsSection,
  childrenSection,
  incidentSection,
  referrerSection,
  referrerTypeSection,
  screenerSection,
  subjectSection,
  type ContactAnswers,
} from "~/contacts/contact-fields";
import type { ReferrerType, ScreenerAnswer } from "~/generated/prisma/enums";
import type { FieldErrors } from "~/utils/forms.server";
import { parseValues } from "~/utils/forms.server";
import type { Draft } from "./drafts.server";
import { referralPages, type ReferralPageSlug } from "./pages";

/** The referrer's type as answered on the draft's first page, if it was (checked again when sent). */
export function draftReferrerType(draft: Draft): ReferrerType | undefined {
  const parsed = referrerTypeSection("referral").safeParse(draft.answers.pages["who-you-are"] ?? {});
  return parsed.success ? parsed.data.referrerType : undefined;
}

export function pageSchema(slug: ReferralPageSlug, draft: Draft): z.ZodType {
  const type = draftReferrerType(draft);
  switch (slug) {
    case "who-you-are":
      return referrerTypeSection("referral");
    case "about-you":
      return referrerSection("referral", type);
    case "person":
      return subjectSection("referral");
    case "children":
      return childrenSection(draft.answers.childCount);
    case "what-happened":
      return incidentSection("referral", type);
    case "actions":
      return actionsSection("referral", type);
  }
}

const screenerAnswers: Record<"yes" | "no" | "not-sure", ScreenerAnswer> = { yes: "YES", no: "NO", "not-sure": "NOT_SURE" };

/** What the screener's answers become on the case. */
export type ScreenerOnCase = {
  screenerWorksWithChildren: ScreenerAnswer;
  screenerAboutConduct: ScreenerAnswer;
  childInImmediateDanger: boolean;
};

export type ReferralAnswers = ContactAnswers & ScreenerOnCase;

/** Every page checked again, and the screener: the answers, or the first page with a problem. */
export function draftAnswers(
  draft: Draft,
): { ok: true; answers: ReferralAnswers } | { ok: false; page: ReferralPageSlug | "screener"; errors: FieldErrors } {
  const screener = parseValues(screenerSection, draft.answers.pages.screener ?? {});
  if (!screener.ok) return { ok: false, page: "screener", errors: screener.failure.errors };
  let answers = {};
  for (const { slug } of referralPages) {
    const result = parseValues(pageSchema(slug, draft), draft.answers.pages[slug] ?? {});
    if (!result.ok) return { ok: false, page: slug, errors: result.failure.errors };
    answers = { ...answers, ...(result.data as object) };
  }
  const { worksWithChildren, aboutConduct, immediateDanger } = screener.data;
  return {
    ok: true,
    answers: {
      ...(answers as ContactAnswers),
      screenerWorksWithChildren: screenerAnswers[worksWithChildren],
      screenerAboutConduct: screenerAnswers[aboutConduct],
      childInImmediateDanger: immediateDanger === "yes",
    },
  };
}
