// The outcome section, through the route's forms: the outcome (one of
// KCSIE's five, rationale required, dated on or after the contact and not in
// the future, recorded even if the person resigned or refused to cooperate;
// revised as a new version, a stale revision refused with what changed);
// onward referrals; the DBS prompt while the duty to refer applies and no
// DBS referral is recorded; the outcome letters to the employer and the
// person, read back with pdftotext, by post or through the outbox by email.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { readDocument } from "~/documents/storage.server";
import * as section from "~/routes/cases.$reference.outcome/route";
import { addDaysToDay, londonDay } from "~/utils/dates";
import { createCase, createOrganisation } from "./factories";
import { bodyOf, caseSection, dateFields, type FormAnswer, signedIn, statusOf } from "./helpers";

const { view, post } = caseSection(section, "outcome");

/** An allegation about a named teaching assistant at a primary school, received on Monday 2 March 2026. */
async function allegation(overrides: Parameters<typeof createCase>[1] = {}) {
  const school = await createOrganisation(db, {
    name: "Oakfield Primary School",
    sector: "PRIMARY_SCHOOL",
    address: "1 Oak Lane, Barchester, BA2 2BB",
    email: "head@oakfield.example.org",
  });
  return createCase(db, {
    receivedAt: new Date("2026-03-02T10:00:00Z"),
    decisions: [{ category: "ALLEGATION" }],
    namedProfessional: true,
    subject: { firstName: "Daniel", lastName: "Hartley", jobTitle: "Teaching assistant", address: "4 Mill Road, Barchester" },
    employer: school,
    ...overrides,
  });
}

const outcome = {
  intent: "outcome",
  version: "0",
  outcome: "SUBSTANTIATED",
  rationale: "The child's account was consistent and supported by a witness and the injury recorded at the time.",
  ...dateFields("decidedAt", "2026-05-06"),
  circumstances: "RESIGNED",
};

/** The PDF's text as pdftotext reads it. */
const pdfText = (bytes: Uint8Array) => execFileSync("pdftotext", ["-", "-"], { input: bytes }).toString("utf8").replace(/\s+/g, " ");

async function letterText(documentId: string) {
  const document = await db.document.findUniqueOrThrow({ where: { id: documentId } });
  return pdfText((await readDocument(document.storageKey))!);
}

describe("the outcome", () => {
  it("refuses an outcome without rationale or outcome, keeping the answers", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const { value } = await post(lado, file.reference, { ...outcome, outcome: "", rationale: " " });
    expect(statusOf(value)).toBe(400);
    const answer = bodyOf<FormAnswer>(value);
    expect(answer.errors).toEqual({ outcome: "Select the outcome", rationale: "Enter the rationale for the outcome" });
    expect(answer.values).toMatchObject({ "decidedAt-day": "6", circumstances: "RESIGNED" });
    expect(await db.outcome.count({ where: { caseId: file.id } })).toBe(0);
  });

  it("refuses a date before the contact or in the future", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const early = await post(lado, file.reference, { ...outcome, ...dateFields("decidedAt", "2026-03-01") });
    expect(bodyOf<FormAnswer>(early.value).errors).toEqual({
      decidedAt: "The date of the outcome must be on or after the day the contact was received (2 March 2026)",
    });
    const future = await post(lado, file.reference, { ...outcome, ...dateFields("decidedAt", addDaysToDay(londonDay(new Date()), 1)) });
    expect(bodyOf<FormAnswer>(future.value).errors).toEqual({ decidedAt: "The date of the outcome must be today or in the past" });
  });

  it("records the outcome with the person's resignation, revises it as a new version, and refuses a stale revision with what changed", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const manager = await signedIn(["MANAGER"]);
    expect(statusOf((await post(lado, file.reference, outcome)).value)).toBe(302);
    const row = await db.outcome.findUniqueOrThrow({ where: { caseId: file.id } });
    expect(row).toMatchObject({
      version: 1,
      outcome: "SUBSTANTIATED",
      personResigned: true,
      refusedToCooperate: false,
      decidedAt: new Date("2026-05-05T23:00:00Z"), // the start of 6 May, London (BST)
      recordedById: lado.user.id,
    });

    const revised = { ...outcome, version: "1", outcome: "UNSUBSTANTIATED", rationale: "The witness withdrew their account." };
    expect(statusOf((await post(manager, file.reference, revised)).value)).toBe(302);
    const stale = await post(lado, file.reference, { ...outcome, version: "1", circumstances: ["RESIGNED", "REFUSED_TO_COOPERATE"] });
    expect(statusOf(stale.value)).toBe(409);
    const answer = bodyOf<FormAnswer>(stale.value);
    expect(answer.errors.version).toContain(`${manager.user.name} changed the outcome, the rationale at `);
    expect(answer.values).toMatchObject({ circumstances: ["RESIGNED", "REFUSED_TO_COOPERATE"], version: "2" });
    expect(await db.outcome.findUniqueOrThrow({ where: { caseId: file.id } })).toMatchObject({ version: 2, outcome: "UNSUBSTANTIATED" });

    const events = await db.auditEvent.findMany({ where: { action: "outcome.record", caseId: file.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.userId, e.subjectType, e.subjectId, (e.details as { version: number }).version])).toEqual([
      [lado.user.id, "outcome", row.id, 1],
      [manager.user.id, "outcome", row.id, 2],
    ]);
  });

  it("is recorded only on an allegation", async () => {
    const file = await createCase(db, { decisions: [{ category: "CAUSE_FOR_CONCERN" }] });
    const lado = await signedIn(["LADO"]);
    const { value } = await post(lado, file.reference, outcome);
    expect(bodyOf<FormAnswer>(value).errors).toEqual({ outcome: "This case is not an allegation: record the threshold decision first" });
  });
});

