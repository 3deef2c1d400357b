// The closure section of a case file, through its loader and action: an
// allegation cannot be proposed for closure without an outcome; open actions
// need a reason; a manager (not the one who proposed it) signs off, which
// closes the case and sets its retention review date and basis, or returns
// it with a comment; reopening needs a reason and lets decisions in again;
// legal holds are placed and lifted; reasons for delay past three months.
import { describe, expect, it } from "vitest";
import { caseDeletionBlockedBy, closuresAwaitingSignOff, mayDeleteCase } from "~/allegations/closure.server";
import { casesMissingDelayReason } from "~/allegations/delay-reasons.server";
import { caseHeader } from "~/cases/case-file.server";
import { db } from "~/db.server";
import * as closure from "~/routes/cases.$reference.closure/route";
import * as decisions from "~/routes/cases.$reference.decisions/route";
import { londonDay } from "~/utils/dates";
import { createCase, createUser } from "./factories";
import { bodyOf, caseSection, type FormAnswer, request, run, signedIn, statusOf } from "./helpers";

const DAY_MS = 86_400_000;

const { view, post } = caseSection(closure, "closure");

/** An allegation whose outcome is recorded, with no actions, allocated to `lado`. */
function allegation(lado: { id: string; name: string }, fields: Parameters<typeof createCase>[1] = {}) {
  return createCase(db, {
    allocatedTo: lado,
    decisions: [{ category: "ALLEGATION" }],
    outcome: { outcome: "UNSUBSTANTIATED" },
    actions: [],
    delayReasons: [],
    closures: [],
    ...fields,
  });
}

const propose = { intent: "propose", closureReason: "Outcome recorded; letters sent to the employer and the person." };

describe("proposing closure", () => {
  it("refuses an allegation without an outcome, pointing to the outcome section, with the answers kept", async () => {
    const lado = await signedIn(["LADO"]);
    const file = await createCase(db, { allocatedTo: lado.user, decisions: [{ category: "ALLEGATION" }], actions: [], closures: [] });
    await db.outcome.deleteMany({ where: { caseId: file.id } });
    const { value } = await post(lado, file.reference, propose);
    expect(statusOf(value)).toBe(400);
    const answer = bodyOf<FormAnswer>(value);
    expect(answer.errors).toEqual({
      outcome: "Record the outcome of the allegation before proposing closure: an allegation cannot close without one",
    });
    expect(answer.values.closureReason).toBe(propose.closureReason);
    const { value: empty } = await post(lado, file.reference, { intent: "propose" });
    expect(Object.keys(bodyOf<FormAnswer>(empty).errors)).toEqual(["outcome", "closureReason"]);
    expect(await db.closure.count({ where: { caseId: file.id } })).toBe(0);
  });

  it("needs a reason to close with actions open, listing them, and keeps what was typed", async () => {
    const lado = await signedIn(["LADO"]);
    const file = await allegation(lado.user, {
      actions: [
        { description: "Employer to send the disciplinary outcome", status: "OPEN", dueDate: new Date("2026-12-01") },
        { description: "Police to confirm no further action in writing", status: "OPEN", dueDate: new Date("2026-11-20") },
        { description: "Minutes sent", status: "DONE" },
      ],
    });
    const page = await view(lado, file.reference);
    expect(page.file.openActions.map((a) => a.description)).toEqual([
      "Police to confirm no further action in writing",
      "Employer to send the disciplinary outcome",
    ]);

    const { value } = await post(lado, file.reference, propose);
    expect(statusOf(value)).toBe(400);
    const answer = bodyOf<FormAnswer>(value);
    expect(answer.errors).toEqual({
      openActionsReason: "Give the reason for closing with 2 actions still open, or complete or cancel them first",
    });
    expect(answer.values).toMatchObject({ intent: "propose", closureReason: propose.closureReason });
    // Every problem at once, in page order.
    const { value: empty } = await post(lado, file.reference, { intent: "propose" });
    expect(Object.keys(bodyOf<FormAnswer>(empty).errors)).toEqual(["closureReason", "openActionsReason"]);

    const { value: saved } = await post(lado, file.reference, {
      ...propose,
      openActionsReason: "The employer's letter is a formality; the police confirmed NFA by phone.",
    });
    expect(statusOf(saved)).toBe(302);
    expect((saved as Response).headers.get("Location")).toBe(`/cases/${file.reference}/closure`);
    const row = await db.closure.findFirstOrThrow({ where: { caseId: file.id } });
    expect(row).toMatchObject({
      proposedById: lado.user.id,
      note: propose.closureReason,
      openActionsReason: "The employer's letter is a formality; the police confirmed NFA by phone.",
    });
  });

  it("requires a reason; keeps no reason for open actions when there are none; one proposal at a time", async () => {
    const lado = await signedIn(["LADO"]);
    const file = await allegation(lado.user);
    const { value: empty } = await post(lado, file.reference, { intent: "propose", closureReason: "  " });
    expect(statusOf(empty)).toBe(400);
    expect(bodyOf<FormAnswer>(empty).errors).toEqual({ closureReason: "Enter the reason for closing the case" });

    const { value } = await post(lado, file.reference, { ...propose, openActionsReason: "Not asked" });
    expect(statusOf(value)).toBe(302);
    expect(await db.closure.findFirstOrThrow({ where: { caseId: file.id } })).toMatchObject({ openActionsReason: null });
    expect((await view(lado, file.reference)).state).toBe("proposed");

    const { value: again } = await post(lado, file.reference, propose);
    expect(statusOf(again)).toBe(409);
    expect(bodyOf<FormAnswer>(again).errors).toEqual({
      closure: "Closure has already been proposed and is waiting for a manager's sign-off",
    });
    expect(await db.closure.count({ where: { caseId: file.id } })).toBe(1);
  });

  it("answers a form with no intent, or an unknown one, field by field", async () => {
    const lado = await signedIn(["LADO"]);
    const file = await allegation(lado.user);
    for (const form of [{}, { intent: "delete" }] as Record<string, string>[]) {
      const { value } = await post(lado, file.reference, form);
      expect(statusOf(value)).toBe(400);
      expect(bodyOf<FormAnswer>(value).errors).toEqual({ intent: "Choose what to do" });
    }
  });
});

