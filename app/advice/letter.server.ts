// Sending the advice follow-up letter: the PDF is made, stored on the case as
// a Document (kept exactly as sent; its SHA-256 proves it), the advice record
// points at it, and by email it goes through the outbox (GOV.UK Notify, as a
// file to download) or stays there with no Notify key; by post it is marked
// sent, to print. Sending again after a change makes a new letter: each is
// kept, the record points at the latest.
import { z } from "zod";
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { env } from "~/config/env.server";
import { db } from "~/db.server";
import { keepAndSendLetter } from "~/documents/letters.server";
import { LetterMethod } from "~/generated/prisma/enums";
import { londonDate, londonDay } from "~/utils/dates";
import type { FieldErrors } from "~/utils/forms.server";
import { decisionLabels } from "~/triage/labels";
import { isAdviceDecision } from "./advice";
import { adviceLetterPdf, type AdviceLetter } from "./letter-pdf.server";

export const letterForm = z.object({ method: z.enum(LetterMethod, "Select how to send the letter: by email or by post") });

/** What the letter is made from. */
function letterFacts(caseId: string) {
  return db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      reference: true,
      receivedAt: true,
      decisions: { orderBy: { revision: "desc" }, take: 1, select: { category: true } },
      referrer: {
        select: {
          type: true,
          name: true,
          role: true,
          email: true,
          organisationName: true,
          organisation: { select: { name: true, address: true } },
        },
      },
      advice: { select: { adviceGiven: true, referrerActions: true, redirectedTo: true, redirectDetail: true } },
    },
  });
}

type Facts = Awaited<ReturnType<typeof letterFacts>>;

/** Why the letter cannot go this way, as a field error; or none. */
function cannotSend(facts: Facts, method: LetterMethod): FieldErrors | null {
  if (!facts.advice) return { method: "Record the advice before sending the letter" };
  const decision = facts.decisions[0]?.category;
  // The letter tells the referrer the matter is below the threshold (or not
  // the LADO's): untrue once advice has been revised to a cause for
  // concern or an allegation.
  if (!isAdviceDecision(decision)) {
    const now = decision ? `The decision is now ${decisionLabels[decision].toLowerCase()}` : "There is no threshold decision";
    return { method: `${now}: the letter would tell the referrer the matter is below the threshold, so it cannot be sent` };
  }
  const referrer = facts.referrer;
  if (!referrer || referrer.type === "ANONYMOUS" || (!referrer.name && !referrer.email)) {
    return { method: "The referrer did not say who they are, so there is no one to send a letter to" };
  }
  if (method === "EMAIL" && !referrer.email) {
    return { method: "The referrer gave no email address: send the letter by post instead" };
  }
  return null;
}

/** The letter's contents for these facts, sent now by `from`. */
export function adviceLetterOf(facts: Facts, from: string, sentAt: Date): AdviceLetter {
  const { COUNCIL_NAME, COUNCIL_ADDRESS, COUNCIL_LOGO_PATH, LADO_PHONE } = env();
  const referrer = facts.referrer;
  return {
    council: { name: COUNCIL_NAME, address: COUNCIL_ADDRESS, logoPath: COUNCIL_LOGO_PATH, ladoPhone: LADO_PHONE },
    reference: facts.reference,
    sentAt,
    contactedAt: facts.receivedAt,
    to: {
      name: referrer?.name ?? null,
      role: referrer?.role ?? null,
      organisation: referrer?.organisation?.name ?? referrer?.organisationName ?? null,
      address: referrer?.organisation?.address ?? null,
    },
    decision: facts.decisions[0]?.category ?? null,
    adviceGiven: facts.advice!.adviceGiven,
    referrerActions: facts.advice!.referrerActions,
    redirectedTo: facts.advice!.redirectedTo,
    redirectDetail: facts.advice!.redirectDetail,
    from,
  };
}

/**
 * The email the letter goes with. Nothing a referrer typed goes into it (not
 * even their name): Notify turns text into formatting and links, and the
 * address is whatever the public form was given. The letter has the name.
 */
function emailOf(letter: AdviceLetter) {
  return {
    subject: `The LADO's advice in writing: ${letter.reference}`,
    body: [
      "Hello,",
      `Thank you for contacting the LADO service on ${londonDate(letter.contactedAt)}. Our letter confirming the advice we gave is attached below: to open it, you will be asked to enter this email address.`,
      `Please keep a copy with your safeguarding records, quoting the reference ${letter.reference} if you contact us again. The link works for 4 weeks.`,
      `If a child is in immediate danger, call 999. To talk to the LADO, call ${letter.council.ladoPhone}.`,
      `${letter.from}\nLocal Authority Designated Officer, ${letter.council.name}`,
    ].join("\n\n"),
  };
}

export type LetterResult = { sent: true; documentId: string; sha256: string } | { sent: false; errors: FieldErrors };

/**
 * Makes and sends the letter: stored, recorded on the advice and, by email,
 * queued, with its audit event, in one transaction (app/documents/letters.server.ts).
 * Field errors, and nothing sent, when it cannot go this way.
 */
export async function sendAdviceLetter(
  request: Request,
  user: { id: string; name: string },
  caseId: string,
  method: LetterMethod,
  sentAt = new Date(),
): Promise<LetterResult> {
  const facts = await letterFacts(caseId);
  const problem = cannotSend(facts, method);
  if (problem) return { sent: false, errors: problem };
  const letter = adviceLetterOf(facts, user.name, sentAt);
  const kept = await keepAndSendLetter({
    caseId,
    kind: "ADVICE_LETTER",
    filename: `advice-letter-${facts.reference}-${londonDay(sentAt)}.pdf`,
    bytes: await adviceLetterPdf(letter),
    sentAt,
    userId: user.id,
    emails: method === "EMAIL" ? [{ to: facts.referrer!.email!, template: "advice-letter", ...emailOf(letter) }] : [],
    record: async (tx, { documentId, sha256 }) => {
      await tx.adviceRecord.update({
        where: { caseId },
        data: { followUpLetterId: documentId, followUpSentAt: sentAt, followUpMethod: method },
      });
      await recordAudit(
        request,
        { who: user.id, what: "advice.letter", subject: { type: "document", id: documentId }, caseId, details: { method, sha256 } },
        tx,
      );
    },
  });
  return { sent: true, documentId: kept.documentId, sha256: kept.sha256 };
}
