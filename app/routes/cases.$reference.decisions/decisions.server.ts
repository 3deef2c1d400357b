// What the decisions section shows: the initial consideration (with the due
// time kept when it was recorded), every threshold decision (each revision
// kept), and what the employer agreed to investigate for a
// cause for concern.
import type { Prisma } from "~/db.server";
import { decisionShown } from "~/triage/decisions.server";

export function readDecisions(tx: Prisma.TransactionClient, caseId: string) {
  return tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      receivedAt: true,
      reportedHarmCategories: true,
      initialConsideredAt: true,
      initialConsideredBy: { select: { name: true } },
      initialConsiderationDue: true,
      initialConsideration: true,
      priorHistorySeen: true,
      immediateActions: true,
      immediateActionDetail: true,
      decisions: {
        orderBy: { revision: "desc" },
        select: { id: true, ...decisionShown },
      },
      employerInvestigation: {
        select: {
          agreedActions: true,
          agreedAt: true,
          investigator: true,
          reportBackBy: true,
          resultCode: true,
          result: true,
          resultReceivedAt: true,
        },
      },
      _count: { select: { meetings: true } },
    },
  });
}
