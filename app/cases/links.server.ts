// Contacts about one matter: a duplicate, a second referrer, or otherwise the
// same matter. Each later contact has one CaseLink naming the matter's first
// contact (the earliest received), never another later one, so a matter is
// one level deep and statistics count it once: a contact with no link is a
// matter of its own or its first. Linking two contacts joins their matters
// under the earlier first; the reason and note given are kept on the later
// of the two. Every change takes one advisory lock (links change rarely), so
// two at once cannot leave a chain, and is audited ("case.link") in its
// transaction.
import { z } from "zod";
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { db, type Prisma } from "~/db.server";
import { CaseLinkReason } from "~/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

/** The form that links this contact to another about the same matter. */
export const linkForm = z.object({
  reference: z
    .string("Enter the reference of the other contact")
    .trim()
    .min(1, "Enter the reference of the other contact")
    .max(60, "Reference must be 60 characters or fewer"),
  reason: z.enum(CaseLinkReason, "Select why they are about the same matter"),
  note: z
    .string()
    .trim()
    .max(1000, "Note must be 1000 characters or fewer")
    .optional()
    .transform((v) => v || null),
});

export type LinkInput = z.output<typeof linkForm>;

/** Any constant: the one advisory lock every link change takes. */
const LINK_LOCK = 7_204_115;

type Contact = { id: string; reference: string; receivedAt: Date };
const contact = { id: true, reference: true, receivedAt: true } as const;

/** True when `a` was received before `b` (the reference decides a tie, so there is always one first). */
const receivedBefore = (a: Contact, b: Contact) =>
  a.receivedAt < b.receivedAt || (a.receivedAt.getTime() === b.receivedAt.getTime() && a.reference < b.reference);

/** The matter a contact is in: its first contact, and every contact in it (the first included). */
async function matterOf(tx: Tx, caseId: string) {
  const found = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { sameMatterAs: { select: { sameMatterAsId: true } } } });
  const first = await tx.case.findUniqueOrThrow({
    where: { id: found.sameMatterAs?.sameMatterAsId ?? caseId },
    select: { ...contact, sameMatterContacts: { select: { case: { select: contact } } } },
  });
  const { sameMatterContacts, ...head } = first;
  return { first: head, members: [head, ...sameMatterContacts.map((l) => l.case)] };
}

/** A contact by the reference someone typed: as typed, else in capitals ("lado-2026-00012"). */
async function findByReference(tx: Tx, typed: string) {
  return (
    (await tx.case.findUnique({ where: { reference: typed }, select: contact })) ??
    (await tx.case.findUnique({ where: { reference: typed.toUpperCase() }, select: contact }))
  );
}

export type LinkResult = { ok: true; first: Contact; other: Contact } | { ok: false; error: string };

/**
 * Links the contact `caseId` to the one whose reference was typed: their
 * matters become one under whichever first contact was received earlier
 * (every later contact of the other moves to it). Refused, as an error for
 * the reference field, for an unknown reference, the contact itself, or one
 * already in its matter.
 */
export function linkContacts(request: Request, userId: string, caseId: string, input: LinkInput): Promise<LinkResult> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LINK_LOCK})`;
    const other = await findByReference(tx, input.reference);
    if (!other) return { ok: false, error: `There is no contact ${input.reference}` };
    if (other.id === caseId) return { ok: false, error: `${other.reference} is this contact: enter the reference of another one` };
    // One after the other: a transaction is one connection.
    const mine = await matterOf(tx, caseId);
    const theirs = await matterOf(tx, other.id);
    if (mine.first.id === theirs.first.id) {
      return { ok: false, error: `${other.reference} is already about the same matter as this contact` };
    }
    const self = mine.members.find((m) => m.id === caseId)!;
    const [first, joining] = receivedBefore(mine.first, theirs.first) ? [mine.first, theirs.first] : [theirs.first, mine.first];
    // The link the form describes is kept on the later of the two contacts:
    // the joining matter's first, or a later contact that already has a link.
    const later = receivedBefore(self, other) ? other : self;
    const moved = await tx.caseLink.updateMany({ where: { sameMatterAsId: joining.id }, data: { sameMatterAsId: first.id } });
    const linked = { reason: input.reason, note: input.note, linkedById: userId, linkedAt: new Date() };
    await tx.caseLink.create({
      data: {
        caseId: joining.id,
        sameMatterAsId: first.id,
        ...(later.id === joining.id ? linked : { reason: "SAME_MATTER", linkedById: userId }),
      },
    });
    if (later.id !== joining.id) await tx.caseLink.update({ where: { caseId: later.id }, data: linked });
    await recordAudit(
      request,
      {
        who: userId,
        what: "case.link",
        subject: { type: "case", id: caseId },
        details: { action: "link", other: other.id, sameMatterAs: first.id, reason: input.reason, moved: moved.count },
      },
      tx,
    );
    return { ok: true, first, other };
  });
}

/** Takes a later contact out of its matter. False when it was in none (unlinked meanwhile): nothing to record. */
export function unlinkContact(request: Request, userId: string, caseId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LINK_LOCK})`;
    const link = await tx.caseLink.findUnique({ where: { caseId }, select: { sameMatterAsId: true, reason: true } });
    if (!link) return false;
    await tx.caseLink.delete({ where: { caseId } });
    await recordAudit(
      request,
      {
        who: userId,
        what: "case.link",
        subject: { type: "case", id: caseId },
        details: { action: "unlink", sameMatterAs: link.sameMatterAsId, reason: link.reason },
      },
      tx,
    );
    return true;
  });
}

/** What a case file shows of its matter: the first it is a later contact of, or its own later contacts. */
export const matterSelect = {
  sameMatterAs: { select: { reason: true, note: true, linkedAt: true, sameMatterAs: { select: { reference: true } } } },
  sameMatterContacts: {
    orderBy: [{ case: { receivedAt: "asc" } }, { case: { reference: "asc" } }],
    select: { reason: true, case: { select: { reference: true } } },
  },
} satisfies Prisma.CaseSelect;

export function readMatter(tx: Tx, caseId: string) {
  return tx.case.findUniqueOrThrow({ where: { id: caseId }, select: matterSelect });
}
