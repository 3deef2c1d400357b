// Advice records: on a consultation (advice and guidance, or a matter that is
// not the LADO's), the advice given, what the referrer was asked to do, where
// the matter was redirected (none is an answer), and the later case it
// became a referral in. One record per case; each save audited in its own
// transaction. The written follow-up is letter.server.ts.
import { z } from "zod";
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { text } from "~/contacts/contact-fields";
import { db, type Prisma } from "~/db.server";
import { RedirectTarget } from "~/generated/prisma/enums";
import type { FieldErrors } from "~/utils/forms.server";
import { NOT_ADVICE_MESSAGE, takesAdvice } from "./advice";

/** The section has two forms: the advice, and the follow-up letter. */
export const adviceIntent = z.object({ intent: z.enum(["advice", "letter"], "Choose what to do: save the advice or send the letter") });

export const adviceForm = z
  .object({
    adviceGiven: text("The advice given", 10_000, "Enter the advice given"),
    referrerActions: text("What the referrer was asked to do", 5_000),
    redirectedTo: z.enum(RedirectTarget, "Select where the matter was redirected, or None"),
    redirectDetail: text("Details of where it was redirected", 500),
    progressedTo: text("The later case's reference", 60),
  })
  .superRefine((a, ctx) => {
    if (a.redirectedTo === "OTHER_LA_LADO" && !a.redirectDetail) {
      ctx.addIssue({ code: "custom", path: ["redirectDetail"], message: "Enter which local authority's LADO it was redirected to" });
    }
  });

export type AdviceAnswers = z.output<typeof adviceForm>;

/** The case and its current decision, read for a save. */
function adviceState(tx: Prisma.TransactionClient, caseId: string) {
  return tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      reference: true,
      receivedAt: true,
      decisions: { orderBy: { revision: "desc" }, take: 1, select: { category: true } },
      advice: { select: { id: true } },
    },
  });
}

/**
 * A later case by the reference typed: exactly, or in capitals (our
 * references are, and people type them in lower case). Both ways use the
 * reference's unique index.
 */
function caseByReference(tx: Prisma.TransactionClient, typed: string) {
  return tx.case.findFirst({
    where: { reference: { in: [typed, typed.toUpperCase()] } },
    select: { id: true, reference: true, receivedAt: true },
  });
}

/** What is wrong with the case typed as the referral the advice became, if anything: it must be another, later case. */
function progressedToProblem(
  typed: string | undefined,
  later: { id: string; reference: string; receivedAt: Date } | null,
  advised: { id: string; receivedAt: Date },
) {
  if (typed && !later) return `There is no case with the reference ${typed}: check it and enter it again`;
  if (later?.id === advised.id) return "Enter the later case's reference, not this case's";
  if (later && later.receivedAt < advised.receivedAt)
    return `${later.reference} came in before this contact: enter the later case's reference`;
  return undefined;
}

export type AdviceResult = { saved: true } | { saved: false; errors: FieldErrors };

/**
 * Records, or changes, the case's advice, with its audit event, in one
 * transaction. Answers field errors, and saves nothing, when the case does
 * not take advice or the later case's reference is not a case.
 */
export async function recordAdvice(
  request: Request,
  userId: string,
  caseId: string,
  answers: AdviceAnswers,
  now = new Date(),
): Promise<AdviceResult> {
  return db.$transaction(async (tx): Promise<AdviceResult> => {
    const found = await adviceState(tx, caseId);
    if (!takesAdvice(found.decisions[0]?.category, Boolean(found.advice)))
      return { saved: false, errors: { decision: NOT_ADVICE_MESSAGE } };
    const later = answers.progressedTo ? await caseByReference(tx, answers.progressedTo) : null;
    const problem = progressedToProblem(answers.progressedTo, later, { id: caseId, receivedAt: found.receivedAt });
    if (problem) return { saved: false, errors: { progressedTo: problem } };
    const data = {
      adviceGiven: answers.adviceGiven,
      referrerActions: answers.referrerActions ?? null,
      redirectedTo: answers.redirectedTo,
      // A redirection's details mean nothing without one.
      redirectDetail: answers.redirectedTo === "NONE" ? null : (answers.redirectDetail ?? null),
      progressedToCaseId: later?.id ?? null,
      recordedById: userId,
      recordedAt: now,
    };
    await tx.adviceRecord.upsert({ where: { caseId }, create: { ...data, caseId }, update: data });
    await recordAudit(
      request,
      {
        who: userId,
        what: "advice.record",
        subject: { type: "case", id: caseId },
        details: { first: !found.advice, redirectedTo: answers.redirectedTo, progressedTo: later?.reference ?? null },
      },
      tx,
    );
    return { saved: true };
  });
}
