// The allegation's meetings (evaluation, reviews, outcome) and the actions
// agreed, oldest first.
import type { Prisma } from "~/db.server";

export function readMeetings(tx: Prisma.TransactionClient, caseId: string) {
  return tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      meetings: {
        orderBy: { heldAt: "asc" },
        select: {
          id: true,
          type: true,
          heldAt: true,
          informationShared: true,
          decisions: true,
          nextReviewDate: true,
          attendees: { orderBy: { name: "asc" }, select: { id: true, name: true, agency: true, role: true, attended: true } },
        },
      },
      actions: {
        orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
        select: { id: true, description: true, ownerName: true, ownerAgency: true, dueDate: true, status: true },
      },
    },
  });
}
