// The case-file audits a member of staff is named in as an auditor: what the
// auditor's page lists. Audits themselves (sampling, grading) arrive with
// their own issue; an auditor may read an audit's case files only inside
// their window.
import { db } from "~/db.server";

/** An auditor's window as it stands at `now`. */
export type WindowState = "upcoming" | "open" | "closed";

export function windowState(window: { windowFrom: Date; windowTo: Date }, now: Date): WindowState {
  if (now < window.windowFrom) return "upcoming";
  return now <= window.windowTo ? "open" : "closed";
}

/** The most audits listed: an auditor is named in a handful a year. */
const LIMIT = 100;

/** The audits `userId` is named in, the latest window first, with their case files' references. */
export async function auditsAssignedTo(userId: string, now = new Date()) {
  const rows = await db.caseFileAuditor.findMany({
    where: { userId },
    orderBy: [{ windowFrom: "desc" }, { auditId: "asc" }],
    take: LIMIT,
    select: {
      windowFrom: true,
      windowTo: true,
      audit: {
        select: {
          id: true,
          title: true,
          periodFrom: true,
          periodTo: true,
          samples: { orderBy: { case: { reference: "asc" } }, select: { case: { select: { reference: true } } } },
        },
      },
    },
  });
  return rows.map((row) => ({
    id: row.audit.id,
    title: row.audit.title,
    periodFrom: row.audit.periodFrom,
    periodTo: row.audit.periodTo,
    windowFrom: row.windowFrom,
    windowTo: row.windowTo,
    state: windowState(row, now),
    caseFiles: row.audit.samples.map((s) => s.case.reference),
  }));
}
