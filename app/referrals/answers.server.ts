// Turning a draft's pages, as typed, into a checked set of answers.
import type { z } from "zod";
import {
  actionsSection,
  childrenSection,
  incidentSection,
  referrerSection,
  subjectSection,
  type ContactAnswers,
} from "~/contacts/contact-fields";
import type { FieldErrors } from "~/utils/forms.server";
import { parseValues } from "~/utils/forms.server";
import type { Draft } from "./drafts.server";
import { referralPages, type ReferralPageSlug } from "./pages";

export function pageSchema(slug: ReferralPageSlug, draft: Draft): z.ZodType {
  switch (slug) {
    case "about-you":
      return referrerSection("referral");
    case "person":
      return subjectSection("referral");
    case "children":
      return childrenSection(draft.answers.childCount);
    case "what-happened":
      return incidentSection("referral");
    case "actions":
      return actionsSection("referral");
  }
}

/** Every page checked again: the answers, or the first page with a problem. */
export function draftAnswers(
  draft: Draft,
): { ok: true; answers: ContactAnswers } | { ok: false; page: ReferralPageSlug; errors: FieldErrors } {
  let answers = {};
  for (const { slug } of referralPages) {
    const result = parseValues(pageSchema(slug, draft), draft.answers.pages[slug] ?? {});
    if (!result.ok) return { ok: false, page: slug, errors: result.failure.errors };
    answers = { ...answers, ...(result.data as object) };
  }
  return { ok: true, answers: answers as ContactAnswers };
}
