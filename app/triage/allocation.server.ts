// Who has a contact. A manager allocates it to any active LADO (or moves it
// to another); a LADO may take one nobody has. Each change sets the case's
// allocatedToId and allocatedAt and is audited ("case.allocate", from and to
// as user ids) in the same transaction. Both are compare-and-set updates on
// the case row, so of two LADOs taking the same contact at once exactly one
// wins (PostgreSQL re-checks the loser's WHERE after the winner commits) and
// a manager's "from" is always what was replaced.
import { z } from "zod";
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { db, type Prisma } from "~/db.server";
import { notFound } from "~/utils/responses.server";

type Officer = { id: string; name: string };

/** Allocate to a LADO (managers), or take it (a LADO, only when nobody has it). */
export const allocationForm = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("allocate"), lado: z.uuid("Select the LADO to allocate it to") }), z.object({ intent: z.literal("take") })],
  "Choose whether to allocate or take the contact",
);

/** Everyone a contact may be allocated to: active staff with the LADO role, by name. */
export function allocatableLados(): Promise<Officer[]> {
  return db.user.findMany({
    where: { active: true, roles: { has: "LADO" } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

/** Who has the contact, and since when. */
export function allocationOf(caseId: string) {
  return db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { allocatedAt: true, allocatedTo: { select: { id: true, name: true } } },
  });
}

function audit(request: Request, tx: Prisma.TransactionClient, who: string, caseId: string, from: string | null, to: string) {
  return recordAudit(request, { who, what: "case.allocate", subject: { type: "case", id: caseId }, details: { from, to } }, tx);
}

export type AllocateResult = { ok: true; to: Officer; changed: boolean } | { ok: false; error: string };

/**
 * A manager gives the contact to `ladoId`, whoever had it. Refused (a field
 * error) when that is not an active LADO; unchanged, and not audited, when
 * they have it already.
 */
export function allocateCase(request: Request, managerId: string, caseId: string, ladoId: string): Promise<AllocateResult> {
  return db.$transaction(async (tx) => {
    const to = await tx.user.findFirst({ where: { id: ladoId, active: true, roles: { has: "LADO" } }, select: { id: true, name: true } });
    if (!to) return { ok: false, error: "Select a LADO from the list" };
    // Compare-and-set: if another manager moved it between the read and the
    // write, read again, so the audit says what this change replaced.
    for (;;) {
      const current = await tx.case.findUnique({ where: { id: caseId }, select: { allocatedToId: true } });
      if (!current) throw notFound();
      if (current.allocatedToId === to.id) return { ok: true, to, changed: false };
      const { count } = await tx.case.updateMany({
        where: { id: caseId, allocatedToId: current.allocatedToId },
        data: { allocatedToId: to.id, allocatedAt: new Date() },
      });
      if (count === 1) {
        await audit(request, tx, managerId, caseId, current.allocatedToId, to.id);
        return { ok: true, to, changed: true };
      }
    }
  });
}

export type TakeResult = { ok: true } | { ok: false; holder: Officer };

/** A LADO takes a contact nobody has. If someone has it (even a moment ago), says who. */
export function takeCase(request: Request, lado: Officer, caseId: string): Promise<TakeResult> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.case.updateMany({
      where: { id: caseId, allocatedToId: null },
      data: { allocatedToId: lado.id, allocatedAt: new Date() },
    });
    if (count === 1) {
      await audit(request, tx, lado.id, caseId, null, lado.id);
      return { ok: true };
    }
    const found = await tx.case.findUnique({ where: { id: caseId }, select: { allocatedTo: { select: { id: true, name: true } } } });
    if (!found?.allocatedTo) throw notFound();
    return { ok: false, holder: found.allocatedTo };
  });
}

/** The field error a LADO sees when someone else had the contact first. */
export const alreadyAllocated = (reference: string, holder: Officer) => `${reference} is already allocated to ${holder.name}`;
