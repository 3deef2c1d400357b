// Closure: proposed by the LADO, signed off by a manager (or sent back with
// a reason first), and reopened when new information arrives.
import type { Prisma } from "~/db.server";
import type { CaseFacts } from "./contacts";
import { between, chance, notAfterNow, now, officeTime, pick, type RecordFields } from "./shared";

export type ClosureFields = RecordFields<Prisma.ClosureCreateManyInput>;

/** A closure proposed by the allocated officer a couple of weeks after the contact, unless given. */
export function closureData(c: CaseFacts, fields: ClosureFields) {
  return {
    proposedAt: notAfterNow(officeTime(c.receivedAt, 10)),
    proposedById: c.officerId,
    note: pick([
      "All actions complete; outcome letters sent to the subject and the employer.",
      "Advice followed up in writing; no further LADO involvement needed.",
      "Employer's investigation result received and reviewed; nothing further needed.",
      "Nothing outstanding. Case file complete.",
    ]),
    ...fields,
  };
}

/**
 * Closure proposed a few working days after `after` and signed off by the
 * case's manager, as far as now allows. `returned`: the manager first sends
 * it back; `awaitingSignOff`: proposed by now and not yet signed off.
 */
export function closuresAfter(
  c: Pick<CaseFacts, "managerId">,
  after: Date,
  { returned = false, awaitingSignOff = false }: { returned?: boolean; awaitingSignOff?: boolean } = {},
): ClosureFields[] {
  if (awaitingSignOff) {
    const proposedAt = officeTime(after, 1);
    return [{ proposedAt: proposedAt < now() ? proposedAt : new Date((after.getTime() + now().getTime()) / 2) }];
  }
  const proposedAt = officeTime(after, between(1, 10));
  if (proposedAt > now()) return [];
  if (returned) {
    const sentBack = { proposedAt, returnedReason: "Please add the employer's written confirmation of its final action before closure." };
    return [sentBack, ...closuresAfter(c, proposedAt)];
  }
  const signedOffAt = officeTime(proposedAt, chance(0.7) ? between(0, 3) : between(4, 12));
  return [{ proposedAt, ...(signedOffAt <= now() ? { signedOffAt, signedOffById: c.managerId } : {}) }];
}

/** Advice closed and signed off, then reopened when new information made it an allegation at `revisedAt`. */
export function reopenedClosure(c: Pick<CaseFacts, "officerId" | "managerId">, adviceAt: Date, revisedAt: Date): ClosureFields[] {
  const proposedAt = officeTime(adviceAt, 1);
  const signedOffAt = officeTime(proposedAt, 1);
  if (signedOffAt >= revisedAt) return [];
  return [
    {
      proposedAt,
      signedOffAt,
      signedOffById: c.managerId,
      reopenedAt: revisedAt,
      reopenedById: c.officerId,
      reopenReason: "New information received; the decision has been revised to an allegation.",
    },
  ];
}
