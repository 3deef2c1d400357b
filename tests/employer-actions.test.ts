// The employer section's actions on an allegation, through the route's form:
// suspension considered, the alternatives and why they were rejected, or
// why not suspended; a suspension with who agreed it, its rationale, its
// written confirmation (met or late against the working-day rule), the named
// contact, review dates and end; redeployment; return to work; the final
// action. Field errors keep the answers; dates before the contact or in the
// future are refused; a save from an out-of-date form is refused with what
// changed; each save audited with its version.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import * as section from "~/routes/cases.$reference.employer/route";
import { addDaysToDay, londonDay } from "~/utils/dates";
import { createCase } from "./factories";
import { bodyOf, caseSection, dateFields, type FormAnswer, signedIn, statusOf } from "./helpers";

const { view, post } = caseSection(section, "employer");

/** An allegation received on Monday 2 March 2026. */
const allegation = () =>
  createCase(db, { receivedAt: new Date("2026-03-02T10:00:00Z"), decisions: [{ category: "ALLEGATION" }], employerAction: undefined });

/** Suspended on Friday 6 March 2026, confirmed in writing on Monday 9 March: in time with 1 working day. */
const suspension = {
  intent: "employer-action",
  version: "0",
  suspensionConsidered: "yes",
  alternativesConsidered: ["REDEPLOYMENT", "SUPERVISION"],
  alternativesRejected: "No role in the school without contact with children; supervision could not be kept up all day.",
  suspended: "yes",
  ...dateFields("suspendedAt", "2026-03-06"),
  suspensionAgreedBy: "Chair of governors",
  suspensionRationale: "Police are investigating and the children could not be kept safe by redeployment or supervision.",
  ...dateFields("writtenConfirmationAt", "2026-03-09"),
  namedContact: "Priya Shah, deputy headteacher",
  ...dateFields("reviewDate1", "2026-04-03"),
  ...dateFields("reviewDate2", "2026-03-20"),
  redeployed: "no",
  finalAction: "",
};

