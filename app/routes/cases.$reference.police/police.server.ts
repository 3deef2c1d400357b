// What the police section shows: the police involvement (with its version,
// for the change form) and its dated updates, the LADO's challenges and
// escalations, and children's social care's section 47 enquiry.
import { involvementSelect, section47Select } from "~/allegations/police.server";
import type { Prisma } from "~/db.server";

export function readPolice(tx: Prisma.TransactionClient, caseId: string) {
  return tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      receivedAt: true,
      police: {
        select: {
          version: true,
          ...involvementSelect,
          updates: {
            orderBy: { at: "desc" },
            select: { id: true, at: true, status: true, note: true, recordedBy: { select: { name: true } } },
          },
          challenges: {
            orderBy: { at: "desc" },
            select: { id: true, at: true, kind: true, toWhom: true, detail: true, response: true, respondedAt: true },
          },
        },
      },
      section47: { select: { version: true, ...section47Select } },
    },
  });
}
