// What the employer did: suspension (and what was considered first), and its final action.
import type { Prisma } from "~/db.server";

export function readEmployer(tx: Prisma.TransactionClient, caseId: string) {
  return tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      employerAction: {
        select: {
          suspensionConsidered: true,
          alternativesConsidered: true,
          suspended: true,
          suspendedAt: true,
          suspensionRationale: true,
          suspensionAgreedBy: true,
          writtenConfirmationAt: true,
          namedContact: true,
          redeployed: true,
          finalAction: true,
          finalActionAt: true,
          finalActionDetail: true,
        },
      },
    },
  });
}
