// The decisions section of a case file: the initial consideration (met or
// missed, its due time kept), threshold decisions with revisions and two
// LADOs deciding at once, where each decision leads, and a cause for
// concern's agreement with the employer and its result.
import { describe, expect, it } from "vitest";
import { getBankHolidays } from "~/config/settings.server";
import { db } from "~/db.server";
import * as section from "~/routes/cases.$reference.decisions/route";
import { initialConsideration } from "~/triage/initial-consideration";
import { triageQueue } from "~/triage/queue.server";
import { addDaysToDay, londonDay } from "~/utils/dates";
import { createCase, createOrganisation } from "./factories";
import { bodyOf, type Caller, dateFields, request, run, signedIn, statusOf } from "./helpers";

type Page = Awaited<ReturnType<typeof section.loader>>;
type Answer = { errors: Record<string, string>; values: Record<string, string | string[]>; latest?: { revision: number } | null };

const DAY_MS = 86_400_000;

async function view(caller: Caller, reference: string) {
  const { value } = await run(section.loader, request(`/cases/${reference}/decisions`, { caller }), { reference });
  expect(statusOf(value)).toBe(200);
  return bodyOf<Page>(value);
}

function post(caller: Caller, reference: string, form: Record<string, string | string[]>) {
  return run(section.action, request(`/cases/${reference}/decisions`, { caller, form }), { reference });
}

const location = (value: unknown) => (value as Response).headers.get("Location");

const considered = { progress: { decision: null, considered: true } } as const;
const advice = { intent: "decide", basedOn: "0", category: "ADVICE", rationale: "Below the threshold: advice given to the DSL." };

describe("initial consideration", () => {
  it("records who, when and the due time, reads as met, leaves the queue, and is audited; a change keeps the first time", async () => {
    const file = await createCase(db, { receivedAt: new Date(Date.now() - 60_000) });
    const lado = await signedIn(["LADO"]);
    expect((await triageQueue()).contacts.map((c) => c.reference)).toContain(file.reference);

    const { value } = await post(lado, file.reference, {
      intent: "consider",
      priorHistorySeen: "yes",
      immediateActions: ["POLICE_INFORMED", "OTHER"],
      immediateActionDetail: "Asked the school to keep him off the residential trip",
      considerationNotes: "One earlier advice contact about the same school in 2024.",
    });
    expect(statusOf(value)).toBe(302);
    expect(location(value)).toBe(`/cases/${file.reference}/decisions`);

    const row = await db.case.findUniqueOrThrow({ where: { id: file.id } });
    expect(row).toMatchObject({
      initialConsideredById: lado.user.id,
      priorHistorySeen: true,
      immediateActions: ["POLICE_INFORMED", "OTHER"],
      immediateActionDetail: "Asked the school to keep him off the residential trip",
      initialConsideration: "One earlier advice contact about the same school in 2024.",
    });
    const expectedDue = initialConsideration(file.receivedAt, row.initialConsideredAt!, 1, await getBankHolidays()).dueAt;
    expect(row.initialConsiderationDue).toEqual(expectedDue);
    expect((await triageQueue()).contacts.map((c) => c.reference)).not.toContain(file.reference);

    const page = await view(lado, file.reference);
    expect(page.timeliness).toMatchObject({ met: true });
    expect(page.timeliness!.label).toMatch(/^Considered .+ before it was due$/);

    // Changed later: the answers change, the first time and its due time stay.
    const manager = await signedIn(["MANAGER"]);
    const { value: changed } = await post(manager, file.reference, {
      intent: "consider",
      priorHistorySeen: "no",
      immediateActions: "NONE",
      immediateActionDetail: "left over from before",
    });
    expect(statusOf(changed)).toBe(302);
    const after = await db.case.findUniqueOrThrow({ where: { id: file.id } });
    expect(after).toMatchObject({
      initialConsideredAt: row.initialConsideredAt,
      initialConsideredById: lado.user.id,
      initialConsiderationDue: row.initialConsiderationDue,
      priorHistorySeen: false,
      immediateActions: ["NONE"],
      immediateActionDetail: null,
      initialConsideration: null,
    });
    const events = await db.auditEvent.findMany({
      where: { caseId: file.id, action: "case.initial-consideration" },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => [e.userId, (e.details as { first: boolean }).first])).toEqual([
      [lado.user.id, true],
      [manager.user.id, false],
    ]);
  });

  it("reads as missed when late, and keeps the due time it was recorded against when the target changes", async () => {
    const file = await createCase(db, { receivedAt: new Date(Date.now() - 10 * DAY_MS) });
    const lado = await signedIn(["LADO"]);
    const { value } = await post(lado, file.reference, { intent: "consider", priorHistorySeen: "yes", immediateActions: "NONE" });
    expect(statusOf(value)).toBe(302);
    const page = await view(lado, file.reference);
    expect(page.timeliness).toMatchObject({ met: false });
    expect(page.timeliness!.label).toMatch(/^Considered \d+ days late$/);

    await db.setting.create({ data: { key: "initialConsiderationWorkingDays", value: 30 } });
    try {
      const later = await view(lado, file.reference);
      expect(later.file.initialConsiderationDue).toEqual(page.file.initialConsiderationDue);
      expect(later.timeliness).toEqual(page.timeliness);
    } finally {
      await db.setting.delete({ where: { key: "initialConsiderationWorkingDays" } });
    }
  });

  it("refuses no immediate action together with an action, and other without saying what, keeping the answers", async () => {
    const file = await createCase(db);
    const lado = await signedIn(["LADO"]);
    const { value } = await post(lado, file.reference, {
      intent: "consider",
      priorHistorySeen: "yes",
      immediateActions: ["NONE", "POLICE_INFORMED"],
      considerationNotes: "Checked.",
    });
    expect(statusOf(value)).toBe(400);
    const answer = bodyOf<Answer>(value);
    expect(answer.errors.immediateActions).toBe("Select the immediate actions taken, or select no immediate action, not both");
    expect(answer.values).toMatchObject({ immediateActions: ["NONE", "POLICE_INFORMED"], considerationNotes: "Checked." });

    const { value: other } = await post(lado, file.reference, { intent: "consider", immediateActions: "OTHER" });
    expect(statusOf(other)).toBe(400);
    expect(bodyOf<Answer>(other).errors).toMatchObject({
      priorHistorySeen: "Select yes if you have seen the prior history of this person and setting",
      immediateActionDetail: "Enter the other immediate action taken",
    });
    expect((await db.case.findUniqueOrThrow({ where: { id: file.id } })).initialConsideredAt).toBeNull();
  });
});

