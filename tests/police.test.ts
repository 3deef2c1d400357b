// The police section of an allegation: the involvement (versioned: a save
// from an old version is refused with what changed), dated updates that
// carry the status, challenges and their answers, children's social care,
// and the police-delay flag on the section, the case header, the lists for
// "My work" and the team view, and the count for the statistics.
import { describe, expect, it } from "vitest";
import { policeDelay, raisesPoliceDelay } from "~/allegations/police-delay";
import { countPoliceDelaysAt, listPoliceDelays } from "~/allegations/police.server";
import { caseHeader } from "~/cases/case-file.server";
import { getSettings } from "~/config/settings.server";
import { db } from "~/db.server";
import * as section from "~/routes/cases.$reference.police/route";
import { londonDay, londonMoment } from "~/utils/dates";
import { createCase, createUser } from "./factories";
import { bodyOf, caseSection, dateFields, daysAgo, type FormAnswer, signedIn, statusOf } from "./helpers";

const { view, post } = caseSection(section, "police");

const midnight = (day: string) => londonMoment(day);

/** An allegation received 60 days ago, with no police record yet unless given. */
const allegation = (fields: Parameters<typeof createCase>[1] = {}) =>
  createCase(db, { receivedAt: midnight(daysAgo(60)), decisions: [{ category: "ALLEGATION" }], ...fields });

const involvement = (version: string, fields: Record<string, string> = {}) => ({
  intent: "involvement",
  version,
  status: "INVESTIGATING",
  force: "Metropolitan Police Service",
  reference: "CRIS 4417702/26",
  officerName: "DC Amara Hussain",
  officerContact: "020 7946 0311",
  ...dateFields("informedAt", daysAgo(58)),
  ...dateFields("openedAt", daysAgo(57)),
  ...fields,
});

