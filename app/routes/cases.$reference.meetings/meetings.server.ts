// The allegation's meetings (evaluation, reviews, outcome), scheduled,
// held or cancelled, oldest first, and the actions agreed, by due date.
import { attendeeSelect, meetingSelect } from "~/allegations/meetings.server";
import type { Prisma } from "~/db.server";

export function readMeetings(tx: Prisma.TransactionClient, caseId: string) {
  return tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      receivedAt: true,
      meetings: {
        orderBy: { heldAt: "asc" },
        select: {
          id: true,
          version: true,
          ...meetingSelect,
          cancelledReason: true,
          minutes: { select: { id: true, filename: true, createdAt: true } },
          minutesSentAt: true,
          attendees: { orderBy: { name: "asc" }, select: { id: true, ...attendeeSelect } },
        },
      },
      actions: {
        orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          version: true,
          meetingId: true,
          description: true,
          ownerName: true,
          ownerAgency: true,
          ownerUser: { select: { name: true } },
          dueDate: true,
          status: true,
          completedAt: true,
          completionNote: true,
        },
      },
    },
  });
}
