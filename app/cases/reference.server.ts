// Case references people can read aloud: LADO-2026-00123. One counter a
// year, incremented under its row lock inside the caller's transaction, so
// concurrent creations never share a number and a number is never reused.
import type { Prisma } from "~/generated/prisma/client";
import { londonDay } from "~/utils/dates";

export function formatReference(year: number, n: number) {
  return `LADO-${year}-${String(n).padStart(5, "0")}`;
}

/** The next reference for a contact received at `receivedAt` (its London year). */
export async function nextCaseReference(tx: Prisma.TransactionClient, receivedAt: Date) {
  const year = Number(londonDay(receivedAt).slice(0, 4));
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "ReferenceCounter" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "ReferenceCounter"."last" + 1
    RETURNING "last"`;
  return formatReference(year, row!.last);
}