describe("police involvement", () => {
  it("records it, changes it from the version shown, and audits each change with its version and fields", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const { value } = await post(lado, file.reference, involvement("0"));
    expect(statusOf(value)).toBe(302);
    expect((value as Response).headers.get("Location")).toBe(`/cases/${file.reference}/police#investigation`);
    const row = await db.policeInvolvement.findUniqueOrThrow({ where: { caseId: file.id } });
    expect(row).toMatchObject({
      version: 1,
      status: "INVESTIGATING",
      force: "Metropolitan Police Service",
      officerName: "DC Amara Hussain",
      informedAt: midnight(daysAgo(58)),
      openedAt: midnight(daysAgo(57)),
      concludedAt: null,
    });

    const { value: changed } = await post(lado, file.reference, involvement("1", { officerName: "DS Leon Marsh", status: "ON_BAIL" }));
    expect(statusOf(changed)).toBe(302);
    expect(await db.policeInvolvement.findUniqueOrThrow({ where: { caseId: file.id } })).toMatchObject({
      version: 2,
      officerName: "DS Leon Marsh",
      status: "ON_BAIL",
    });
    const events = await db.auditEvent.findMany({ where: { caseId: file.id, action: "police.record" }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.subjectType, e.subjectId, e.userId, e.details])).toEqual([
      [
        "police",
        row.id,
        lado.user.id,
        { version: 1, changed: ["force", "reference", "officerName", "officerContact", "informedAt", "status", "openedAt"] },
      ],
      ["police", row.id, lado.user.id, { version: 2, changed: ["officerName", "status"] }],
    ]);

    const page = await view(lado, file.reference);
    expect(page.file.police).toMatchObject({ version: 2, status: "ON_BAIL" });
  });

  it("refuses dates before the contact, in the future, or out of order, keeping every answer", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const form = involvement("0", {
      status: "",
      ...dateFields("informedAt", daysAgo(61)),
      ...dateFields("openedAt", daysAgo(-1)),
      "concludedAt-day": "31",
      "concludedAt-month": "2",
      "concludedAt-year": "2026",
    });
    const { value } = await post(lado, file.reference, form);
    expect(statusOf(value)).toBe(400);
    const answer = bodyOf<FormAnswer>(value);
    expect(answer.errors).toEqual({
      status: "Select what the police are doing",
      informedAt: expect.stringMatching(/^The date the police were informed must be on or after the day the contact was received \(/),
      openedAt: "The date the investigation opened must be today or in the past",
      concludedAt: "The date the police concluded must be a real date, like 27 3 2026",
    });
    expect(answer.values).toMatchObject({ force: "Metropolitan Police Service", "concludedAt-day": "31", officerName: "DC Amara Hussain" });

    const { value: order } = await post(
      lado,
      file.reference,
      involvement("0", { ...dateFields("openedAt", daysAgo(50)), ...dateFields("concludedAt", daysAgo(55)) }),
    );
    expect(bodyOf<FormAnswer>(order).errors).toEqual({ concludedAt: "The date concluded must be on or after the investigation opened" });
    expect(await db.policeInvolvement.count({ where: { caseId: file.id } })).toBe(0);
  });

  it("refuses a save from an old version, saying who changed what, and keeps the answers with the version now", async () => {
    const file = await allegation();
    const first = await signedIn(["LADO"]);
    const second = await signedIn(["MANAGER"]);
    expect(statusOf((await post(first, file.reference, involvement("0"))).value)).toBe(302);

    // Both open version 1; the first saves a new reference, the second then saves from version 1.
    expect(statusOf((await post(first, file.reference, involvement("1", { reference: "CRIS 9990001/26" }))).value)).toBe(302);
    const { value } = await post(second, file.reference, involvement("1", { officerName: "DI Ruth Penhaligon" }));
    expect(statusOf(value)).toBe(409);
    const answer = bodyOf<FormAnswer>(value);
    expect(answer.errors.version).toMatch(
      new RegExp(`^This record changed while you were editing it: ${first.user.name} changed Reference at `),
    );
    expect(answer.values).toMatchObject({ officerName: "DI Ruth Penhaligon", version: "2" });
    expect(await db.policeInvolvement.findUniqueOrThrow({ where: { caseId: file.id } })).toMatchObject({
      version: 2,
      reference: "CRIS 9990001/26",
      officerName: "DC Amara Hussain",
    });

    // Two first recordings: the later one is refused, naming the first.
    const other = await allegation();
    expect(statusOf((await post(first, other.reference, involvement("0"))).value)).toBe(302);
    const { value: again } = await post(second, other.reference, involvement("0"));
    expect(statusOf(again)).toBe(409);
    expect(bodyOf<FormAnswer>(again).errors.version).toContain(`${first.user.name} changed Force, Reference`);
  });

  it("is refused to business support (403), and on a case that is not an allegation or is closed (409)", async () => {
    const file = await allegation();
    const support = await signedIn(["BUSINESS_SUPPORT"]);
    const { value } = await post(support, file.reference, involvement("0"));
    expect(statusOf(value)).toBe(403);
    expect(await db.policeInvolvement.count({ where: { caseId: file.id } })).toBe(0);
    // Business support still reads the section.
    expect((await view(support, file.reference)).canWrite).toBe(false);

    const advice = await createCase(db, { decisions: [{ category: "ADVICE" }] });
    const lado = await signedIn(["LADO"]);
    const { value: refused } = await post(lado, advice.reference, involvement("0"));
    expect(statusOf(refused)).toBe(409);
    expect(bodyOf<FormAnswer>(refused).errors.intent).toBe("This case is not an allegation: record the threshold decision first");

    // A closed case is changed only after reopening.
    const closed = await allegation({ closures: [{ proposedAt: new Date(), signedOffAt: new Date() }] });
    const { value: shut } = await post(lado, closed.reference, involvement("0"));
    expect(statusOf(shut)).toBe(409);
    expect(bodyOf<FormAnswer>(shut).errors.intent).toMatch(/^This case was closed on .+: reopen it first$/);
  });
});

