// The statutory outcome and the onward referrals made.
import type { Prisma } from "~/db.server";

export function readOutcome(tx: Prisma.TransactionClient, caseId: string) {
  return tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      outcome: {
        select: {
          outcome: true,
          rationale: true,
          decidedAt: true,
          personResigned: true,
          refusedToCooperate: true,
          recordedBy: { select: { name: true } },
        },
      },
      onwardReferrals: {
        orderBy: { referredAt: "asc" },
        select: { id: true, body: true, referredAt: true, reference: true, detail: true },
      },
    },
  });
}
