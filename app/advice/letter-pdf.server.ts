// The advice follow-up letter as a PDF (pdfkit): the council's name, address
// and logo, the date, the addressee, the advice, what the referrer was asked
// to do and where to go next. Tagged for screen readers: document language,
// title shown as the window title, a structure tree of headings and
// paragraphs; the logo and the running header and footer (the OFFICIAL-
// SENSITIVE marking, the reference, page numbers) are artifacts. The same
// input always makes the same bytes: the document's dates (and so its file
// identifier) come from the time it was sent, and nothing else varies.
// docs/decisions/015-advice-letter.md
import fs from "node:fs";
import PDFDocument from "pdfkit";
import type { DecisionCategory, RedirectTarget } from "~/generated/prisma/enums";
import { redirectLabels } from "~/triage/labels";
import { londonDate } from "~/utils/dates";
import { log } from "~/utils/log.server";

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
export const PROTECTIVE_MARKING = "OFFICIAL-SENSITIVE";

const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";
const MARGIN = { top: 80, bottom: 80, left: 64, right: 64 };
const LOGO_BOX: [number, number] = [160, 60];
const BLACK = "#0b0c0c";

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

/** Blocks of text separated by blank lines, each as typed within. */
const paragraphsOf = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/** The addressee's lines, and how the letter greets them. */
function addressee({ name, role, organisation, address }: AdviceLetter["to"]) {
  const lines = [name, role, organisation, ...(address ?? "").split(/\r?\n|,\s*/)].map((l) => l?.trim()).filter((l): l is string => !!l);
  return { lines, greeting: name ? `Dear ${name},` : "Dear Sir or Madam," };
}

/** The letter as PDF bytes. */
export function adviceLetterPdf(letter: AdviceLetter): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    pdfVersion: "1.7",
    tagged: true,
    lang: "en-GB",
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: printable(`${LETTER_TITLE} (${letter.reference})`),
      Author: printable(letter.council.name),
      Subject: printable(`LADO advice follow-up letter, ${letter.reference}`),
      Keywords: PROTECTIVE_MARKING,
      CreationDate: letter.sentAt,
      ModDate: letter.sentAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const root = doc.struct("Document");
  doc.addStructure(root);
  const block = (type: "H1" | "H2" | "P", text: string, options: { font?: string; size?: number; gap?: number } = {}) => {
    root.add(
      doc.struct(type, {}, () => {
        doc
          .font(options.font ?? FONT)
          .fontSize(options.size ?? 11)
          .fillColor(BLACK)
          .text(printable(text), { lineGap: 2 });
      }),
    );
    doc.moveDown(options.gap ?? 0.6);
  };

  letterhead(doc, letter, block);
  const to = addressee(letter.to);
  if (to.lines.length) block("P", to.lines.join("\n"), { gap: 1 });
  block("P", `Date: ${londonDate(letter.sentAt)}\nOur reference: ${letter.reference}`, { gap: 1.2 });
  block("H1", LETTER_TITLE, { font: BOLD, size: 16, gap: 0.8 });
  block("P", to.greeting);
  for (const part of letterBody(letter)) {
    if (part.heading) {
      doc.moveDown(0.3);
      block("H2", part.heading, { font: BOLD, size: 13, gap: 0.4 });
    }
    for (const paragraph of part.paragraphs) block("P", paragraph);
  }
  doc.moveDown(0.6);
  block("P", `Yours sincerely,\n\n${letter.from}\nLocal Authority Designated Officer\n${letter.council.name}`);
  root.end();

  runningHeaderAndFooter(doc, letter.reference);
  doc.end();
  return done;
}

/** The logo (an artifact: the council's name follows as text), then the council's name and address. */
function letterhead(doc: PDFKit.PDFDocument, letter: AdviceLetter, block: (type: "P", text: string, o?: { gap?: number }) => void) {
  const logo = letter.council.logoPath ? readLogo(letter.council.logoPath) : null;
  if (logo) {
    doc.markContent("Artifact", { type: "Layout" });
    doc.image(logo, MARGIN.left, MARGIN.top, { fit: LOGO_BOX });
    doc.endMarkedContent();
    doc.y = MARGIN.top + LOGO_BOX[1] + 16;
  }
  doc.x = MARGIN.left;
  block("P", [letter.council.name, ...letter.council.address].join("\n"), { gap: 1.5 });
}

/**
 * The logo's bytes. It was checked at start-up, but a file can go (a volume
 * unmounted, a deploy that moved it): the letter then goes without it, the
 * council's name still at its head, and the operator is told, rather than
 * no letter at all.
 */
function readLogo(logoPath: string): Buffer | null {
  try {
    return fs.readFileSync(logoPath);
  } catch (error) {
    log.error("The council's logo could not be read: letters go without it", {
      logoPath,
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
}

/** The marking at the top and bottom of every page, and the reference and page number at the bottom: artifacts, not content. */
function runningHeaderAndFooter(doc: PDFKit.PDFDocument, reference: string) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { width, height, margins } = doc.page;
    const bottom = margins.bottom;
    margins.bottom = 0; // so text below the margin does not start a new page
    const line = (text: string, y: number, align: "center" | "left" | "right") =>
      doc.text(text, margins.left, y, { width: width - margins.left - margins.right, align, lineBreak: false });
    doc.markContent("Artifact", { type: "Pagination" });
    doc.font(BOLD).fontSize(10).fillColor(BLACK);
    line(PROTECTIVE_MARKING, 36, "center");
    line(PROTECTIVE_MARKING, height - 44, "center");
    doc.font(FONT).fontSize(9);
    line(`Reference ${printable(reference)}`, height - 30, "left");
    line(`Page ${i - start + 1} of ${count}`, height - 30, "right");
    doc.endMarkedContent();
    margins.bottom = bottom;
  }
}

// The standard PDF fonts encode text as Windows-1252: the characters it has
// beyond Latin-1, and a few letters it lacks written as their nearest.
const WIN_ANSI_EXTRA = new Set(
  "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178",
);
const NEAREST: Record<string, string> = {
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  ı: "i",
  Ħ: "H",
  ħ: "h",
  "\u2212": "-",
  "\u2010": "-",
  "\u2011": "-",
};

/**
 * Text the letter's font can show: accented letters are kept (é, ü, ç are in
 * its encoding, and others lose only their accent: Ş becomes S); anything
 * else (emoji, other scripts, control characters) becomes "?".
 */
export function printable(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC").replace(/\r\n?/g, "\n")) {
    const code = ch.codePointAt(0)!;
    if (ch === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (ch === "\t") out += " ";
    else if (NEAREST[ch]) out += NEAREST[ch];
    else {
      const bare = ch.normalize("NFKD").replace(/\p{M}/gu, "");
      out += /^[\x20-\x7e\xa0-\xff]+$/.test(bare) ? bare : "?";
    }
  }
  return out;
}