describe("the employer's actions", () => {
  it("records a suspension with everything asked, shows the written confirmation met, and audits the version made", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const { value } = await post(lado, file.reference, suspension);
    expect(statusOf(value)).toBe(302);
    expect((value as Response).headers.get("Location")).toBe(`/cases/${file.reference}/employer`);

    const row = await db.employerAction.findUniqueOrThrow({ where: { caseId: file.id } });
    expect(row).toMatchObject({
      version: 1,
      suspensionConsidered: true,
      alternativesConsidered: ["REDEPLOYMENT", "SUPERVISION"],
      suspended: true,
      suspendedAt: new Date("2026-03-06T00:00:00Z"),
      suspensionAgreedBy: "Chair of governors",
      writtenConfirmationAt: new Date("2026-03-09T00:00:00Z"),
      namedContact: "Priya Shah, deputy headteacher",
      notSuspendedReason: null,
      redeployed: false,
      finalAction: null,
    });
    // Sorted by day, whatever order they were typed in.
    expect(row.suspensionReviewDates).toEqual([new Date("2026-03-20T00:00:00Z"), new Date("2026-04-03T00:00:00Z")]);

    const events = await db.auditEvent.findMany({ where: { action: "employer-action.record", caseId: file.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ userId: lado.user.id, subjectType: "employer-action", subjectId: row.id });
    expect(events[0]!.details).toMatchObject({ version: 1, changed: expect.arrayContaining(["suspended", "suspensionRationale"]) });

    const page = await view(lado, file.reference);
    expect(page.confirmation).toEqual({ dueBy: "2026-03-09", state: "met" });
    expect(page.file.employerAction?.version).toBe(1);
  });

  it("shows written confirmation late after the working day, and overdue while not sent", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const late = { ...suspension, ...dateFields("writtenConfirmationAt", "2026-03-10") };
    expect(statusOf((await post(lado, file.reference, late)).value)).toBe(302);
    expect((await view(lado, file.reference)).confirmation).toEqual({ dueBy: "2026-03-09", state: "late" });

    const unsent = await allegation();
    const noConfirmation = {
      ...suspension,
      "writtenConfirmationAt-day": "",
      "writtenConfirmationAt-month": "",
      "writtenConfirmationAt-year": "",
    };
    expect(statusOf((await post(lado, unsent.reference, noConfirmation)).value)).toBe(302);
    expect((await view(lado, unsent.reference)).confirmation).toEqual({ dueBy: "2026-03-09", state: "overdue" });
  });

  it("refuses a suspension without its date, who agreed it, its rationale or why the alternatives were rejected, keeping every answer", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const form = {
      ...suspension,
      suspensionRationale: "  ",
      suspensionAgreedBy: "",
      alternativesRejected: "",
      "suspendedAt-day": "",
      "suspendedAt-month": "",
      "suspendedAt-year": "",
    };
    const { value } = await post(lado, file.reference, form);
    expect(statusOf(value)).toBe(400);
    const answer = bodyOf<FormAnswer>(value);
    expect(answer.errors).toEqual({
      alternativesRejected: "Enter why the alternatives considered were rejected",
      suspendedAt: "Enter the date of suspension",
      suspensionAgreedBy: "Enter who agreed the suspension",
      suspensionRationale: "Enter the rationale for suspension",
    });
    expect(answer.values).toMatchObject({
      namedContact: "Priya Shah, deputy headteacher",
      alternativesConsidered: ["REDEPLOYMENT", "SUPERVISION"],
    });
    expect(await db.employerAction.count({ where: { caseId: file.id } })).toBe(0);
  });

  it("asks why the person was not suspended when suspension was considered, and drops suspension details that do not apply", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const notSuspended = { ...suspension, suspended: "no", alternativesRejected: "" };
    const refused = await post(lado, file.reference, notSuspended);
    expect(statusOf(refused.value)).toBe(400);
    expect(bodyOf<FormAnswer>(refused.value).errors).toEqual({ notSuspendedReason: "Enter why the person was not suspended" });

    const { value } = await post(lado, file.reference, {
      ...notSuspended,
      notSuspendedReason: "Redeployed to the school office, away from pupils, while the police investigate.",
      redeployed: "yes",
      ...dateFields("redeployedAt", "2026-03-04"),
    });
    expect(statusOf(value)).toBe(302);
    const row = await db.employerAction.findUniqueOrThrow({ where: { caseId: file.id } });
    expect(row).toMatchObject({
      suspended: false,
      suspendedAt: null,
      suspensionRationale: null,
      suspensionReviewDates: [],
      notSuspendedReason: "Redeployed to the school office, away from pupils, while the police investigate.",
      redeployed: true,
      redeployedAt: new Date("2026-03-04T00:00:00Z"),
    });
    // A suspension was not considered, yet one is recorded: that cannot be.
    const contradiction = await post(lado, file.reference, { ...suspension, version: "1", suspensionConsidered: "no" });
    expect(bodyOf<FormAnswer>(contradiction.value).errors.suspensionConsidered).toBe(
      "Select yes: the person was suspended, so suspension was considered",
    );
  });

  it("refuses dates before the contact was received, in the future, or before the suspension, as field errors", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const tomorrow = addDaysToDay(londonDay(new Date()), 1);
    const { value } = await post(lado, file.reference, {
      ...suspension,
      ...dateFields("suspendedAt", "2026-03-01"),
      ...dateFields("writtenConfirmationAt", tomorrow),
      ...dateFields("suspensionEndedAt", "2026-03-05"),
      ...dateFields("returnedToWorkAt", "2026-02-27"),
      finalAction: "DISMISSAL",
    });
    expect(statusOf(value)).toBe(400);
    expect(bodyOf<FormAnswer>(value).errors).toEqual({
      suspendedAt: "The date of suspension must be on or after the day the contact was received (2 March 2026)",
      writtenConfirmationAt: "The date of written confirmation must be today or in the past",
      returnedToWorkAt: "The date the person returned to work must be on or after the day the contact was received (2 March 2026)",
      finalActionAt: "Enter the date of the final action",
    });

    const beforeSuspension = await post(lado, file.reference, {
      ...suspension,
      ...dateFields("suspensionEndedAt", "2026-03-05"),
      ...dateFields("reviewDate3", "2026-03-04"),
    });
    expect(bodyOf<FormAnswer>(beforeSuspension.value).errors).toEqual({
      reviewDate3: "A review date must be on or after the date of suspension",
      suspensionEndedAt: "The date the suspension ended must be on or after the date of suspension",
    });
  });

  it("records the final action, its date and detail; another action needs its detail", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const other = await post(lado, file.reference, { ...suspension, finalAction: "OTHER", ...dateFields("finalActionAt", "2026-05-11") });
    expect(bodyOf<FormAnswer>(other.value).errors).toEqual({ finalActionDetail: "Enter what the final action was" });
    const { value } = await post(lado, file.reference, {
      ...suspension,
      ...dateFields("suspensionEndedAt", "2026-05-11"),
      finalAction: "DISMISSAL",
      ...dateFields("finalActionAt", "2026-05-11"),
      finalActionDetail: "Dismissed for gross misconduct after a disciplinary hearing.",
    });
    expect(statusOf(value)).toBe(302);
    expect(await db.employerAction.findUniqueOrThrow({ where: { caseId: file.id } })).toMatchObject({
      finalAction: "DISMISSAL",
      finalActionAt: new Date("2026-05-11T00:00:00Z"),
      suspensionEndedAt: new Date("2026-05-11T00:00:00Z"),
    });
  });

  it("refuses a save made from an out-of-date form, saying who changed what, keeping the answers, and takes it once checked", async () => {
    const file = await allegation();
    const first = await signedIn(["LADO"]);
    const second = await signedIn(["MANAGER"]);
    expect(statusOf((await post(first, file.reference, suspension)).value)).toBe(302);
    // Both open the form at version 1; the first saves a change.
    expect(
      statusOf((await post(first, file.reference, { ...suspension, version: "1", namedContact: "Tom Price, HR adviser" })).value),
    ).toBe(302);
    const stale = { ...suspension, version: "1", suspensionAgreedBy: "Headteacher" };
    const { value } = await post(second, file.reference, stale);
    expect(statusOf(value)).toBe(409);
    const answer = bodyOf<FormAnswer>(value);
    expect(answer.errors.version).toMatch(
      new RegExp(`^This record changed while you were editing it: ${first.user.name} changed the named contact at `),
    );
    expect(answer.values).toMatchObject({ suspensionAgreedBy: "Headteacher", version: "2" });
    expect((await db.employerAction.findUniqueOrThrow({ where: { caseId: file.id } })).suspensionAgreedBy).toBe("Chair of governors");

    // Sent again from the refused form (now at version 2), it is saved.
    expect(statusOf((await post(second, file.reference, answer.values)).value)).toBe(302);
    expect(await db.employerAction.findUniqueOrThrow({ where: { caseId: file.id } })).toMatchObject({
      version: 3,
      suspensionAgreedBy: "Headteacher",
    });

    // Two first saves at once (both from version 0): one is made, the other refused.
    const race = await allegation();
    const results = await Promise.all([post(first, race.reference, suspension), post(second, race.reference, suspension)]);
    expect(results.map((r) => statusOf(r.value)).sort()).toEqual([302, 409]);
  });

  it("takes actions only on an allegation, and only from those who may change the case", async () => {
    const advice = await createCase(db, { decisions: [{ category: "ADVICE" }] });
    const lado = await signedIn(["LADO"]);
    const { value } = await post(lado, advice.reference, suspension);
    expect(bodyOf<FormAnswer>(value).errors.suspensionConsidered).toBe(
      "This case is not an allegation: record the threshold decision first",
    );

    const file = await allegation();
    const support = await signedIn(["BUSINESS_SUPPORT"]);
    const refused = await post(support, file.reference, suspension);
    expect(statusOf(refused.value)).toBe(403);
  });
});

