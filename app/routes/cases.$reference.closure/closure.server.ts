// Every proposal to close the case, with its sign-off, return or reopening.
import type { Prisma } from "~/db.server";

export function readClosures(tx: Prisma.TransactionClient, caseId: string) {
  return tx.closure.findMany({
    where: { caseId },
    orderBy: { proposedAt: "desc" },
    select: {
      id: true,
      proposedAt: true,
      note: true,
      signedOffAt: true,
      returnedReason: true,
      reopenedAt: true,
      reopenReason: true,
      proposedBy: { select: { name: true } },
      signedOffBy: { select: { name: true } },
      reopenedBy: { select: { name: true } },
    },
  });
}
