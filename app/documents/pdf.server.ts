// The service's PDFs (pdfkit): letters, meeting minutes, the chronology and
// the whole case file. Each is tagged for screen readers (document language,
// its title shown as the window title, a structure tree of headings,
// paragraphs and lists), and marked on every page with the protective
// marking, the case's reference and the page number, as artifacts rather
// than content. The same input makes the same bytes: the document's dates
// (and so its file identifier) are the ones it is given.
// docs/decisions/015-advice-letter.md
import fs from "node:fs";
import PDFDocument from "pdfkit";
import { log } from "~/utils/log.server";

export const PROTECTIVE_MARKING = "OFFICIAL-SENSITIVE";

const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";
export const MARGIN = { top: 80, bottom: 80, left: 64, right: 64 };
const LOGO_BOX: [number, number] = [160, 60];
const BLACK = "#0b0c0c";

export type PdfMeta = {
  title: string;
  author: string;
  subject: string;
  /** The case's reference, on every page. */
  reference: string;
  /** The document's own dates. */
  at: Date;
  /** A marking beside OFFICIAL-SENSITIVE at the head of each page, such as "CONFIDENTIAL". */
  marking?: string;
};

type BlockOptions = { font?: "regular" | "bold"; size?: number; gap?: number };

/** A PDF being written: its document, and blocks of tagged text added in reading order. */
export type Pdf = {
  doc: PDFKit.PDFDocument;
  /** A heading or paragraph, as its own structure element. */
  block(type: "H1" | "H2" | "H3" | "P", text: string, options?: BlockOptions): void;
  /** A heading at level 1, 2 or 3 in the service's sizes. */
  heading(level: 1 | 2 | 3, text: string): void;
  /** A list of items, tagged as a list. */
  list(items: string[]): void;
  /** Label and value pairs ("Date: 3 March 2026"), each a paragraph with its label in bold. */
  facts(rows: [string, string | null | undefined][]): void;
  /** The council's logo (if any, an artifact) and its name and address. */
  letterhead(council: { name: string; address: string[]; logoPath?: string }): void;
  /** Finishes the document (running header and footer on every page): its bytes. */
  end(): Promise<Buffer>;
};

/** Starts a tagged A4 PDF. */
export function startPdf(meta: PdfMeta): Pdf {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    pdfVersion: "1.7",
    tagged: true,
    lang: "en-GB",
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: printable(meta.title),
      Author: printable(meta.author),
      Subject: printable(meta.subject),
      Keywords: [PROTECTIVE_MARKING, meta.marking].filter(Boolean).join(", "),
      CreationDate: meta.at,
      ModDate: meta.at,
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

  const write = (text: string, options: BlockOptions) =>
    doc
      .font(options.font === "bold" ? BOLD : FONT)
      .fontSize(options.size ?? 11)
      .fillColor(BLACK)
      .text(printable(text), { lineGap: 2 });
  const block: Pdf["block"] = (type, text, options = {}) => {
    root.add(doc.struct(type, {}, () => void write(text, options)));
    doc.moveDown(options.gap ?? 0.6);
  };
  const sizes = { 1: 16, 2: 13, 3: 11 } as const;
  const heading: Pdf["heading"] = (level, text) => {
    doc.moveDown(level === 1 ? 0 : 0.3);
    block(`H${level}`, text, { font: "bold", size: sizes[level], gap: level === 1 ? 0.8 : 0.4 });
  };
  const list: Pdf["list"] = (items) => {
    if (!items.length) return;
    const l = doc.struct("L");
    root.add(l);
    for (const item of items) {
      l.add(doc.struct("LI", {}, () => void write(`\u2022  ${item}`, {})));
      doc.moveDown(0.2);
    }
    l.end();
    doc.moveDown(0.4);
  };
  const facts: Pdf["facts"] = (rows) => {
    for (const [label, value] of rows) {
      root.add(
        doc.struct("P", {}, () => {
          doc
            .font(BOLD)
            .fontSize(11)
            .fillColor(BLACK)
            .text(`${printable(label)}: `, { continued: true, lineGap: 2 });
          doc.font(FONT).text(printable(value?.trim() ? value : "Not recorded"), { lineGap: 2 });
        }),
      );
      doc.moveDown(0.2);
    }
    doc.moveDown(0.4);
  };
  const letterhead: Pdf["letterhead"] = (council) => {
    const logo = council.logoPath ? readLogo(council.logoPath) : null;
    if (logo) {
      doc.markContent("Artifact", { type: "Layout" });
      doc.image(logo, MARGIN.left, MARGIN.top, { fit: LOGO_BOX });
      doc.endMarkedContent();
      doc.y = MARGIN.top + LOGO_BOX[1] + 16;
    }
    doc.x = MARGIN.left;
    block("P", [council.name, ...council.address].join("\n"), { gap: 1.5 });
  };
  return {
    doc,
    block,
    heading,
    list,
    facts,
    letterhead,
    end() {
      root.end();
      runningHeaderAndFooter(doc, meta);
      doc.end();
      return done;
    },
  };
}

/** Blocks of text separated by blank lines, each as typed within. */
export const paragraphsOf = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);

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
function runningHeaderAndFooter(doc: PDFKit.PDFDocument, meta: PdfMeta) {
  const marking = [PROTECTIVE_MARKING, meta.marking].filter(Boolean).join(" \u2013 ");
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
    line(marking, 36, "center");
    line(marking, height - 44, "center");
    doc.font(FONT).fontSize(9);
    line(`Reference ${printable(meta.reference)}`, height - 30, "left");
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