describe("prior history on the consideration", () => {
  it("says what the check found beside the form: an earlier record of the person and contacts about the same setting", async () => {
    const school = await createOrganisation(db, { name: "Hollybank Primary School", sector: "PRIMARY_SCHOOL" });
    const person = { firstName: "Marek", lastName: "Kowalczyk", dateOfBirth: new Date("1984-07-19") };
    await createCase(db, { receivedAt: new Date("2025-03-03T10:00:00Z"), employer: school, subject: person });
    const now = await createCase(db, { employer: school, subject: person });
    const page = await view(await signedIn(["LADO"]), now.reference);
    expect(page.priorHistory).toMatchObject({ candidates: 1, strong: 1, confirmed: 0 });
    expect(page.priorHistory.settingContacts).toBe(1);
  });
});

describe("threshold decisions", () => {
  it("refuses a decision without a rationale, keeping what was typed", async () => {
    const file = await createCase(db, considered);
    const lado = await signedIn(["LADO"]);
    const { value } = await post(lado, file.reference, { ...advice, rationale: "  ", harmCategories: ["EMOTIONAL"] });
    expect(statusOf(value)).toBe(400);
    const answer = bodyOf<Answer>(value);
    expect(answer.errors).toEqual({ rationale: "Enter the rationale for the decision" });
    expect(answer.values).toMatchObject({ category: "ADVICE", harmCategories: "EMOTIONAL" });
    expect(await db.thresholdDecision.count({ where: { caseId: file.id } })).toBe(0);
  });

  it("asks an allegation which harm criteria it meets, and refuses criteria on any other decision", async () => {
    const file = await createCase(db, considered);
    const lado = await signedIn(["LADO"]);
    const { value } = await post(lado, file.reference, { ...advice, category: "ALLEGATION" });
    expect(statusOf(value)).toBe(400);
    expect(bodyOf<Answer>(value).errors).toEqual({ harmCriteria: "Select which harm-threshold criteria the allegation meets" });

    for (const category of ["ADVICE", "CAUSE_FOR_CONCERN", "NOT_LADO"]) {
      const { value: refused } = await post(lado, file.reference, { ...advice, category, harmCriteria: "UNSUITABLE" });
      expect(statusOf(refused)).toBe(400);
      expect(bodyOf<Answer>(refused).errors.harmCriteria).toMatch(/^Harm-threshold criteria are recorded only for an allegation/);
    }
    expect(await db.thresholdDecision.count({ where: { caseId: file.id } })).toBe(0);
  });

  it("keeps every revision as its own row, and shows the history newest first", async () => {
    const file = await createCase(db, considered);
    const lado = await signedIn(["LADO"]);
    const first = await post(lado, file.reference, { ...advice, harmCategories: "EMOTIONAL" });
    expect(location(first.value)).toBe(`/cases/${file.reference}/advice`);

    const manager = await signedIn(["MANAGER"]);
    const revised = await post(manager, file.reference, {
      intent: "decide",
      basedOn: "1",
      category: "ALLEGATION",
      harmCriteria: ["HARMED_CHILD", "RISK_OF_HARM"],
      harmCategories: ["EMOTIONAL", "PHYSICAL"],
      rationale: "A second child has disclosed. The harm threshold is met.",
    });
    expect(statusOf(revised.value)).toBe(302);

    const page = await view(lado, file.reference);
    expect(page.file.decisions.map((d) => [d.revision, d.category, d.decidedBy?.name, d.rationale, d.harmCriteria])).toEqual([
      [2, "ALLEGATION", manager.user.name, "A second child has disclosed. The harm threshold is met.", ["HARMED_CHILD", "RISK_OF_HARM"]],
      [1, "ADVICE", lado.user.name, advice.rationale, []],
    ]);
    const events = await db.auditEvent.findMany({ where: { caseId: file.id, action: "case.decide" }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.details)).toEqual([
      { revision: 1, category: "ADVICE" },
      { revision: 2, category: "ALLEGATION" },
    ]);
  });

  it("refuses a decision based on a revision that is no longer the latest, shows the latest, and keeps what was typed", async () => {
    const file = await createCase(db, { decisions: [{ category: "CAUSE_FOR_CONCERN", rationale: "Employer to investigate." }] });
    const lado = await signedIn(["LADO"]);
    const { value } = await post(lado, file.reference, { ...advice, basedOn: "0", rationale: "My reasons, typed at length." });
    expect(statusOf(value)).toBe(409);
    const answer = bodyOf<Answer>(value);
    expect(answer.errors["latest-decision"]).toMatch(
      /^Another decision was recorded while you were writing this one: cause for concern(, by .+)?, .+\. Check it, then decide again$/,
    );
    expect(answer.latest).toMatchObject({ revision: 1, category: "CAUSE_FOR_CONCERN", rationale: "Employer to investigate." });
    expect(answer.values).toMatchObject({ category: "ADVICE", rationale: "My reasons, typed at length." });
    expect(await db.thresholdDecision.count({ where: { caseId: file.id } })).toBe(1);

    // A tampered or missing revision is answered the same way.
    const { value: missing } = await post(lado, file.reference, { ...advice, basedOn: "" });
    expect(statusOf(missing)).toBe(409);
  });

  it("saves exactly one of two decisions sent at the same moment; the other is told, without an error page", async () => {
    for (let round = 0; round < 3; round++) {
      const file = await createCase(db, considered);
      const [a, b] = await Promise.all([signedIn(["LADO"]), signedIn(["LADO"])]);
      const answers = await Promise.all([
        post(a, file.reference, advice),
        post(b, file.reference, { ...advice, category: "NOT_LADO", rationale: "Not a LADO matter: signposted." }),
      ]);
      expect(answers.map((r) => statusOf(r.value)).sort()).toEqual([302, 409]);
      const refused = answers.find((r) => statusOf(r.value) === 409)!;
      expect(bodyOf<Answer>(refused.value).errors["latest-decision"]).toMatch(
        /^Another decision was recorded while you were writing this one/,
      );
      expect(bodyOf<Answer>(refused.value).latest).toMatchObject({ revision: 1 });
      expect(await db.thresholdDecision.count({ where: { caseId: file.id } })).toBe(1);
      expect(await db.auditEvent.count({ where: { caseId: file.id, action: "case.decide" } })).toBe(1);
    }
  });

  it("leads each decision to its next step", async () => {
    const lado = await signedIn(["LADO"]);
    const cases = {
      ADVICE: "/advice",
      NOT_LADO: "/advice",
      CAUSE_FOR_CONCERN: "/decisions#cause-for-concern",
      ALLEGATION: "/decisions",
    };
    for (const [category, next] of Object.entries(cases)) {
      const file = await createCase(db, considered);
      const criteria: Record<string, string> = category === "ALLEGATION" ? { harmCriteria: "CRIMINAL_OFFENCE" } : {};
      const { value } = await post(lado, file.reference, { ...advice, category, ...criteria });
      expect(statusOf(value)).toBe(302);
      expect(location(value)).toBe(`/cases/${file.reference}${next}`);
      expect((value as Response).headers.get("Set-Cookie")).toMatch(/^lado_flash=/);
      if (category === "ALLEGATION") {
        const page = await view(lado, file.reference);
        // The page shows "Next: the allegation process" until a meeting is held.
        expect(page.file._count.meetings).toBe(0);
        expect(page.evaluationMeetingWorkingDays).toBe(5);
      }
    }
  });

  it("records the initial consideration with the first decision, at the decision's time, from one form", async () => {
    const file = await createCase(db);
    const lado = await signedIn(["LADO"]);
    // The decision alone is not enough for a case not yet considered.
    const { value: alone } = await post(lado, file.reference, advice);
    expect(statusOf(alone)).toBe(400);
    expect(Object.keys(bodyOf<Answer>(alone).errors)).toEqual(["priorHistorySeen", "immediateActions"]);

    const { value } = await post(lado, file.reference, {
      ...advice,
      intent: "consider-and-decide",
      priorHistorySeen: "no",
      immediateActions: "NONE",
    });
    expect(statusOf(value)).toBe(302);
    const row = await db.case.findUniqueOrThrow({ where: { id: file.id }, include: { decisions: true } });
    expect(row.priorHistorySeen).toBe(false);
    expect(row.initialConsideredAt).toEqual(row.decisions[0]!.decidedAt);
    expect(row.initialConsiderationDue).not.toBeNull();
    const actions = await db.auditEvent.findMany({ where: { caseId: file.id, NOT: { action: "case.view" } }, select: { action: true } });
    expect(actions.map((e) => e.action).sort()).toEqual(["case.decide", "case.initial-consideration"]);
  });
});