describe("the manager's sign-off", () => {
  it("closes the case and sets its retention review date and basis; the LADO may not sign off (403)", async () => {
    const lado = await signedIn(["LADO"]);
    const file = await allegation(lado.user, {
      receivedAt: new Date("2026-06-01T09:00:00Z"),
      subject: { firstName: "Dominic", lastName: "Ashworth", dateOfBirth: new Date("1984-07-19") },
    });
    expect(statusOf((await post(lado, file.reference, propose)).value)).toBe(302);

    const { value: refused } = await post(lado, file.reference, { intent: "sign-off" });
    expect(statusOf(refused)).toBe(403);

    const manager = await signedIn(["MANAGER"]);
    expect((await closuresAwaitingSignOff()).map((c) => c.reference)).toContain(file.reference);
    expect((await closuresAwaitingSignOff({ allocatedToId: lado.user.id })).map((c) => c.reference)).toEqual([file.reference]);
    const { value } = await post(manager, file.reference, { intent: "sign-off" });
    expect(statusOf(value)).toBe(302);

    const today = londonDay(new Date());
    const reviewOn = `${Number(today.slice(0, 4)) + 25}${today.slice(4)}`.replace(/-02-29$/, "-02-28");
    const row = await db.case.findUniqueOrThrow({ where: { id: file.id }, include: { closures: true } });
    expect(row.closures[0]).toMatchObject({ signedOffById: manager.user.id });
    expect(row.retentionReviewDate?.toISOString().slice(0, 10)).toBe(reviewOn);
    expect(row.retentionBasis).toMatch(/^LADO record: Unsubstantiated allegation, kept 25 years from closure on .+: review on .+\. /);
    expect(row.retentionBasis).toMatch(
      /Employer's personnel file \(KCSIE\): keep until normal pension age \(67\) on 19 July 2051, later than 10 years from the allegation \(1 June 2026\), 1 June 2036\.$/,
    );
    expect((await closuresAwaitingSignOff()).map((c) => c.reference)).not.toContain(file.reference);

    const page = await view(lado, file.reference);
    expect(page.state).toBe("closed");
    expect((await caseHeader(file.id, ["LADO"])).stage).toBe("CLOSED");
    const event = await db.auditEvent.findFirstOrThrow({ where: { caseId: file.id, action: "closure.sign-off" } });
    expect(event.details).toEqual({ retentionReviewDate: reviewOn });
  });

  it("uses the configured years, and says when the date of birth is not known", async () => {
    const lado = await signedIn(["LADO"]);
    const file = await allegation(lado.user, { outcome: { outcome: "FALSE" }, receivedAt: new Date("2026-06-01T09:00:00Z") });
    await db.person.update({ where: { caseId: file.id }, data: { dateOfBirth: null } });
    await db.setting.create({
      data: {
        key: "retentionYears",
        value: { SUBSTANTIATED: 50, UNSUBSTANTIATED: 25, UNFOUNDED: 10, FALSE: 12, MALICIOUS: 10, NO_ALLEGATION: 6 },
      },
    });
    try {
      await post(lado, file.reference, propose);
      const manager = await signedIn(["MANAGER"]);
      expect(statusOf((await post(manager, file.reference, { intent: "sign-off" })).value)).toBe(302);
    } finally {
      await db.setting.delete({ where: { key: "retentionYears" } });
    }
    const row = await db.case.findUniqueOrThrow({ where: { id: file.id } });
    expect(row.retentionBasis).toMatch(/False allegation, kept 12 years from closure/);
    expect(row.retentionBasis).toMatch(
      /keep until 1 June 2036, 10 years from the allegation \(1 June 2026\)\. The person's date of birth is not known/,
    );
  });

  it("is not for the manager who proposed it: another manager signs off", async () => {
    const proposer = await signedIn(["MANAGER"]);
    const file = await allegation(proposer.user);
    expect(statusOf((await post(proposer, file.reference, propose)).value)).toBe(302);
    expect((await view(proposer, file.reference)).state).toBe("proposed");

    const { value } = await post(proposer, file.reference, { intent: "sign-off" });
    expect(statusOf(value)).toBe(403);
    expect(bodyOf<FormAnswer>(value).errors).toEqual({ closure: "You proposed this closure: another manager must sign it off" });
    expect((await db.closure.findFirstOrThrow({ where: { caseId: file.id } })).signedOffAt).toBeNull();

    const other = await signedIn(["MANAGER"]);
    expect(statusOf((await post(other, file.reference, { intent: "sign-off" })).value)).toBe(302);
    // Signed off already: a second sign-off finds nothing waiting.
    const { value: twice } = await post(other, file.reference, { intent: "sign-off" });
    expect(statusOf(twice)).toBe(409);
  });

  it("returns it with a comment the LADO sees; a comment is required; the LADO then proposes again", async () => {
    const lado = await signedIn(["LADO"]);
    const file = await allegation(lado.user);
    await post(lado, file.reference, propose);
    const manager = await signedIn(["MANAGER"]);

    const { value: empty } = await post(manager, file.reference, { intent: "return", returnComment: "" });
    expect(statusOf(empty)).toBe(400);
    expect(bodyOf<FormAnswer>(empty).errors).toEqual({ returnComment: "Enter a comment saying what the LADO should do before closure" });

    const { value: asLado } = await post(lado, file.reference, { intent: "return", returnComment: "Mine" });
    expect(statusOf(asLado)).toBe(403);

    const comment = "The outcome letter to the person has not been sent.";
    expect(statusOf((await post(manager, file.reference, { intent: "return", returnComment: comment })).value)).toBe(302);
    const page = await view(lado, file.reference);
    expect(page.state).toBe("open");
    expect(page.file.closures[0]).toMatchObject({ returnedReason: comment, returnedBy: { name: manager.user.name } });

    expect(statusOf((await post(lado, file.reference, propose)).value)).toBe(302);
    expect(await db.closure.count({ where: { caseId: file.id } })).toBe(2);
    expect((await view(lado, file.reference)).state).toBe("proposed");
  });
});