describe("onward referrals and the DBS prompt", () => {
  const dbsReferral = {
    intent: "onward-referral",
    body: "DBS",
    ...dateFields("referredAt", "2026-05-12"),
    referredBy: "The LADO",
    reference: "DBS-20260512",
    detail: "",
  };

  it("prompts a DBS referral when a substantiated allegation ended the person's work with children, until one is recorded", async () => {
    const file = await allegation({ employerAction: { suspended: true, finalAction: "DISMISSAL", finalActionAt: new Date("2026-05-11") } });
    const lado = await signedIn(["LADO"]);
    expect((await view(lado, file.reference)).file.dbs).toEqual({ applies: false });
    expect(statusOf((await post(lado, file.reference, { ...outcome, circumstances: [] })).value)).toBe(302);
    expect((await view(lado, file.reference)).file.dbs).toEqual({
      applies: true,
      referred: false,
      reason: "The allegation is substantiated and the employer removed the person from regulated activity",
    });

    // Another body first: the prompt stays.
    const tra = { ...dbsReferral, body: "TRA", reference: "" };
    expect(statusOf((await post(lado, file.reference, tra)).value)).toBe(302);
    expect((await view(lado, file.reference)).file.dbs).toMatchObject({ applies: true, referred: false });

    const { value } = await post(lado, file.reference, dbsReferral);
    expect(statusOf(value)).toBe(302);
    const page = await view(lado, file.reference);
    expect(page.file.dbs).toMatchObject({ applies: true, referred: true });
    expect(page.file.onwardReferrals.map((r) => [r.body, r.referredBy, r.reference])).toEqual([
      ["TRA", "The LADO", null],
      ["DBS", "The LADO", "DBS-20260512"],
    ]);
    const referral = await db.onwardReferral.findFirstOrThrow({ where: { caseId: file.id, body: "DBS" } });
    expect(referral).toMatchObject({ recordedById: lado.user.id, referredAt: new Date("2026-05-12T00:00:00Z") });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "onward-referral.record", subjectId: referral.id } });
    expect(event).toMatchObject({ userId: lado.user.id, subjectType: "onward-referral", caseId: file.id });
  });

  it("prompts when the person resigned, but not for an outcome that is not substantiated", async () => {
    const resigned = await allegation({ employerAction: { finalAction: "RESIGNED" } });
    const lado = await signedIn(["LADO"]);
    await post(lado, resigned.reference, { ...outcome, circumstances: [] });
    expect((await view(lado, resigned.reference)).file.dbs).toMatchObject({ applies: true, referred: false });

    const unsubstantiated = await allegation({ employerAction: { finalAction: "DISMISSAL" } });
    await post(lado, unsubstantiated.reference, { ...outcome, outcome: "UNSUBSTANTIATED" });
    expect((await view(lado, unsubstantiated.reference)).file.dbs).toEqual({ applies: false });
  });

  it("refuses a referral without who made it, dated in the future, or to another body without detail", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const { value } = await post(lado, file.reference, {
      ...dbsReferral,
      body: "OTHER",
      referredBy: "",
      ...dateFields("referredAt", addDaysToDay(londonDay(new Date()), 3)),
    });
    expect(statusOf(value)).toBe(400);
    expect(bodyOf<FormAnswer>(value).errors).toEqual({
      referredAt: "The date of the referral must be today or in the past",
      referredBy: "Enter who made the referral",
      detail: "Enter who the referral was made to, and why",
    });
    expect(bodyOf<FormAnswer>(value).values).toMatchObject({ body: "OTHER", reference: "DBS-20260512" });
  });
});