describe("updates from the police", () => {
  it("adds dated updates; the status follows the latest by date, which moves the version on", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    await post(lado, file.reference, involvement("0"));
    const police = await db.policeInvolvement.findUniqueOrThrow({ where: { caseId: file.id } });

    const update = (day: string, status: string, note: string) =>
      post(lado, file.reference, { intent: "update", ...dateFields("updateDate", day), updateStatus: status, updateNote: note });
    expect(statusOf((await update(daysAgo(20), "RELEASED_UNDER_INVESTIGATION", "Interviewed under caution; RUI.")).value)).toBe(302);
    expect(await db.policeInvolvement.findUniqueOrThrow({ where: { id: police.id } })).toMatchObject({
      status: "RELEASED_UNDER_INVESTIGATION",
      version: 2,
    });
    // An older update is history: the status stays the latest's.
    expect(statusOf((await update(daysAgo(40), "INVESTIGATING", "ABE interview done.")).value)).toBe(302);
    expect(await db.policeInvolvement.findUniqueOrThrow({ where: { id: police.id } })).toMatchObject({
      status: "RELEASED_UNDER_INVESTIGATION",
      version: 2,
    });
    const updates = await db.policeUpdate.findMany({ where: { policeId: police.id }, orderBy: { at: "desc" } });
    expect(updates.map((u) => [londonDay(u.at), u.status, u.recordedById])).toEqual([
      [daysAgo(20), "RELEASED_UNDER_INVESTIGATION", lado.user.id],
      [daysAgo(40), "INVESTIGATING", lado.user.id],
    ]);
    const events = await db.auditEvent.findMany({ where: { caseId: file.id, action: "police.update" }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.details)).toEqual([
      { updateId: updates[0]!.id, status: "RELEASED_UNDER_INVESTIGATION", version: 2, changed: ["status"] },
      { updateId: updates[1]!.id, status: "INVESTIGATING" },
    ]);

    // A change of the involvement made from before the update is refused, naming the status.
    const { value } = await post(lado, file.reference, involvement("1"));
    expect(statusOf(value)).toBe(409);
    expect(bodyOf<FormAnswer>(value).errors.version).toContain("changed Status at");
  });

  it("refuses an update without a date, status or words, or dated before the contact, keeping the answers", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    await post(lado, file.reference, involvement("0"));
    const { value } = await post(lado, file.reference, { intent: "update", ...dateFields("updateDate", daysAgo(70)), updateNote: "  " });
    expect(statusOf(value)).toBe(400);
    expect(bodyOf<FormAnswer>(value).errors).toEqual({
      updateDate: expect.stringContaining("The date of the update must be on or after the day the contact was received"),
      updateStatus: "Select what the police are doing now",
      updateNote: "Enter what the police said",
    });
    // Before any involvement, there is nothing to add it to.
    const bare = await allegation();
    const { value: none } = await post(lado, bare.reference, {
      intent: "update",
      ...dateFields("updateDate", daysAgo(1)),
      updateStatus: "INVESTIGATING",
      updateNote: "Crime report made.",
    });
    expect(statusOf(none)).toBe(409);
    expect(bodyOf<FormAnswer>(none).errors.status).toBe("Record the police involvement first, then its updates and challenges");
  });
});

describe("challenges and escalations", () => {
  it("records one and later its answer, each audited; an answer before the challenge or a second answer is refused", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    await post(lado, file.reference, involvement("0"));
    const { value } = await post(lado, file.reference, {
      intent: "challenge",
      ...dateFields("challengeDate", daysAgo(10)),
      challengeKind: "ESCALATION",
      challengeTo: "DI Ruth Penhaligon",
      challengeDetail: "No update for five weeks: asked for a timescale for the charging decision.",
    });
    expect(statusOf(value)).toBe(302);
    const challenge = await db.policeChallenge.findFirstOrThrow({ where: { police: { caseId: file.id } } });
    expect(challenge).toMatchObject({ kind: "ESCALATION", toWhom: "DI Ruth Penhaligon", at: midnight(daysAgo(10)), response: null });

    const answer = (day: string) =>
      post(lado, file.reference, {
        intent: "answer",
        challengeId: challenge.id,
        response: "File goes to the CPS next week.",
        ...dateFields("answeredAt", day),
      });
    const { value: early } = await answer(daysAgo(11));
    expect(statusOf(early)).toBe(400);
    expect(bodyOf<FormAnswer>(early).errors).toEqual({ answeredAt: "The date answered must be on or after the date of the challenge" });
    expect(bodyOf<FormAnswer>(early).values).toMatchObject({ response: "File goes to the CPS next week." });

    expect(statusOf((await answer(daysAgo(8))).value)).toBe(302);
    expect(await db.policeChallenge.findUniqueOrThrow({ where: { id: challenge.id } })).toMatchObject({
      response: "File goes to the CPS next week.",
      respondedAt: midnight(daysAgo(8)),
    });
    const { value: twice } = await answer(daysAgo(7));
    expect(statusOf(twice)).toBe(400);
    expect(bodyOf<FormAnswer>(twice).errors.challengeId).toMatch(/answered already/);

    // Another case's challenge is not this case's to answer.
    const other = await allegation();
    const { value: elsewhere } = await post(lado, other.reference, {
      intent: "answer",
      challengeId: challenge.id,
      response: "x",
      ...dateFields("answeredAt", daysAgo(1)),
    });
    expect(bodyOf<FormAnswer>(elsewhere).errors.challengeId).toBe("Select the challenge or escalation the police answered");

    const events = await db.auditEvent.findMany({ where: { caseId: file.id, action: "police.challenge" }, orderBy: { at: "asc" } });
    expect(events.map((e) => (e.details as { part: string }).part)).toEqual(["asked", "answer"]);

    const page = await view(lado, file.reference);
    expect(page.file.police!.challenges[0]).toMatchObject({ toWhom: "DI Ruth Penhaligon", response: "File goes to the CPS next week." });
  });

  it("needs the date, kind, who was asked and what", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    await post(lado, file.reference, involvement("0"));
    const { value } = await post(lado, file.reference, { intent: "challenge", ...dateFields("challengeDate", daysAgo(-2)) });
    expect(bodyOf<FormAnswer>(value).errors).toEqual({
      challengeDate: "The date of the challenge must be today or in the past",
      challengeKind: "Select challenge or escalation",
      challengeTo: "Enter who you asked: the officer, or the rank you escalated to",
      challengeDetail: "Enter what you asked the police",
    });
  });
});

