// The public referral form's pages, in order. One topic a page.
export const referralPages = [
  { slug: "who-you-are", title: "Who you are" },
  { slug: "about-you", title: "About you" },
  { slug: "person", title: "The person the concern is about" },
  { slug: "children", title: "The child or children" },
  { slug: "what-happened", title: "What happened" },
  { slug: "actions", title: "What has been done so far" },
] as const;

export type ReferralPageSlug = (typeof referralPages)[number]["slug"];

export function pageAfter(slug: ReferralPageSlug) {
  const i = referralPages.findIndex((p) => p.slug === slug);
  return referralPages[i + 1]?.slug ?? "attachments";
}

export function pageBefore(slug: ReferralPageSlug) {
  const i = referralPages.findIndex((p) => p.slug === slug);
  return i > 0 ? referralPages[i - 1]!.slug : "screener";
}
