// The case file's frame: what its header shows, and how a section is read.
// Every section view reads only what it shows and is audited once, in the
// same transaction as the read (so a view that cannot be recorded is not shown).
import { takesAdvice } from "~/advice/advice";
import { policeDelayFlags, policeDelaySelect } from "~/allegations/police.server";
import type { AuditAction } from "~/audit-trail/audit-trail.server";
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { requireCaseAccess } from "~/auth/guard.server";
import { can, type Permission } from "~/auth/permissions";
import { getBankHolidays, getSettings } from "~/config/settings.server";
import { db, type Prisma } from "~/db.server";
import { subjectLabel } from "~/people/names";
import { initialConsideration } from "~/triage/initial-consideration";
import { visibleSections, type CaseSectionSlug } from "./sections";
import { caseStage } from "./stage";

/** What the header of every section shows: who, where the case is, who has it, and what needs attention. */
export async function caseHeader(caseId: string, roles: Parameters<typeof can>[0]) {
  const [found, settings, holidays] = await Promise.all([
    db.case.findUniqueOrThrow({
      where: { id: caseId },
      select: {
        reference: true,
        receivedAt: true,
        namedProfessional: true,
        childInImmediateDanger: true,
        initialConsideredAt: true,
        subject: { select: { firstName: true, lastName: true, jobTitle: true, employerName: true, employer: { select: { name: true } } } },
        allocatedTo: { select: { name: true } },
        decisions: { orderBy: { revision: "desc" }, select: { category: true } },
        advice: { select: { id: true } },
        closures: { orderBy: { proposedAt: "desc" }, take: 1, select: { signedOffAt: true, returnedReason: true, reopenedAt: true } },
        legalHolds: { where: { liftedAt: null }, take: 1, select: { id: true } },
        police: { select: policeDelaySelect },
      },
    }),
    getSettings(),
    getBankHolidays(),
  ]);
  const flags: { text: string; urgent: boolean }[] = [];
  if (found.childInImmediateDanger) flags.push({ text: "Child in immediate danger when referred", urgent: true });
  if (!found.initialConsideredAt) {
    const due = initialConsideration(found.receivedAt, new Date(), settings.initialConsiderationWorkingDays, holidays);
    flags.push({ text: due.overdue ? "Initial consideration overdue" : "Awaiting initial consideration", urgent: due.overdue });
  }
  // A legal hold blocks deletion (app/allegations/retention.ts): the closure section says why.
  if (found.legalHolds.length) flags.push({ text: "Legal hold", urgent: false });
  // Derived, never stored (app/allegations/police-delay.ts): the police section says why, and what to do.
  flags.push(...policeDelayFlags(found.police, new Date(), settings));
  const isAllegation = found.decisions.some((d) => d.category === "ALLEGATION");
  return {
    reference: found.reference,
    stage: caseStage(found.decisions, found.closures),
    subject: subjectLabel(found.namedProfessional, found.subject),
    job: [found.subject?.jobTitle, found.subject?.employer?.name ?? found.subject?.employerName].filter(Boolean).join(", ") || null,
    allocatedTo: found.allocatedTo?.name ?? null,
    flags,
    sections: visibleSections(
      isAllegation,
      (permission) => can(roles, permission),
      takesAdvice(found.decisions[0]?.category, Boolean(found.advice)),
    ).map(({ slug, title }) => ({ slug, title })),
  };
}

/** A page of the case file outside its section navigation, whose views are audited the same way (cases.$reference_.link). */
export type CasePage = CaseSectionSlug | "link";

/**
 * A section's loader: checks the user may open this case (and the section's
 * permission), reads the section with `read` and records the view, both in
 * one transaction. Answers the user, the case's id and reference, and what
 * was read.
 */
export async function viewCaseSection<T>(
  request: Request,
  reference: string | undefined,
  section: CasePage,
  read: (tx: Prisma.TransactionClient, caseId: string) => Promise<T>,
  options: { permission?: Permission; what?: AuditAction; details?: Prisma.InputJsonObject } = {},
) {
  const { user, case: found } = await requireCaseAccess(request, reference, options.permission);
  const data = await db.$transaction(async (tx) => {
    const shown = await read(tx, found.id);
    await recordAudit(
      request,
      {
        who: user.id,
        what: options.what ?? "case.view",
        subject: { type: "case", id: found.id },
        details: { section: section || "summary", ...options.details },
      },
      tx,
    );
    return shown;
  });
  return { user, reference: found.reference, caseId: found.id, data };
}