describe("children's social care", () => {
  const socialCare = (version: string, fields: Record<string, string> = {}) => ({
    intent: "section47",
    version,
    ...dateFields("referredAt", daysAgo(59)),
    held: "yes",
    ...dateFields("startedAt", daysAgo(55)),
    result: "Enquiry found no role for children's social care beyond the school's plan.",
    ...fields,
  });

  it("records the referral and section 47 enquiry, versioned and audited", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    expect(statusOf((await post(lado, file.reference, socialCare("0"))).value)).toBe(302);
    const row = await db.section47Enquiry.findUniqueOrThrow({ where: { caseId: file.id } });
    expect(row).toMatchObject({ version: 1, held: true, referredAt: new Date(`${daysAgo(59)}T00:00:00Z`) });
    const { value } = await post(lado, file.reference, socialCare("0", { result: "Changed" }));
    expect(statusOf(value)).toBe(409);
    expect(bodyOf<FormAnswer>(value).errors.version).toContain("changed Referred to children's social care, Section 47 enquiry held");
    const event = await db.auditEvent.findFirstOrThrow({ where: { caseId: file.id, action: "social-care.record" } });
    expect(event).toMatchObject({ subjectType: "social-care", subjectId: row.id, userId: lado.user.id });
  });

  it("refuses a start date or result for an enquiry not held, and a start before the referral", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const { value } = await post(lado, file.reference, socialCare("0", { held: "no", ...dateFields("referredAt", daysAgo(50)) }));
    expect(bodyOf<FormAnswer>(value).errors).toEqual({
      held: "Select yes if the enquiry was held, or clear its start date and result",
      startedAt: "The date the enquiry started must be on or after the date referred",
    });
  });
});

