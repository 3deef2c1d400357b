// What the advice section shows: who asked and about what, the current
// decision, the advice recorded, and every follow-up letter sent (the latest
// first, with the email that carried it, if any).
import type { Prisma } from "~/db.server";

export async function readAdvice(tx: Prisma.TransactionClient, caseId: string) {
  // One after the other: a transaction is one connection.
  const file = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      receivedAt: true,
      source: true,
      summary: true,
      namedProfessional: true,
      referrer: {
        select: {
          type: true,
          name: true,
          role: true,
          email: true,
          phone: true,
          organisationName: true,
          organisation: { select: { name: true } },
        },
      },
      decisions: { orderBy: { revision: "desc" }, take: 1, select: { category: true } },
      advice: {
        select: {
          adviceGiven: true,
          referrerActions: true,
          redirectedTo: true,
          redirectDetail: true,
          progressedToCase: { select: { reference: true } },
          followUpLetterId: true,
          followUpSentAt: true,
          followUpMethod: true,
          recordedAt: true,
          recordedBy: { select: { name: true } },
        },
      },
    },
  });
  const letters = await tx.document.findMany({
    where: { caseId, kind: "ADVICE_LETTER" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      filename: true,
      sha256: true,
      createdAt: true,
      uploadedBy: { select: { name: true } },
      messages: { orderBy: { createdAt: "desc" }, take: 1, select: { toAddress: true, status: true } },
    },
  });
  return { ...file, letters };
}