describe("reopening", () => {
  it("needs a reason; a closed case refuses decisions, and takes them again once reopened", async () => {
    const lado = await signedIn(["LADO"]);
    const file = await allegation(lado.user, { closures: [{ signedOffAt: new Date(Date.now() - DAY_MS) }] });
    await db.case.update({ where: { id: file.id }, data: { retentionReviewDate: new Date("2051-01-01"), retentionBasis: "As set" } });
    const decide = { intent: "decide", basedOn: "1", category: "ALLEGATION", harmCriteria: "HARMED_CHILD", rationale: "New information." };
    const decisionsPost = () =>
      run(decisions.action, request(`/cases/${file.reference}/decisions`, { caller: lado, form: decide }), { reference: file.reference });

    const { value: closed } = await decisionsPost();
    expect(statusOf(closed)).toBe(409);

    const { value: noReason } = await post(lado, file.reference, { intent: "reopen", reopenReason: "" });
    expect(statusOf(noReason)).toBe(400);
    expect(bodyOf<FormAnswer>(noReason).errors).toEqual({ reopenReason: "Enter the reason for reopening the case" });

    const { value } = await post(lado, file.reference, { intent: "reopen", reopenReason: "A second child has made a disclosure." });
    expect(statusOf(value)).toBe(302);
    const row = await db.case.findUniqueOrThrow({ where: { id: file.id }, include: { closures: true } });
    expect(row.closures[0]).toMatchObject({ reopenedById: lado.user.id, reopenReason: "A second child has made a disclosure." });
    expect(row).toMatchObject({ retentionReviewDate: null, retentionBasis: null });
    const event = await db.auditEvent.findFirstOrThrow({ where: { caseId: file.id, action: "closure.reopen" } });
    expect(event.details).toEqual({ retentionReviewDate: "2051-01-01" });
    expect((await view(lado, file.reference)).state).toBe("open");

    const { value: decided } = await decisionsPost();
    expect(statusOf(decided)).toBe(302);

    // Open now: reopening again is refused.
    const { value: again } = await post(lado, file.reference, { intent: "reopen", reopenReason: "Again" });
    expect(statusOf(again)).toBe(409);
    expect(bodyOf<FormAnswer>(again).errors).toEqual({ closure: "This case is not closed: only a closed case can be reopened" });
  });

  it("refuses a proposal on a closed case", async () => {
    const lado = await signedIn(["LADO"]);
    const file = await allegation(lado.user, { closures: [{ signedOffAt: new Date(Date.now() - DAY_MS) }] });
    const { value } = await post(lado, file.reference, propose);
    expect(statusOf(value)).toBe(409);
    expect(bodyOf<FormAnswer>(value).errors).toEqual({ closure: "This case is closed: reopen it first" });
  });
});

