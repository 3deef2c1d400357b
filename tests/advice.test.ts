// Advice records and the follow-up letter: recording advice on a case (field
// errors with what was typed kept, "None" as a redirection, a later case by
// its reference), and the letter: made as a tagged PDF read back with
// pdftotext, stored on the case with its SHA-256, sent by email through
// GOV.UK Notify (faked with msw) as a file to download, or by post; the same
// input makes the same bytes; every change audited.
import { execFileSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { http as notifyApi } from "./setup-file";

// env() reads process.env once: the council's letterhead and a Notify key
// (with the template for letters) are set before any app module loads.
const TEMPLATE_ID = randomUUID();
const LETTER_TEMPLATE_ID = randomUUID();
const logo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lado-logo-")), "logo.png");
fs.writeFileSync(logo, tinyPng());
Object.assign(process.env, {
  COUNCIL_NAME: "Barsetshire County Council",
  COUNCIL_ADDRESS: "County Hall\\nBarchester\\nBA1 1AA",
  COUNCIL_LOGO_PATH: logo,
  LADO_PHONE: "01632 960 123",
  NOTIFY_API_KEY: `lado_test-${randomUUID()}-${randomUUID()}`,
  NOTIFY_TEMPLATE_ID: TEMPLATE_ID,
  NOTIFY_LETTER_TEMPLATE_ID: LETTER_TEMPLATE_ID,
});

const { db } = await import("~/db.server");
const advicePage = await import("~/routes/cases.$reference.advice/route");
const caseFile = await import("~/routes/cases.$reference/route");
const download = await import("~/routes/documents.$documentId");
const { adviceLetterPdf } = await import("~/advice/letter-pdf.server");
const { printable } = await import("~/documents/pdf.server");
const { readDocument } = await import("~/documents/storage.server");
const { createCase, createOrganisation } = await import("./factories");
const { bodyOf, request, run, signedIn, statusOf } = await import("./helpers");

const NOTIFY_URL = "https://api.notifications.service.gov.uk/v2/notifications/email";

type Answer = { errors: Record<string, string>; values: Record<string, string> };

/** A 2 by 2 PNG, for the logo. */
function tinyPng() {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const pixels = Buffer.from([0, 29, 112, 184, 29, 112, 184, 0, 29, 112, 184, 29, 112, 184]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A consultation from a school's safeguarding lead, decided as advice, with no advice recorded yet. */
async function adviceCase(referrer: { email?: string | null } = {}) {
  const school = await createOrganisation(db, { name: "St Mary's Primary School", sector: "PRIMARY_SCHOOL" });
  const file = await createCase(db, {
    decisions: [{ category: "ADVICE" }],
    referrerOrganisation: school,
    referrer: {
      type: "EMPLOYER",
      name: "Zoë Ćwik",
      role: "Designated safeguarding lead",
      email: referrer.email === undefined ? "zoe.cwik@stmarys.example.org" : referrer.email,
    },
  });
  return file;
}

const advice = {
  adviceGiven: "Speak to the teaching assistant about the school's code of conduct on personal social media and keep a note of it.",
  referrerActions: "Record this as a low-level concern and tell the LADO if anything else is reported.",
  redirectedTo: "LOW_LEVEL_CONCERNS",
  redirectDetail: "",
  progressedTo: "",
};

async function post(reference: string, caller: Awaited<ReturnType<typeof signedIn>>, form: Record<string, string>) {
  const { value } = await run(advicePage.action, request(`/cases/${reference}/advice`, { caller, form }), { reference });
  return value;
}

const recordAdvice = (reference: string, caller: Awaited<ReturnType<typeof signedIn>>, fields: Partial<typeof advice> = {}) =>
  post(reference, caller, { intent: "advice", ...advice, ...fields });

const sendLetter = (reference: string, caller: Awaited<ReturnType<typeof signedIn>>, method: string) =>
  post(reference, caller, { intent: "letter", method });

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The PDF's text as pdftotext reads it (poppler-utils), one string per page. */
function pdfPages(bytes: Uint8Array) {
  const text = execFileSync("pdftotext", ["-layout", "-", "-"], { input: bytes }).toString("utf8");
  return text.split("\f").filter((page) => page.trim());
}

/** Fakes Notify: every request's body is kept. */
function fakeNotify() {
  const requests: { template_id: string; email_address: string; personalisation: Record<string, unknown>; reference: string }[] = [];
  notifyApi.use(
    http.post(NOTIFY_URL, async ({ request: req }) => {
      requests.push((await req.json()) as (typeof requests)[number]);
      const id = randomUUID();
      return HttpResponse.json(
        {
          id,
          reference: null,
          content: { body: "…", subject: "…", from_email: "lado@notifications.service.gov.uk" },
          uri: `https://api.notifications.service.gov.uk/v2/notifications/${id}`,
          template: { id: LETTER_TEMPLATE_ID, version: 1, uri: "https://api.notifications.service.gov.uk/v2/template/x" },
        },
        { status: 201 },
      );
    }),
  );
  return requests;
}

const auditEvents = (action: string, caseId: string) => db.auditEvent.findMany({ where: { action, caseId } });

describe("recording advice", () => {
  it("shows the section only on a consultation, with who asked and what about", async () => {
    const file = await adviceCase();
    const allegation = await createCase(db, { decisions: [{ category: "ALLEGATION" }] });
    const lado = await signedIn(["LADO"]);
    const header = async (reference: string) =>
      bodyOf<{ sections: { slug: string }[] }>(
        (await run(caseFile.loader, request(`/cases/${reference}`, { caller: lado }), { reference })).value,
      );
    expect((await header(file.reference)).sections.map((s) => s.slug)).toContain("advice");
    expect((await header(allegation.reference)).sections.map((s) => s.slug)).not.toContain("advice");

    const { value } = await run(advicePage.loader, request(`/cases/${file.reference}/advice`, { caller: lado }), {
      reference: file.reference,
    });
    expect(statusOf(value)).toBe(200);
    const shown = bodyOf<{
      file: { referrer: { type: string; name: string; organisation: { name: string } }; namedProfessional: boolean };
    }>(value).file;
    expect(shown.referrer).toMatchObject({ type: "EMPLOYER", name: "Zoë Ćwik", organisation: { name: "St Mary's Primary School" } });
    expect(shown.namedProfessional).toBe(true);
    const views = await db.auditEvent.findMany({ where: { action: "case.view", caseId: file.id, userId: lado.user.id } });
    expect(views.map((v) => v.details)).toEqual([{ section: "advice" }]);
  });

  it("refuses advice without the advice given or a redirection answer, keeping what was typed, and saves nothing", async () => {
    const file = await adviceCase();
    const lado = await signedIn(["LADO"]);
    const value = await recordAdvice(file.reference, lado, { adviceGiven: "  ", redirectedTo: "", referrerActions: "Keep a note." });
    expect(statusOf(value)).toBe(400);
    const answer = bodyOf<Answer & { form: string }>(value);
    expect(answer.errors).toEqual({
      adviceGiven: "Enter the advice given",
      redirectedTo: "Select where the matter was redirected, or None",
    });
    expect(answer.values.referrerActions).toBe("Keep a note.");
    expect(answer.form).toBe("advice");

    const otherLado = await recordAdvice(file.reference, lado, { redirectedTo: "OTHER_LA_LADO" });
    expect(bodyOf<Answer>(otherLado).errors).toEqual({ redirectDetail: "Enter which local authority's LADO it was redirected to" });
    expect(await db.adviceRecord.count({ where: { caseId: file.id } })).toBe(0);
    expect(await auditEvents("advice.record", file.id)).toHaveLength(0);
  });

  it("records advice redirected nowhere (None, an answer), who recorded it, and audits it; a change is audited again", async () => {
    const file = await adviceCase();
    const lado = await signedIn(["LADO"]);
    const value = await recordAdvice(file.reference, lado, { redirectedTo: "NONE", redirectDetail: "ignored without a redirection" });
    expect(statusOf(value)).toBe(302);
    expect((value as Response).headers.get("Location")).toBe(`/cases/${file.reference}/advice`);
    const saved = await db.adviceRecord.findUniqueOrThrow({ where: { caseId: file.id } });
    expect(saved).toMatchObject({
      adviceGiven: advice.adviceGiven,
      referrerActions: advice.referrerActions,
      redirectedTo: "NONE",
      redirectDetail: null,
      progressedToCaseId: null,
      recordedById: lado.user.id,
      followUpLetterId: null,
    });
    expect(
      statusOf(await recordAdvice(file.reference, lado, { redirectedTo: "OTHER_LA_LADO", redirectDetail: "Kent County Council" })),
    ).toBe(302);
    expect(await db.adviceRecord.findUniqueOrThrow({ where: { caseId: file.id } })).toMatchObject({
      redirectedTo: "OTHER_LA_LADO",
      redirectDetail: "Kent County Council",
    });
    const events = await auditEvents("advice.record", file.id);
    expect(events.map((e) => [e.userId, e.subjectType, e.subjectId, (e.details as { first: boolean }).first])).toEqual([
      [lado.user.id, "case", file.id, true],
      [lado.user.id, "case", file.id, false],
    ]);
  });

  it("links the later case the advice became a referral in by its reference; an unknown reference, an earlier case, or the case itself, is a field error", async () => {
    const file = await adviceCase();
    const later = await createCase(db, { receivedAt: new Date(), decisions: [{ category: "ALLEGATION" }] });
    const earlier = await createCase(db, { receivedAt: new Date("2025-01-06T10:00:00Z") });
    const lado = await signedIn(["LADO"]);
    const before = await recordAdvice(file.reference, lado, { progressedTo: earlier.reference });
    expect(bodyOf<Answer>(before).errors).toEqual({
      progressedTo: `${earlier.reference} came in before this contact: enter the later case's reference`,
    });
    const unknown = await recordAdvice(file.reference, lado, { progressedTo: "LADO-1999-99999" });
    expect(statusOf(unknown)).toBe(400);
    expect(bodyOf<Answer>(unknown)).toMatchObject({
      errors: { progressedTo: "There is no case with the reference LADO-1999-99999: check it and enter it again" },
      values: { progressedTo: "LADO-1999-99999", adviceGiven: advice.adviceGiven },
    });
    const itself = await recordAdvice(file.reference, lado, { progressedTo: file.reference });
    expect(bodyOf<Answer>(itself).errors).toEqual({ progressedTo: "Enter the later case's reference, not this case's" });
    expect(await db.adviceRecord.count({ where: { caseId: file.id } })).toBe(0);

    // Typed in lower case, as people do.
    expect(statusOf(await recordAdvice(file.reference, lado, { progressedTo: ` ${later.reference.toLowerCase()} ` }))).toBe(302);
    expect((await db.adviceRecord.findUniqueOrThrow({ where: { caseId: file.id } })).progressedToCaseId).toBe(later.id);
  });

  it("refuses advice on a case whose decision is not advice, and a member of staff who may only read", async () => {
    const allegation = await createCase(db, { decisions: [{ category: "ALLEGATION" }] });
    const lado = await signedIn(["LADO"]);
    const value = await recordAdvice(allegation.reference, lado);
    expect(statusOf(value)).toBe(400);
    expect(Object.keys(bodyOf<Answer>(value).errors)).toEqual(["decision"]);
    expect(await db.adviceRecord.count({ where: { caseId: allegation.id } })).toBe(0);

    const support = await signedIn(["BUSINESS_SUPPORT"]);
    const file = await adviceCase();
    expect(statusOf(await recordAdvice(file.reference, support))).toBe(403);
    expect(statusOf(await post("LADO-1999-99999", lado, { intent: "advice", ...advice }))).toBe(404);
  });
});

describe("the follow-up letter", () => {
  it("by email: a tagged PDF stored on the case with its SHA-256, queued with the email and sent through Notify as a file to download", async () => {
    const requests = fakeNotify();
    const file = await adviceCase();
    const lado = await signedIn(["LADO"]);
    await recordAdvice(file.reference, lado);
    const value = await sendLetter(file.reference, lado, "EMAIL");
    expect(statusOf(value)).toBe(302);

    const record = await db.adviceRecord.findUniqueOrThrow({ where: { caseId: file.id }, include: { followUpLetter: true } });
    expect(record.followUpMethod).toBe("EMAIL");
    expect(record.followUpSentAt).toBeInstanceOf(Date);
    const letter = record.followUpLetter!;
    expect(letter).toMatchObject({ caseId: file.id, kind: "ADVICE_LETTER", mediaType: "application/pdf", uploadedById: lado.user.id });
    expect(letter.filename).toMatch(new RegExp(`^advice-letter-${file.reference}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    const bytes = (await readDocument(letter.storageKey))!;
    expect(letter.sha256).toBe(sha256(bytes));
    expect(letter.sizeBytes).toBe(bytes.byteLength);

    // What it says, read back from the PDF.
    const pages = pdfPages(bytes);
    const text = pages.join("\n").replace(/\s+/g, " ");
    for (const expected of [
      "Barsetshire County Council",
      "County Hall",
      "BA1 1AA",
      "Zoë Ćwik",
      "Designated safeguarding lead",
      "St Mary's Primary School",
      `Our reference: ${file.reference}`,
      "The advice we gave",
      advice.adviceGiven,
      "What we asked you to do",
      advice.referrerActions,
      "Employer's low-level concerns process",
      "01632 960 123",
      lado.user.name,
    ]) {
      expect(text).toContain(printable(expected));
    }
    for (const page of pages) {
      expect(page).toContain("OFFICIAL-SENSITIVE");
      expect(page).toContain(`Reference ${file.reference}`);
    }

    // Tagged for screen readers: structure tree, language, marked content, the title shown.
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toContain("/Lang (en-GB)");
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toContain("/DisplayDocTitle true");
    expect(raw).toMatch(/\/S \/H1/);
    expect(raw).toMatch(/\/S \/P/);
    expect(execFileSync("pdfinfo", ["-"], { input: bytes }).toString()).toMatch(/Tagged:\s+yes/);

    // Queued with the letter, then sent through Notify with the letters' template and the file.
    const message = await db.outboundMessage.findFirstOrThrow({ where: { caseId: file.id, template: "advice-letter" } });
    expect(message).toMatchObject({ documentId: letter.id, toAddress: "zoe.cwik@stmarys.example.org" });
    expect(message.subject).toContain(file.reference);
    await expect.poll(async () => (await db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("SENT");
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      template_id: LETTER_TEMPLATE_ID,
      email_address: "zoe.cwik@stmarys.example.org",
      reference: message.id,
      personalisation: {
        subject: message.subject,
        body: message.body,
        link_to_file: { filename: letter.filename, confirm_email_before_download: true, retention_period: "4 weeks" },
      },
    });
    const sent = (requests[0]!.personalisation.link_to_file as { file: string }).file;
    expect(sha256(Buffer.from(sent, "base64"))).toBe(letter.sha256);

    const events = await auditEvents("advice.letter", file.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      userId: lado.user.id,
      subjectType: "document",
      subjectId: letter.id,
      details: { method: "EMAIL", sha256: letter.sha256 },
    });
  });

  it("reprints byte for byte: the download is the letter as sent, and the same input makes the same bytes", async () => {
    fakeNotify();
    const file = await adviceCase();
    const lado = await signedIn(["LADO"]);
    await recordAdvice(file.reference, lado);
    await sendLetter(file.reference, lado, "POST");
    const letter = (await db.adviceRecord.findUniqueOrThrow({ where: { caseId: file.id }, include: { followUpLetter: true } }))
      .followUpLetter!;
    const { value } = await run(download.loader, request(`/documents/${letter.id}`, { caller: lado }), { documentId: letter.id });
    const downloaded = new Uint8Array(await (value as Response).arrayBuffer());
    expect(sha256(downloaded)).toBe(letter.sha256);

    const input = {
      council: { name: "Barsetshire County Council", address: ["County Hall", "Barchester"], logoPath: logo, ladoPhone: "01632 960 123" },
      reference: file.reference,
      sentAt: new Date("2026-11-30T10:15:00Z"),
      contactedAt: new Date("2026-11-27T09:00:00Z"),
      to: { name: "Zoë Ćwik", role: null, organisation: "St Mary's Primary School", address: null },
      decision: "ADVICE" as const,
      adviceGiven: advice.adviceGiven,
      referrerActions: null,
      redirectedTo: null,
      redirectDetail: null,
      from: "Aisha Khan",
    };
    const first = await adviceLetterPdf(input);
    const again = await adviceLetterPdf(input);
    expect(sha256(again)).toBe(sha256(first));
    expect(sha256(await adviceLetterPdf({ ...input, sentAt: new Date("2026-12-01T10:15:00Z") }))).not.toBe(sha256(first));
  });

  it("refuses email for a referrer who gave no email address, suggesting post, and sends nothing", async () => {
    const file = await adviceCase({ email: null });
    const lado = await signedIn(["LADO"]);
    await recordAdvice(file.reference, lado);
    const value = await sendLetter(file.reference, lado, "EMAIL");
    expect(statusOf(value)).toBe(400);
    expect(bodyOf<Answer & { form: string }>(value)).toMatchObject({
      errors: { method: "The referrer gave no email address: send the letter by post instead" },
      values: { method: "EMAIL" },
      form: "letter",
    });
    expect(await db.document.count({ where: { caseId: file.id, kind: "ADVICE_LETTER" } })).toBe(0);
    expect(await db.outboundMessage.count({ where: { caseId: file.id, template: "advice-letter" } })).toBe(0);

    const noMethod = await sendLetter(file.reference, lado, "");
    expect(bodyOf<Answer>(noMethod).errors).toEqual({ method: "Select how to send the letter: by email or by post" });
  });

  it("puts nothing the referrer typed into the email, which Notify would turn into links and formatting", async () => {
    const requests = fakeNotify();
    const file = await adviceCase();
    await db.referrer.update({ where: { caseId: file.id }, data: { name: "[Pay your fine](https://evil.example) # Zoë" } });
    const lado = await signedIn(["LADO"]);
    await recordAdvice(file.reference, lado);
    expect(statusOf(await sendLetter(file.reference, lado, "EMAIL"))).toBe(302);
    const message = await db.outboundMessage.findFirstOrThrow({ where: { caseId: file.id, template: "advice-letter" } });
    expect(message.body).not.toContain("evil.example");
    expect(message.body.startsWith("Hello,")).toBe(true);
    await expect.poll(async () => (await db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("SENT");
    expect(JSON.stringify(requests)).not.toContain("evil.example");
  });

  it("refuses a letter before the advice is recorded", async () => {
    const file = await adviceCase();
    const lado = await signedIn(["LADO"]);
    const value = await sendLetter(file.reference, lado, "POST");
    expect(bodyOf<Answer>(value).errors).toEqual({ method: "Record the advice before sending the letter" });
  });

  it("by post: stored and marked sent by post, no email; sending again makes a new letter and the record points at it", async () => {
    fakeNotify();
    const file = await adviceCase({ email: null });
    const lado = await signedIn(["LADO"]);
    await recordAdvice(file.reference, lado);
    expect(statusOf(await sendLetter(file.reference, lado, "POST"))).toBe(302);
    const first = await db.adviceRecord.findUniqueOrThrow({ where: { caseId: file.id } });
    expect(first.followUpMethod).toBe("POST");
    expect(await db.outboundMessage.count({ where: { caseId: file.id, template: "advice-letter" } })).toBe(0);

    await recordAdvice(file.reference, lado, { adviceGiven: "Changed advice: hold a supervision meeting first." });
    expect(statusOf(await sendLetter(file.reference, lado, "POST"))).toBe(302);
    const second = await db.adviceRecord.findUniqueOrThrow({ where: { caseId: file.id } });
    expect(second.followUpLetterId).not.toBe(first.followUpLetterId);
    const letters = await db.document.findMany({ where: { caseId: file.id, kind: "ADVICE_LETTER" } });
    expect(letters).toHaveLength(2);
    const latest = letters.find((l) => l.id === second.followUpLetterId)!;
    expect(pdfPages((await readDocument(latest.storageKey))!).join(" ")).toContain("Changed advice: hold a supervision meeting first.");
    expect(await auditEvents("advice.letter", file.id)).toHaveLength(2);

    // The section lists both, the latest first.
    const { value } = await run(advicePage.loader, request(`/cases/${file.reference}/advice`, { caller: lado }), {
      reference: file.reference,
    });
    expect(bodyOf<{ file: { letters: { id: string }[] } }>(value).file.letters.map((l) => l.id)).toEqual([
      second.followUpLetterId,
      first.followUpLetterId,
    ]);
  });
});

describe("letter text", () => {
  it("keeps what the standard font can show and replaces the rest", () => {
    expect(printable("Zoë Ćwik — “Łódź” ✓ 🙂")).toBe("Zoë Cwik — “Lódz” ? ?");
  });
});