describe("suspensions awaiting written confirmation, for My work", () => {
  it("lists those among the cases asked for with no confirmation recorded, due or overdue, soonest first", async () => {
    const { unconfirmedSuspensions } = await import("~/allegations/employer-action.server");
    const lado = await signedIn(["LADO"]);
    const mine = await createCase(db, {
      receivedAt: new Date("2026-03-02T10:00:00Z"),
      decisions: [{ category: "ALLEGATION" }],
      allocatedTo: lado.user,
      employerAction: { suspended: true, suspendedAt: new Date("2026-03-06"), writtenConfirmationAt: null },
    });
    await createCase(db, {
      receivedAt: new Date("2026-03-02T10:00:00Z"),
      decisions: [{ category: "ALLEGATION" }],
      allocatedTo: lado.user,
      employerAction: { suspended: true, suspendedAt: new Date("2026-03-06"), writtenConfirmationAt: new Date("2026-03-09") },
    });
    expect(await unconfirmedSuspensions({ allocatedToId: lado.user.id }, "2026-03-09")).toEqual([
      { caseId: mine.id, reference: mine.reference, dueBy: "2026-03-09", state: "due" },
    ]);
    expect((await unconfirmedSuspensions({ allocatedToId: lado.user.id }, "2026-03-10"))[0]?.state).toBe("overdue");
  });
});
