// The employer's actions on an allegation: whether suspension was considered,
// the alternatives weighed first and why they were rejected (or why the
// person was not suspended), the suspension itself (who agreed it, its
// rationale, the written confirmation, the named contact, its reviews and
// end), redeployment, return to work, and the employer's final action. One
// versioned record per case (app/allegations/versioned.server.ts): a save
// from an out-of-date form is refused with what changed since.
// unconfirmedSuspensions lists the suspensions awaiting written confirmation, for "My work".
import { getBankHolidays, getSettings } from "~/config/settings.server";
import { db, type Prisma } from "~/db.server";
import type { EmployerFinalAction, SuspensionAlternative } from "~/generated/prisma/enums";
import { closedAt } from "~/triage/decisions.server";
import { suspensionConfirmation } from "./suspension";
import { saveVersioned, type VersionedSave } from "./versioned.server";

export type EmployerActionAnswers = {
  suspensionConsidered: boolean;
  alternativesConsidered: SuspensionAlternative[];
  alternativesRejected: string | null;
  notSuspendedReason: string | null;
  suspended: boolean;
  suspendedAt: Date | null;
  suspensionAgreedBy: string | null;
  suspensionRationale: string | null;
  writtenConfirmationAt: Date | null;
  namedContact: string | null;
  suspensionReviewDates: Date[];
  suspensionEndedAt: Date | null;
  redeployed: boolean;
  redeployedAt: Date | null;
  returnedToWorkAt: Date | null;
  finalAction: EmployerFinalAction | null;
  finalActionAt: Date | null;
  finalActionDetail: string | null;
};

/** The answers' names as the refusal of a stale save names them. */
export const employerActionFieldLabels: Record<keyof EmployerActionAnswers, string> = {
  suspensionConsidered: "whether suspension was considered",
  alternativesConsidered: "the alternatives considered",
  alternativesRejected: "why the alternatives were rejected",
  notSuspendedReason: "why the person was not suspended",
  suspended: "whether the person was suspended",
  suspendedAt: "the date of suspension",
  suspensionAgreedBy: "who agreed the suspension",
  suspensionRationale: "the rationale for suspension",
  writtenConfirmationAt: "the date of written confirmation",
  namedContact: "the named contact",
  suspensionReviewDates: "the review dates",
  suspensionEndedAt: "the date the suspension ended",
  redeployed: "whether the person was redeployed",
  redeployedAt: "the date of redeployment",
  returnedToWorkAt: "the date the person returned to work",
  finalAction: "the final action",
  finalActionAt: "the date of the final action",
  finalActionDetail: "the detail of the final action",
};

/** The answers' columns, as the section, the chronology and a save read them. */
export const employerActionAnswersSelect = Object.fromEntries(Object.keys(employerActionFieldLabels).map((k) => [k, true])) as Record<
  keyof EmployerActionAnswers,
  true
>;

export type EmployerActionSave = VersionedSave | { saved: false; closedAt: Date };

/** Saves the employer's actions from the form made at `version` (0: none recorded yet), audited, unless the case is closed. */
export function recordEmployerAction(
  request: Request,
  userId: string,
  caseId: string,
  sent: { version: number; data: EmployerActionAnswers },
): Promise<EmployerActionSave> {
  return db.$transaction(async (tx) => {
    const closed = await closedAt(tx, caseId);
    if (closed) return { saved: false, closedAt: closed };
    return saveVersioned(
      tx,
      {
        find: () =>
          tx.employerAction.findUnique({ where: { caseId }, select: { id: true, version: true, ...employerActionAnswersSelect } }),
        create: async (data) => (await tx.employerAction.createMany({ data: [{ ...data, caseId }], skipDuplicates: true })).count,
        update: async (id, version, data) => (await tx.employerAction.updateMany({ where: { id, version }, data })).count,
      },
      sent,
      { request, who: userId, what: "employer-action.record", type: "employer-action", caseId },
    );
  });
}

/** The record as its section shows it and its form changes it. */
export const employerActionSelect = { version: true, ...employerActionAnswersSelect } as const;

/**
 * Suspensions among the cases `where` (say, one LADO's open cases) whose
 * written confirmation is not recorded: each with the day it is due by and
 * whether it is still due or overdue on `today` (yyyy-mm-dd, London), soonest first. For "My work".
 */
export async function unconfirmedSuspensions(where: Prisma.CaseWhereInput, today: string) {
  const [rows, settings, holidays] = await Promise.all([
    db.employerAction.findMany({
      where: { case: where, suspended: true, suspendedAt: { not: null }, writtenConfirmationAt: null },
      select: { suspendedAt: true, case: { select: { id: true, reference: true } } },
    }),
    getSettings(),
    getBankHolidays(),
  ]);
  return rows
    .map((r) => ({
      caseId: r.case.id,
      reference: r.case.reference,
      ...suspensionConfirmation(
        { suspendedOn: r.suspendedAt!.toISOString().slice(0, 10), confirmedOn: null },
        today,
        settings.suspensionConfirmationWorkingDays,
        holidays,
      ),
    }))
    .sort((a, b) => a.dueBy.localeCompare(b.dueBy) || a.reference.localeCompare(b.reference));
}
