// Sending an outcome letter, to the employer or to the person the allegation
// was about: made from the outcome as recorded, kept on the case as a
// Document of kind OUTCOME_LETTER with an OutcomeLetter row saying to whom
// and where it went, and sent by email through the outbox (GOV.UK Notify, as
// a file to download), or made to print and post (app/documents/letters.server.ts).
// Each letter is kept; sending again makes a new one.
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { env } from "~/config/env.server";
import { db } from "~/db.server";
import { keepAndSendLetter } from "~/documents/letters.server";
import type { LetterMethod, LetterRecipient } from "~/generated/prisma/enums";
import { personName } from "~/people/names";
import { londonDay } from "~/utils/dates";
import type { FieldErrors } from "~/utils/forms.server";
import { outcomeLetterPdf, type OutcomeLetter } from "./outcome-letter-pdf.server";

export type OutcomeLetterRequest = { recipient: LetterRecipient; method: LetterMethod; email: string | null };

/** What the letters are made from. */
export function outcomeLetterFacts(caseId: string) {
  return db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      reference: true,
      receivedAt: true,
      subject: {
        select: {
          firstName: true,
          lastName: true,
          jobTitle: true,
          address: true,
          employerName: true,
          employer: { select: { name: true, address: true, email: true } },
        },
      },
      outcome: { select: { outcome: true, decidedAt: true, personResigned: true, refusedToCooperate: true } },
    },
  });
}

type Facts = Awaited<ReturnType<typeof outcomeLetterFacts>>;

const lines = (address: string | null | undefined) =>
  (address ?? "")
    .split(/\r?\n|,\s*/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Who each letter goes to: their lines, or why there is no one to address. */
function addressee(facts: Facts, recipient: LetterRecipient): { to: string[] } | { problem: string } {
  const subject = facts.subject;
  if (recipient === "EMPLOYER") {
    const name = subject?.employer?.name ?? subject?.employerName;
    if (!name) return { problem: "The person's employer is not recorded, so there is no one to address the employer's letter to" };
    return { to: [name, ...lines(subject?.employer?.address)] };
  }
  const name = subject ? personName(subject) : null;
  if (!name) return { problem: "The person the allegation is about is not named, so the letter cannot be addressed to them" };
  return { to: [name, ...lines(subject?.address)] };
}

/** The letter's contents for these facts, sent now by `from`. */
function outcomeLetterOf(facts: Facts, recipient: LetterRecipient, to: string[], from: string, sentAt: Date): OutcomeLetter {
  const { COUNCIL_NAME, COUNCIL_ADDRESS, COUNCIL_LOGO_PATH, LADO_PHONE } = env();
  const name = facts.subject ? personName(facts.subject) : null;
  const outcome = facts.outcome!;
  return {
    council: { name: COUNCIL_NAME, address: COUNCIL_ADDRESS, logoPath: COUNCIL_LOGO_PATH, ladoPhone: LADO_PHONE },
    reference: facts.reference,
    sentAt,
    recipient,
    to,
    about: name ? [name, facts.subject?.jobTitle].filter(Boolean).join(", ") : "the person",
    contactedAt: facts.receivedAt,
    ...outcome,
    from,
  };
}

/** The email a letter goes with: nothing anyone typed, which Notify would turn into links and formatting; the letter has it all. */
function emailOf(letter: OutcomeLetter) {
  return {
    subject: `The outcome of the allegation: ${letter.reference}`,
    body: [
      "Hello,",
      `Our letter telling you the outcome of the allegation, reference ${letter.reference}, is attached below: to open it, you will be asked to enter this email address.`,
      "Please keep it with your confidential records. The link works for 4 weeks.",
      `To talk to the LADO, call ${letter.council.ladoPhone}.`,
      `${letter.from}\nLocal Authority Designated Officer, ${letter.council.name}`,
    ].join("\n\n"),
  };
}

export type OutcomeLetterResult = { sent: true; documentId: string; sha256: string } | { sent: false; errors: FieldErrors };

/**
 * Makes and sends the letter, with its OutcomeLetter row and audit event, in
 * one transaction. Field errors, and nothing sent, when there is no outcome
 * yet or no one to address it to.
 */
export async function sendOutcomeLetter(
  request: Request,
  user: { id: string; name: string },
  caseId: string,
  asked: OutcomeLetterRequest,
  sentAt = new Date(),
): Promise<OutcomeLetterResult> {
  const facts = await outcomeLetterFacts(caseId);
  if (!facts.outcome) return { sent: false, errors: { recipient: "Record the outcome before sending an outcome letter" } };
  const to = addressee(facts, asked.recipient);
  if ("problem" in to) return { sent: false, errors: { recipient: to.problem } };
  const letter = outcomeLetterOf(facts, asked.recipient, to.to, user.name, sentAt);
  const email = asked.method === "EMAIL" ? asked.email : null;
  const kept = await keepAndSendLetter({
    caseId,
    kind: "OUTCOME_LETTER",
    filename: `outcome-letter-${asked.recipient.toLowerCase()}-${facts.reference}-${londonDay(sentAt)}.pdf`,
    bytes: await outcomeLetterPdf(letter),
    sentAt,
    userId: user.id,
    emails: email ? [{ to: email, template: "outcome-letter", ...emailOf(letter) }] : [],
    record: async (tx, { documentId, sha256 }) => {
      await tx.outcomeLetter.create({
        data: { caseId, recipient: asked.recipient, documentId, sentTo: email, createdAt: sentAt, createdById: user.id },
      });
      await recordAudit(
        request,
        {
          who: user.id,
          what: "outcome-letter.send",
          subject: { type: "document", id: documentId },
          caseId,
          details: { recipient: asked.recipient, method: asked.method, sha256 },
        },
        tx,
      );
    },
  });
  return { sent: true, documentId: kept.documentId, sha256: kept.sha256 };
}
