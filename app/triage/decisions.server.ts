// Recording a threshold decision. Every decision is a new revision with its
// own rationale, never an overwrite. The form says which revision it was
// based on: if another was recorded meanwhile, nothing is saved and the
// caller gets the latest to show ("check it, then decide again"). Two saves
// at the same moment, both based on the latest, race for one revision
// number; the (caseId, revision) unique constraint lets one win, and the
// other is answered the same way.
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { db, type Prisma } from "~/db.server";
import { Prisma as PrismaRuntime } from "~/generated/prisma/client";
import type { DecisionCategory, HarmCategory, HarmCriterion } from "~/generated/prisma/enums";
import { considerationClock, considerIn, type InitialConsiderationAnswers } from "./initial-consideration.server";

export type DecisionAnswers = {
  /** The revision the LADO saw when deciding: 0 for a case with none. */
  basedOn: number;
  category: DecisionCategory;
  harmCriteria: HarmCriterion[];
  harmCategories: HarmCategory[];
  rationale: string;
};

/** What a decision shows wherever it is shown: the section's history and the latest on a stale form. */
export const decisionShown = {
  revision: true,
  category: true,
  harmCriteria: true,
  harmCategories: true,
  rationale: true,
  decidedAt: true,
  decidedBy: { select: { name: true } },
} satisfies Prisma.ThresholdDecisionSelect;

function latestDecision(tx: Pick<Prisma.TransactionClient, "thresholdDecision">, caseId: string) {
  return tx.thresholdDecision.findFirst({ where: { caseId }, orderBy: { revision: "desc" }, select: decisionShown });
}

export type LatestDecision = NonNullable<Awaited<ReturnType<typeof latestDecision>>>;

export type DecisionResult =
  { saved: true; revision: number } | { saved: false; latest: LatestDecision | null } | { saved: false; closedAt: Date };

/**
 * When the case was closed, if it is closed now (its latest closure signed
 * off and not reopened). A closed case takes no new decision: new
 * information is a new contact, linked to it as the same matter.
 */
export async function closedAt(tx: Pick<Prisma.TransactionClient, "closure">, caseId: string) {
  const latest = await tx.closure.findFirst({
    where: { caseId },
    orderBy: { proposedAt: "desc" },
    select: { signedOffAt: true, reopenedAt: true },
  });
  return latest?.signedOffAt && !latest.reopenedAt ? latest.signedOffAt : null;
}

const isUniqueViolation = (error: unknown) => error instanceof PrismaRuntime.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Saves the decision as the revision after `basedOn`, with its audit event,
 * in one transaction; with `consideration`, the case's initial consideration
 * too (a LADO may record both at one sitting: it is recorded as made at the
 * decision's time). Answers the revision saved, or, when another decision
 * came first, the latest one and nothing saved.
 */
export async function recordDecision(
  request: Request,
  userId: string,
  caseId: string,
  decision: DecisionAnswers,
  consideration?: InitialConsiderationAnswers,
  now = new Date(),
): Promise<DecisionResult> {
  const clock = consideration ? await considerationClock() : null;
  try {
    return await db.$transaction(async (tx): Promise<DecisionResult> => {
      const closed = await closedAt(tx, caseId);
      if (closed) return { saved: false, closedAt: closed };
      const latest = await latestDecision(tx, caseId);
      if ((latest?.revision ?? 0) !== decision.basedOn) return { saved: false, latest };
      const revision = decision.basedOn + 1;
      const { basedOn: _, ...answers } = decision;
      await tx.thresholdDecision.create({ data: { ...answers, caseId, revision, decidedById: userId, decidedAt: now } });
      if (consideration && clock) await considerIn(tx, request, { userId, caseId, now, clock }, consideration);
      await recordAudit(
        request,
        { who: userId, what: "case.decide", subject: { type: "case", id: caseId }, details: { revision, category: decision.category } },
        tx,
      );
      return { saved: true, revision };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return { saved: false, latest: await latestDecision(db, caseId) };
  }
}
