// The employer's own investigation alongside an allegation, on the employer
// section: the record a cause for concern keeps, carried on when revised to
// an allegation; status, dates and a coded result, versioned and audited.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import * as employer from "~/routes/cases.$reference.employer/route";
import { londonMoment } from "~/utils/dates";
import { createCase } from "./factories";
import { bodyOf, caseSection, dateFields, daysAgo, type FormAnswer, signedIn, statusOf } from "./helpers";

const { view, post } = caseSection(employer, "employer");

const allegation = (fields: Parameters<typeof createCase>[1] = {}) =>
  createCase(db, { receivedAt: londonMoment(daysAgo(40)), decisions: [{ category: "ALLEGATION" }], ...fields });

const investigation = (version: string, fields: Record<string, string> = {}) => ({
  intent: "employer-investigation",
  version,
  investigationAgreed: "The trust's HR will investigate the conduct on the residential trip once police agree.",
  investigationStatus: "IN_PROGRESS",
  ...dateFields("investigationStartedAt", daysAgo(30)),
  ...fields,
});

describe("the employer's investigation of an allegation", () => {
  it("records it, concludes it with a coded result, and audits each change with its version", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const { value } = await post(lado, file.reference, investigation("0"));
    expect(statusOf(value)).toBe(302);
    const row = await db.employerInvestigation.findUniqueOrThrow({ where: { caseId: file.id } });
    expect(row).toMatchObject({ version: 1, status: "IN_PROGRESS", startedAt: new Date(`${daysAgo(30)}T00:00:00Z`), resultCode: null });

    const concluded = investigation("1", {
      investigationStatus: "CONCLUDED",
      ...dateFields("investigationConcludedAt", daysAgo(5)),
      investigationResultCode: "FORMAL_DISCIPLINARY",
      investigationResult: "Final written warning after a disciplinary hearing.",
    });
    expect(statusOf((await post(lado, file.reference, concluded)).value)).toBe(302);
    expect(await db.employerInvestigation.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      version: 2,
      status: "CONCLUDED",
      resultCode: "FORMAL_DISCIPLINARY",
      result: "Final written warning after a disciplinary hearing.",
    });
    const events = await db.auditEvent.findMany({
      where: { caseId: file.id, action: "employer-investigation.record" },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => [e.subjectType, e.subjectId, e.details])).toEqual([
      ["employer-investigation", row.id, { version: 1, changed: ["agreedActions", "status", "startedAt"] }],
      ["employer-investigation", row.id, { version: 2, changed: ["status", "concludedAt", "resultCode", "result"] }],
    ]);
    expect((await view(lado, file.reference)).file.employerInvestigation).toMatchObject({ version: 2, status: "CONCLUDED" });

    // A second save from version 1 is refused, saying what changed.
    const { value: stale } = await post(lado, file.reference, investigation("1"));
    expect(statusOf(stale)).toBe(409);
    expect(bodyOf<FormAnswer>(stale).errors.version).toContain("changed Status, Concluded, Result, Result notes at");
  });

  it("carries on a cause for concern's record once revised to an allegation", async () => {
    const file = await createCase(db, {
      receivedAt: londonMoment(daysAgo(40)),
      decisions: [{ category: "CAUSE_FOR_CONCERN" }, { category: "ALLEGATION" }],
      employerInvestigation: { agreedActions: "The head will interview the teacher.", agreedAt: londonMoment(daysAgo(38)) },
    });
    const lado = await signedIn(["LADO"]);
    const page = await view(lado, file.reference);
    expect(page.file.employerInvestigation).toMatchObject({
      version: 1,
      agreedActions: "The head will interview the teacher.",
      status: null,
    });
    const form = investigation("1", {
      investigationAgreed: "The head will interview the teacher.",
      investigationStatus: "PAUSED_FOR_POLICE",
    });
    expect(statusOf((await post(lado, file.reference, form)).value)).toBe(302);
    expect(await db.employerInvestigation.findUniqueOrThrow({ where: { caseId: file.id } })).toMatchObject({
      version: 2,
      status: "PAUSED_FOR_POLICE",
      agreedAt: londonMoment(daysAgo(38)),
    });
  });

  it("refuses a concluded investigation without its date and result, a result while open, and dates off the case", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const { value } = await post(lado, file.reference, investigation("0", { investigationStatus: "CONCLUDED", investigationAgreed: "" }));
    expect(statusOf(value)).toBe(400);
    expect(bodyOf<FormAnswer>(value).errors).toEqual({
      investigationAgreed: "Enter what the employer is investigating",
      investigationConcludedAt: "Enter the date the employer's investigation concluded",
      investigationResultCode: "Select the employer's result",
    });
    const { value: open } = await post(
      lado,
      file.reference,
      investigation("0", { investigationResultCode: "TRAINING", ...dateFields("investigationStartedAt", daysAgo(41)) }),
    );
    expect(bodyOf<FormAnswer>(open).errors).toEqual({
      investigationStatus: "Select concluded for an investigation with a result, or clear the date concluded and the result",
      investigationStartedAt: expect.stringMatching(/^The date it started must be on or after the day the contact was received/),
    });
    expect(bodyOf<FormAnswer>(open).values).toMatchObject({ investigationResultCode: "TRAINING" });
    expect(await db.employerInvestigation.count({ where: { caseId: file.id } })).toBe(0);
  });

  it("is refused to business support (403)", async () => {
    const file = await allegation();
    const support = await signedIn(["BUSINESS_SUPPORT"]);
    expect(statusOf((await post(support, file.reference, investigation("0"))).value)).toBe(403);
  });
});