describe("outcome letters", () => {
  it("cannot be sent before the outcome is recorded", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const { value } = await post(lado, file.reference, { intent: "outcome-letter", recipient: "EMPLOYER", method: "POST" });
    expect(bodyOf<FormAnswer>(value).errors).toEqual({ recipient: "Record the outcome before sending an outcome letter" });
  });

  it("to the employer by post: a tagged PDF with the outcome, its definition and the KCSIE guidance that fits, kept and downloadable", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    await post(lado, file.reference, { ...outcome, outcome: "MALICIOUS", circumstances: "REFUSED_TO_COOPERATE" });
    const { value } = await post(lado, file.reference, { intent: "outcome-letter", recipient: "EMPLOYER", method: "POST", email: "" });
    expect(statusOf(value)).toBe(302);

    const letter = await db.outcomeLetter.findFirstOrThrow({ where: { caseId: file.id }, include: { document: true } });
    expect(letter).toMatchObject({ recipient: "EMPLOYER", sentTo: null, createdById: lado.user.id });
    expect(letter.document).toMatchObject({ kind: "OUTCOME_LETTER", caseId: file.id, mediaType: "application/pdf" });
    expect(await db.outboundMessage.count({ where: { caseId: file.id } })).toBe(0);

    const text = await letterText(letter.documentId);
    expect(text).toContain("Oakfield Primary School");
    expect(text).toContain("the allegation about Daniel Hartley, Teaching assistant");
    expect(text).toContain("On 6 May 2026 the allegation was found to be malicious.");
    expect(text).toContain("deliberate act to deceive, and the allegation is entirely false");
    expect(text).toContain("the person refused to cooperate with the process");
    expect(text).toContain("should be removed from the person's personnel records");
    expect(text).toContain("it must not be referred to in any reference");
    expect(text).not.toContain("pension age");
    expect(text).toContain(`Reference ${file.reference}`);

    const page = await view(lado, file.reference);
    expect(page.file.letters.map((l) => [l.recipient, l.document.id])).toEqual([["EMPLOYER", letter.documentId]]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "outcome-letter.send", subjectId: letter.documentId } });
    expect(event).toMatchObject({ userId: lado.user.id, subjectType: "document", caseId: file.id });
    expect(event.details).toMatchObject({ recipient: "EMPLOYER", method: "POST" });
  });

  it("to the person by email: queued through the outbox with the letter as its file; the substantiated guidance keeps the summary", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    await post(lado, file.reference, { ...outcome, circumstances: [] });
    const noAddress = await post(lado, file.reference, { intent: "outcome-letter", recipient: "SUBJECT", method: "EMAIL", email: "" });
    expect(bodyOf<FormAnswer>(noAddress.value).errors).toEqual({ email: "Enter the email address to send the letter to" });

    const { value } = await post(lado, file.reference, {
      intent: "outcome-letter",
      recipient: "SUBJECT",
      method: "EMAIL",
      email: "Daniel.Hartley@example.org",
    });
    expect(statusOf(value)).toBe(302);
    const letter = await db.outcomeLetter.findFirstOrThrow({ where: { caseId: file.id } });
    expect(letter).toMatchObject({ recipient: "SUBJECT", sentTo: "daniel.hartley@example.org" });
    const message = await db.outboundMessage.findFirstOrThrow({ where: { caseId: file.id } });
    expect(message).toMatchObject({ toAddress: "daniel.hartley@example.org", documentId: letter.documentId, template: "outcome-letter" });
    expect(message.body).not.toContain("Hartley");

    const text = await letterText(letter.documentId);
    expect(text).toContain("Dear Daniel Hartley,");
    expect(text).toContain("the outcome of the allegation about you");
    expect(text).toContain("found to be substantiated");
    expect(text).toContain("normal pension age, or for 10 years from the date of the allegation if that is longer");
    expect(text).toContain("Only substantiated allegations are included in references");
  });

  it("cannot go to a person who is not named", async () => {
    const file = await allegation({ namedProfessional: false, subject: { firstName: null, lastName: null } });
    const lado = await signedIn(["LADO"]);
    await post(lado, file.reference, outcome);
    const { value } = await post(lado, file.reference, { intent: "outcome-letter", recipient: "SUBJECT", method: "POST" });
    expect(bodyOf<FormAnswer>(value).errors).toEqual({
      recipient: "The person the allegation is about is not named, so the letter cannot be addressed to them",
    });
  });
});

describe("DBS referrals due, for My work", () => {
  it("lists the cases asked for where the duty applies and no DBS referral is recorded", async () => {
    const { dbsPromptsFor } = await import("~/allegations/outcome.server");
    const lado = await signedIn(["LADO"]);
    const due = await allegation({
      allocatedTo: lado.user,
      employerAction: { finalAction: "CEASED_TO_USE" },
      outcome: { outcome: "SUBSTANTIATED" },
    });
    await allegation({
      allocatedTo: lado.user,
      employerAction: { finalAction: "DISMISSAL" },
      outcome: { outcome: "SUBSTANTIATED" },
      onwardReferrals: [{ body: "DBS" }],
    });
    await allegation({ allocatedTo: lado.user, employerAction: { finalAction: "FINAL_WARNING" }, outcome: { outcome: "SUBSTANTIATED" } });
    expect(await dbsPromptsFor({ allocatedToId: lado.user.id })).toEqual([
      {
        caseId: due.id,
        reference: due.reference,
        reason: "The allegation is substantiated and the employer removed the person from regulated activity",
      },
    ]);
  });
});
