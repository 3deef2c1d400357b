// Closing a case: the LADO (or a manager) proposes closure with a reason; a
// manager other than the one who proposed it signs it off, which closes the
// case and sets its retention review date and basis, or returns it with a
// comment. A closed case is reopened with a reason. Legal holds are placed
// and lifted by a manager. Each change locks the case row first, so two
// people acting on one case at once are answered in turn, and is audited in
// its own transaction.
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { getSettings } from "~/config/settings.server";
import { db, type Prisma } from "~/db.server";
import { closedAt } from "~/triage/decisions.server";
import { londonDay } from "~/utils/dates";
import { deletionBlockedBy, mayDelete, retentionAtClosure } from "./retention";

type Tx = Prisma.TransactionClient;

/** A change refused: an error for each field (or part of the page) concerned, and the HTTP status to answer with. */
export type Refusal = { done: false; errors: Record<string, string>; status: 400 | 403 | 409 };
export type ClosureResult = { done: true } | Refusal;

const refuse = (field: string, message: string, status: Refusal["status"] = 409): Refusal => ({
  done: false,
  errors: { [field]: message },
  status,
});

/** Messages that more than one change, and the page, use. */
export const closureMessages = {
  noOutcome: "Record the outcome of the allegation before proposing closure: an allegation cannot close without one",
  openActionsReason: (n: number) =>
    `Give the reason for closing with ${n === 1 ? "1 action" : `${n} actions`} still open, or complete or cancel ${n === 1 ? "it" : "them"} first`,
  alreadyProposed: "Closure has already been proposed and is waiting for a manager's sign-off",
  closed: "This case is closed: reopen it first",
  notProposed: "There is no proposal to close this case waiting for sign-off: it may have been signed off or returned meanwhile",
  ownProposal: "You proposed this closure: another manager must sign it off",
  notClosed: "This case is not closed: only a closed case can be reopened",
  holdLifted: "This legal hold has already been lifted, or is not on this case",
};

function lockCase(tx: Tx, caseId: string) {
  return tx.$queryRaw`SELECT "id" FROM "Case" WHERE "id" = ${caseId}::uuid FOR UPDATE`;
}

/** The latest proposal, if it is waiting for a manager (not signed off, returned or reopened). */
async function waitingProposal(tx: Tx, caseId: string) {
  const latest = await tx.closure.findFirst({
    where: { caseId },
    orderBy: { proposedAt: "desc" },
    select: { id: true, proposedById: true, signedOffAt: true, returnedReason: true, reopenedAt: true },
  });
  // Returned means a comment given (as caseStage reads it, app/cases/stage.ts).
  return latest && !latest.signedOffAt && !latest.returnedReason && !latest.reopenedAt ? latest : null;
}

/** Whether the case is an allegation now: its current (latest) threshold decision. */
async function isAllegation(tx: Pick<Tx, "thresholdDecision">, caseId: string) {
  const latest = await tx.thresholdDecision.findFirst({ where: { caseId }, orderBy: { revision: "desc" }, select: { category: true } });
  return latest?.category === "ALLEGATION";
}

/** The case's open actions, oldest due first: closing with any needs a reason. */
export function openActions(tx: Pick<Tx, "action">, caseId: string) {
  return tx.action.findMany({
    where: { caseId, status: "OPEN" },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    select: { id: true, description: true, ownerName: true, ownerAgency: true, dueDate: true },
  });
}

/** What proposing closure needs of the case now: an outcome, if it is an allegation; how many actions are open. */
export async function proposalChecks(caseId: string, tx: Pick<Tx, "thresholdDecision" | "outcome" | "action"> = db) {
  const outcomeMissing = (await isAllegation(tx, caseId)) && !(await tx.outcome.findUnique({ where: { caseId }, select: { id: true } }));
  return { outcomeMissing, openActions: await tx.action.count({ where: { caseId, status: "OPEN" } }) };
}

/** The problems with proposing closure of a case with `checks` for these answers, on the fields they concern. */
export function proposalProblems(checks: Awaited<ReturnType<typeof proposalChecks>>, openActionsReason: string | null) {
  const errors: Record<string, string> = {};
  if (checks.outcomeMissing) errors.outcome = closureMessages.noOutcome;
  if (checks.openActions && !openActionsReason) errors.openActionsReason = closureMessages.openActionsReason(checks.openActions);
  return errors;
}

export type ProposalAnswers = { reason: string; openActionsReason: string | null };

