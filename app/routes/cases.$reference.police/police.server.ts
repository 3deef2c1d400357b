// Police involvement with its dated updates and the LADO's challenges, and
// children's social care's section 47 enquiry.
import type { Prisma } from "~/db.server";

export function readPolice(tx: Prisma.TransactionClient, caseId: string) {
  return tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      police: {
        select: {
          force: true,
          reference: true,
          officerName: true,
          officerContact: true,
          informedAt: true,
          status: true,
          openedAt: true,
          concludedAt: true,
          updates: { orderBy: { at: "desc" }, select: { id: true, at: true, status: true, note: true } },
          challenges: {
            orderBy: { at: "desc" },
            select: { id: true, at: true, kind: true, detail: true, response: true, respondedAt: true },
          },
        },
      },
      section47: { select: { held: true, startedAt: true, result: true } },
    },
  });
}