describe("legal holds", () => {
  it("a manager places one with a reason (flagged on the header, blocking deletion) and lifts it; a LADO may do neither", async () => {
    const lado = await signedIn(["LADO"]);
    const file = await allegation(lado.user, { closures: [{ signedOffAt: new Date(Date.now() - DAY_MS) }] });
    await db.case.update({ where: { id: file.id }, data: { retentionReviewDate: new Date("2020-01-01") } });
    expect(await mayDeleteCase(file.id)).toBe(true);

    expect(statusOf((await post(lado, file.reference, { intent: "place-hold", holdReason: "Mine" })).value)).toBe(403);
    const manager = await signedIn(["MANAGER"]);
    const { value: empty } = await post(manager, file.reference, { intent: "place-hold", holdReason: "" });
    expect(statusOf(empty)).toBe(400);
    expect(bodyOf<FormAnswer>(empty).errors).toEqual({ holdReason: "Enter the reason for the legal hold" });

    const reason = "Independent inquiry's retention direction, 2027";
    expect(statusOf((await post(manager, file.reference, { intent: "place-hold", holdReason: reason })).value)).toBe(302);
    const hold = await db.legalHold.findFirstOrThrow({ where: { caseId: file.id } });
    expect(hold).toMatchObject({ reason, placedById: manager.user.id, liftedAt: null });
    expect((await caseHeader(file.id, ["LADO"])).flags.map((f) => f.text)).toContain("Legal hold");
    expect(await caseDeletionBlockedBy(file.id)).toEqual([{ kind: "LEGAL_HOLD", reason, wholeService: false }]);
    expect(await mayDeleteCase(file.id)).toBe(false);
    expect((await view(lado, file.reference)).file.legalHolds.map((h) => h.reason)).toEqual([reason]);

    expect(statusOf((await post(lado, file.reference, { intent: "lift-hold", holdId: hold.id })).value)).toBe(403);
    expect(statusOf((await post(manager, file.reference, { intent: "lift-hold", holdId: hold.id })).value)).toBe(302);
    expect((await db.legalHold.findUniqueOrThrow({ where: { id: hold.id } })).liftedAt).not.toBeNull();
    expect((await caseHeader(file.id, ["LADO"])).flags.map((f) => f.text)).not.toContain("Legal hold");
    expect(await mayDeleteCase(file.id)).toBe(true);

    // Lifted already, or not a hold of this case: refused on the holds.
    const { value: twice } = await post(manager, file.reference, { intent: "lift-hold", holdId: hold.id });
    expect(statusOf(twice)).toBe(409);
    expect(Object.keys(bodyOf<FormAnswer>(twice).errors)).toEqual(["holds"]);
    const { value: bad } = await post(manager, file.reference, { intent: "lift-hold", holdId: "not-an-id" });
    expect(statusOf(bad)).toBe(400);
  });

  it("a hold on every record blocks deletion of this case too", async () => {
    const lado = await signedIn(["LADO"]);
    const manager = await createUser(db, { roles: ["MANAGER"] });
    const file = await allegation(lado.user, { closures: [{ signedOffAt: new Date(Date.now() - DAY_MS) }] });
    await db.case.update({ where: { id: file.id }, data: { retentionReviewDate: new Date("2020-01-01") } });
    const hold = await db.legalHold.create({ data: { caseId: null, reason: "Public inquiry: keep everything", placedById: manager.id } });
    try {
      expect(await caseDeletionBlockedBy(file.id)).toContainEqual({
        kind: "LEGAL_HOLD",
        reason: "Public inquiry: keep everything",
        wholeService: true,
      });
      expect((await view(lado, file.reference)).file.serviceHolds.map((h) => h.reason)).toEqual(["Public inquiry: keep everything"]);
    } finally {
      await db.legalHold.update({ where: { id: hold.id }, data: { liftedAt: new Date() } });
    }
  });
});

