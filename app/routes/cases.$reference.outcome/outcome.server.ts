// The statutory outcome, the onward referrals made, whether the duty to
// refer to the DBS applies, and the outcome letters sent (the latest first,
// each with the email that carried it, if any).
import { dbsDuty } from "~/allegations/dbs-duty";
import { outcomeSelect } from "~/allegations/outcome.server";
import type { Prisma } from "~/db.server";

export async function readOutcome(tx: Prisma.TransactionClient, caseId: string) {
  // One after the other: a transaction is one connection.
  const file = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      employerAction: { select: { finalAction: true } },
      outcome: { select: { ...outcomeSelect, recordedBy: { select: { name: true } } } },
      onwardReferrals: {
        orderBy: [{ referredAt: "asc" }, { recordedAt: "asc" }],
        select: { id: true, body: true, referredAt: true, referredBy: true, reference: true, detail: true },
      },
      subject: { select: { employer: { select: { email: true } } } },
    },
  });
  const letters = await tx.outcomeLetter.findMany({
    where: { caseId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      recipient: true,
      sentTo: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      document: {
        select: {
          id: true,
          filename: true,
          sha256: true,
          messages: { orderBy: { createdAt: "desc" }, take: 1, select: { toAddress: true, status: true } },
        },
      },
    },
  });
  const dbs = dbsDuty({
    outcome: file.outcome?.outcome ?? null,
    personResigned: file.outcome?.personResigned ?? false,
    finalAction: file.employerAction?.finalAction ?? null,
    referredToDbs: file.onwardReferrals.some((r) => r.body === "DBS"),
  });
  return { ...file, dbs, letters };
}
