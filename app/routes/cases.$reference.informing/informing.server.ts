// What the telling-people section shows: each kind of telling recorded (with
// its version, for the change form), and whether the police and children's
// social care are involved, which the person's telling asks about.
import { informingSelect } from "~/allegations/informing.server";
import type { Prisma } from "~/db.server";

export function readInforming(tx: Prisma.TransactionClient, caseId: string) {
  return tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      informing: {
        select: {
          id: true,
          kind: true,
          version: true,
          ...informingSelect,
          recordedAt: true,
          recordedBy: { select: { name: true } },
        },
      },
    },
  });
}
