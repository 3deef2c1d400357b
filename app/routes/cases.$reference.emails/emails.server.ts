// The emails sent about the case, and where each is.
import type { Prisma } from "~/db.server";

export function readEmails(tx: Prisma.TransactionClient, caseId: string) {
  return tx.outboundMessage.findMany({
    where: { caseId },
    orderBy: { createdAt: "asc" },
    select: { id: true, subject: true, toAddress: true, status: true, createdAt: true, sentAt: true },
  });
}