describe("reasons for delay", () => {
  it("past three months asks for this month's reason, records it once, and leaves the list for My work", async () => {
    const lado = await signedIn(["LADO"]);
    const file = await allegation(lado.user, { receivedAt: new Date(Date.now() - 100 * DAY_MS) });
    const thisMonth = `${londonDay(new Date()).slice(0, 7)}-01`;
    const page = await view(lado, file.reference);
    expect(page.file.delay.missing).toContain(thisMonth);
    expect((await casesMissingDelayReason({ allocatedToId: lado.user.id })).map((c) => c.reference)).toEqual([file.reference]);

    const { value: empty } = await post(lado, file.reference, { intent: "delay-reason", month: thisMonth, delayReason: "" });
    expect(statusOf(empty)).toBe(400);
    expect(bodyOf<FormAnswer>(empty).errors).toEqual({ delayReason: "Enter the reason for delay" });

    const { value: notDue } = await post(lado, file.reference, { intent: "delay-reason", month: "2020-01-01", delayReason: "Waiting" });
    expect(statusOf(notDue)).toBe(409);
    expect(bodyOf<FormAnswer>(notDue).errors).toEqual({ month: "Choose a month that needs a reason for delay and has none yet" });

    const reason = "Awaiting the CPS charging decision.";
    expect(statusOf((await post(lado, file.reference, { intent: "delay-reason", month: thisMonth, delayReason: reason })).value)).toBe(302);
    const row = await db.delayReason.findFirstOrThrow({ where: { caseId: file.id } });
    expect(row).toMatchObject({ reason, recordedById: lado.user.id });
    expect(row.month.toISOString().slice(0, 10)).toBe(thisMonth);
    expect((await view(lado, file.reference)).file.delay.missing).not.toContain(thisMonth);
    expect((await casesMissingDelayReason({ allocatedToId: lado.user.id })).map((c) => c.reference)).toEqual([]);

    const { value: twice } = await post(lado, file.reference, { intent: "delay-reason", month: thisMonth, delayReason: reason });
    expect(statusOf(twice)).toBe(409);
  });

  it("asks nothing of a recent allegation, a closed one, or a case that is not an allegation", async () => {
    const lado = await signedIn(["LADO"]);
    const old = new Date(Date.now() - 150 * DAY_MS);
    const recent = await allegation(lado.user, { receivedAt: new Date(Date.now() - 20 * DAY_MS) });
    const closed = await allegation(lado.user, { receivedAt: old, closures: [{ signedOffAt: new Date(Date.now() - DAY_MS) }] });
    const advice = await createCase(db, { allocatedTo: lado.user, receivedAt: old, decisions: [{ category: "ADVICE" }], closures: [] });
    for (const file of [recent, closed, advice]) expect((await view(lado, file.reference)).file.delay.missing).toEqual([]);
    expect(await casesMissingDelayReason({ allocatedToId: lado.user.id })).toEqual([]);
  });
});
