// The outcome of an allegation (KCSIE Part 4's five, with the rationale, the
// date, and whether the person resigned or refused to cooperate: a conclusion
// is reached either way), one versioned record per case; and the onward
// referrals made (DBS, TRA, Ofsted, regulators...), each added as a row.
// dbsPromptsFor lists the cases where the duty to refer to the DBS applies
// and no DBS referral is recorded, for "My work".
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { db, type Prisma } from "~/db.server";
import type { OnwardBody, OutcomeType } from "~/generated/prisma/enums";
import { closedAt } from "~/triage/decisions.server";
import { dbsDuty } from "./dbs-duty";
import { saveVersioned, type VersionedSave } from "./versioned.server";

export type OutcomeAnswers = {
  outcome: OutcomeType;
  rationale: string;
  decidedAt: Date;
  personResigned: boolean;
  refusedToCooperate: boolean;
};

/** The answers' names as the refusal of a stale save names them. */
export const outcomeFieldLabels: Record<keyof OutcomeAnswers, string> = {
  outcome: "the outcome",
  rationale: "the rationale",
  decidedAt: "the date of the outcome",
  personResigned: "whether the person resigned",
  refusedToCooperate: "whether the person refused to cooperate",
};

export const outcomeSelect = {
  id: true,
  version: true,
  outcome: true,
  rationale: true,
  decidedAt: true,
  personResigned: true,
  refusedToCooperate: true,
} as const;

export type Closed = { saved: false; closedAt: Date };

/** Records or revises the outcome from the form made at `version` (0: none yet), audited, unless the case is closed. */
export function recordOutcome(
  request: Request,
  userId: string,
  caseId: string,
  sent: { version: number; data: OutcomeAnswers },
): Promise<VersionedSave | Closed> {
  return db.$transaction(async (tx) => {
    const closed = await closedAt(tx, caseId);
    if (closed) return { saved: false, closedAt: closed };
    return saveVersioned(
      tx,
      {
        find: () => tx.outcome.findUnique({ where: { caseId }, select: outcomeSelect }),
        create: async (data) =>
          (await tx.outcome.createMany({ data: [{ ...data, caseId, recordedById: userId }], skipDuplicates: true })).count,
        update: async (id, version, data) =>
          (await tx.outcome.updateMany({ where: { id, version }, data: { ...data, recordedById: userId } })).count,
      },
      sent,
      { request, who: userId, what: "outcome.record", type: "outcome", caseId },
    );
  });
}

export type OnwardReferralAnswers = {
  body: OnwardBody;
  referredAt: Date;
  referredBy: string;
  reference: string | null;
  detail: string | null;
};

/** Adds an onward referral, audited on the referral itself, unless the case is closed. */
export function recordOnwardReferral(
  request: Request,
  userId: string,
  caseId: string,
  answers: OnwardReferralAnswers,
): Promise<{ saved: true; id: string } | Closed> {
  return db.$transaction(async (tx) => {
    const closed = await closedAt(tx, caseId);
    if (closed) return { saved: false as const, closedAt: closed };
    const made = await tx.onwardReferral.create({
      data: { ...answers, caseId, recordedAt: new Date(), recordedById: userId },
      select: { id: true },
    });
    await recordAudit(
      request,
      {
        who: userId,
        what: "onward-referral.record",
        subject: { type: "onward-referral", id: made.id },
        caseId,
        details: { body: answers.body },
      },
      tx,
    );
    return { saved: true as const, id: made.id };
  });
}

/** What the DBS duty is decided from, as read with a case. */
export const dbsFactsSelect = {
  outcome: { select: { outcome: true, personResigned: true } },
  employerAction: { select: { finalAction: true } },
  onwardReferrals: { where: { body: "DBS" }, take: 1, select: { id: true } },
} as const satisfies Prisma.CaseSelect;

/** The DBS duty of a case read with dbsFactsSelect. */
export function dbsDutyOf(c: Prisma.CaseGetPayload<{ select: typeof dbsFactsSelect }>) {
  return dbsDuty({
    outcome: c.outcome?.outcome ?? null,
    personResigned: c.outcome?.personResigned ?? false,
    finalAction: c.employerAction?.finalAction ?? null,
    referredToDbs: c.onwardReferrals.length > 0,
  });
}

/**
 * The cases among `where` (say, one LADO's open cases) where the duty to
 * refer to the DBS applies and no DBS referral is recorded, with the reason.
 * Only substantiated outcomes without a DBS referral are read.
 */
export async function dbsPromptsFor(where: Prisma.CaseWhereInput) {
  const cases = await db.case.findMany({
    where: { AND: [where, { outcome: { outcome: "SUBSTANTIATED" } }, { onwardReferrals: { none: { body: "DBS" } } }] },
    select: { id: true, reference: true, ...dbsFactsSelect },
  });
  return cases.flatMap((c) => {
    const duty = dbsDutyOf(c);
    return duty.applies && !duty.referred ? [{ caseId: c.id, reference: c.reference, reason: duty.reason }] : [];
  });
}
