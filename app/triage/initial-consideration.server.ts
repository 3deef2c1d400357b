// Recording a contact's initial consideration: whether prior history was
// seen, what was done at once, and notes. The first recording fixes who,
// when, and the due time as it then stood (app/triage/initial-consideration.ts),
// so "met or missed" stays as first decided whatever the settings or bank
// holidays become; a later change updates the answers only. Either is
// audited in its own transaction, and takes the contact out of the triage
// queue (which lists contacts with no initialConsideredAt).
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { getBankHolidays, getSettings } from "~/config/settings.server";
import { db, type Prisma } from "~/db.server";
import type { ImmediateAction } from "~/generated/prisma/enums";
import { initialConsideration } from "./initial-consideration";

export type InitialConsiderationAnswers = {
  priorHistorySeen: boolean;
  immediateActions: ImmediateAction[];
  /** What the "other" immediate action was; only with OTHER. */
  immediateActionDetail: string | null;
  notes: string | null;
};

/** The configured target and the bank holidays, for working out a due time. */
export async function considerationClock() {
  const [settings, holidays] = await Promise.all([getSettings(), getBankHolidays()]);
  return { workingDays: settings.initialConsiderationWorkingDays, holidays };
}

export type ConsiderationClock = Awaited<ReturnType<typeof considerationClock>>;

/**
 * Records the answers inside the caller's transaction (a threshold decision
 * made before any consideration records one with it) and audits them.
 * The first time also records who, `now`, and the due time. Two LADOs
 * recording at once: the second waits for the first's row lock and then
 * finds it recorded, so the first time stays the first.
 */
export async function considerIn(
  tx: Prisma.TransactionClient,
  request: Request,
  by: { userId: string; caseId: string; now: Date; clock: ConsiderationClock },
  answers: InitialConsiderationAnswers,
) {
  const { userId, caseId, now, clock } = by;
  const { receivedAt } = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { receivedAt: true } });
  const dueAt = initialConsideration(receivedAt, now, clock.workingDays, clock.holidays).dueAt;
  const { count } = await tx.case.updateMany({
    where: { id: caseId, initialConsideredAt: null },
    data: { initialConsideredAt: now, initialConsideredById: userId, initialConsiderationDue: dueAt },
  });
  const first = count === 1;
  await tx.case.update({
    where: { id: caseId },
    data: {
      priorHistorySeen: answers.priorHistorySeen,
      immediateActions: answers.immediateActions,
      immediateActionDetail: answers.immediateActions.includes("OTHER") ? answers.immediateActionDetail : null,
      initialConsideration: answers.notes,
    },
  });
  await recordAudit(
    request,
    {
      who: userId,
      what: "case.initial-consideration",
      subject: { type: "case", id: caseId },
      details: { first, priorHistorySeen: answers.priorHistorySeen, immediateActions: answers.immediateActions },
    },
    tx,
  );
  return { first };
}

/** Whether the case's initial consideration has been recorded. */
export async function isConsidered(caseId: string) {
  const found = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { initialConsideredAt: true } });
  return found.initialConsideredAt !== null;
}

/** Records (or changes) the initial consideration on its own, in one transaction with its audit event. */
export async function recordInitialConsideration(
  request: Request,
  userId: string,
  caseId: string,
  answers: InitialConsiderationAnswers,
  now = new Date(),
) {
  const clock = await considerationClock();
  return db.$transaction((tx) => considerIn(tx, request, { userId, caseId, now, clock }, answers));
}
