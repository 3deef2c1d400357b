// The advice follow-up letter as a PDF: the council's name, address and
// logo, the date, the addressee, the advice, what the referrer was asked to
// do and where to go next, tagged and marked as every PDF of the service is
// (app/documents/pdf.server.ts). The same input always makes the same bytes:
// the document's dates come from the time it was sent.
// docs/decisions/015-advice-letter.md
import { paragraphsOf, startPdf } from "~/documents/pdf.server";
import type { DecisionCategory, RedirectTarget } from "~/generated/prisma/enums";
import { redirectLabels } from "~/triage/labels";
import { londonDate } from "~/utils/dates";

export type AdviceLetter = {
  council: { name: string; address: string[]; logoPath?: string; ladoPhone: string };
  reference: string;
  /** When the letter is sent: its date, and the PDF's own dates. */
  sentAt: Date;
  /** When the referrer contacted the service. */
  contactedAt: Date;
  to: { name: string | null; role: string | null; organisation: string | null; address: string | null };
  decision: DecisionCategory | null;
  adviceGiven: string;
  referrerActions: string | null;
  redirectedTo: RedirectTarget | null;
  redirectDetail: string | null;
  /** The LADO who signs it. */
  from: string;
};

export const LETTER_TITLE = "Your contact with the LADO: our advice in writing";
/** The letter's paragraphs after its opening, under their headings. */
export function letterBody(letter: AdviceLetter): { heading: string | null; paragraphs: string[] }[] {
  const redirected = letter.redirectedTo && letter.redirectedTo !== "NONE" ? letter.redirectedTo : null;
  const considered =
    letter.decision === "NOT_LADO"
      ? "We considered what you told us. It is not a matter for the LADO, so we gave you advice and told you where to take it."
      : "We considered what you told us. It does not meet the threshold for the LADO to manage it as an allegation against someone who works with children, so we gave you advice.";
  return [
    {
      heading: null,
      paragraphs: [
        `Thank you for contacting the Local Authority Designated Officer (LADO) service on ${londonDate(letter.contactedAt)}. This letter confirms the advice we gave you, so that you have it in writing.`,
        considered,
      ],
    },
    { heading: "The advice we gave", paragraphs: paragraphsOf(letter.adviceGiven) },
    ...(letter.referrerActions ? [{ heading: "What we asked you to do", paragraphs: paragraphsOf(letter.referrerActions) }] : []),
    ...(redirected
      ? [
          {
            heading: "Who to contact next",
            paragraphs: [
              `We advised you to take this to: ${redirectLabels[redirected]}${letter.redirectDetail ? ` (${letter.redirectDetail})` : ""}.`,
            ],
          },
        ]
      : []),
    {
      heading: "If anything changes",
      paragraphs: [
        `If you learn more, or the situation changes, contact the LADO service again on ${letter.council.ladoPhone}, quoting the reference ${letter.reference}. The LADO may then need a referral from you.`,
        "If a child is in immediate danger, call 999.",
        "Please keep this letter with your safeguarding records.",
      ],
    },
  ];
}

/** The addressee's lines, and how the letter greets them. */
function addressee({ name, role, organisation, address }: AdviceLetter["to"]) {
  const lines = [name, role, organisation, ...(address ?? "").split(/\r?\n|,\s*/)].map((l) => l?.trim()).filter((l): l is string => !!l);
  return { lines, greeting: name ? `Dear ${name},` : "Dear Sir or Madam," };
}

/** The letter as PDF bytes. */
export function adviceLetterPdf(letter: AdviceLetter): Promise<Buffer> {
  const pdf = startPdf({
    title: `${LETTER_TITLE} (${letter.reference})`,
    author: letter.council.name,
    subject: `LADO advice follow-up letter, ${letter.reference}`,
    reference: letter.reference,
    at: letter.sentAt,
  });
  pdf.letterhead(letter.council);
  const to = addressee(letter.to);
  if (to.lines.length) pdf.block("P", to.lines.join("\n"), { gap: 1 });
  pdf.block("P", `Date: ${londonDate(letter.sentAt)}\nOur reference: ${letter.reference}`, { gap: 1.2 });
  pdf.heading(1, LETTER_TITLE);
  pdf.block("P", to.greeting);
  for (const part of letterBody(letter)) {
    if (part.heading) pdf.heading(2, part.heading);
    for (const paragraph of part.paragraphs) pdf.block("P", paragraph);
  }
  pdf.doc.moveDown(0.6);
  pdf.block("P", `Yours sincerely,\n\n${letter.from}\nLocal Authority Designated Officer\n${letter.council.name}`);
  return pdf.end();
}