describe("the police-delay flag", () => {
  it("shows on the section and the case header with its reasons, and lists for a LADO, a set of cases and everyone", async () => {
    const lado = await createUser(db, { roles: ["LADO"] });
    const stale = await allegation({
      allocatedTo: lado,
      police: { status: "INVESTIGATING", informedAt: midnight(daysAgo(59)), openedAt: midnight(daysAgo(59)), updates: [] },
    });
    const fresh = await allegation({
      allocatedTo: lado,
      police: {
        status: "INVESTIGATING",
        informedAt: midnight(daysAgo(59)),
        openedAt: midnight(daysAgo(59)),
        updates: [{ at: midnight(daysAgo(3)), status: "INVESTIGATING" }],
      },
    });
    const charged = await allegation({
      allocatedTo: lado,
      police: { status: "CHARGED", informedAt: midnight(daysAgo(59)), openedAt: midnight(daysAgo(59)), updates: [] },
    });
    const closed = await allegation({
      allocatedTo: lado,
      police: { status: "ON_BAIL", informedAt: midnight(daysAgo(59)), openedAt: midnight(daysAgo(59)), updates: [] },
      closures: [{ proposedAt: new Date(), signedOffAt: new Date() }],
    });

    const caller = await signedIn(["LADO"]);
    const page = await view(caller, stale.reference);
    expect(page.delay).toEqual({
      raised: true,
      reasons: [
        {
          kind: "stale",
          since: daysAgo(59),
          text: expect.stringMatching(/^No update from the police since the investigation started on /),
        },
      ],
    });
    expect((await view(caller, fresh.reference)).delay).toEqual({ raised: false, reasons: [] });
    expect((await view(caller, charged.reference)).delay?.raised).toBe(false);

    const header = await caseHeader(stale.id, ["LADO"]);
    expect(header.flags).toContainEqual({ text: expect.stringMatching(/^Police delay: No update from the police since/), urgent: true });
    expect((await caseHeader(fresh.id, ["LADO"])).flags.some((f) => f.text.startsWith("Police delay"))).toBe(false);

    const mine = await listPoliceDelays({ allocatedToId: lado.id });
    expect(mine.map((c) => c.reference)).toEqual([stale.reference]);
    expect(mine[0]).toMatchObject({ caseId: stale.id, allocatedTo: { id: lado.id, name: lado.name } });
    expect((await listPoliceDelays({ caseIds: [fresh.id, charged.id, closed.id] })).map((c) => c.reference)).toEqual([]);
    expect((await listPoliceDelays()).map((c) => c.reference)).toContain(stale.reference);
    expect((await listPoliceDelays()).map((c) => c.reference)).not.toContain(closed.reference);
  });

  it("is counted at a date in PostgreSQL exactly as the rule decides, as the records stood then", async () => {
    // Investigations at different points in time: each row's updates, status and dates.
    const at = (n: number) => midnight(daysAgo(n));
    const courses = [
      { status: "INVESTIGATING", openedAt: at(200), updates: [{ at: at(150), status: "INVESTIGATING" }] },
      {
        status: "CHARGED",
        openedAt: at(200),
        updates: [
          { at: at(120), status: "AWAITING_CHARGING_DECISION" },
          { at: at(40), status: "CHARGED" },
        ],
      },
      { status: "NFA", openedAt: at(100), concludedAt: at(30), updates: [{ at: at(30), status: "NFA" }] },
      { status: "ON_BAIL", openedAt: null, informedAt: at(95), updates: [{ at: at(60), status: "ON_BAIL" }] },
      { status: "CONSIDERING", openedAt: at(20), updates: [] },
      { status: "RELEASED_UNDER_INVESTIGATION", openedAt: at(400), updates: [{ at: at(5), status: "RELEASED_UNDER_INVESTIGATION" }] },
    ] as const;
    for (const course of courses) {
      await allegation({
        receivedAt: at(420),
        police: {
          status: course.status,
          informedAt: "informedAt" in course ? course.informedAt : course.openedAt,
          openedAt: course.openedAt,
          concludedAt: "concludedAt" in course ? course.concludedAt : null,
          updates: course.updates.map((u) => ({ ...u })),
        },
      });
    }
    const settings = await getSettings();
    const rows = await db.policeInvolvement.findMany({ include: { updates: true } });
    // The same rule through the pure function, the records cut at `when`.
    const expected = (when: Date) =>
      rows.filter((p) => {
        const start = p.openedAt ?? p.informedAt;
        if (!start || start > when || (p.concludedAt && p.concludedAt <= when)) return false;
        const known = p.updates.filter((u) => u.at <= when).sort((a, b) => b.at.getTime() - a.at.getTime());
        const status = known[0]?.status ?? p.status;
        return raisesPoliceDelay(status) && policeDelay({ ...p, status, lastUpdateAt: known[0]?.at ?? null }, when, settings).raised;
      }).length;
    for (const n of [300, 180, 121, 100, 90, 64, 35, 31, 29, 10, 0]) {
      const when = new Date(at(n).getTime() + 12 * 3_600_000);
      expect(await countPoliceDelaysAt(when), `${n} days ago`).toBe(expected(when));
    }
    // Something was flagged in the past that is not now, and the other way round.
    expect(expected(new Date(at(100).getTime() + 12 * 3_600_000))).toBeGreaterThan(0);
  });
});
