// The summary: the contact as it came in and where it stands, at a glance.
import { matterSelect } from "~/cases/links.server";
import type { Prisma } from "~/db.server";

export function readSummary(tx: Prisma.TransactionClient, caseId: string) {
  return tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      source: true,
      receivedAt: true,
      summary: true,
      reportedHarmCategories: true,
      initialConsideredAt: true,
      initialConsideration: true,
      loggedBy: { select: { name: true } },
      initialConsideredBy: { select: { name: true } },
      referrer: { select: { name: true, organisation: { select: { name: true } } } },
      decisions: {
        orderBy: { revision: "desc" },
        take: 1,
        select: { category: true, decidedAt: true, decidedBy: { select: { name: true } } },
      },
      _count: { select: { children: true, documents: true } },
      ...matterSelect,
    },
  });
}