/**
 * Proposes closure. Refused while a proposal waits or the case is closed;
 * for an allegation without an outcome (on "outcome"); and with open
 * actions and no reason for them (on "openActionsReason").
 */
export function proposeClosure(request: Request, userId: string, caseId: string, answers: ProposalAnswers, now = new Date()) {
  return db.$transaction(async (tx): Promise<ClosureResult> => {
    await lockCase(tx, caseId);
    if (await closedAt(tx, caseId)) return refuse("closure", closureMessages.closed);
    if (await waitingProposal(tx, caseId)) return refuse("closure", closureMessages.alreadyProposed);
    const checks = await proposalChecks(caseId, tx);
    const errors = proposalProblems(checks, answers.openActionsReason);
    if (Object.keys(errors).length) return { done: false, errors, status: 400 };
    const closure = await tx.closure.create({
      data: {
        caseId,
        proposedAt: now,
        proposedById: userId,
        note: answers.reason,
        // Kept only when it was asked for: a reason sent with no open action is not one.
        openActionsReason: checks.openActions ? answers.openActionsReason : null,
      },
    });
    await recordAudit(
      request,
      {
        who: userId,
        what: "closure.propose",
        subject: { type: "closure", id: closure.id },
        caseId,
        details: { openActions: checks.openActions },
      },
      tx,
    );
    return { done: true };
  });
}

/**
 * A manager signs off the waiting proposal: the case closes, and its
 * retention review date and basis are set from the configured rule. The
 * manager who proposed it may not (separation of duties).
 */
export async function signOffClosure(request: Request, managerId: string, caseId: string, now = new Date()) {
  const settings = await getSettings();
  return db.$transaction(async (tx): Promise<ClosureResult> => {
    await lockCase(tx, caseId);
    const proposal = await waitingProposal(tx, caseId);
    if (!proposal) return refuse("closure", closureMessages.notProposed);
    if (proposal.proposedById === managerId) return refuse("closure", closureMessages.ownProposal, 403);
    const file = await tx.case.findUniqueOrThrow({
      where: { id: caseId },
      select: { receivedAt: true, outcome: { select: { outcome: true } }, subject: { select: { dateOfBirth: true } } },
    });
    const retention = retentionAtClosure(
      {
        outcome: file.outcome?.outcome ?? null,
        closedAt: now,
        allegationAt: file.receivedAt,
        dateOfBirth: file.subject?.dateOfBirth ?? null,
      },
      settings,
    );
    await tx.closure.update({ where: { id: proposal.id }, data: { signedOffAt: now, signedOffById: managerId } });
    await tx.case.update({ where: { id: caseId }, data: retention });
    await recordAudit(
      request,
      {
        who: managerId,
        what: "closure.sign-off",
        subject: { type: "closure", id: proposal.id },
        caseId,
        details: { retentionReviewDate: retention.retentionReviewDate.toISOString().slice(0, 10) },
      },
      tx,
    );
    return { done: true };
  });
}

/** A manager sends the waiting proposal back to the LADO with a comment, which the section shows. */
export function returnClosure(request: Request, managerId: string, caseId: string, comment: string, now = new Date()) {
  return db.$transaction(async (tx): Promise<ClosureResult> => {
    await lockCase(tx, caseId);
    const proposal = await waitingProposal(tx, caseId);
    if (!proposal) return refuse("closure", closureMessages.notProposed);
    await tx.closure.update({ where: { id: proposal.id }, data: { returnedAt: now, returnedById: managerId, returnedReason: comment } });
    await recordAudit(request, { who: managerId, what: "closure.return", subject: { type: "closure", id: proposal.id }, caseId }, tx);
    return { done: true };
  });
}

/**
 * Reopens a closed case with a reason: it takes decisions and changes again.
 * The retention review date set at closure no longer applies (the next
 * sign-off sets it again); the audit event keeps the one it had.
 */
export function reopenCase(request: Request, userId: string, caseId: string, reason: string, now = new Date()) {
  return db.$transaction(async (tx): Promise<ClosureResult> => {
    await lockCase(tx, caseId);
    const latest = await tx.closure.findFirst({
      where: { caseId },
      orderBy: { proposedAt: "desc" },
      select: { id: true, signedOffAt: true, reopenedAt: true },
    });
    if (!latest?.signedOffAt || latest.reopenedAt) return refuse("closure", closureMessages.notClosed);
    const before = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { retentionReviewDate: true } });
    await tx.closure.update({ where: { id: latest.id }, data: { reopenedAt: now, reopenedById: userId, reopenReason: reason } });
    await tx.case.update({ where: { id: caseId }, data: { retentionReviewDate: null, retentionBasis: null } });
    await recordAudit(
      request,
      {
        who: userId,
        what: "closure.reopen",
        subject: { type: "closure", id: latest.id },
        caseId,
        details: { retentionReviewDate: before.retentionReviewDate?.toISOString().slice(0, 10) ?? null },
      },
      tx,
    );
    return { done: true };
  });
}

