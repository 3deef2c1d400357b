// The sections of a case file, in the order the section navigation shows
// them. Each is a child route of cases.$reference. The allegation process's
// sections appear once the harm threshold has been met (an allegation
// decision, in any revision) or when the case already has such records.
import type { Permission } from "~/auth/permissions";

export type CaseSection = {
  /** The path under /cases/:reference ("" for the summary). */
  slug: string;
  title: string;
  /** Shown only for allegations. */
  allegation?: true;
  /** Shown only for a consultation (app/advice/advice.ts, takesAdvice). */
  advice?: true;
  /** Shown only to those who hold it. */
  permission?: Permission;
};

export const caseSections = [
  { slug: "", title: "Summary" },
  { slug: "referral", title: "Referral" },
  { slug: "prior-history", title: "Prior history" },
  { slug: "decisions", title: "Decisions" },
  { slug: "advice", title: "Advice", advice: true },
  { slug: "meetings", title: "Meetings and actions", allegation: true },
  { slug: "police", title: "Police", allegation: true },
  { slug: "informing", title: "Telling people", allegation: true },
  { slug: "employer", title: "Employer", allegation: true },
  { slug: "outcome", title: "Outcome", allegation: true },
  { slug: "closure", title: "Closure", allegation: true },
  { slug: "chronology", title: "Chronology" },
  { slug: "documents", title: "Documents" },
  { slug: "emails", title: "Emails" },
  { slug: "audit-trail", title: "Audit trail", permission: "audit-trail:read" },
] as const satisfies readonly CaseSection[];

export type CaseSectionSlug = (typeof caseSections)[number]["slug"];

/** The sections this case shows to someone who may, or may not, hold each section's permission. */
export function visibleSections(isAllegation: boolean, may: (permission: Permission) => boolean, isAdvice = false): CaseSection[] {
  return caseSections.filter(
    (section: CaseSection) =>
      (!section.allegation || isAllegation) && (!section.advice || isAdvice) && (!section.permission || may(section.permission)),
  );
}

/** A section's path. */
export function sectionPath(reference: string, slug: string) {
  return `/cases/${encodeURIComponent(reference)}${slug ? `/${slug}` : ""}`;
}
