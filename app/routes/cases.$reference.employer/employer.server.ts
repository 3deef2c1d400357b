// What the employer did: suspension (and what was considered first), and its final action; and its own investigation.
import { employerActionSelect } from "~/allegations/employer-action.server";
import { employerInvestigationSelect } from "~/allegations/employer-investigation.server";
import type { Prisma } from "~/db.server";

export function readEmployer(tx: Prisma.TransactionClient, caseId: string) {
  return tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      employerAction: { select: employerActionSelect },
      employerInvestigation: { select: employerInvestigationSelect },
    },
  });
}