/** A manager places a legal hold on the case: nothing of it may be deleted until it is lifted. */
export function placeLegalHold(request: Request, managerId: string, caseId: string, reason: string, now = new Date()) {
  return db.$transaction(async (tx): Promise<ClosureResult> => {
    const hold = await tx.legalHold.create({ data: { caseId, reason, placedAt: now, placedById: managerId } });
    await recordAudit(request, { who: managerId, what: "legal-hold.place", subject: { type: "legal-hold", id: hold.id }, caseId }, tx);
    return { done: true };
  });
}

/** A manager lifts one of the case's legal holds (once: a second lift finds it lifted). */
export function liftLegalHold(request: Request, managerId: string, caseId: string, holdId: string, now = new Date()) {
  return db.$transaction(async (tx): Promise<ClosureResult> => {
    const lifted = await tx.legalHold.updateMany({ where: { id: holdId, caseId, liftedAt: null }, data: { liftedAt: now } });
    if (lifted.count === 0) return refuse("holds", closureMessages.holdLifted);
    await recordAudit(request, { who: managerId, what: "legal-hold.lift", subject: { type: "legal-hold", id: holdId }, caseId }, tx);
    return { done: true };
  });
}

/** The legal holds not lifted that cover the case: its own and those on every record. */
export function activeLegalHolds(tx: Pick<Tx, "legalHold">, caseId: string) {
  return tx.legalHold.findMany({
    where: { liftedAt: null, OR: [{ caseId }, { caseId: null }] },
    orderBy: { placedAt: "asc" },
    select: { id: true, caseId: true, reason: true, placedAt: true, placedBy: { select: { name: true } } },
  });
}

/** The facts the deletion rule reads, for one case. */
async function deletionFacts(tx: Pick<Tx, "closure" | "case" | "legalHold">, caseId: string) {
  // One after another: `tx` may be a transaction's single connection.
  const closed = await closedAt(tx, caseId);
  const file = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { retentionReviewDate: true } });
  const holds = await tx.legalHold.findMany({
    where: { OR: [{ caseId }, { caseId: null }] },
    select: { reason: true, caseId: true, liftedAt: true },
  });
  return { closedAt: closed, retentionReviewDate: file.retentionReviewDate, holds };
}

/**
 * What stops the case's records being deleted now (app/allegations/retention.ts):
 * for the retention work (issue 20) to ask before deleting anything, in the
 * transaction that deletes.
 */
export async function caseDeletionBlockedBy(caseId: string, now = new Date(), tx: Pick<Tx, "closure" | "case" | "legalHold"> = db) {
  return deletionBlockedBy(await deletionFacts(tx, caseId), londonDay(now));
}

/** Whether the case's records may be deleted now: closed, past its retention review date, and under no legal hold. */
export async function mayDeleteCase(caseId: string, now = new Date(), tx: Pick<Tx, "closure" | "case" | "legalHold"> = db) {
  return mayDelete(await deletionFacts(tx, caseId), londonDay(now));
}

/**
 * Proposals waiting for a manager's sign-off, oldest first: on every case,
 * or on those allocated to one LADO. For "My work" and the team view; a
 * manager may sign off those they did not propose (`proposedById`).
 */
export async function closuresAwaitingSignOff(where: { allocatedToId?: string } = {}) {
  const rows = await db.closure.findMany({
    where: {
      signedOffAt: null,
      returnedReason: null,
      reopenedAt: null,
      ...(where.allocatedToId ? { case: { allocatedToId: where.allocatedToId } } : {}),
    },
    orderBy: { proposedAt: "asc" },
    select: {
      proposedAt: true,
      proposedById: true,
      proposedBy: { select: { name: true } },
      case: { select: { id: true, reference: true, allocatedTo: { select: { id: true, name: true } } } },
    },
  });
  return rows.map((r) => ({ ...r.case, proposedAt: r.proposedAt, proposedById: r.proposedById, proposedBy: r.proposedBy?.name ?? null }));
}
