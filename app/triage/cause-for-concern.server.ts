// A cause for concern's record: what was agreed with the employer, who
// investigates, when they report back, and later the employer's result as a
// coded value with its text. One record per case, kept on the
// EmployerInvestigation; each change audited in its own transaction.
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { db } from "~/db.server";
import type { EmployerResult } from "~/generated/prisma/enums";
import { londonMoment } from "~/utils/dates";

export type AgreementAnswers = {
  agreedActions: string;
  /** The day it was agreed (a calendar day, midnight UTC). */
  agreedOn: Date;
  investigator: string | null;
  /** The day the employer is to report back by (a calendar day, midnight UTC). */
  reportBackBy: Date;
};

export type ResultAnswers = {
  resultCode: EmployerResult;
  result: string;
  /** The day the result came in (a calendar day, midnight UTC). */
  receivedOn: Date;
};

/** The start of a calendar day in London, for a timestamp column given only a day. */
const startOfLondonDay = (day: Date) => londonMoment(day.toISOString().slice(0, 10));

/**
 * Records or changes what was agreed with the employer. Only for a case
 * whose current decision is a cause for concern, or one that already has
 * the record (a cause for concern later revised to an allegation keeps the
 * employer's investigation): false, and nothing saved, otherwise.
 */
export function recordAgreement(request: Request, userId: string, caseId: string, answers: AgreementAnswers): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const found = await tx.case.findUniqueOrThrow({
      where: { id: caseId },
      select: {
        decisions: { orderBy: { revision: "desc" }, take: 1, select: { category: true } },
        employerInvestigation: { select: { id: true } },
      },
    });
    if (found.decisions[0]?.category !== "CAUSE_FOR_CONCERN" && !found.employerInvestigation) return false;
    const data = {
      agreedActions: answers.agreedActions,
      agreedAt: startOfLondonDay(answers.agreedOn),
      investigator: answers.investigator,
      reportBackBy: answers.reportBackBy,
    };
    await tx.employerInvestigation.upsert({ where: { caseId }, create: { ...data, caseId }, update: data });
    await recordAudit(
      request,
      { who: userId, what: "cause-for-concern.record", subject: { type: "case", id: caseId }, details: { part: "agreement" } },
      tx,
    );
    return true;
  });
}

/** Records or changes the employer's result. False, and nothing saved, when nothing was agreed yet. */
export function recordResult(request: Request, userId: string, caseId: string, answers: ResultAnswers): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.employerInvestigation.updateMany({
      where: { caseId },
      data: { resultCode: answers.resultCode, result: answers.result, resultReceivedAt: startOfLondonDay(answers.receivedOn) },
    });
    if (count === 0) return false;
    await recordAudit(
      request,
      {
        who: userId,
        what: "cause-for-concern.record",
        subject: { type: "case", id: caseId },
        details: { part: "result", resultCode: answers.resultCode },
      },
      tx,
    );
    return true;
  });
}
