// The outcome letter as a tagged PDF (app/documents/pdf.server.ts): to the
// employer, or to the person the allegation was about. It gives the outcome
// with its KCSIE definition, says when a conclusion was reached although the
// person resigned or refused to cooperate, and gives the KCSIE guidance on
// personnel files and references that fits the outcome. The same input makes
// the same bytes: its dates come from the time it was sent.
import { paragraphsOf, startPdf } from "~/documents/pdf.server";
import type { LetterRecipient, OutcomeType } from "~/generated/prisma/enums";
import { londonDate } from "~/utils/dates";
import { outcomeLabels } from "./labels";
import { outcomeDefinitions, outcomeGuidance } from "./outcome-guidance";

export type OutcomeLetter = {
  council: { name: string; address: string[]; logoPath?: string; ladoPhone: string };
  reference: string;
  sentAt: Date;
  recipient: LetterRecipient;
  /** The addressee's lines: the employer's name and address, or the person's. */
  to: string[];
  /** The person the allegation was about, as the employer's letter names them ("Ann Smith, teaching assistant"). */
  about: string;
  contactedAt: Date;
  outcome: OutcomeType;
  decidedAt: Date;
  personResigned: boolean;
  refusedToCooperate: boolean;
  from: string;
};

export const OUTCOME_LETTER_TITLE = "The outcome of the allegation";

/** The letter's parts after its opening, under their headings. */
export function outcomeLetterBody(letter: OutcomeLetter): { heading: string | null; paragraphs: string[] }[] {
  const toPerson = letter.recipient === "SUBJECT";
  const outcome = outcomeLabels[letter.outcome].toLowerCase();
  const circumstances = [
    letter.personResigned ? (toPerson ? "you resigned" : "the person resigned") : null,
    letter.refusedToCooperate
      ? toPerson
        ? "you did not take part in the process"
        : "the person refused to cooperate with the process"
      : null,
  ].filter(Boolean);
  const guidance = outcomeGuidance(letter.outcome);
  return [
    {
      heading: null,
      paragraphs: [
        toPerson
          ? `I am writing to tell you the outcome of the allegation about you, which the LADO service received on ${londonDate(letter.contactedAt)}.`
          : `I am writing to tell you the outcome of the allegation about ${letter.about}, which the LADO service received on ${londonDate(letter.contactedAt)}.`,
      ],
    },
    {
      heading: "The outcome",
      paragraphs: [
        `On ${londonDate(letter.decidedAt)} the allegation was found to be ${outcome}.`,
        `Keeping children safe in education defines ${outcome} as follows: ${outcomeDefinitions[letter.outcome]}`,
        ...(circumstances.length
          ? [`This conclusion was reached although ${circumstances.join(" and ")}: a conclusion is reached and recorded either way.`]
          : []),
      ],
    },
    { heading: "The record on the personnel file", paragraphs: guidance.personnelFile },
    { heading: "References", paragraphs: guidance.references },
    {
      heading: "Questions",
      paragraphs: [
        `If you have any questions, call the LADO service on ${letter.council.ladoPhone}, quoting the reference ${letter.reference}.`,
      ],
    },
  ];
}

/** The letter as PDF bytes. */
export function outcomeLetterPdf(letter: OutcomeLetter): Promise<Buffer> {
  const pdf = startPdf({
    title: `${OUTCOME_LETTER_TITLE} (${letter.reference})`,
    author: letter.council.name,
    subject: `LADO outcome letter, ${letter.reference}`,
    reference: letter.reference,
    at: letter.sentAt,
  });
  pdf.letterhead(letter.council);
  if (letter.to.length) pdf.block("P", letter.to.join("\n"), { gap: 1 });
  pdf.block("P", `Date: ${londonDate(letter.sentAt)}\nOur reference: ${letter.reference}`, { gap: 1.2 });
  pdf.heading(1, OUTCOME_LETTER_TITLE);
  pdf.block("P", letter.recipient === "SUBJECT" && letter.to[0] ? `Dear ${letter.to[0]},` : "Dear colleague,");
  for (const part of outcomeLetterBody(letter)) {
    if (part.heading) pdf.heading(2, part.heading);
    for (const paragraph of part.paragraphs.flatMap(paragraphsOf)) pdf.block("P", paragraph);
  }
  pdf.doc.moveDown(0.6);
  pdf.block("P", `Yours sincerely,\n\n${letter.from}\nLocal Authority Designated Officer\n${letter.council.name}`);
  return pdf.end();
}
