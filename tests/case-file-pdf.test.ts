// The whole case file as one tagged PDF: read back with pdftotext (the
// reference and CONFIDENTIAL on every page, every section's heading, the
// records' words), tagged for screen readers, sent as a download never
// cached, for LADOs and managers only (business support may read a case but
// not take the whole file away), and audited as case.file-export.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CASE_FILE_SECTIONS } from "~/cases/case-file-pdf.server";
import { db } from "~/db.server";
import { printable } from "~/documents/pdf.server";
import * as route from "~/routes/cases.$reference_.case-file[.]pdf";
import { londonDay } from "~/utils/dates";
import { caseOfEveryKind } from "./case-records";
import { createCase } from "./factories";
import { request, run, signedIn, statusOf, type Caller } from "./helpers";

async function download(caller: Caller, reference: string, context: Record<string, unknown> = { dataRequest: false }) {
  const { value } = await run(route.loader, request(`/cases/${reference}/case-file.pdf`, { caller }), { reference }, context);
  return value as Response;
}

/** The PDF's text as pdftotext reads it (poppler-utils), one string per page, its white space made single spaces. */
function pdfPages(bytes: Uint8Array) {
  const text = execFileSync("pdftotext", ["-layout", "-", "-"], { input: bytes, maxBuffer: 64 * 1024 * 1024 }).toString("utf8");
  return text
    .split("\f")
    .filter((page) => page.trim())
    .map((page) => page.replace(/\s+/g, " "));
}

describe("the case file PDF", () => {
  it("has a cover, every section under its heading, and the reference and CONFIDENTIAL on every page", async () => {
    const { file, documents } = await caseOfEveryKind();
    const response = await download(await signedIn(["LADO"]), file.reference);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Cache-Control")).toContain("no-store");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="case-file-${file.reference}-${londonDay(new Date())}.pdf"`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Number(response.headers.get("Content-Length"))).toBe(bytes.length);

    const pages = pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      expect(page).toContain("CONFIDENTIAL");
      expect(page).toContain(`Reference ${file.reference}`);
    }
    const text = pages.join(" ");
    expect(pages[0]).toContain(`Case file ${file.reference}`);
    expect(pages[0]).toContain("About: Jordan Whitfield");
    expect(pages[0]).toContain("Stage: Closure proposed");
    expect(pages[0]).toContain("Legal hold: Yes");
    for (const heading of CASE_FILE_SECTIONS) expect(text, heading).toContain(printable(heading));
    for (const expected of [
      "A second pupil describes being grabbed by the arm: the harm threshold is met.",
      "Priya Shah, Detective constable, Northshire Police",
      "Apologies",
      "Send the single central record entry (1)",
      "File with the CPS by the end of the month.",
      "No further action for the family.",
      "Two pupils' accounts; police investigating.",
      "Both accounts consistent and corroborated by CCTV.",
      "Teaching Regulation Agency, 29 April 2026, by The employer, reference TRA-5512",
      "outcome-letter-employer.pdf",
      "Public inquiry retention direction",
      `SHA-256 ${documents[0]!.sha256}`,
      "The outcome of the LADO's enquiries (1)",
      "Police answered the challenge",
    ]) {
      expect(text, expected).toContain(printable(expected));
    }
    // The chronology comes last, oldest first.
    const chronology = text.slice(text.lastIndexOf("Chronology"));
    expect(chronology.indexOf("Contact received: Phone")).toBeLessThan(chronology.indexOf("Outcome: Substantiated"));

    // Tagged for screen readers: a structure tree with headings, paragraphs and lists, marked content.
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toContain("/Lang (en-GB)");
    expect(raw).toMatch(/\/S \/H1/);
    expect(raw).toMatch(/\/S \/H2/);
    expect(raw).toMatch(/\/S \/L\b/);
    expect(execFileSync("pdfinfo", ["-"], { input: bytes }).toString()).toMatch(/Tagged:\s+yes/);
  });

  it("is audited as case.file-export, and refused to business support (not audited)", async () => {
    const file = await createCase(db, { decisions: [{ category: "ADVICE" }] });
    const manager = await signedIn(["MANAGER"]);
    expect((await download(manager, file.reference)).status).toBe(200);
    const support = await signedIn(["BUSINESS_SUPPORT"]);
    expect(statusOf(await download(support, file.reference))).toBe(403);
    const events = await db.auditEvent.findMany({ where: { caseId: file.id, action: "case.file-export" } });
    expect(events.map((e) => ({ userId: e.userId, subjectType: e.subjectType, subjectId: e.subjectId }))).toEqual([
      { userId: manager.user.id, subjectType: "case", subjectId: file.id },
    ]);
  });

  it("is never sent as a data request", async () => {
    const file = await createCase(db);
    const response = await download(await signedIn(["LADO"]), file.reference, { dataRequest: true });
    expect(response.status).toBe(404);
    expect(await db.auditEvent.count({ where: { caseId: file.id, action: "case.file-export" } })).toBe(0);
  });

  it("makes a large case file in reasonable time", async () => {
    const { file } = await caseOfEveryKind({ scale: 60 });
    const started = performance.now();
    const response = await download(await signedIn(["LADO"]), file.reference);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const ms = performance.now() - started;
    const pages = pdfPages(bytes).length;
    console.info(
      `Case file PDF of a large case (60 meetings, police updates, documents and emails): ${pages} pages, ${(bytes.length / 1024).toFixed(0)} KB, ${ms.toFixed(0)} ms`,
    );
    expect(pages).toBeGreaterThan(30);
    expect(ms).toBeLessThan(20_000);
  });
});