describe("cause for concern", () => {
  it("records what was agreed, shows the report-back date as due then overdue, and records the employer's result", async () => {
    const file = await createCase(db, { decisions: [{ category: "CAUSE_FOR_CONCERN" }] });
    const lado = await signedIn(["LADO"]);
    const today = londonDay(new Date());

    const { value: empty } = await post(lado, file.reference, { intent: "agreement", investigator: "Ms Patel, HR" });
    expect(statusOf(empty)).toBe(400);
    expect(bodyOf<Answer>(empty).errors).toEqual({
      agreedActions: "Enter what was agreed with the employer",
      agreedAt: "Enter the date it was agreed",
      reportBackBy: "Enter the date the employer will report back by",
    });
    expect(bodyOf<Answer>(empty).values.investigator).toBe("Ms Patel, HR");

    const agreement = {
      intent: "agreement",
      agreedActions: "The head will interview the teacher and the two witnesses, and send a written summary.",
      investigator: "Ms Patel, HR business partner",
      ...dateFields("agreedAt", addDaysToDay(today, -20)),
    };
    const { value: due } = await post(lado, file.reference, { ...agreement, ...dateFields("reportBackBy", addDaysToDay(today, 7)) });
    expect(location(due)).toBe(`/cases/${file.reference}/decisions#cause-for-concern`);
    expect((await view(lado, file.reference)).reportBack).toMatchObject({
      overdue: false,
      label: expect.stringMatching(/^Due by \d+ \w+ \d{4}$/),
    });

    const { value: late } = await post(lado, file.reference, { ...agreement, ...dateFields("reportBackBy", addDaysToDay(today, -1)) });
    expect(statusOf(late)).toBe(302);
    const overdue = await view(lado, file.reference);
    expect(overdue.reportBack).toMatchObject({ overdue: true });
    expect(overdue.file.employerInvestigation).toMatchObject({ investigator: "Ms Patel, HR business partner", resultCode: null });

    const { value: result } = await post(lado, file.reference, {
      intent: "result",
      resultCode: "TRAINING",
      result: "Concern partly upheld: safer working practice training booked.",
      ...dateFields("resultReceivedAt", today),
    });
    expect(statusOf(result)).toBe(302);
    const done = await view(lado, file.reference);
    expect(done.reportBack).toBeNull();
    expect(done.file.employerInvestigation).toMatchObject({
      resultCode: "TRAINING",
      result: "Concern partly upheld: safer working practice training booked.",
    });
    const events = await db.auditEvent.findMany({ where: { caseId: file.id, action: "cause-for-concern.record" }, orderBy: { at: "asc" } });
    expect(events.map((e) => (e.details as { part: string }).part)).toEqual(["agreement", "agreement", "result"]);
  });

  it("refuses a report-back date before the agreement, an agreement on a case that is not a cause for concern, and a result before any agreement", async () => {
    const lado = await signedIn(["LADO"]);
    const today = londonDay(new Date());
    const concern = await createCase(db, { decisions: [{ category: "CAUSE_FOR_CONCERN" }] });
    const { value: backwards } = await post(lado, concern.reference, {
      intent: "agreement",
      agreedActions: "Investigate.",
      ...dateFields("agreedAt", today),
      ...dateFields("reportBackBy", addDaysToDay(today, -3)),
    });
    expect(bodyOf<Answer>(backwards).errors).toEqual({ reportBackBy: "The report-back date must be the same as or after the date agreed" });

    const { value: noAgreement } = await post(lado, concern.reference, {
      intent: "result",
      resultCode: "RESIGNED",
      result: "Resigned.",
      ...dateFields("resultReceivedAt", today),
    });
    expect(statusOf(noAgreement)).toBe(400);
    expect(bodyOf<Answer>(noAgreement).errors).toHaveProperty("cause-for-concern");

    const adviceCase = await createCase(db, { decisions: [{ category: "ADVICE" }] });
    const { value: notConcern } = await post(lado, adviceCase.reference, {
      intent: "agreement",
      agreedActions: "Investigate.",
      ...dateFields("agreedAt", today),
      ...dateFields("reportBackBy", today),
    });
    expect(statusOf(notConcern)).toBe(400);
    expect(await db.employerInvestigation.count({ where: { caseId: { in: [concern.id, adviceCase.id] } } })).toBe(0);
  });
});

describe("who may", () => {
  it("answers 404 for an unknown case, to the page and to a form", async () => {
    const lado = await signedIn(["LADO"]);
    const reference = "LADO-1999-99999";
    expect(statusOf((await run(section.loader, request(`/cases/${reference}/decisions`, { caller: lado }), { reference })).value)).toBe(
      404,
    );
    expect(statusOf((await post(lado, reference, advice)).value)).toBe(404);
  });

  it("lets business support read the section but not record anything", async () => {
    const file = await createCase(db, considered);
    const support = await signedIn(["BUSINESS_SUPPORT"]);
    expect((await view(support, file.reference)).canWrite).toBe(false);
    const { value } = await post(support, file.reference, advice);
    expect(statusOf(value)).toBe(403);
    expect(await db.thresholdDecision.count({ where: { caseId: file.id } })).toBe(0);
  });

  it("answers 400, not an error, to a form that names no form", async () => {
    const file = await createCase(db);
    const lado = await signedIn(["LADO"]);
    expect(statusOf((await post(lado, file.reference, { intent: "overwrite" })).value)).toBe(400);
  });
});
