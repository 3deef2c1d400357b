// The referral as it came in: who referred, the person, the children, what
// happened and what had been done, as the case file reads it back.
import { referralAnswers, referralSelect } from "~/contacts/referral-answers";
import type { Prisma } from "~/db.server";

export async function readReferral(tx: Prisma.TransactionClient, caseId: string) {
  return referralAnswers(await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: referralSelect }));
}
