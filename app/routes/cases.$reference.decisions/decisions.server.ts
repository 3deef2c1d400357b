// Every threshold decision (each revision kept), the advice given, and what
// the employer agreed to investigate for a cause for concern.
import type { Prisma } from "~/db.server";

export function readDecisions(tx: Prisma.TransactionClient, caseId: string) {
  return tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      decisions: {
        orderBy: { revision: "desc" },
        select: {
          id: true,
          revision: true,
          category: true,
          harmCriteria: true,
          harmCategories: true,
          rationale: true,
          decidedAt: true,
          decidedBy: { select: { name: true } },
        },
      },
      advice: { select: { adviceGiven: true, redirectedTo: true, redirectDetail: true, followUpSentAt: true } },
      employerInvestigation: {
        select: { agreedActions: true, agreedAt: true, investigator: true, result: true, resultReceivedAt: true },
      },
    },
  });
}
