// What the closure section shows: every proposal to close the case with its
// sign-off, return or reopening (newest first); what closing needs now (an
// outcome for an allegation, a reason for open actions); the retention
// review date and its basis; legal holds; and the reasons for delay.
import { activeLegalHolds, openActions } from "~/allegations/closure.server";
import { delayReasonsOf } from "~/allegations/delay-reasons.server";
import type { Prisma } from "~/db.server";

export async function readClosure(tx: Prisma.TransactionClient, caseId: string) {
  const file = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      retentionReviewDate: true,
      retentionBasis: true,
      decisions: { orderBy: { revision: "desc" }, take: 1, select: { category: true } },
      outcome: { select: { outcome: true } },
      closures: {
        orderBy: { proposedAt: "desc" },
        select: {
          id: true,
          proposedAt: true,
          proposedById: true,
          note: true,
          openActionsReason: true,
          signedOffAt: true,
          returnedAt: true,
          returnedReason: true,
          reopenedAt: true,
          reopenReason: true,
          proposedBy: { select: { name: true } },
          signedOffBy: { select: { name: true } },
          returnedBy: { select: { name: true } },
          reopenedBy: { select: { name: true } },
        },
      },
      legalHolds: {
        orderBy: { placedAt: "desc" },
        select: { id: true, reason: true, placedAt: true, liftedAt: true, placedBy: { select: { name: true } } },
      },
    },
  });
  const [actions, holds, delay] = [await openActions(tx, caseId), await activeLegalHolds(tx, caseId), await delayReasonsOf(tx, caseId)];
  return {
    ...file,
    openActions: actions,
    /** Holds on every record (a public inquiry's direction) also cover this case. */
    serviceHolds: holds.filter((h) => h.caseId === null),
    delay,
  };
}
