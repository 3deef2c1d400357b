// The case's documents: attachments from the referral, letters, minutes.
import type { Prisma } from "~/db.server";

export function readDocuments(tx: Prisma.TransactionClient, caseId: string) {
  return tx.document.findMany({
    where: { caseId },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, filename: true, sizeBytes: true, createdAt: true },
  });
}
